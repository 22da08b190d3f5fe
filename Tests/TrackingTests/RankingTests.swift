import PlanModel
import Testing

@testable import Tracking

@Suite struct RankingTests {
  typealias F = TrackingFixtures

  func unitScore(
    _ id: String, _ score: Double, overdue: Int = 0, completion: Double = 50
  )
    -> UnitScore
  {
    UnitScore(
      unit: OrgUnit(id: id, name: id, shortName: id, kind: .division), score: score, bonus: 0,
      grade: "", gradeBeforeVeto: "", lines: [], completion: completion,
      overdue: Array(repeating: "x", count: overdue))
  }

  @Test func higherScoreFirst() {
    let r = Ranking.ordered([unitScore("a", 70), unitScore("b", 90), unitScore("c", 80)])
    #expect(r.map(\.score.unit.id) == ["b", "c", "a"])
    #expect(r.map(\.rank) == [1, 2, 3])
  }

  @Test func tiesBrokenByOverdueThenCompletionThenShared() {
    let r = Ranking.ordered([
      unitScore("a", 80, overdue: 1, completion: 90),
      unitScore("b", 80, overdue: 0, completion: 40),
      unitScore("c", 80, overdue: 0, completion: 60),
      unitScore("d", 80, overdue: 0, completion: 60),
      unitScore("e", 50),
    ])
    // Fewer overdue tasks first, then the higher % complete; c and d tie on everything.
    #expect(r.map(\.score.unit.id) == ["c", "d", "b", "a", "e"])
    #expect(r.map(\.rank) == [1, 1, 3, 4, 5])
  }

  @Test func rankChangesSinceThePreviousPeriod() throws {
    // Q2: 水处 does well (b done early), 大气处 has nothing done. Q3: 大气处 completes a and
    // its targets, 水处's b is still done — 大气处 moves up.
    let q2 = F.report(
      "2020-06",
      [
        F.task("b", .done, 100, on: Day(2020, 6, 20)),
        F.task("a", .notStarted, 0, on: Day(2020, 6, 20)),
      ])
    let q3 = F.report(
      "2020-09",
      [
        F.task("a", .done, 100, on: Day(2020, 9, 20)),
        F.value("pm25", 30, "微克/立方米", on: Day(2020, 9, 30)),
        F.value("checks", 900, "艘次", on: Day(2020, 9, 30)),
      ])
    let ranking = Ranking.rank(
      F.plan(), reports: [q2, q3], period: .quarter(year: 2020, quarter: 3))
    #expect(ranking.asOf == Day(2020, 9, 30))
    let byID = Dictionary(uniqueKeysWithValues: ranking.entries.map { ($0.score.unit.id, $0) })
    let air = try #require(byID["air"])
    #expect(air.rank == 1)
    #expect((air.previousRank ?? 0) > 1)
    #expect(air.changeText == "↑\((air.previousRank ?? 0) - 1)")
    let water = try #require(byID["water"])
    #expect((water.change ?? 0) < 0)
    #expect(water.changeText.hasPrefix("↓"))
    // Every unit with a score in Q3 had one in Q2: nobody is new.
    #expect(ranking.entries.allSatisfy { $0.previousRank != nil })
  }

  @Test func aNewUnitAndTheOverdueList() throws {
    let q3 = F.report("2020-09", [F.task("b", .inProgress, 50, on: Day(2020, 9, 1))])
    let ranking = Ranking.rank(F.plan(), reports: [q3], period: .month(year: 2020, month: 9))
    #expect(ranking.overdue.map(\.unit.id) == ["water"])
    #expect(ranking.overdue.first?.tasks == ["2"])
    let entry = RankEntry(score: unitScore("n", 1), rank: 3, previousRank: nil)
    #expect(entry.changeText == "新")
    #expect(RankEntry(score: unitScore("n", 1), rank: 3, previousRank: 3).changeText == "—")
  }

  /// Everything a ranking says, as text: two rankings are the same when these are.
  func summary(_ r: Ranking) -> [String] {
    ["\(r.period) \(r.asOf) \(r.status.asOf) \(r.status.total.completion)"]
      + r.entries.map { e in
        let lines = e.score.lines.map {
          "\($0.item) \($0.role) \($0.possible) \($0.earned) \($0.reasons)"
        }
        return
          "\(e.score.unit.id) \(e.rank) \(e.previousRank.map(String.init) ?? "-") \(e.score.score) \(e.score.bonus) \(e.score.grade) \(e.score.gradeBeforeVeto) \(e.score.completion) \(e.score.overdue) \(lines)"
      } + r.overdue.map { "\($0.unit.id) \($0.tasks)" }
  }

