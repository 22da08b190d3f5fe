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
  }

  public var item: Item
  /// 牵头 or 配合 (empty for bonuses and vetoes).
  public var role: String
  /// The points at stake for this unit (its share of the item's points).
  public var possible: Double
  public var earned: Double
  /// Why, in Chinese: the class and each deduction or bonus with its rule.
  public var reasons: [String]
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
}

/// Scores units by the plan's ``AssessmentRules``.
public enum Assessor {
  /// Every responsible unit's score, in the plan's unit order. Units with nothing to answer
  /// for are left out.
  public static func score(_ status: StatusReport) -> [UnitScore] {
    status.units.compactMap { score($0, in: status) }
  }

  static func score(_ u: UnitStatus, in status: StatusReport) -> UnitScore? {
    let rules = status.rules
    let id = u.unit.id
    var lines: [ScoreLine] = []

    // By index: the evaluations are large values, copying every one for every unit is slow.
    for i in status.targets.indices
    where status.targets[i].target.involves(id) && !status.targets[i].notYetDue {
      let t = status.targets[i]
      let lead = t.target.lead.contains(id)
      let share = lead ? 1 : rules.cooperatingShare
      let points = t.target.target.weight ?? rules.defaultPoints
      let (kept, reasons) = deduct(points: points, target: t, rules: rules)
      lines.append(
        ScoreLine(
          item: .target(t.target.target.id), role: lead ? "牵头" : "配合",
          possible: points * share, earned: kept * share,
          reasons: ["\(t.target.target.name)：\(t.status.chinese)（\(t.explanation)）"] + reasons))
    }
    for i in status.tasks.indices where status.tasks[i].task.involves(id) {
      let t = status.tasks[i]
      let lead = t.task.lead.contains(id)
      let share = lead ? 1 : rules.cooperatingShare
      let points = t.task.task.weight ?? rules.defaultPoints
      let (kept, reasons) = deduct(points: points, task: t, rules: rules)
      let progress =
        "完成\(Requirement.format(TargetEvaluator.rounded(t.percent)))%，序时进度\(Requirement.format(TargetEvaluator.rounded(t.expected)))%"
      lines.append(
        ScoreLine(
          item: .task(t.task.task.id), role: lead ? "牵头" : "配合",
          possible: points * share, earned: kept * share,
          reasons: ["第\(t.task.label)项：\(t.status.chinese)（\(progress)）"] + reasons))
    }
    let possible = lines.reduce(0) { $0 + $1.possible }
    guard possible > 0 else { return nil }
    let earned = lines.reduce(0) { $0 + $1.earned }

    // Bonuses, capped.
    var bonusLines: [ScoreLine] = []
    for b in rules.bonuses {
      for line in bonus(b, unit: id, status: status) { bonusLines.append(line) }
    }
    let bonus = min(rules.bonusCap, bonusLines.reduce(0) { $0 + $1.earned })
    lines += bonusLines

    let score = TargetEvaluator.rounded(rules.total * earned / possible + bonus)
    let before = grade(score, rules: rules)
    var grade = before
    for v in rules.vetoes {
      guard let reason = veto(v, unit: id, status: status) else { continue }
      grade = worse(grade, v.cap, rules: rules)
      lines.append(
        ScoreLine(
          item: .veto, role: "", possible: 0, earned: 0,
          reasons: ["一票否决：\(reason)，等次最高为\(v.cap)"]))
    }
    return UnitScore(
      unit: u.unit, score: score, bonus: bonus, grade: grade, gradeBeforeVeto: before,
      lines: lines, completion: u.overall.completion, overdue: u.overdue)
  }

