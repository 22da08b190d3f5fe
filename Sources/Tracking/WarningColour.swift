import PlanEngine
import PlanModel

/// The colour of a task, milestone or target in the three-colour warnings (三色预警), from the
/// least to the most severe: ``green`` on time, ``blue`` a deadline near, ``yellow`` behind
/// 序时进度 (or made up after red), ``red`` a missed deadline or milestone. JSON and the
/// ledger use the code (`rawValue`); print uses the word (``chinese``), so a black-and-white
/// page still says it.
public enum WarningColour: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// On time or ahead (绿).
  case green
  /// Not done, and its deadline within the plan's warning window (蓝).
  case blue
  /// Behind 序时进度, or made up after having been red (黄).
  case yellow
  /// A missed deadline or milestone not yet made up, a target not met at its period's end (红).
  case red

  /// 绿, 蓝, 黄, 红.
  public var chinese: String {
    switch self {
    case .green: "绿"
    case .blue: "蓝"
    case .yellow: "黄"
    case .red: "红"
    }
  }

  /// 绿色, 蓝色, 黄色, 红色.
  public var name: String { chinese + "色" }

  /// Severity: green 0 … red 3.
  public var level: Int {
    switch self {
    case .green: 0
    case .blue: 1
    case .yellow: 2
    case .red: 3
    }
  }

  /// One level up, for a notice not acted on: 蓝 → 黄 → 红 (red stays red; green → blue).
  public var raised: WarningColour {
    switch self {
    case .green: .blue
    case .blue: .yellow
    case .yellow, .red: .red
    }
  }

  /// Whether the colour asks for a supervision notice (blue, yellow, red).
  public var isWarning: Bool { self != .green }

  public static func < (a: WarningColour, b: WarningColour) -> Bool { a.level < b.level }
}

/// An item that has a colour: a task, a milestone, or a target (a unit's share of a split
/// target is an item of its own).
public struct ColourItem: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    case task, milestone, target
  }

  public var kind: Kind
  /// The task's, milestone's or target's id in the plan.
  public var id: String
  /// For a unit's share of a split target (指标分解): the unit holding it.
  public var share: String?

  public init(_ kind: Kind, _ id: String, share: String? = nil) {
    self.kind = kind
    self.id = id
    self.share = share
  }

  /// `task:coal`, `milestone:m1`, `target:pm25`, `target:vehicles@gz-baiyun`.
  public var description: String {
    "\(kind.rawValue):\(id)" + (share.map { "@\($0)" } ?? "")
  }

  public static func < (a: ColourItem, b: ColourItem) -> Bool { a.description < b.description }
}

/// An item's colour on one day, and why: `raw` is what the day's status alone gives, `colour`
/// what it is with the item's history (a red item made up is yellow, not green).
public struct ColourMark: Sendable, Hashable {
  public var colour: WarningColour
  public var raw: WarningColour
  /// Why, in Chinese: `欠进度：完成30%，序时进度74.9%`, `逾期未完成（完成时限2020-06-30）`.
  public var reason: String

  public init(colour: WarningColour, raw: WarningColour, reason: String) {
    self.colour = colour
    self.raw = raw
    self.reason = reason
  }
}

/// The colour rules. The colour a day's status gives (its raw colour), the most severe first:
/// 1. red: a task or milestone past its deadline and not done (逾期); a target 未达标 at or
///    after the end of its period;
/// 2. yellow: 欠进度 (behind 序时进度 by more than the plan's `behindTolerance`), 未开始 once
///    序时进度 is past that tolerance, a target 未达标 or 基本达标 before its period ends;
/// 3. blue: not done and its deadline (or the end of a target's period) within the plan's
///    `warningDays` (default 30) — a target counts until it is 达标;
/// 4. green: otherwise (done, on time, ahead).
/// A task takes the most severe colour of itself and its milestones. With memory
/// (``remember(_:recoveryMonths:)``), an item that was red is at least yellow for
/// `recoveryMonths` (default 1) evaluations after its gap is made up: never straight from red
/// to green. A target 无数据 or not yet due has no colour.
public enum ColourRules {
  /// The colours of one item's raw colours in order, with memory: after a red, the next
  /// `recoveryMonths` non-red colours are at least yellow. Nil (no colour that day) is kept
  /// and does not end the memory.
  public static func remember(_ raw: [WarningColour?], recoveryMonths: Int) -> [WarningColour?] {
    var sinceRed: Int?
    return raw.map { c in
      guard let c else { return nil }
      if c == .red {
        sinceRed = 0
        return .red
      }
      if let s = sinceRed, s < recoveryMonths {
        sinceRed = s + 1
        return max(c, .yellow)
      }
      return c
    }
  }

