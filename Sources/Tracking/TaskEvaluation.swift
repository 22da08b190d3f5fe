import PlanEngine
import PlanModel

/// A task (or a milestone) as of a date: its reported state and % complete against 序时进度,
/// the share of its time that has passed.
public struct TaskEvaluation: Sendable {
  public var task: ResolvedTask
  public var status: TaskStatus
  /// The latest reported state and % complete (0 when nothing was reported).
  public var state: WorkState?
  public var percent: Double
  public var reportedOn: Day?
  /// 序时进度: the share of the time from the plan's start to the deadline that has passed, in
  /// percent (0…100).
  public var expected: Double
  /// The day it was first reported 已完成, if it was.
  public var doneOn: Day?
  public var milestones: [MilestoneEvaluation]
}

/// A milestone as of a date, classed like a task against its own deadline.
public struct MilestoneEvaluation: Sendable {
  public var milestone: PlanMilestone
  public var status: TaskStatus
  public var state: WorkState?
  public var percent: Double
  public var expected: Double
}

/// Classifies tasks and milestones. The rules, in order:
/// 1. reported 已完成 (or 100 %) → 已完成;
/// 2. past the deadline → 逾期;
/// 3. reported 未开始, or nothing reported → 未开始;
/// 4. % complete ≥ 序时进度 + `aheadMargin` → 超进度;
/// 5. % complete ≥ 序时进度 − `behindTolerance` → 达进度;
/// 6. otherwise 欠进度.
enum TaskEvaluator {
  static func evaluate(
    _ t: ResolvedTask, entries: [ProgressEntry], asOf: Day, plan: WorkPlan,
    rules: AssessmentRules
  ) -> TaskEvaluation {
    let due = t.dueDay ?? plan.period.end
    let (status, latest, expected) = classify(
      kind: .task, id: t.task.id, due: due, entries: entries, asOf: asOf, plan: plan,
      rules: rules)
    let doneOn =
      entries.filter {
        $0.kind == .task && $0.id == t.task.id && $0.date <= asOf && $0.state == .done
      }.map(\.date).min()
    let milestones = t.task.milestones.map { m in
      let mDue = m.deadline.dueDay ?? due
      let (s, l, x) = classify(
        kind: .milestone, id: m.id, due: mDue, entries: entries, asOf: asOf, plan: plan,
        rules: rules)
      return MilestoneEvaluation(
        milestone: m, status: s, state: l?.state, percent: percent(l), expected: x)
    }
    return TaskEvaluation(
      task: t, status: status, state: latest?.state, percent: percent(latest),
      reportedOn: latest?.date, expected: expected, doneOn: doneOn, milestones: milestones)
  }

  static func percent(_ e: ProgressEntry?) -> Double {
    guard let e else { return 0 }
    return e.state == .done ? 100 : (e.percent ?? 0)
  }

  /// 序时进度 on `asOf` for work from the plan's start to `due`, in percent.
  static func expected(asOf: Day, start: Day, due: Day) -> Double {
    let total = Double(due.ordinal - start.ordinal + 1)
    guard total > 0 else { return 100 }
    let elapsed = Double(asOf.ordinal - start.ordinal + 1)
    return min(100, max(0, elapsed / total * 100))
  }

  static func classify(
    kind: ProgressEntry.Kind, id: String, due: Day, entries: [ProgressEntry], asOf: Day,
    plan: WorkPlan, rules: AssessmentRules
  ) -> (TaskStatus, ProgressEntry?, Double) {
    let latest = entries.filter { $0.kind == kind && $0.id == id && $0.date <= asOf }
      .max { $0.date < $1.date }
    let x = expected(asOf: asOf, start: plan.period.start, due: due)
    let p = percent(latest)
    if latest?.state == .done || p >= 100 { return (.done, latest, x) }
    if asOf > due { return (.overdue, latest, x) }
    if latest == nil || latest?.state == .notStarted { return (.notStarted, latest, x) }
    if p >= x + rules.aheadMargin { return (.ahead, latest, x) }
    if p >= x - rules.behindTolerance { return (.onTrack, latest, x) }
    return (.behind, latest, x)
  }
}
