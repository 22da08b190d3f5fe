import PlanEngine
import PlanModel
import Testing

@testable import Tracking

@Suite struct TargetEvaluationTests {
  typealias F = TrackingFixtures
  let june = Day(2020, 6, 30)

  func status(
    _ id: String, _ entries: [ProgressEntry], asOf: Day = Day(2020, 6, 30)
  )
    -> TargetEvaluation?
  {
    F.evaluate(F.plan(), entries, asOf: asOf).target(id)
  }

  @Test func metWhenTheLimitIsKept() throws {
    let e = try #require(status("pm25", [F.value("pm25", 33, "微克/立方米", on: june)]))
    #expect(e.status == .met)
    #expect(e.status.chinese == "达标")
    #expect(e.measured == 33)
    #expect(e.shortfall == -2)
    #expect(e.explanation == "实际33 微克/立方米，要求≤ 35 微克/立方米")
  }

  @Test func nearlyMetWithinTheTolerance() throws {
    // ≤ 35 with a tolerance of 3: 37.5 is 基本达标, 38 still is, 38.5 is not.
    let end = Day(2020, 12, 31)
    let e = try #require(status("pm25", [F.value("pm25", 37.5, "微克/立方米", on: end)], asOf: end))
    #expect(e.status == .nearlyMet)
    #expect(e.status.chinese == "基本达标")
    #expect(
      status("pm25", [F.value("pm25", 38, "微克/立方米", on: end)], asOf: end)?.status == .nearlyMet)
    #expect(
      status("pm25", [F.value("pm25", 38.5, "微克/立方米", on: end)], asOf: end)?.status == .notMet)
  }

  @Test func notMetBeyondTheTolerance() throws {
    let end = Day(2020, 12, 31)
    let e = try #require(status("pm25", [F.value("pm25", 40, "微克/立方米", on: end)], asOf: end))
    #expect(e.status == .notMet)
    #expect(e.status.chinese == "未达标")
    #expect(e.shortfall == 5)
    #expect(e.explanation == "实际40 微克/立方米，要求≤ 35 微克/立方米，差5")
  }

  @Test func projectedWhenTheCountIsOnCourse() throws {
    // 600 checks by 30 June (182 of 366 days): 1207 projected for the year, ≥ 1000.
    let e = try #require(status("checks", [F.value("checks", 600, "艘次", on: june)]))
    #expect(e.status == .projected)
    #expect(e.status.chinese == "预计达标")
    #expect(abs((e.projected ?? 0) - 600 / (182.0 / 366)) < 1e-9)
    // 400 by then projects to 804: not on course.
    #expect(status("checks", [F.value("checks", 400, "艘次", on: june)])?.status == .notMet)
    // The same 600 at the year's end is final: 未达标.
    let end = Day(2020, 12, 31)
    #expect(status("checks", [F.value("checks", 600, "艘次", on: end)], asOf: end)?.status == .notMet)
  }

  @Test func projectedFromTheTrendOfALevel() throws {
    // PM2.5 falling 2 a month from 41: the line reaches 33 by December.
    let entries = [
      F.value("pm25", 41, "微克/立方米", on: Day(2020, 3, 31)),
      F.value("pm25", 39, "微克/立方米", on: Day(2020, 4, 30)),
      F.value("pm25", 37.1, "微克/立方米", on: Day(2020, 5, 31)),
      F.value("pm25", 35.2, "微克/立方米", on: june),
    ]
    let e = try #require(status("pm25", entries))
    #expect(e.status == .projected)
    #expect((e.projected ?? 99) < 35)
    // One value alone gives no trend: 39 with a tolerance of 3 is neither.
    #expect(status("pm25", [F.value("pm25", 39, "微克/立方米", on: june)])?.status == .notMet)
  }

  @Test func noDataWithoutAReport() throws {
    let e = try #require(status("pm25", []))
    #expect(e.status == .noData)
    #expect(e.status.chinese == "无数据")
    // A report dated after the as-of day does not count.
    #expect(
      status("pm25", [F.value("pm25", 30, "微克/立方米", on: Day(2020, 7, 1))])?.status == .noData)
  }

  @Test func reductionAgainstTheBaseYear() throws {
    // COD −14.7 % against 2015: 100 t then, 84 t now is −16 %: met; 90 t is −10 %: 4.7 short.
    let end = Day(2020, 12, 31)
    let met = try #require(
      status(
        "cod", [F.base("cod", 100, "吨", year: 2015), F.value("cod", 84, "吨", on: end)], asOf: end))
    #expect(met.status == .met)
    #expect(met.base == 100)
    #expect(abs((met.achieved ?? 0) - 16) < 1e-9)
    let short = try #require(
      status(
        "cod", [F.base("cod", 100, "吨", year: 2015), F.value("cod", 90, "吨", on: end)], asOf: end))
    #expect(short.status == .notMet)
    #expect(abs((short.shortfall ?? 0) - 4.7) < 1e-9)
  }

  @Test func aReductionWithoutItsBaseHasNoData() throws {
    let e = try #require(status("cod", [F.value("cod", 84, "吨", on: june)]))
    #expect(e.status == .noData)
    #expect(e.explanation == "缺少2015年基准值，无法计算变化率")
    let mixed = try #require(
      status("cod", [F.base("cod", 100, "万吨", year: 2015), F.value("cod", 84, "吨", on: june)]))
    #expect(mixed.status == .noData)
    #expect(mixed.explanation.contains("单位"))
  }

  @Test func aQualitativeTargetByItsState() throws {
    func state(_ s: WorkState, on day: Day) -> ProgressEntry {
      ProgressEntry(kind: .target, id: "water-ok", state: s, reporter: "water", date: day)
    }
    #expect(status("water-ok", [state(.done, on: june)])?.status == .met)
    #expect(status("water-ok", [state(.inProgress, on: june)])?.status == .projected)
    let end = Day(2020, 12, 31)
    #expect(status("water-ok", [state(.inProgress, on: end)], asOf: end)?.status == .notMet)
    #expect(status("water-ok", [state(.notStarted, on: june)])?.status == .notMet)
  }

  @Test func theLatestReportCounts() throws {
    let e = try #require(
      status(
        "pm25",
        [
          F.value("pm25", 30, "微克/立方米", on: Day(2020, 5, 31)),
          F.value("pm25", 40, "微克/立方米", on: Day(2020, 6, 30)),
        ], asOf: Day(2020, 9, 30)))
    #expect(e.measured == 40)
    #expect(e.measuredOn == june)
  }

  @Test func aTargetOfALaterPeriodIsNotDueBeforeIt() throws {
    let autumn = Deadline.period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31)))
    let plan = F.plan(targets: [
      PlanTarget(
        id: "diesel", name: "秋冬季抽测柴油车", requirement: .share(atLeast: 50, of: "柴油车保有量"),
        period: autumn, responsibility: Responsibility(lead: ["air"]))
    ])
    let september = F.evaluate(plan, [], asOf: Day(2020, 9, 30))
    let e = try #require(september.target("diesel"))
    #expect(e.notYetDue)
    #expect(e.explanation == "考核期自2020-10-01起")
    // Not counted in the roll-ups, nor scored.
    #expect(september.total.targetCount == 0)
    #expect(
      Assessor.score(september).allSatisfy { $0.lines.allSatisfy { $0.item != .target("diesel") } })
    // From October it is: nothing reported is 无数据.
    let october = F.evaluate(plan, [], asOf: Day(2020, 10, 15))
    #expect(october.target("diesel")?.notYetDue == false)
    #expect(october.target("diesel")?.status == .noData)
    #expect(october.total.targetCount == 1)
  }
}

