import PlanModel
import Testing

@testable import Tracking

@Suite struct StatusReportTests {
  typealias F = TrackingFixtures

  @Test func classesAreCountedInTheirOwnPlaces() {
    #expect(TaskStatus.all == TaskStatus.allCases)
    #expect(TaskStatus.all.indices.allSatisfy { TaskStatus.all[$0].ordinal == $0 })
    #expect(TargetStatus.all == TargetStatus.allCases)
    #expect(TargetStatus.all.indices.allSatisfy { TargetStatus.all[$0].ordinal == $0 })
  }

  @Test func rollupsCountEveryClassAndWeighCompletion() {
    var r = Rollup()
    r.add(
      tasks: [
        (status: .done, percent: 100, weight: 1), (status: .behind, percent: 20, weight: 0.5),
        (status: .done, percent: 100, weight: 1),
      ],
      targets: [.met, .noData, .met])
    r.add(tasks: [(status: .overdue, percent: 0, weight: 0.5)], targets: [.notMet])
    #expect(r.tasks == [.done: 2, .behind: 1, .overdue: 1])
    #expect(r.targets == [.met: 2, .noData: 1, .notMet: 1])
    #expect(r.taskCount == 4)
    #expect(r.targetCount == 4)
    #expect(abs(r.completion - 210.0 / 3) < 1e-9)
    r.add(tasks: [], targets: [])
    #expect(r.tasks.count == 3)
  }

  @Test func unitsChaptersAndTheTotal() throws {
    let status = F.evaluate(
      F.plan(),
      [
        F.task("a", .done, 100, on: Day(2020, 6, 1)),
        F.task("b", .inProgress, 50, on: Day(2020, 6, 1)),
      ],
      asOf: Day(2020, 7, 1))
    // Units answering for something, in the plan's order: 局 has nothing.
    #expect(status.units.map(\.unit.id) == ["air", "water", "soil"])
    let soil = try #require(status.units.first { $0.unit.id == "soil" })
    #expect(soil.cooperating.taskCount == 1)
    #expect(soil.lead.taskCount + soil.cooperating.taskCount == soil.overall.taskCount)
    let water = try #require(status.units.first { $0.unit.id == "water" })
    #expect(water.overdue == ["b"])
    #expect(status.chapters.map(\.chapter.id) == ["c1"])
    #expect(status.chapters.first?.rollup.taskCount == status.total.taskCount)
    #expect(status.total.tasks[.done] == 1)
    #expect(status.total.tasks[.overdue] == 1)
  }
}
