import PlanEngine
import PlanModel

/// One unit's place in a period's ranking.
public struct RankEntry: Sendable {
  public var score: UnitScore
  /// 1-based; units tied on every key share a rank (1, 2, 2, 4).
  public var rank: Int
  /// The rank in the previous period, nil when the unit was not ranked then.
  public var previousRank: Int?
  /// The ranking group (``RankingGroup``) the unit is ranked in; nil when the plan ranks all
  /// units in one list. Ranks and changes count within the group.
  public var group: String? = nil

  /// Places gained since the previous period (positive: up), nil when new.
  public var change: Int? { previousRank.map { $0 - rank } }

  /// `↑2`, `↓1`, `—` (unchanged) or `新` (not ranked before).
  public var changeText: String {
    guard let c = change else { return "新" }
    return c > 0 ? "↑\(c)" : c < 0 ? "↓\(-c)" : "—"
  }
}

/// The ranking of a period: units by score, with their change since the previous period and
/// the units with overdue tasks.
public struct Ranking: Sendable {
  public var period: ReportingPeriod
  /// The last day of the period: what the ranking is as of.
  public var asOf: Day
  public var entries: [RankEntry]
  /// Units leading overdue tasks, with the tasks' labels, in rank order.
  public var overdue: [(unit: OrgUnit, tasks: [String])]
  public var status: StatusReport
  /// The period the change of rank is against; nil for the plan's first period, or when
  /// nothing had been reported by the end of the previous one (every unit is then 新).
  public var comparedWith: ReportingPeriod? = nil

  /// Ranks units by score as of the end of `period`. Ties: higher score first; then fewer
  /// overdue tasks; then higher % complete; then, still tied, the same rank, listed in the
  /// plan's unit order.
  public static func rank(
    _ resolved: ResolvedPlan, reports: [ProgressReport], period: ReportingPeriod
  ) -> Ranking {
    var ranker = Ranker(resolved, reports: reports)
    return ranker.ranking(period)
  }

  /// The rankings of `periods`, in their order, from the same reports: each exactly what
  /// ``rank(_:reports:period:)`` gives for it alone, but every as-of day (a period's last
  /// day, or the day its change is against) is evaluated and scored once. A year of months and
  /// quarters costs 13 evaluations instead of 32.
  public static func series(
    _ resolved: ResolvedPlan, reports: [ProgressReport], periods: [ReportingPeriod]
  ) -> [Ranking] {
    var ranker = Ranker(resolved, reports: reports)
    return periods.map { ranker.ranking($0) }
  }

  /// The ranking groups in order, as the entries carry them (empty for one list).
  public var groups: [String] {
    var out: [String] = []
    for e in entries { if let g = e.group, out.last != g { out.append(g) } }
    return out
  }

  /// The name of the list of units no declared ranking group takes.
  public static let otherGroup = "其他单位"

  /// Scores in rank order with their ranks, one list per ranking group (each unit in the
  /// first group that takes it, the rest after the groups), in the groups' order.
  static func ordered(_ scores: [UnitScore], groups: [RankingGroup]?) -> [RankEntry] {
    guard let groups, !groups.isEmpty else { return ordered(scores) }
    var lists = [[UnitScore]](repeating: [], count: groups.count + 1)
    for s in scores {
      lists[groups.firstIndex { $0.contains(s.unit) } ?? groups.count].append(s)
    }
    var out: [RankEntry] = []
    for (i, list) in lists.enumerated() where !list.isEmpty {
      let name = i < groups.count ? groups[i].name : otherGroup
      out += ordered(list).map {
        var e = $0
        e.group = name
        return e
      }
    }
    return out
  }

  /// Scores in rank order with their ranks (previous ranks not yet known).
  static func ordered(_ scores: [UnitScore]) -> [RankEntry] {
    let indexed = scores.enumerated().map { ($0.offset, $0.element) }
    let sorted = indexed.sorted { a, b in
      let (x, y) = (a.1, b.1)
      if x.score != y.score { return x.score > y.score }
      if x.overdue.count != y.overdue.count { return x.overdue.count < y.overdue.count }
      let cx = TargetEvaluator.rounded(x.completion)
      let cy = TargetEvaluator.rounded(y.completion)
      if cx != cy { return cx > cy }
      return a.0 < b.0
    }
    var out: [RankEntry] = []
    for (i, (_, s)) in sorted.enumerated() {
      var rank = i + 1
      if let last = out.last, tied(last.score, s) { rank = last.rank }
      out.append(RankEntry(score: s, rank: rank, previousRank: nil))
    }
    return out
  }

  static func tied(_ x: UnitScore, _ y: UnitScore) -> Bool {
    x.score == y.score && x.overdue.count == y.overdue.count
      && TargetEvaluator.rounded(x.completion) == TargetEvaluator.rounded(y.completion)
  }
}
