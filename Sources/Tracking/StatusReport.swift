import PlanEngine
import PlanModel

/// Counts of classes and the mean completion of a group of tasks and targets: one unit's
/// share, a chapter, the whole plan.
public struct Rollup: Sendable, Equatable {
  public var tasks: [TaskStatus: Int] = [:]
  public var targets: [TargetStatus: Int] = [:]
  /// The weighted mean % complete of the tasks (weights: the unit's share of each).
  public var completion: Double = 0
  /// How many tasks and targets count.
  public var taskCount = 0
  public var targetCount = 0

  public init() {}

  /// Adds tasks and targets with the weight each has in this group.
  mutating func add(tasks: [(TaskEvaluation, Double)], targets: [TargetEvaluation]) {
    var weighted = completion * weight
    for (t, w) in tasks {
      self.tasks[t.status, default: 0] += 1
      weighted += t.percent * w
      weight += w
      taskCount += 1
    }
    completion = weight > 0 ? weighted / weight : 0
    for t in targets {
      self.targets[t.status, default: 0] += 1
      targetCount += 1
    }
  }

  private var weight = 0.0

  public static func == (a: Rollup, b: Rollup) -> Bool {
    a.tasks == b.tasks && a.targets == b.targets && a.completion == b.completion
      && a.taskCount == b.taskCount && a.targetCount == b.targetCount
  }
}

/// One unit's share of a plan's status.
public struct UnitStatus: Sendable {
  public var unit: OrgUnit
  /// The tasks it leads and those it cooperates on.
  public var lead: Rollup
  public var cooperating: Rollup
  /// Everything it answers for: lead tasks in full, cooperating ones with the plan's share.
  public var overall: Rollup
  /// The ids of the tasks it leads that are overdue.
  public var overdue: [String]
}

/// A plan's status as of a date: every target and task classed, rolled up per unit, per chapter
/// and for the plan.
public struct StatusReport: Sendable {
  public var plan: WorkPlan
  public var asOf: Day
  public var rules: AssessmentRules
  public var targets: [TargetEvaluation]
  public var tasks: [TaskEvaluation]
  public var units: [UnitStatus]
  /// Per top-level chapter id, in plan order.
  public var chapters: [(chapter: PlanChapter, rollup: Rollup)]
  public var total: Rollup

  /// The evaluation of the task with `id`.
  public func task(_ id: String) -> TaskEvaluation? { tasks.first { $0.task.task.id == id } }

  /// The evaluation of the target with `id`.
  public func target(_ id: String) -> TargetEvaluation? {
    targets.first { $0.target.target.id == id }
  }
}

/// Evaluates a resolved plan against its progress reports.
public enum Evaluator {
  /// The plan's status on `asOf`, from the reports' rows dated on or before it.
  public static func evaluate(
    _ resolved: ResolvedPlan, reports: [ProgressReport], asOf: Day
  ) -> StatusReport {
    let plan = resolved.plan
    let rules = plan.assessment ?? .default
    // The rows of each target, task and milestone, found once: evaluating an item then looks
    // at its own rows only, so a year of reports costs linear time.
    var rows: [String: [ProgressEntry]] = [:]
    for report in reports {
      for e in report.entries where e.date <= asOf { rows[e.id, default: []].append(e) }
    }
    let targets = resolved.targets.map {
      TargetEvaluator.evaluate($0, entries: rows[$0.target.id] ?? [], asOf: asOf, plan: plan)
    }
    let tasks = resolved.tasks.map { t in
      let own = ([t.task.id] + t.task.milestones.map(\.id)).flatMap { rows[$0] ?? [] }
      return TaskEvaluator.evaluate(t, entries: own, asOf: asOf, plan: plan, rules: rules)
    }

    // Roll-ups count the targets whose own period has begun.
    let due = targets.filter { !$0.notYetDue }
    var units: [UnitStatus] = []
    for unit in resolved.responsibleUnits {
      let led = tasks.filter { $0.task.lead.contains(unit.id) }
      let helped = tasks.filter {
        !$0.task.lead.contains(unit.id) && $0.task.cooperating.contains(unit.id)
      }
      let carried = due.filter { $0.target.involves(unit.id) }
      var lead = Rollup()
      lead.add(
        tasks: led.map { ($0, 1) }, targets: carried.filter { $0.target.lead.contains(unit.id) })
      var cooperating = Rollup()
      cooperating.add(
        tasks: helped.map { ($0, 1) },
        targets: carried.filter { !$0.target.lead.contains(unit.id) })
      var overall = Rollup()
      overall.add(
        tasks: led.map { ($0, 1) } + helped.map { ($0, rules.cooperatingShare) },
        targets: carried)
      units.append(
        UnitStatus(
          unit: unit, lead: lead, cooperating: cooperating, overall: overall,
          overdue: led.filter { $0.status == .overdue }.map(\.task.task.id)))
    }

    var chapters: [(PlanChapter, Rollup)] = []
    for chapter in plan.chapters {
      var r = Rollup()
      let inChapter = tasks.filter { $0.task.topChapterID == chapter.id }
      let ids = Set(inChapter.map(\.task.task.id))
      r.add(
        tasks: inChapter.map { ($0, 1) },
        targets: due.filter { $0.target.taskID.map(ids.contains) ?? false })
      chapters.append((chapter, r))
    }
    var total = Rollup()
    total.add(tasks: tasks.map { ($0, 1) }, targets: due)

    return StatusReport(
      plan: plan, asOf: asOf, rules: rules, targets: targets, tasks: tasks, units: units,
      chapters: chapters, total: total)
  }
}
