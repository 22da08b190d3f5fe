import PlanEngine
import PlanModel

/// One line of a unit's score: a task, target or bonus, what it was worth to the unit, what it
/// earned and why.
public struct ScoreLine: Sendable, Equatable {
  public enum Item: Sendable, Equatable {
    case task(String)
    case target(String)
    case bonus
    case veto
    /// A deduction for a missing or late monthly report.
    case reporting

    /// A task or target (not a bonus, veto or reporting line).
    public var isItem: Bool {
      switch self {
      case .task, .target: true
      case .bonus, .veto, .reporting: false
      }
    }
  }

  public var item: Item
  /// 牵头 or 配合 (empty for bonuses and vetoes).
  public var role: String
  /// The points at stake for this unit (its share of the item's points).
  public var possible: Double
  public var earned: Double
  /// Why, in Chinese: the class and each deduction or bonus with its rule. Written out when
  /// read: scoring and ranking need only the points.
  public var reasons: [String] {
    get { why.text }
    set { why = .written(newValue) }
  }
  /// What ``reasons`` are written from.
  var why: ScoreReasons

  init(item: Item, role: String, possible: Double, earned: Double, reasons: [String]) {
    self.init(item: item, role: role, possible: possible, earned: earned, why: .written(reasons))
  }

  init(item: Item, role: String, possible: Double, earned: Double, why: ScoreReasons) {
    self.item = item
    self.role = role
    self.possible = possible
    self.earned = earned
    self.why = why
  }

  /// Lines are equal when their items, points and reasons are.
  public static func == (a: ScoreLine, b: ScoreLine) -> Bool {
    a.item == b.item && a.role == b.role && a.possible == b.possible && a.earned == b.earned
      && a.reasons == b.reasons
  }
}

/// A unit's assessment: its score out of the plan's total, grade and itemised reasons.
public struct UnitScore: Sendable {
  public var unit: OrgUnit
  /// Points earned over points possible, scaled to the plan's total, plus bonuses.
  public var score: Double
  public var bonus: Double
  public var grade: String
  /// The grade the score alone earns, before any veto.
  public var gradeBeforeVeto: String
  public var lines: [ScoreLine]
  /// The unit's weighted % complete (for tie-breaks).
  public var completion: Double
  /// Tasks it leads that are overdue.
  public var overdue: [String]
  /// Whether it leads or cooperates on any task: a unit carrying only targets has no %
  /// complete to show (it is shown as —, not 0 %).
  public var hasTasks = true
}

/// Scores units by the plan's ``AssessmentRules``.
public enum Assessor {
  /// Every responsible unit's score, in the plan's unit order. Units with nothing to answer
  /// for are left out.
  public static func score(_ status: StatusReport) -> [UnitScore] {
    let shares = Shares(status)
    return status.units.compactMap { score($0, in: status, shares: shares[$0.unit.id]) }
  }

  /// The indices of the targets and tasks one unit answers for, each in plan order.
  struct Share {
    /// Targets it leads or cooperates on, whose own period has begun.
    var targets: [Int] = []
    /// Tasks it leads or cooperates on.
    var tasks: [Int] = []
    /// All targets it leads (due or not: bonuses look at every one).
    var ledTargets: [Int] = []
    var ledTasks: [Int] = []
  }

  /// Every unit's ``Share``, found in one pass over the targets and tasks: looking at every
  /// evaluation for every unit would copy them all (they are large values) units × items times.
  struct Shares {
    /// Each unit's position in `shares`.
    var slots: [String: Int] = [:]
    var shares: [Share] = []

    init(_ status: StatusReport) {
      for u in status.units where slots[u.unit.id] == nil {
        slots[u.unit.id] = shares.count
        shares.append(Share())
      }
      for i in status.targets.indices {
        let due = !status.targets[i].notYetDue
        for u in status.targets[i].target.lead {
          guard let s = slots[u] else { continue }
          if shares[s].ledTargets.last != i { shares[s].ledTargets.append(i) }
          if due, shares[s].targets.last != i { shares[s].targets.append(i) }
        }
        guard due else { continue }
        for u in status.targets[i].target.cooperating {
          guard let s = slots[u], shares[s].targets.last != i else { continue }
          shares[s].targets.append(i)
        }
      }
      for i in status.tasks.indices {
        for u in status.tasks[i].task.lead {
          guard let s = slots[u] else { continue }
          if shares[s].ledTasks.last != i { shares[s].ledTasks.append(i) }
          if shares[s].tasks.last != i { shares[s].tasks.append(i) }
        }
        for u in status.tasks[i].task.cooperating {
          guard let s = slots[u], shares[s].tasks.last != i else { continue }
          shares[s].tasks.append(i)
        }
      }
    }

