import PlanModel
import Testing

@testable import Tracking

@Suite struct TaskEvaluationTests {
  typealias F = TrackingFixtures
  /// 1 July 2020: day 183 of 366, so 序时进度 of a task due 31 December is exactly 50 %.
  let july1 = Day(2020, 7, 1)

  func task(_ id: String, _ entries: [ProgressEntry], asOf: Day? = nil) -> TaskEvaluation? {
    F.evaluate(F.plan(), entries, asOf: asOf ?? july1).task(id)
  }

  func status(_ percent: Double) -> TaskStatus? {
    task("a", [F.task("a", .inProgress, percent, on: july1)])?.status
  }

  @Test func expectedProgressIsTheShareOfTimePassed() throws {
    #expect(task("a", [])?.expected == 50)
    #expect(
      TaskEvaluator.expected(asOf: Day(2020, 1, 1), start: Day(2020, 1, 1), due: Day(2020, 12, 31))
        == 100.0 / 366)
    #expect(
      TaskEvaluator.expected(asOf: Day(2021, 3, 1), start: Day(2020, 1, 1), due: Day(2020, 12, 31))
        == 100)
    #expect(
      TaskEvaluator.expected(asOf: Day(2019, 3, 1), start: Day(2020, 1, 1), due: Day(2020, 12, 31))
        == 0)
  }

  @Test func theBoundariesOfOnTrack() {
    // Defaults: 达进度 down to 5 points behind, 超进度 from 10 points ahead.
    #expect(status(45) == .onTrack)
    #expect(status(44.99) == .behind)
    #expect(status(50) == .onTrack)
    #expect(status(59.99) == .onTrack)
    #expect(status(60) == .ahead)
    #expect(status(45).map(\.chinese) == "达进度")
    #expect(status(44).map(\.chinese) == "欠进度")
    #expect(status(80).map(\.chinese) == "超进度")
  }

  @Test func thresholdsFromThePlan() {
    var rules = AssessmentRules()
    rules.behindTolerance = 0
    rules.aheadMargin = 20
    let plan = F.plan(assessment: rules)
    func s(_ p: Double) -> TaskStatus? {
      F.evaluate(plan, [F.task("a", .inProgress, p, on: july1)], asOf: july1).task("a")?.status
    }
    #expect(s(49.9) == .behind)
    #expect(s(50) == .onTrack)
    #expect(s(69.9) == .onTrack)
    #expect(s(70) == .ahead)
  }

  @Test func doneOverdueAndNotStarted() throws {
    let done = try #require(task("a", [F.task("a", .done, 100, on: Day(2020, 6, 1))]))
    #expect(done.status == .done)
    #expect(done.status.chinese == "已完成")
    #expect(done.doneOn == Day(2020, 6, 1))
    // Task b was due 30 June.
    let late = try #require(task("b", [F.task("b", .inProgress, 90, on: Day(2020, 6, 30))]))
    #expect(late.status == .overdue)
    #expect(late.status.chinese == "逾期")
    #expect(
      task("b", [F.task("b", .inProgress, 90, on: Day(2020, 6, 30))], asOf: Day(2020, 6, 30))?
        .status == .behind)  // due today: 序时进度 100 %
    #expect(task("b", [F.task("b", .done, 100, on: Day(2020, 7, 1))])?.status == .done)
    let never = try #require(task("c", []))
    #expect(never.status == .notStarted)
    #expect(never.status.chinese == "未开始")
    #expect(never.percent == 0)
    #expect(task("c", [F.task("c", .notStarted, 0, on: july1)])?.status == .notStarted)
  }

  @Test func milestonesAgainstTheirOwnDeadline() throws {
    let d = try #require(
      task(
        "d",
        [
          ProgressEntry(
            kind: .milestone, id: "d1", state: .inProgress, percent: 50, reporter: "soil",
            date: Day(2020, 3, 1))
        ]))
    #expect(d.milestones.first?.status == .overdue)
    let done = try #require(
      task(
        "d",
        [
          ProgressEntry(
            kind: .milestone, id: "d1", state: .done, percent: 100, reporter: "soil",
            date: Day(2020, 3, 1))
        ]))
    #expect(done.milestones.first?.status == .done)
  }

  @Test func rollupsPerUnitChapterAndPlan() throws {
    let report = F.evaluate(
      F.plan(),
      [
        F.task("a", .inProgress, 40, on: july1),
        F.task("b", .done, 100, on: Day(2020, 6, 1)),
        F.task("c", .inProgress, 60, on: july1),
      ], asOf: july1)
    #expect(report.total.taskCount == 4)
    #expect(report.total.tasks[.done] == 1)
    #expect(report.total.tasks[.behind] == 1)
    #expect(report.total.tasks[.ahead] == 1)
    #expect(report.total.tasks[.notStarted] == 1)
    #expect(report.total.completion == 50)  // (40 + 100 + 60 + 0) / 4
    let soil = try #require(report.units.first { $0.unit.id == "soil" })
    // Leads c (60) and d (0); cooperates on a (40) at 0.3: (60 + 0 + 12) / 2.3.
    #expect(soil.lead.taskCount == 2)
    #expect(soil.cooperating.taskCount == 1)
    #expect(abs(soil.overall.completion - 72 / 2.3) < 1e-9)
    #expect(report.chapters.first?.rollup.taskCount == 4)
  }
}
