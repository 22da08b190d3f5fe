import PlanEngine
import PlanModel
import Testing

@testable import Tracking

/// Issue 19 (1): the three colours with memory, on constructed histories.
@Suite struct ColourHistoryTests {
  typealias F = TrackingFixtures

  static func milestone(
    _ id: String, _ state: WorkState, _ percent: Double, on day: Day
  )
    -> ProgressEntry
  {
    ProgressEntry(
      kind: .milestone, id: id, state: state, percent: percent, reporter: "soil", date: day)
  }

  /// Tasks a, c, d well ahead all year (d's milestone done), so only `b` has a colour to watch.
  static let quiet: [ProgressEntry] = [
    F.task("a", .inProgress, 95, on: Day(2020, 6, 1)),
    F.task("c", .inProgress, 95, on: Day(2020, 6, 1)),
    F.task("d", .inProgress, 95, on: Day(2020, 6, 1)),
    milestone("d1", .done, 100, on: Day(2020, 3, 1)),
  ]

  @Test func redMadeUpTurnsYellowThenGreenNeverStraightToGreen() {
    let plan = F.plan()
    // b is due 30 June: half done in July (逾期, red), done on 15 August (made up), still done
    // in September.
    let reports = [
      F.report("2020-07", Self.quiet + [F.task("b", .inProgress, 50, on: Day(2020, 7, 10))]),
      F.report("2020-08", [F.task("b", .done, 100, on: Day(2020, 8, 15))]),
      F.report("2020-09", []),
    ]
    let h = ColourHistory.build(plan, reports: reports, asOf: Day(2020, 9, 30))
    #expect(h.days == [Day(2020, 7, 31), Day(2020, 8, 31), Day(2020, 9, 30)])
    let b = h.track(ColourItem(.task, "b"))
    #expect(b.map { $0?.colour } == [.red, .yellow, .green])
    #expect(b.map { $0?.raw } == [.red, .green, .green])
    #expect(b[0]?.reason == "逾期未完成（完成时限2020-06-30，完成50%）")
    #expect(b[1]?.reason == "已完成；曾为红色预警，差距补齐后转黄色（不直接转绿）")
    // A history computed as of a day inside a month ends with that day.
    #expect(
      ColourHistory.build(plan, reports: reports, asOf: Day(2020, 8, 20)).days
        == [Day(2020, 7, 31), Day(2020, 8, 20)])
  }

  @Test func blueWithinTheWarningWindowOfThePlan() {
    // c is due 31 December, 90 % done on 1 December: 达进度 then.
    let reports = [
      F.report("2020-12", Self.quiet + [F.task("c", .inProgress, 90, on: Day(2020, 12, 1))])
    ]
    let c = ColourItem(.task, "c")
    func colour(_ plan: ResolvedPlan, _ day: Day) -> WarningColour? {
      ColourHistory.build(plan, reports: reports, asOf: day).current(c)?.colour
    }
    let byDefault = F.plan()
    #expect(colour(byDefault, Day(2020, 11, 30)) == .green)  // 31 days left
    #expect(colour(byDefault, Day(2020, 12, 5)) == .blue)  // 26 days left
    var rules = AssessmentRules()
    rules.supervision = SupervisionRules(warningDays: 20)
    let own = F.plan(assessment: rules)
    #expect(colour(own, Day(2020, 12, 5)) == .green)
    #expect(colour(own, Day(2020, 12, 12)) == .blue)  // 19 days left
    #expect(
      ColourHistory.build(own, reports: reports, asOf: Day(2020, 12, 12)).current(c)?.reason
        == "距完成时限2020-12-31还有19天，完成90%")
  }

  @Test func behindIsYellowAndAMissedMilestoneMakesItsTaskRed() {
    let plan = F.plan()
    let reports = [
      F.report(
        "2020-04",
        [
          F.task("a", .inProgress, 10, on: Day(2020, 4, 20)),
          Self.milestone("d1", .inProgress, 50, on: Day(2020, 3, 15)),
        ])
    ]
    let h = ColourHistory.build(plan, reports: reports, asOf: Day(2020, 4, 30))
    let a = h.current(ColourItem(.task, "a"))
    #expect(a?.colour == .yellow)
    #expect(a?.reason == "欠进度：完成10%，序时进度33.1%")
    #expect(h.current(ColourItem(.milestone, "d1"))?.colour == .red)
    let d = h.current(ColourItem(.task, "d"))
    #expect(d?.colour == .red)
    #expect(d?.reason.hasPrefix("节点“方案”逾期未完成") == true)
    // A target without data has no colour.
    #expect(h.current(ColourItem(.target, "pm25")) == nil)
  }
}