    subscript(unit: String) -> Share { slots[unit].map { shares[$0] } ?? Share() }
  }

  static func score(_ u: UnitStatus, in status: StatusReport, shares: Share) -> UnitScore? {
    let rules = status.rules
    let id = u.unit.id
    var lines: [ScoreLine] = []

    for i in shares.targets { lines.append(line(status.targets, i, unit: id, rules: rules)) }
    for i in shares.tasks { lines.append(line(status.tasks, i, unit: id, rules: rules)) }
    let possible = lines.reduce(0) { $0 + $1.possible }
    guard possible > 0 else { return nil }
    let earned = lines.reduce(0) { $0 + $1.earned }

    // Bonuses, capped.
    var bonusLines: [ScoreLine] = []
    for b in rules.bonuses {
      for line in bonus(b, shares: shares, status: status) { bonusLines.append(line) }
    }
    if case .bonus(let points) = rules.aspirationalScoring {
      for i in shares.ledTargets {
        guard
          let line = aspirationalBonus(
            status.targets[i], points: points, rules: rules)
        else { continue }
        bonusLines.append(line)
      }
    }
    let bonus = min(rules.bonusCap, bonusLines.reduce(0) { $0 + $1.earned })
    lines += bonusLines

    // Missing and late monthly reports, taken from the score.
    let reportLines = reporting(status.reporting(of: id), rules: rules)
    let penalty = reportLines.reduce(0) { $0 - $1.earned }
    lines += reportLines

    let score = TargetEvaluator.rounded(
      max(0, rules.total * earned / possible + bonus - penalty))
    let before = grade(score, rules: rules)
    var grade = before
    for v in rules.vetoes {
      guard let reason = veto(v, unit: id, shares: shares, status: status) else { continue }
      grade = worse(grade, v.cap, rules: rules)
      lines.append(
        ScoreLine(
          item: .veto, role: "", possible: 0, earned: 0,
          reasons: ["一票否决：\(reason)，等次最高为\(v.cap)"]))
    }
    return UnitScore(
      unit: u.unit, score: score, bonus: bonus, grade: grade, gradeBeforeVeto: before,
      lines: lines, completion: u.overall.completion, overdue: u.overdue,
      hasTasks: u.overall.taskCount > 0)
  }

  /// The deduction lines for a unit's missing and late reports, one per deduction rule that
  /// matches (its points × the months), each month itemised.
  static func reporting(_ r: UnitReporting?, rules: AssessmentRules) -> [ScoreLine] {
    guard let r else { return [] }
    var lines: [ScoreLine] = []
    for d in rules.deductions {
      let lapses: [ReportLapse]
      switch d.match {
      case .missingReport: lapses = r.missing
      case .lateReport: lapses = r.late
      default: continue
      }
      let per = d.points ?? 0
      guard !lapses.isEmpty, per > 0 else { continue }
      let amount = per * Double(lapses.count)
      let what = d.match == .missingReport ? "未报送" : "迟报"
      lines.append(
        ScoreLine(
          item: .reporting, role: "", possible: 0, earned: -amount,
          reasons: lapses.map(\.chinese) + [
            "\(what)\(lapses.count)个月，每月扣\(Requirement.format(per))分，扣\(Requirement.format(TargetEvaluator.rounded(amount)))分"
          ]))
    }
    return lines
  }

  /// What the target at `i` is worth to `unit` and what it earned. (The evaluation is read
  /// field by field where it lies: bound to a name, it would be copied whole.)
  static func line(
    _ targets: [TargetEvaluation], _ i: Int, unit id: String, rules: AssessmentRules
  ) -> ScoreLine {
    let lead = targets[i].target.lead.contains(id)
    let share = lead ? 1 : rules.cooperatingShare
    let weight = targets[i].target.target.weight
    let points = rules.points(weight: weight)
    // An assessor's finding, when the plan scores by it, stands for the computed class.
    let finding = targets[i].scoringFinding(rules.findingUse)
    let status = finding?.status ?? targets[i].status
    // An aspirational target scored as a bonus puts no points at stake: missed, nothing is
    // taken (met, the bonus is the lead's, see `aspirationalBonus`).
    if rules.bonusOnly(targets[i].target.target) {
      return ScoreLine(
        item: .target(targets[i].target.target.id), role: lead ? "牵头" : "配合",
        possible: 0, earned: 0,
        reasons: [
          "\(targets[i].target.target.name)：\(status.chinese(aspirational: true))（\(targets[i].explanation)）",
          "力争目标，不计分值，未达到不扣分",
        ])
    }
    let (kept, _) = deduct(
      points: points, target: targets[i].target.target.id, status: status,
      shortfall: targets[i].shortfall, deductions: rules.deductions, explain: false)
    return ScoreLine(
      item: .target(targets[i].target.target.id), role: lead ? "牵头" : "配合",
      possible: rules.points(weight: weight, lead: lead), earned: kept * share,
      why: .target(
        TargetReasons(
          name: targets[i].target.target.name, id: targets[i].target.target.id,
          status: status, explanation: targets[i].explanation,
          shortfall: targets[i].shortfall, points: points, deductions: rules.deductions,
          share: share, finding: finding, computed: targets[i].status,
          shareOf: targets[i].target.shareUnit.map { _ in
            targets[i].target.target.requirement.summary
          })))
  }