  /// What a target keeps of `points` after the deductions that match it.
  static func deduct(
    points: Double, target t: TargetEvaluation, rules: AssessmentRules
  )
    -> (Double, [String])
  {
    var taken = 0.0
    var floor = 0.0
    var reasons: [String] = []
    for d in rules.deductions {
      var amount = 0.0
      switch d.match {
      case .shortfall(let id, let per):
        guard id == nil || id == t.target.target.id, t.status != .met, t.status != .noData,
          let shortfall = t.shortfall, shortfall > TargetEvaluator.epsilon, per > 0
        else { continue }
        let steps = (shortfall / per - TargetEvaluator.epsilon).rounded(.up)
        amount = steps * (d.points ?? 0) + (d.share ?? 0) * points
        reasons.append(
          "差\(Requirement.format(TargetEvaluator.rounded(shortfall)))，每差\(Requirement.format(per))扣\(Requirement.format(d.points ?? 0))分，扣\(Requirement.format(TargetEvaluator.rounded(amount)))分"
        )
      case .targetClass(let status):
        guard status == t.status else { continue }
        amount = d.points ?? (d.share ?? 0) * points
        reasons.append("\(status.chinese)扣\(Requirement.format(TargetEvaluator.rounded(amount)))分")
      case .taskClass:
        continue
      }
      taken += amount
      floor = max(floor, d.floor)
    }
    let kept = max(min(floor, points), points - taken)
    if taken > points - kept + TargetEvaluator.epsilon { reasons.append("扣完为止") }
    return (kept, reasons)
  }

  /// What a task keeps of `points` after the deductions that match it.
  static func deduct(
    points: Double, task t: TaskEvaluation, rules: AssessmentRules
  )
    -> (Double, [String])
  {
    var taken = 0.0
    var floor = 0.0
    var reasons: [String] = []
    for d in rules.deductions {
      guard case .taskClass(let status) = d.match, status == t.status else { continue }
      // Not started counts only once the task should have started.
      if status == .notStarted, t.expected <= rules.behindTolerance { continue }
      let amount = d.points ?? (d.share ?? 0) * points
      reasons.append("\(status.chinese)扣\(Requirement.format(TargetEvaluator.rounded(amount)))分")
      taken += amount
      floor = max(floor, d.floor)
    }
    let kept = max(min(floor, points), points - taken)
    if taken > points - kept + TargetEvaluator.epsilon { reasons.append("扣完为止") }
    return (kept, reasons)
  }

  static func bonus(_ b: Bonus, unit: String, status: StatusReport) -> [ScoreLine] {
    switch b.match {
    case .exceeded(let id, let per, let max):
      return status.targets.compactMap { t in
        guard id == nil || id == t.target.target.id, t.target.lead.contains(unit),
          t.status == .met, let shortfall = t.shortfall, -shortfall > TargetEvaluator.epsilon,
          per > 0
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
    case .doneEarly(let id):
      return status.tasks.compactMap { t in
        guard id == nil || id == t.task.task.id, t.task.lead.contains(unit),
          let done = t.doneOn, let due = t.task.dueDay, done < due
        else { return nil }
        return ScoreLine(
          item: .bonus, role: "", possible: 0, earned: b.points,
          reasons: [
            "第\(t.task.label)项于\(done)提前完成（时限\(due)），加\(Requirement.format(b.points))分"
              + (b.reason.map { "（\($0)）" } ?? "")
          ])
      }
    }
  }

  /// Why the veto applies to `unit`, or nil.
  static func veto(_ v: Veto, unit: String, status: StatusReport) -> String? {
    switch v.match {
    case .targetNotMet(let id):
      guard let t = status.target(id), t.target.involves(unit),
        t.status == .notMet || t.status == .noData
      else { return nil }
      return "\(t.target.target.name)\(t.status.chinese)" + (v.reason.map { "（\($0)）" } ?? "")
    case .taskOverdue(let id):
      let overdue = status.tasks.filter {
        (id == nil || id == $0.task.task.id) && $0.task.lead.contains(unit)
          && $0.status == .overdue
      }
      guard let first = overdue.first else { return nil }
      return "第\(first.task.label)项逾期" + (v.reason.map { "（\($0)）" } ?? "")
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
