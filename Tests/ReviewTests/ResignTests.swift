import PlanDSL
import PlanModel
import Testing

@testable import Review

/// The units whose book changes between two versions: they must re-sign.
@Suite struct ResignTests {
  func resign(_ d: PlanDiff, _ unit: String) -> UnitResign? { d.resign.first { $0.unit == unit } }

  @Test func aReassignedLeadConcernsTheOldAndTheNewLead() throws {
    // b carries two targets; t2 moves from a to b; c has nothing.
    let d = Differ.diff(
      try DifferTests.plan(),
      try DifferTests.plan { $0.chapters[0].tasks[1].responsibility.lead = ["b"] })
    #expect(d.resign.map(\.unit) == ["a", "b"])
    #expect(resign(d, "a")?.changes == ["不再承担任务2"])
    #expect(resign(d, "b")?.changes == ["新增任务2（牵头）"])
    #expect(resign(d, "a")?.document == "责任书（甲方：局）")
  }

  @Test func aSlipAndATighterTargetNameTheChange() throws {
    let d = Differ.diff(
      try DifferTests.plan(),
      try DifferTests.plan { p in
        p.chapters[1].tasks[0].responsibility.deadline = .endOfYear(2021)
        p.targets[0].requirement = .atMost(33, "微克/立方米")
      })
    #expect(resign(d, "a")?.changes == ["指标PM2.5平均浓度：指标收紧", "任务3：时限推迟"])
    #expect(resign(d, "b") == nil)
  }

  /// A target made aspirational (力争) or no longer so: a high-risk change of the books of the
  /// units carrying it — made aspirational a loosening, no longer aspirational a tightening.
  @Test func theAspirationalFlagChangesTheBooksOfItsUnits() throws {
    let plain = try DifferTests.plan()
    let striving = try DifferTests.plan { $0.targets[1].aspirational = true }
    let made = Differ.diff(plain, striving)
    let good = try #require(made.items.first { $0.newID == "good" })
    #expect(good.changes == [.aspirational(from: false, to: true)])
    #expect(good.changes.map(\.code) == ["madeAspirational"])
    #expect(good.isHighRisk)
    #expect(made.highRisk.map(\.newID) == ["good"])
    #expect(made.resign.map(\.unit) == ["b"])
    #expect(resign(made, "b")?.changes == ["指标水质优良断面比例：改为力争目标"])

    let undone = Differ.diff(striving, plain)
    let back = try #require(undone.items.first { $0.newID == "good" })
    #expect(back.changes.map(\.code) == ["noLongerAspirational"])
    #expect(back.isHighRisk)
    #expect(resign(undone, "b")?.changes == ["指标水质优良断面比例：不再作为力争目标"])
  }

  @Test func whatEveryBookPrintsConcernsEveryUnit() throws {
    let d = Differ.diff(
      try DifferTests.plan(),
      try DifferTests.plan { p in
        p.assessment = AssessmentRules(bonusCap: 3)
        p.signing = Signing(rules: [Signing.Rule(.unit("b"), document: .notice)])
      })
    #expect(d.resign.map(\.unit) == ["a", "b"])
    #expect(resign(d, "a")?.changes == ["考核细则调整"])
    #expect(resign(d, "b")?.changes == ["文书：责任书（甲方：局） → 告知书", "考核细则调整"])
  }

  @Test func renumberingAloneIsCounted() throws {
    let d = Differ.diff(
      try DifferTests.plan(),
      try DifferTests.plan { p in
        p.chapters[0].tasks.insert(
          PlanTask(
            id: "new", number: 2, title: "新增", text: "新增一项任务。",
            responsibility: .init(lead: ["c"])), at: 1)
        for c in p.chapters.indices {
          for t in p.chapters[c].tasks.indices
          where p.chapters[c].tasks[t].id != "new" && p.chapters[c].tasks[t].number >= 2 {
            p.chapters[c].tasks[t].number += 1
          }
        }
      })
    #expect(resign(d, "a")?.changes == ["序号调整3项"])
    #expect(resign(d, "c")?.changes == ["新增发放"])
    #expect(!d.resign.contains { $0.unit == "b" })
  }

  /// A unit renamed: its own book, and every book that names it (as a cooperating unit here).
  @Test func aRenamedUnitConcernsTheBooksThatNameIt() throws {
    let old = try DifferTests.plan { $0.chapters[0].tasks[0].responsibility.cooperating = ["b"] }
    let new = try DifferTests.plan { p in
      p.chapters[0].tasks[0].responsibility.cooperating = ["b"]
      p.units[2].name = "乙环境处"
      p.units[2].shortName = "乙环境处"
    }
    let d = Differ.diff(old, new)
    #expect(resign(d, "b")?.changes.first == "单位名称调整")
    #expect(resign(d, "a")?.changes == ["涉及单位更名：乙环境处"])
  }
}