  /// What the task at `i` is worth to `unit` and what it earned (read in place, as above).
  static func line(
    _ tasks: [TaskEvaluation], _ i: Int, unit id: String, rules: AssessmentRules
  ) -> ScoreLine {
    let lead = tasks[i].task.lead.contains(id)
    let share = lead ? 1 : rules.cooperatingShare
    let weight = tasks[i].task.task.weight
    let points = rules.points(weight: weight)
    let (kept, _) = deduct(
      points: points, task: tasks[i].status, expected: tasks[i].expected,
      deductions: rules.deductions, behindTolerance: rules.behindTolerance, explain: false)
    return ScoreLine(
      item: .task(tasks[i].task.task.id), role: lead ? "牵头" : "配合",
      possible: rules.points(weight: weight, lead: lead), earned: kept * share,
      why: .task(
        TaskReasons(
          label: tasks[i].task.label, status: tasks[i].status, percent: tasks[i].percent,
          expected: tasks[i].expected, points: points, deductions: rules.deductions,
          behindTolerance: rules.behindTolerance, share: share)))
  }

  /// What a target keeps of `points` after the deductions that match it, and when `explain`
  /// is set, why.
  static func deduct(
    points: Double, target id: String, status: TargetStatus, shortfall: Double?,
    deductions: [Deduction], explain: Bool
  ) -> (kept: Double, reasons: [String]) {
    var taken = 0.0
    var floor = 0.0
    var reasons: [String] = []
    for d in deductions {
      var amount = 0.0
      switch d.match {
      case .shortfall(let target, let per):
        guard target == nil || target == id, status != .met, status != .noData,
          let shortfall, shortfall > TargetEvaluator.epsilon, per > 0
        else { continue }
        let steps = (shortfall / per - TargetEvaluator.epsilon).rounded(.up)
        amount = steps * (d.points ?? 0) + (d.share ?? 0) * points
        if explain {
          reasons.append(
            "差\(Requirement.format(TargetEvaluator.rounded(shortfall)))，每差\(Requirement.format(per))扣\(Requirement.format(d.points ?? 0))分，扣\(Requirement.format(TargetEvaluator.rounded(amount)))分"
          )
        }
      case .targetClass(let matched):
        guard matched == status else { continue }
        amount = d.points ?? (d.share ?? 0) * points
        if explain {
          reasons.append(
            "\(matched.chinese)扣\(Requirement.format(TargetEvaluator.rounded(amount)))分")
        }
      case .taskClass, .missingReport, .lateReport:
        continue
      }
      taken += amount
      floor = max(floor, d.floor)
    }
    let kept = max(min(floor, points), points - taken)
    if explain, taken > points - kept + TargetEvaluator.epsilon { reasons.append("扣完为止") }
    return (kept, reasons)
  }

  /// What a task keeps of `points` after the deductions that match it, and when `explain` is
  /// set, why.
  static func deduct(
    points: Double, task status: TaskStatus, expected: Double, deductions: [Deduction],
    behindTolerance: Double, explain: Bool
  ) -> (kept: Double, reasons: [String]) {
    var taken = 0.0
    var floor = 0.0
    var reasons: [String] = []
    for d in deductions {
      guard case .taskClass(let matched) = d.match, matched == status else { continue }
      // Not started counts only once the task should have started.
      if matched == .notStarted, expected <= behindTolerance { continue }
      let amount = d.points ?? (d.share ?? 0) * points
      if explain {
        reasons.append(
          "\(matched.chinese)扣\(Requirement.format(TargetEvaluator.rounded(amount)))分")
      }
      taken += amount
      floor = max(floor, d.floor)
    }
    let kept = max(min(floor, points), points - taken)
    if explain, taken > points - kept + TargetEvaluator.epsilon { reasons.append("扣完为止") }
    return (kept, reasons)
  }