/// Issue 14, item 4: projections that are possible.
@Suite struct ProjectionTests {
  typealias F = TrackingFixtures

  /// PM2.5 ≤ 35 without a tolerance, carried by 大气处.
  static let plan = F.plan(targets: [
    PlanTarget(
      id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"),
      responsibility: Responsibility(lead: ["air"])),
    PlanTarget(
      id: "good", name: "优良天数比例", requirement: .atLeast(90, "%"),
      responsibility: Responsibility(lead: ["air"])),
  ])

  /// The year-to-date average falling from 42 in January to 37 by April.
  static let falling = [
    (Day(2020, 1, 31), 42.0), (Day(2020, 2, 29), 40), (Day(2020, 3, 31), 38),
    (Day(2020, 4, 30), 37),
  ].map { F.value("pm25", $0.1, "微克/立方米", on: $0.0) }

  @Test func aFallingYearToDateAverageIsProjectedFromWhatTheRestMustAverage() throws {
    let e = try #require(
      F.evaluate(Self.plan, Self.falling, asOf: Day(2020, 4, 30)).target("pm25"))
    // A straight line through the averages reached 22.9 at year end: 预计达标.
    let line = TargetEvaluator.project(
      Self.falling.map { ($0.date, $0.value ?? 0) }, rows: [], scalesYearToDate: false,
      period: DateRange(Day(2020, 1, 1), Day(2020, 12, 31)))
    #expect(abs((line ?? 0) - 22.87) < 0.01)
    // The months: January 42; February (40·60 − 42·31)/29 = 37.86; March (38·91 − 40·60)/31
    // = 34.13; April (37·121 − 38·91)/30 = 33.97. The last three average 35.28 (by days); the
    // other 245 days would have to average (35·366 − 37·121)/245 = 34.01.
    #expect(e.status == .notMet)
    #expect(abs((e.recentMean ?? 0) - 35.28) < 0.01)
    #expect(abs((e.requiredRest ?? 0) - 34.01) < 0.01)
    // (37·121 + 35.28·245)/366 = 35.85.
    #expect(abs((e.projected ?? 0) - 35.85) < 0.01)
    #expect(
      e.explanation
        == "实际37 微克/立方米，其余245天平均需不高于34.01，近期平均35.28，预计期末35.85 微克/立方米，要求≤ 35 微克/立方米，差2")
  }

  @Test func recentMonthsBelowWhatTheRestMustAverageAreProjected() throws {
    // 37 by April, but March and April at 30: the rest needs 34.01, recent is below it.
    let rows = [
      (Day(2020, 1, 31), 45.0), (Day(2020, 2, 29), 42), (Day(2020, 3, 31), 38),
      (Day(2020, 4, 30), 36),
    ].map { F.value("pm25", $0.1, "微克/立方米", on: $0.0) }
    let e = try #require(F.evaluate(Self.plan, rows, asOf: Day(2020, 4, 30)).target("pm25"))
    #expect(e.status == .projected)
    #expect((e.recentMean ?? 99) < (e.requiredRest ?? 0))
  }

  @Test func aPercentageIsNeverProjectedOutside0To100() throws {
    // A share reported month by month, rising fast: a line would pass 100 %.
    let rising = [
      (Day(2020, 1, 31), 40.0), (Day(2020, 2, 29), 60), (Day(2020, 3, 31), 80),
    ].map { F.value("good", $0.1, "%", on: $0.0, basis: .period) }
    let up = try #require(F.evaluate(Self.plan, rising, asOf: Day(2020, 3, 31)).target("good"))
    #expect(up.projected == 100)
    // A year-to-date share falling fast: never below 0 %.
    let falling = [(Day(2020, 1, 31), 80.0), (Day(2020, 2, 29), 20)].map {
      F.value("good", $0.1, "%", on: $0.0)
    }
    let down = try #require(
      F.evaluate(Self.plan, falling, asOf: Day(2020, 2, 29)).target("good"))
    #expect((down.projected ?? -1) >= 0)
    #expect((down.projected ?? 101) <= 100)
    #expect(down.status == .notMet)
  }
}

