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
  /// A target made aspirational (力争, `to` true: a miss no longer costs points, a loosening)
  /// or no longer so (`to` false: a tightening, a miss now costs points). Both are high-risk:
  /// the units carrying it signed for the other.
  case aspirational(from: Bool, to: Bool)
  /// The deadline: later by `days` (a slip), or earlier (negative); 0: the same day, worded
  /// otherwise (2020年底 → 2020年12月31日).
  case deadline(from: Deadline, to: Deadline, days: Int)
  /// The lead units.
  case leadReassigned(from: [String], to: [String])
  /// Cooperating units added and removed.
  case cooperating(added: [String], removed: [String])
  /// The weight (分值).
  case weight(from: Double?, to: Double?)
  /// Moved to another chapter (ids of the innermost chapters).
  case moved(from: String, to: String)
  /// A milestone (节点) added, removed or changed, by its title and dates; a later date is a
  /// slip in days, high-risk like a task's deadline.
  case milestone(MilestoneChange)
  /// The text rewritten under the same id: its similarity to the old text (0…1) is below
  /// ``Differ/renameThreshold``, so it is in effect another task (or target) and needs a reason.
  case textRewritten(TextDiff, similarity: Double)
  /// One setting outside a task's or target's own fields changed: the plan's title, a unit's
  /// name, a deduction of the 考核细则, a line of the responsibility list, a signing rule…
  case setting(Setting)

  /// High-risk changes, shown first and needing a reason under `--require-reasons`: a loosened
  /// requirement, a reassigned lead, a target made aspirational or no longer so, a deadline or
  /// milestone slip, a text rewritten under the same id, a line of the signing declaration, a
  /// change of the 考核细则, a target's share added, removed or with another requirement. (A
  /// removed task or target is high-risk too: see ``ItemChange/isHighRisk``.)
  public var isHighRisk: Bool {
    switch self {
    case .requirement(let a, let b, let s):
      s == .loosened || s == .directionChanged
        || (s == .unitChanged && ![.tightened, .equal].contains(UnitConversion.verdict(a, b)))
    case .leadReassigned: true
    case .aspirational: true
    case .deadline(_, _, let days): days > 0
    case .milestone(let m): (m.days ?? 0) > 0
    case .setting(let s):
      // What units sign: the signing declaration, and the 考核细则 every book prints in its
      // 三、考核方式.
      (s.area == .signing && s.field == "signing.rules") || s.area == .assessment
        // A share added, removed or with another requirement: its holder's book row.
        || (s.area == .shares && s.field == "shares")
    case .textRewritten: true
    // Listed one by one, not `default:`: a new kind of change must be classed here, and the
    // compiler says so.
    case .renumbered, .renamed, .textEdited, .tolerance, .cooperating, .weight, .moved: false
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
    case .aspirational(_, let to): to ? "madeAspirational" : "noLongerAspirational"
    case .deadline(_, _, let days):
      days > 0 ? "deadlineSlipped" : days < 0 ? "deadlineAdvanced" : "deadlineReworded"
    case .leadReassigned: "leadReassigned"
    case .cooperating: "cooperatingChanged"
    case .weight: "weightChanged"
    case .moved: "moved"
    case .milestone(let m): m.code
    case .textRewritten: "textRewritten"
    case .setting(let s): s.area.code
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
    case .aspirational(_, let to): to ? "改为力争目标" : "不再作为力争目标"
    case .deadline(_, _, let days): days > 0 ? "时限推迟" : days < 0 ? "时限提前" : "时限表述调整"
    case .leadReassigned: "牵头单位调整"
    case .cooperating: "配合单位调整"
    case .weight: "分值调整"
    case .moved: "调整章节"
    case .milestone(let m): m.chinese
    case .textRewritten: "内容重写"
    case .setting(let s): s.area.chinese
    }
  }
}

/// One changed setting outside a task's or target's own fields (``Change/setting(_:)``).
public struct Setting: Sendable, Equatable {
  /// The part of the plan a setting belongs to.
  public enum Area: String, Sendable, Codable, CaseIterable {
    /// The plan's metadata: title, issuer, period, version, numbering, total of weights.
    case plan
    /// A unit of the organisation: added, removed, renamed, moved.
    case organisation
    /// A chapter or section: its title, number or place.
    case chapter
    /// The 考核细则 (``AssessmentRules``), the reporting day included.
    case assessment
    /// A line of the responsibility list (责任清单).
    case rules
    /// Who signs each unit's book (甲方), notices, signatories.
    case signing
    /// The 考核方式 text and the clauses the plan adds to its books.
    case clauses
    /// A target's shares (指标分解: a unit's share added, removed, its requirement or weight)
    /// or its roll-up (汇总方式).
    case shares
    /// Anything else that makes the snapshots differ (a target's period, a milestone's wording,
    /// a revision reason…), named by its path in the snapshot.
    case other

    /// `planChanged`, `organisationChanged`, `assessmentChanged`…
    public var code: String { rawValue + "Changed" }

    /// 计划信息调整, 组织单位调整, 考核细则调整…
    public var chinese: String {
      switch self {
      case .plan: "计划信息调整"
      case .organisation: "组织单位调整"
      case .chapter: "章节调整"
      case .assessment: "考核细则调整"
      case .rules: "责任清单调整"
      case .signing: "签订方式调整"
      case .clauses: "条款调整"
      case .shares: "指标分解调整"
      case .other: "其他修改"
      }
    }
  }

  public var area: Area
  /// The field, as the snapshot names it: `title`, `assessment.deductions`, `units.parent`.
  public var field: String
  /// The field in words: 标题, 扣分规则, 上级单位.
  public var label: String
  /// The old and new value in words; nil: none.
  public var from: String?
  public var to: String?

  public init(_ area: Area, field: String, label: String, from: String?, to: String?) {
    self.area = area
    self.field = field
    self.label = label
    self.from = from
    self.to = to
  }
}
