import Foundation
import PlanDSL
import PlanJSON
import PlanModel
import Plans
import Testing

/// What the program `planbook` compiles from `plans/*.swift` prints, read back: every plan
/// whole, every declaration at its own line of its plan file.
@Suite struct PlanExportTests {
  @Test func everyPlanTravelsWithEveryLocation() throws {
    let text = try PlanExport.text(Catalogue.plans)
    let read = try CompiledPlans.decode(text).get()
    #expect(read.plans.map(\.located) == Catalogue.plans.map(\.model))
    #expect(read.plans.map(\.problems) == Catalogue.plans.map(\.problems))
    // Without the locations the plans differ: the snapshot alone does not carry them.
    let guangzhou = try #require(read.plans.first)
    #expect(guangzhou.plan != guangzhou.located)
    let task = try #require(guangzhou.located.allTasks.first)
    #expect(task.location?.file == "plans/guangzhou_2020.swift")
    #expect((task.location?.line ?? 0) > 0)
  }
}
