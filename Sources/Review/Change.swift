import PlanModel

/// One difference between the old and the new version of a task or target.
public enum Change: Sendable, Equatable {
  /// How a requirement moved.
  public enum Strictness: String, Sendable, Codable {
    /// Harder to meet: ≤ 35 → ≤ 33, ≥ 61.5 % → ≥ 65 %, −14.7 % → −15 %.
    case tightened
    /// Easier to meet.
    case loosened
    /// Another unit: the values cannot be compared.
    case unitChanged
    /// Another direction (≤ became ≥, a reduction became an increase…).
    case directionChanged
    /// Changed, but neither tighter nor looser (an `=` value, a qualitative text, a base year).
    case changed
  }

  /// The number changed (a task inserted or removed before it), nothing else follows from it.
  case renumbered(from: String, to: String)
  /// The id changed; matched by the similarity of the text (0…1).
  case renamed(from: String, to: String, similarity: Double)
  /// The task's text or the target's name, with the inline character diff.
  case textEdited(TextDiff)
  /// The requirement of a target.
  case requirement(from: Requirement, to: Requirement, Strictness)
  /// The tolerance of a target (基本达标).
  case tolerance(from: Double?, to: Double?)
  /// The deadline: later by `days` (a slip), or earlier (negative).
  case deadline(from: Deadline, to: Deadline, days: Int)
  /// The lead units.
  case leadReassigned(from: [String], to: [String])
  /// Cooperating units added and removed.
  case cooperating(added: [String], removed: [String])
  /// The weight (分值).
  case weight(from: Double?, to: Double?)
  /// Moved to another chapter (ids of the innermost chapters).
  case moved(from: String, to: String)
  /// Milestones added, removed or changed (ids).
  case milestones(added: [String], removed: [String], changed: [String])

  /// High-risk changes, shown first and needing a reason under `--require-reasons`: a loosened
  /// requirement, a reassigned lead, a deadline slip. (A removed task or target is high-risk
  /// too: see ``ItemChange/isHighRisk``.)
  public var isHighRisk: Bool {
    switch self {
    case .requirement(_, _, let s): s == .loosened || s == .directionChanged || s == .unitChanged
    case .leadReassigned: true
    case .deadline(_, _, let days): days > 0
    default: false
    }
  }

  /// A stable English code: `renumbered`, `tightened`, `deadlineSlipped`…
  public var code: String {
    switch self {
    case .renumbered: "renumbered"
    case .renamed: "renamed"
    case .textEdited: "textEdited"
    case .requirement(_, _, let s): s.rawValue
    case .tolerance: "toleranceChanged"
    case .deadline(_, _, let days): days > 0 ? "deadlineSlipped" : "deadlineAdvanced"
    case .leadReassigned: "leadReassigned"
    case .cooperating: "cooperatingChanged"
    case .weight: "weightChanged"
    case .moved: "moved"
    case .milestones: "milestonesChanged"
    }
  }

  /// The type of revision as the 修订对照表 names it: 指标收紧, 时限推迟…
  public var chinese: String {
    switch self {
    case .renumbered: "序号调整"
    case .renamed: "编号更名"
    case .textEdited: "文字修改"
    case .requirement(_, _, let s):
      switch s {
      case .tightened: "指标收紧"
      case .loosened: "指标放宽"
      case .unitChanged: "计量单位变更"
      case .directionChanged: "指标方向变更"
      case .changed: "指标调整"
      }
    case .tolerance: "允许偏差调整"
    case .deadline(_, _, let days): days > 0 ? "时限推迟" : "时限提前"
    case .leadReassigned: "牵头单位调整"
    case .cooperating: "配合单位调整"
    case .weight: "分值调整"
    case .moved: "调整章节"
    case .milestones: "节点调整"
    }
  }
}