  static func bonus(_ b: Bonus, shares: Share, status: StatusReport) -> [ScoreLine] {
    switch b.match {
    case .exceeded(let id, let per, let max):
      return shares.ledTargets.compactMap { i in
        exceeded(
          status.targets[i], id: id, per: per, max: max, bonus: b,
          use: status.rules.findingUse)
      }
    case .doneEarly(let id):
      return shares.ledTasks.compactMap { i in doneEarly(status.tasks[i], id: id, bonus: b) }
    }
  }

  /// The bonus an aspirational target (力争) it leads earns when met, by the plan's
  /// ``AspirationalScoring/bonus(points:)`` (nil points: the target's own), or nil.
  static func aspirationalBonus(
    _ t: TargetEvaluation, points: Double?, rules: AssessmentRules
  ) -> ScoreLine? {
    guard t.target.target.aspirational, !t.notYetDue,
      t.scoredStatus(rules.findingUse) == .met
    else { return nil }
    let amount = points ?? rules.points(weight: t.target.target.weight)
    guard amount > 0 else { return nil }
    return ScoreLine(
      item: .bonus, role: "", possible: 0, earned: amount,
      reasons: [
        "\(t.target.target.name)达到力争目标，加\(Requirement.format(TargetEvaluator.rounded(amount)))分"
      ])
  }

  /// The bonus a target it leads earns for bettering its requirement, or nil.
  static func exceeded(
    _ t: TargetEvaluation, id: String?, per: Double, max: Double, bonus b: Bonus,
    use: FindingUse = .computed
  ) -> ScoreLine? {
    guard id == nil || id == t.target.target.id, t.scoredStatus(use) == .met,
      let shortfall = t.shortfall,
      -shortfall > TargetEvaluator.epsilon, per > 0
    else { return nil }
    let steps = (-shortfall / per + TargetEvaluator.epsilon).rounded(.down)
    let points = min(max, steps * b.points)
    guard points > 0 else { return nil }
    return ScoreLine(
      item: .bonus, role: "", possible: 0, earned: points,
      reasons: [
        "\(t.target.target.name)超额\(Requirement.format(TargetEvaluator.rounded(-shortfall)))，每\(Requirement.format(per))加\(Requirement.format(b.points))分，加\(Requirement.format(points))分"
          + (b.reason.map { "（\($0)）" } ?? "")
      ])
  }

  /// The bonus a task it leads earns for being done before its deadline, or nil.
  static func doneEarly(_ t: TaskEvaluation, id: String?, bonus b: Bonus) -> ScoreLine? {
    guard id == nil || id == t.task.task.id, let done = t.doneOn, let due = t.task.dueDay,
      done < due
    else { return nil }
    return ScoreLine(
      item: .bonus, role: "", possible: 0, earned: b.points,
      reasons: [
        "第\(t.task.label)项于\(done)提前完成（时限\(due)），加\(Requirement.format(b.points))分"
          + (b.reason.map { "（\($0)）" } ?? "")
      ])
  }

  /// Why the veto applies to `unit`, or nil.
  static func veto(_ v: Veto, unit: String, shares: Share, status: StatusReport) -> String? {
    switch v.match {
    case .targetNotMet(let id):
      guard let i = status.targets.firstIndex(where: { $0.target.target.id == id }),
        status.targets[i].target.involves(unit),
        [.notMet, .noData].contains(status.targets[i].scoredStatus(status.rules.findingUse))
      else { return nil }
      let t = status.targets[i]
      let found = t.scoringFinding(status.rules.findingUse).map { "（\($0.source.chinese)）" } ?? ""
      return "\(t.target.target.name)\(t.scoredStatus(status.rules.findingUse).chinese)\(found)"
        + (v.reason.map { "（\($0)）" } ?? "")
    case .taskOverdue(let id):
      guard
        let first = shares.ledTasks.first(where: {
          (id == nil || id == status.tasks[$0].task.task.id) && status.tasks[$0].status == .overdue
        })
      else { return nil }
      return "第\(status.tasks[first].task.label)项逾期" + (v.reason.map { "（\($0)）" } ?? "")
    }
  }

  /// The grade `score` earns.
  static func grade(_ score: Double, rules: AssessmentRules) -> String {
    rules.grades.first { score >= $0.minimum - TargetEvaluator.epsilon }?.name
      ?? rules.grades.last?.name ?? ""
  }

  /// The worse of two grades by their order in the bands.
  static func worse(_ a: String, _ b: String, rules: AssessmentRules) -> String {
    let ia = rules.grades.firstIndex { $0.name == a } ?? 0
    let ib = rules.grades.firstIndex { $0.name == b } ?? 0
    return ia >= ib ? a : b
  }
}