/// Issue 14, item 5: a qualitative target reported 推进中 can be behind schedule.
@Suite struct QualitativeScheduleTests {
  typealias F = TrackingFixtures

  /// 饮用水源水质 全部达标 (tolerance 10 points on the second plan) and a task's qualitative
  /// figure whose task has a milestone due 31 March.
  static func plan(tolerance: Double? = nil) -> ResolvedPlan {
    F.plan(
      targets: [
        PlanTarget(
          id: "water-ok", name: "饮用水源水质", requirement: .qualitative("全部达标"),
          tolerance: tolerance, responsibility: Responsibility(lead: ["water"]))
      ],
      tasks: [
        PlanTask(
          id: "d", number: 1, title: "整治", text: "整治。",
          figures: [PlanTarget(id: "survey", name: "水源地排查整治", requirement: .qualitative("完成整治"))],
          milestones: [
            PlanMilestone(id: "d1", title: "排查方案", deadline: .endOfQuarter(year: 2020, quarter: 1))
          ],
          responsibility: Responsibility(lead: ["soil"]))
      ])
  }

  func state(
    _ id: String, _ text: WorkState, percent: Double? = nil, lagging: Bool = false, on day: Day
  ) -> ProgressEntry {
    var e = ProgressEntry(
      kind: .target, id: id, state: text, percent: percent, reporter: "water", date: day)
    e.lagging = lagging
    return e
  }

