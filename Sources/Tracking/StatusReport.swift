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

  /// A task's class, % complete and weight in a group.
  typealias TaskShare = (status: TaskStatus, percent: Double, weight: Double)

  /// Adds tasks (their class, % complete and weight in this group) and targets (their class).
  mutating func add(tasks: [TaskShare], targets: [TargetStatus]) {
    // Counted by class first, then written to the dictionaries once per class: hashing every
    // task's class into them is most of the cost of a roll-up.
    var taskCounts = [Int](repeating: 0, count: TaskStatus.all.count)
    var weighted = completion * weight
    for t in tasks {
      taskCounts[t.status.ordinal] += 1
      weighted += t.percent * t.weight
      weight += t.weight
    }
    taskCount += tasks.count
    completion = weight > 0 ? weighted / weight : 0
    var targetCounts = [Int](repeating: 0, count: TargetStatus.all.count)
    for t in targets { targetCounts[t.ordinal] += 1 }
    targetCount += targets.count
    if self.tasks.isEmpty { self.tasks.reserveCapacity(taskCounts.count { $0 > 0 }) }
    for (i, n) in taskCounts.enumerated() where n > 0 {
      self.tasks[TaskStatus.all[i], default: 0] += n
    }
    if self.targets.isEmpty { self.targets.reserveCapacity(targetCounts.count { $0 > 0 }) }
    for (i, n) in targetCounts.enumerated() where n > 0 {
      self.targets[TargetStatus.all[i], default: 0] += n
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
  /// The plan evaluated, resolved once: a dashboard or a history of months evaluates it again
  /// from here without resolving it again.
  public var resolved: ResolvedPlan
  /// The plan evaluated (``resolved``'s).
  public var plan: WorkPlan { resolved.plan }
  public var asOf: Day
  public var rules: AssessmentRules
  public var targets: [TargetEvaluation]
  public var tasks: [TaskEvaluation]
  public var units: [UnitStatus]
  /// Per top-level chapter id, in plan order.
  public var chapters: [(chapter: PlanChapter, rollup: Rollup)]
  public var total: Rollup
  /// Each responsible unit's missing and late monthly reports (none without the plan's
  /// `reportDay`), in the order of ``units``.
  public var reporting: [UnitReporting] = []

  /// The missing and late reports of the unit with `id`.
  public func reporting(of id: String) -> UnitReporting? {
    reporting.first { $0.unit.id == id }
  }

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
    let tasks = resolved.tasks.map { t in
      let own = ([t.task.id] + t.task.milestones.map(\.id)).flatMap { rows[$0] ?? [] }
      return TaskEvaluator.evaluate(t, entries: own, asOf: asOf, plan: plan, rules: rules)
    }
    // A qualitative figure of a task is behind when the task's milestones are.
    var taskIndex: [String: Int] = [:]
    for i in tasks.indices where taskIndex[tasks[i].task.task.id] == nil {
      taskIndex[tasks[i].task.task.id] = i
    }
    func evaluate(_ t: ResolvedTarget, _ entries: [ProgressEntry]) -> TargetEvaluation {
      let r = t.target.requirement
      let qualitative =
        switch r.kind {
        case .qualitative?: true
        case .level?, .count?, .share?, .change?: false
        case nil: r.measure == .qualitative
        }
      let milestones =
        qualitative
        ? t.taskID.flatMap { taskIndex[$0] }.map { tasks[$0].milestones } ?? [] : []
      var e = TargetEvaluator.evaluate(
        t, entries: entries, asOf: asOf, plan: plan, rules: rules, milestones: milestones)
      e.attachFindings(entries, asOf: asOf)
      return e
    }
    // A target split into shares is followed by one evaluation per share (its unit's target).
    var targets: [TargetEvaluation] = []
    targets.reserveCapacity(resolved.targets.count)
    for t in resolved.targets {
      if t.target.shares.isEmpty {
        targets.append(evaluate(t, rows[t.target.id] ?? []))
      } else {
        targets += ShareRollUp.evaluate(
          t, rows: rows[t.target.id] ?? [], asOf: asOf, plan: plan, evaluate: evaluate)
      }
    }

    // Roll-ups count the targets whose own period has begun.
    let due = targets.filter { !$0.notYetDue }
    // Who leads and cooperates on what, found in one pass (the evaluations are large values:
    // filtering them per unit would copy them all for every unit).
    var led: [String: [Int]] = [:]
    var helped: [String: [Int]] = [:]
    // By index: `for t in tasks` would copy every evaluation.
    for i in tasks.indices {
      let lead = tasks[i].task.lead
      for u in lead { led[u, default: []].append(i) }
      for u in tasks[i].task.cooperating where !lead.contains(u) {
        helped[u, default: []].append(i)
      }
    }
    var leadTargets: [String: [TargetStatus]] = [:]
    var coopTargets: [String: [TargetStatus]] = [:]
    for t in due {
      for u in t.target.lead { leadTargets[u, default: []].append(t.status) }
      for u in t.target.cooperating where !t.target.lead.contains(u) {
        coopTargets[u, default: []].append(t.status)
      }
    }
    func shares(_ indices: [Int], _ weight: Double) -> [Rollup.TaskShare] {
      indices.map { (tasks[$0].status, tasks[$0].percent, weight) }
    }
    // The responsible units (as `ResolvedPlan.responsibleUnits` finds them) from the lists
    // just made: every unit of a task leads it or helps on it.
    var carriers = Set<String>()
    for i in targets.indices {
      carriers.formUnion(targets[i].target.lead)
      carriers.formUnion(targets[i].target.cooperating)
    }
    let responsible = plan.units.filter {
      led[$0.id] != nil || helped[$0.id] != nil || carriers.contains($0.id)
    }
    var units: [UnitStatus] = []
    for unit in responsible {
      let l = led[unit.id] ?? []
      let h = helped[unit.id] ?? []
      var lead = Rollup()
      lead.add(tasks: shares(l, 1), targets: leadTargets[unit.id] ?? [])
      var cooperating = Rollup()
      cooperating.add(tasks: shares(h, 1), targets: coopTargets[unit.id] ?? [])
      var overall = Rollup()
      overall.add(
        tasks: shares(l, 1) + shares(h, rules.cooperatingShare),
        targets: (leadTargets[unit.id] ?? []) + (coopTargets[unit.id] ?? []))
      units.append(
        UnitStatus(
          unit: unit, lead: lead, cooperating: cooperating, overall: overall,
          overdue: l.filter { tasks[$0].status == .overdue }.map { tasks[$0].task.task.id }))
    }

    // Each top-level chapter's tasks, and the chapters each task id is in, found in one pass.
    var inChapter: [String: [Int]] = [:]
    var chaptersOf: [String: [String]] = [:]
    for i in tasks.indices {
      let chapter = tasks[i].task.topChapterID
      inChapter[chapter, default: []].append(i)
      let id = tasks[i].task.task.id
      if chaptersOf[id]?.contains(chapter) != true { chaptersOf[id, default: []].append(chapter) }
    }
    var chapterTargets: [String: [TargetStatus]] = [:]
    for t in due {
      for chapter in t.target.taskID.flatMap({ chaptersOf[$0] }) ?? [] {
        chapterTargets[chapter, default: []].append(t.status)
      }
    }
    var chapters: [(PlanChapter, Rollup)] = []
    for chapter in plan.chapters {
      var r = Rollup()
      r.add(
        tasks: shares(inChapter[chapter.id] ?? [], 1),
        targets: chapterTargets[chapter.id] ?? [])
      chapters.append((chapter, r))
    }
    var total = Rollup()
    // The plan's total counts each target once: its whole, not its shares again.
    total.add(
      tasks: tasks.map { (status: $0.status, percent: $0.percent, weight: 1) },
      targets: due.filter { $0.target.shareUnit == nil }.map(\.status))

    return StatusReport(
      resolved: resolved, asOf: asOf, rules: rules, targets: targets, tasks: tasks, units: units,
      chapters: chapters, total: total,
      reporting: ReportingCheck.check(
        units: resolved.reportingUnits, plan: plan, reports: reports, asOf: asOf))
  }
}

extension TaskStatus {
  /// Every class, in declaration order: ``ordinal`` indexes it.
  static let all = allCases

  /// The position of the class in ``all``.
  var ordinal: Int {
    switch self {
    case .done: 0
    case .ahead: 1
    case .onTrack: 2
    case .behind: 3
    case .overdue: 4
    case .notStarted: 5
    }
  }
}

extension TargetStatus {
  /// Every class, in declaration order: ``ordinal`` indexes it.
  static let all = allCases

  /// The position of the class in ``all``.
  var ordinal: Int {
    switch self {
    case .met: 0
    case .projected: 1
    case .nearlyMet: 2
    case .notMet: 3
    case .noData: 4
    }
  }
}
