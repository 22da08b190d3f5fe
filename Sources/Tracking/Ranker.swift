import PlanEngine
import PlanModel

/// Ranks periods of one plan from one set of reports, evaluating and scoring each as-of day
/// once: a period's previous period ends on a day another period of a series often ends on.
struct Ranker {
  let resolved: ResolvedPlan
  let reports: [ProgressReport]
  /// The evaluation and the ordered scores as of each day seen so far.
  private var days: [Day: (status: StatusReport, ordered: [RankEntry])] = [:]
  /// Task labels by id, for the overdue list; found on first use.
  private var labels: [String: String]?

  init(_ resolved: ResolvedPlan, reports: [ProgressReport]) {
    self.resolved = resolved
    self.reports = reports
  }

  /// The ranking of `period`, with the change against its previous period.
  mutating func ranking(_ period: ReportingPeriod) -> Ranking {
    let asOf = period.range.end
    let (status, now) = scored(asOf)
    // The first period of a plan, or one before which nothing was reported, has no ranking
    // to change from: every unit is 新.
    let previousEnd = period.previous.range.end
    let ranked =
      previousEnd >= resolved.plan.period.start
      && reports.contains { r in r.entries.contains { $0.date <= previousEnd } }
    let before = ranked ? scored(previousEnd).ordered : []
    let previous = Dictionary(
      before.map { ($0.score.unit.id, $0.rank) }, uniquingKeysWith: { a, _ in a })
    let entries = now.map { e -> RankEntry in
      var e = e
      e.previousRank = previous[e.score.unit.id]
      return e
    }
    let labels = taskLabels()
    let overdue = entries.filter { !$0.score.overdue.isEmpty }.map {
      ($0.score.unit, $0.score.overdue.map { labels[$0] ?? $0 })
    }
    return Ranking(
      period: period, asOf: asOf, entries: entries, overdue: overdue, status: status,
      comparedWith: ranked ? period.previous : nil)
  }

  /// The plan's status and its units' scores in rank order as of `day`.
  private mutating func scored(_ day: Day) -> (status: StatusReport, ordered: [RankEntry]) {
    if let known = days[day] { return known }
    let status = Evaluator.evaluate(resolved, reports: reports, asOf: day)
    let result = (
      status: status,
      ordered: Ranking.ordered(Assessor.score(status), groups: status.rules.rankingGroups)
    )
    days[day] = result
    return result
  }

  private mutating func taskLabels() -> [String: String] {
    if let labels { return labels }
    let found = Dictionary(
      resolved.tasks.map { ($0.task.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    labels = found
    return found
  }
}
