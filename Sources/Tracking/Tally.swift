import PlanModel

/// The counts a bulletin quotes for one group of items: `26项指标：达标11项、预计达标1项、
/// 基本达标6项、未达标8项`. Plan-level targets (per target group), the figures stated in tasks
/// and the tasks are each counted apart.
public struct Tally: Sendable, Equatable {
  /// What is counted.
  public enum Kind: String, Sendable, Equatable {
    /// The plan's targets (指标), one tally per target group.
    case targets
    /// The figures stated in tasks (任务量化指标).
    case figures
    /// The tasks (任务).
    case tasks
  }

  public var kind: Kind
  /// The target group (a 创模 category), nil for a plan that does not group its targets and
  /// for figures and tasks.
  public var group: String?
  /// How many items the tally covers.
  public var count: Int
  /// The computed classes of targets or figures whose period has begun.
  public var targets: [TargetStatus: Int] = [:]
  /// The classes of tasks.
  public var tasks: [TaskStatus: Int] = [:]
  /// Targets whose own period has not begun (未到期).
  public var notYetDue = 0
  /// The classes assessors found (targets and figures with a finding of that source only).
  public var selfAssessment: [TargetStatus: Int] = [:]
  public var thirdParty: [TargetStatus: Int] = [:]

  /// `指标`, `任务量化指标`, `任务`.
  public var noun: String {
    switch kind {
    case .targets: "指标"
    case .figures: "任务量化指标"
    case .tasks: "任务"
    }
  }

  /// The bulletin's sentence: `26项指标：达标11项、预计达标1项、基本达标6项、未达标8项` (classes
  /// with no item left out; `未到期2项` for targets not yet due).
  public var chinese: String { "\(count)项\(noun)：" + classes }

  /// The classes of the sentence alone: `达标11项、预计达标1项、未到期2项` (`无` when no item is
  /// classed). A bulletin writes it after `26项指标中，`.
  public var classes: String {
    var parts: [String] = []
    if kind == .tasks {
      parts = TaskStatus.allCases.compactMap { s in tasks[s].map { "\(s.chinese)\($0)项" } }
    } else {
      parts = Self.parts(targets)
      if notYetDue > 0 { parts.append("未到期\(notYetDue)项") }
    }
    return parts.isEmpty ? "无" : parts.joined(separator: "、")
  }

  /// `自评：达标11项、未达标2项（13项中13项有自评）`, or nil when no item has a finding of
  /// `source`.
  public func findings(_ source: FindingSource) -> String? {
    let counts = source == .selfAssessment ? selfAssessment : thirdParty
    let found = counts.values.reduce(0, +)
    guard found > 0 else { return nil }
    return "\(source.chinese)：\(Self.parts(counts).joined(separator: "、"))"
      + "（\(count)项中\(found)项有\(source.chinese)）"
  }

  /// The group of the ungrouped targets of a plan that groups the others.
  public static let otherGroup = "其他"

  static func parts(_ counts: [TargetStatus: Int]) -> [String] {
    TargetStatus.allCases.compactMap { s in counts[s].map { "\(s.chinese)\($0)项" } }
  }

  /// The tallies of a status: the plan's targets per group in the order the groups first
  /// appear (one tally when the plan does not group them), then the task figures, then the
  /// tasks. Empty kinds are left out.
  public static func tallies(_ s: StatusReport) -> [Tally] {
    var groups: [String?] = []
    var byGroup: [String?: Tally] = [:]
    var figures = Tally(kind: .figures, group: nil, count: 0)
    // A target counts once, by its whole: its shares are its units' parts of it.
    for t in s.targets where t.target.shareUnit == nil {
      let isFigure = t.target.taskID != nil
      let key: String? = isFigure ? nil : t.target.target.group
      var tally = isFigure ? figures : byGroup[key] ?? Tally(kind: .targets, group: key, count: 0)
      if !isFigure, byGroup[key] == nil { groups.append(key) }
      tally.count += 1
      if t.notYetDue {
        tally.notYetDue += 1
      } else {
        tally.targets[t.status, default: 0] += 1
      }
      if let f = t.selfAssessment { tally.selfAssessment[f.status, default: 0] += 1 }
      if let f = t.thirdParty { tally.thirdParty[f.status, default: 0] += 1 }
      if isFigure { figures = tally } else { byGroup[key] = tally }
    }
    // In a plan that groups some targets, the others are a group of their own: 其他.
    if groups.count > 1, let i = groups.firstIndex(where: { $0 == nil }) {
      byGroup[nil]?.group = otherGroup
      groups.append(groups.remove(at: i))
    }
    var out = groups.compactMap { byGroup[$0] }
    if figures.count > 0 { out.append(figures) }
    var tasks = Tally(kind: .tasks, group: nil, count: s.tasks.count)
    for t in s.tasks { tasks.tasks[t.status, default: 0] += 1 }
    if tasks.count > 0 { out.append(tasks) }
    return out
  }
}

extension StatusReport {
  /// The bulletin's counts: targets per group, task figures and tasks apart
  /// (``Tally/tallies(_:)``).
  public var tallies: [Tally] { Tally.tallies(self) }
}