  /// The raw colour of work due on `due` with `status`, `percent` complete against `expected`
  /// (序时进度) on `asOf`.
  public static func work(
    status: TaskStatus, percent: Double, expected: Double, due: Day, asOf: Day,
    rules: AssessmentRules
  ) -> (WarningColour, String) {
    let p = Requirement.format(round1(percent))
    let x = Requirement.format(round1(expected))
    switch status {
    case .done: return (.green, "已完成")
    case .overdue: return (.red, "逾期未完成（完成时限\(due)，完成\(p)%）")
    case .behind: return (.yellow, "欠进度：完成\(p)%，序时进度\(x)%")
    case .notStarted where expected > rules.behindTolerance:
      return (.yellow, "未开始，序时进度\(x)%")
    default: break
    }
    let left = asOf.days(to: due)
    if left >= 0, left <= rules.supervisionRules.warningDays {
      return (.blue, "距完成时限\(due)还有\(left)天，完成\(p)%")
    }
    return (.green, "\(status.chinese)：完成\(p)%，序时进度\(x)%")
  }

  /// The raw colour of a task: the most severe of its own and its milestones' (a milestone's
  /// reason is named by the milestone).
  public static func task(
    _ e: TaskEvaluation, asOf: Day, plan: WorkPlan, rules: AssessmentRules
  )
    -> (WarningColour, String)
  {
    var worst = work(
      status: e.status, percent: e.percent, expected: e.expected,
      due: e.task.dueDay ?? plan.period.end, asOf: asOf, rules: rules)
    for m in e.milestones {
      let c = milestone(m, task: e, asOf: asOf, plan: plan, rules: rules)
      if c.0 > worst.0 { worst = (c.0, "节点“\(m.milestone.title)”\(c.1)") }
    }
    return worst
  }

  /// The raw colour of a milestone of task `e`.
  public static func milestone(
    _ m: MilestoneEvaluation, task e: TaskEvaluation, asOf: Day, plan: WorkPlan,
    rules: AssessmentRules
  ) -> (WarningColour, String) {
    work(
      status: m.status, percent: m.percent, expected: m.expected,
      due: m.milestone.deadline.dueDay ?? e.task.dueDay ?? plan.period.end, asOf: asOf,
      rules: rules)
  }

  /// The raw colour of a target, or nil when it has none (无数据, not yet due).
  public static func target(
    _ t: TargetEvaluation, asOf: Day, plan: WorkPlan, rules: AssessmentRules
  ) -> (WarningColour, String)? {
    if t.notYetDue || t.status == .noData { return nil }
    let end = t.target.target.period?.dueDay ?? plan.period.end
    let left = asOf.days(to: end)
    switch t.status {
    case .met: return (.green, "达标")
    case .notMet where left <= 0: return (.red, "期末未达标：\(t.explanation)")
    case .notMet, .nearlyMet: return (.yellow, "\(t.status.chinese)：\(t.explanation)")
    default:
      if left >= 0, left <= rules.supervisionRules.warningDays {
        return (.blue, "距期末\(end)还有\(left)天，\(t.status.chinese)")
      }
      return (.green, t.status.chinese)
    }
  }

  /// The raw colour of every item with one in `status`, in plan order: each task, then its
  /// milestones, then the targets.
  public static func raw(_ status: StatusReport) -> [(ColourItem, WarningColour, String)] {
    var out: [(ColourItem, WarningColour, String)] = []
    let (plan, asOf, rules) = (status.plan, status.asOf, status.rules)
    for e in status.tasks {
      let c = task(e, asOf: asOf, plan: plan, rules: rules)
      out.append((ColourItem(.task, e.task.task.id), c.0, c.1))
      for m in e.milestones {
        let mc = milestone(m, task: e, asOf: asOf, plan: plan, rules: rules)
        out.append((ColourItem(.milestone, m.milestone.id), mc.0, mc.1))
      }
    }
    for t in status.targets {
      guard let c = target(t, asOf: asOf, plan: plan, rules: rules) else { continue }
      out.append((ColourItem(.target, t.target.target.id, share: t.target.shareUnit), c.0, c.1))
    }
    return out
  }
}

/// Rounded to one decimal, for the reasons.
private func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