  @Test func aSeriesRanksEachPeriodAsRankingItAloneWould() {
    let rules = AssessmentRules(
      bonuses: [Bonus(.doneEarly(task: nil), points: 2)],
      vetoes: [Veto(.taskOverdue(nil), cap: "合格")])
    let plan = F.plan(assessment: rules)
    let reports = [
      F.report(
        "2020-03",
        [
          F.task("a", .inProgress, 20, on: Day(2020, 3, 31)),
          F.task("b", .notStarted, 0, on: Day(2020, 3, 31)),
        ]),
      F.report(
        "2020-06",
        [
          F.task("a", .inProgress, 60, on: Day(2020, 6, 30)),
          F.task("c", .done, 100, on: Day(2020, 6, 15)),
          F.value("pm25", 38, "微克/立方米", on: Day(2020, 6, 30)),
        ]),
      F.report(
        "2020-09",
        [
          F.task("a", .done, 100, on: Day(2020, 9, 20)),
          F.value("pm25", 30, "微克/立方米", on: Day(2020, 9, 30)),
          F.value("checks", 900, "艘次", on: Day(2020, 9, 30)),
        ]),
    ]
    // Months and quarters, out of order and repeated: the series must not depend on either.
    var periods: [ReportingPeriod] = (1...12).map { .month(year: 2020, month: $0) }
    periods += (1...4).map { .quarter(year: 2020, quarter: $0) }
    periods += [.month(year: 2020, month: 7), .quarter(year: 2019, quarter: 4)]
    periods.swapAt(0, 9)
    let series = Ranking.series(plan, reports: reports, periods: periods)
    #expect(series.count == periods.count)
    for (period, ranking) in zip(periods, series) {
      let alone = Ranking.rank(plan, reports: reports, period: period)
      #expect(summary(ranking) == summary(alone), "\(period)")
    }
    // The rankings differ from period to period (the test would prove little otherwise).
    #expect(Set(series.map { summary($0).dropFirst() }).count > 3)
    #expect(Ranking.series(plan, reports: reports, periods: []).isEmpty)
  }

  @Test func periodsParseAndStepBack() {
    #expect(ReportingPeriod(parsing: "2020Q3") == .quarter(year: 2020, quarter: 3))
    #expect(ReportingPeriod(parsing: "2020-09") == .month(year: 2020, month: 9))
    #expect(ReportingPeriod(parsing: "2020Q5") == nil)
    #expect(ReportingPeriod(parsing: "2020-13") == nil)
    #expect(ReportingPeriod(parsing: "2020-9") == nil)
    #expect(
      ReportingPeriod.quarter(year: 2020, quarter: 1).previous == .quarter(year: 2019, quarter: 4))
    #expect(ReportingPeriod.month(year: 2020, month: 1).previous == .month(year: 2019, month: 12))
    #expect(
      ReportingPeriod.quarter(year: 2020, quarter: 3).range
        == DateRange(Day(2020, 7, 1), Day(2020, 9, 30)))
    #expect(ReportingPeriod.month(year: 2020, month: 2).range.end == Day(2020, 2, 29))
  }
}

/// Issue 14, item 3: the year and half-year periods, and the first period of a plan.
@Suite struct ReportingPeriodKindsTests {
  @Test func yearsAndHalves() {
    #expect(ReportingPeriod(parsing: "2020") == .year(2020))
    #expect(ReportingPeriod(parsing: "2020H1") == .half(year: 2020, half: 1))
    #expect(ReportingPeriod(parsing: "2020h2") == .half(year: 2020, half: 2))
    #expect(ReportingPeriod(parsing: "2020H3") == nil)
    #expect(ReportingPeriod(parsing: "202") == nil)
    #expect(ReportingPeriod(parsing: "２０２０") == nil)
    #expect(
      ReportingPeriod.half(year: 2020, half: 2).range
        == DateRange(Day(2020, 7, 1), Day(2020, 12, 31)))
    #expect(ReportingPeriod.year(2020).range == DateRange(Day(2020, 1, 1), Day(2020, 12, 31)))
    #expect(ReportingPeriod.half(year: 2020, half: 1).previous == .half(year: 2019, half: 2))
    #expect(ReportingPeriod.year(2020).previous == .year(2019))
    #expect(ReportingPeriod.half(year: 2020, half: 1).chinese == "2020年上半年")
    #expect(ReportingPeriod.year(2020).description == "2020")
  }

  @Test func theFirstPeriodOfAPlanIsNew() {
    let plan = TrackingFixtures.plan()
    let reports = [
      TrackingFixtures.report(
        "2020-03", [TrackingFixtures.task("a", .inProgress, 30, on: Day(2020, 3, 31))])
    ]
    let q1 = Ranking.rank(plan, reports: reports, period: .quarter(year: 2020, quarter: 1))
    #expect(q1.comparedWith == nil)
    #expect(q1.entries.allSatisfy { $0.changeText == "新" })
    let q2 = Ranking.rank(plan, reports: reports, period: .quarter(year: 2020, quarter: 2))
    #expect(q2.comparedWith == .quarter(year: 2020, quarter: 1))
    #expect(q2.entries.allSatisfy { $0.previousRank != nil })
  }
}

@Suite struct RankingGroupTests {
  func unitScore(_ id: String, _ kind: OrgUnit.Kind, _ score: Double) -> UnitScore {
    UnitScore(
      unit: OrgUnit(id: id, name: id, shortName: id, kind: kind), score: score, bonus: 0,
      grade: "", gradeBeforeVeto: "", lines: [], completion: 50, overdue: [])
  }

  @Test func eachGroupRankedApartInTheGroupsOrder() {
    let r = Ranking.ordered(
      [
        unitScore("dept-a", .department, 70), unitScore("panyu", .district, 60),
        unitScore("div", .division, 99), unitScore("dept-b", .department, 90),
        unitScore("nansha", .district, 80),
      ],
      groups: [RankingGroup("各区", kinds: [.district]), RankingGroup("市直部门", kinds: [.department])])
    #expect(r.map(\.score.unit.id) == ["nansha", "panyu", "dept-b", "dept-a", "div"])
    #expect(r.map(\.rank) == [1, 2, 1, 2, 1])
    #expect(r.map(\.group) == ["各区", "各区", "市直部门", "市直部门", Ranking.otherGroup])
  }

  @Test func withoutGroupsOneList() {
    let r = Ranking.ordered(
      [unitScore("a", .district, 1), unitScore("b", .department, 2)], groups: nil)
    #expect(r.map(\.group) == [nil, nil])
    #expect(r.map(\.rank) == [1, 2])
  }
}