  let september = Day(2020, 9, 30)

  @Test func inProgressFarBehind序时进度IsNotMet() throws {
    // On 30 September 序时进度 is 74.86 %: 推进中 at 30 % was 预计达标 until the year ended.
    let e = try #require(
      F.evaluate(
        Self.plan(), [state("water-ok", .inProgress, percent: 30, on: september)],
        asOf: september
      ).target("water-ok"))
    #expect(e.status == .notMet)
    #expect(e.explanation == "全部达标：推进中，完成30%，落后序时进度74.86%44.86个百分点")
    // Within the behind tolerance (5 points) it is on schedule: 预计达标.
    let onTime = F.evaluate(
      Self.plan(), [state("water-ok", .inProgress, percent: 72, on: september)], asOf: september
    ).target("water-ok")
    #expect(onTime?.status == .projected)
    #expect(onTime?.explanation == "全部达标：推进中，完成72%，序时进度74.86%")
    // Without a percent or a milestone nothing says it is behind.
    #expect(
      F.evaluate(Self.plan(), [state("water-ok", .inProgress, on: september)], asOf: september)
        .target("water-ok")?.status == .projected)
  }

  @Test func behindWithinTheTargetsToleranceIsNearlyMet() throws {
    // 74.86 − 62 = 12.86 points behind: beyond the 5 of 达进度, within 5 + 10.
    let e = F.evaluate(
      Self.plan(tolerance: 10), [state("water-ok", .inProgress, percent: 62, on: september)],
      asOf: september
    ).target("water-ok")
    #expect(e?.status == .nearlyMet)
    let far = F.evaluate(
      Self.plan(tolerance: 10), [state("water-ok", .inProgress, percent: 50, on: september)],
      asOf: september
    ).target("water-ok")
    #expect(far?.status == .notMet)
  }

  @Test func aReportSaying滞后IsNotMet() throws {
    let e = try #require(
      F.evaluate(
        Self.plan(), [state("water-ok", .inProgress, lagging: true, on: september)],
        asOf: september
      ).target("water-ok"))
    #expect(e.status == .notMet)
    #expect(e.explanation == "全部达标：滞后，自报滞后于序时进度")
  }

  @Test func anOverdueMilestoneOfItsTaskIsBehind() throws {
    let rows = [
      state("survey", .inProgress, on: september),
      ProgressEntry(
        kind: .milestone, id: "d1", state: .inProgress, percent: 60, reporter: "soil",
        date: september),
    ]
    let e = try #require(F.evaluate(Self.plan(), rows, asOf: september).target("survey"))
    #expect(e.status == .notMet)
    #expect(e.explanation == "完成整治：推进中，节点“排查方案”逾期（完成60%，时限2020-03-31）")
  }

  @Test func 滞后IsReadFromAQualitativeRowOnly() throws {
    let plan = F.plan()
    let header = ProgressFixtures.header
    let report = try ProgressFile.parse(
      header + "target,water-ok,,,,滞后,40,water,2020-09-30,\n", path: "2020-09.csv", plan: plan)
    #expect(report.entries.first?.lagging == true)
    #expect(report.entries.first?.state == .inProgress)
    #expect(report.entries.first?.percent == 40)
    #expect(throws: ProgressError.self) {
      try ProgressFile.parse(
        header + "task,a,,,,滞后,40,air,2020-09-30,\n", path: "2020-09.csv", plan: plan)
    }
  }
}
