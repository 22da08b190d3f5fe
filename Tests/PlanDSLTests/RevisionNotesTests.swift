import PlanDSL
import PlanJSON
import PlanModel
import Testing

@Suite struct RevisionNotesTests {
  let base = Plan("p", title: "计划", issuer: "i", period: .year(2020)) {
    Organisation {
      Unit("i", "局", short: "局", kind: .department)
      Unit("a", "甲处", short: "甲处", kind: .division)
    }
    Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["a"]) }
    Chapter(1, id: "c1", "第一章") { Item(1, id: "one", "任务一。") { Lead("a") } }
  }

  /// A revision records its lineage and its 修改依据 / 提出单位; a revision of it starts its own
  /// record with the longer lineage, without the first one's notes.
  @Test func aRevisionRecordsItsLineageBasisAndProposer() throws {
    let r1 = Plan(revising: base, id: "p-r1", version: "修订稿") {
      $0.basis = "局务会议纪要"
      $0.proposer = "i"
      $0.target("pm25") { $0.requirement = .atMost(33, "微克/立方米") }
      $0.note("pm25", basis: "省下达目标", proposer: "a")
    }
    let record = try #require(r1.model.revision)
    #expect(record.lineage == ["p"])
    #expect(record.basis(of: "pm25") == "省下达目标" && record.proposer(of: "pm25") == "a")
    #expect(record.basis(of: "one") == "局务会议纪要" && record.proposer(of: "one") == "i")
    // Through a snapshot and back.
    let read = try PlanSnapshot.decode(try PlanSnapshot.encode(r1.model), path: "r1.json")
    #expect(read.revision == record)

    let r2 = Plan(revising: r1, id: "p-r2", version: "二次修订稿") { _ in }
    #expect(r2.model.revision == RevisionRecord(lineage: ["p-r1", "p"]))
    #expect(base.model.revision == nil)
  }
}
