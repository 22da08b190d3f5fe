import Foundation
import PlanDSL
import PlanJSON
import PlanModel
import Testing

@testable import Review

/// Reasons for a change of the 考核细则 and for a removed rule of the responsibility list,
/// from revisions written with `Plan(revising:)`.
@Suite struct SettingsDifferReasonsTests {
  static let base = Plan("p", title: "计划", issuer: "i", period: .year(2020)) {
    Organisation {
      Unit("i", "局", short: "局", kind: .department)
      Unit("a", "甲处", short: "甲处", kind: .division)
      Unit("b", "乙处", short: "乙处", kind: .division)
    }
    Chapter(1, id: "c1", "第一章") {
      Item(1, id: "t1", "加强扬尘污染控制。压实主体责任。")
      Item(2, id: "t2", "推动考核断面水质达到考核要求。全面落实河长制。")
      Item(3, id: "t3", "强化固体废物污染防治。推进生活垃圾分类。") { Lead("b") }
    }
    Responsibilities { Rule(.chapter("c1"), lead: ["a"], due: .endOfYear(2020)) }
    Assessment(bonusCap: 3)
  }

  static func side(_ p: Plan) throws -> PlanSide { try PlanSide(plan: p.model, source: p.model.id) }
  static func side(_ p: WorkPlan) throws -> PlanSide { try PlanSide(plan: p, source: p.id) }

  /// A change of the 考核细则 is high-risk (every book prints them) and carries the reason
  /// the revision gives it; without one the gate names it.
  @Test func anAssessmentChangeIsHighRiskAndCarriesItsReason() throws {
    let r1 = Plan(revising: Self.base, id: "p-r1", version: "修订稿") {
      $0.assessment(reason: "按市考核办通知提高加分上限") { $0.bonusCap = 5 }
    }
    #expect(r1.problems.isEmpty)
    let d = Differ.diff(try Self.side(Self.base), try Self.side(r1))
    let row = try #require(d.items.first { $0.item == .assessment })
    #expect(row.isHighRisk)
    #expect(row.reason == "按市考核办通知提高加分上限")
    #expect(d.highRiskWithoutReason.isEmpty)

    var bare = r1.model
    bare.assessment?.reason = nil
    let d0 = Differ.diff(try Self.side(Self.base), try Self.side(bare))
    #expect(d0.highRiskWithoutReason.map(\.item) == [.assessment])

    // A revision of the revision starts without it; carried over by hand it is stale.
    let r2 = Plan(revising: r1, id: "p-r2", version: "修订稿2") { _ in }
    #expect(r2.model.assessment?.reason == nil)
    var stale = r1.model
    stale.id = "p-r2"
    stale.assessment?.bonusCap = 8
    let d2 = Differ.diff(try Self.side(r1), try Self.side(stale))
    let row2 = try #require(d2.items.first { $0.item == .assessment })
    #expect(row2.reason == nil && row2.staleReason == "按市考核办通知提高加分上限")
    #expect(d2.highRiskWithoutReason.map(\.item) == [.assessment])
  }

  /// A removed rule carries the reason its removal records, and the tasks it moved.
  @Test func aRemovedRuleCarriesItsReason() throws {
    let r1 = Plan(revising: Self.base, id: "p-r1", version: "修订稿") {
      $0.remove(rule: .chapter("c1"), reason: "各项任务改由任务自身明确牵头单位")
    }
    #expect(r1.problems.isEmpty)
    #expect(r1.model.rules.isEmpty)
    let d = Differ.diff(try Self.side(Self.base), try Self.side(r1))
    let row = try #require(d.items.first { $0.item == .rule })
    #expect(row.kind == .removed)
    #expect(row.reason == "各项任务改由任务自身明确牵头单位")
    #expect(row.affected.map(\.oldID) == ["t1", "t2"])
    #expect(d.highRiskWithoutReason.isEmpty)
    // The next revision starts without the record of the removal.
    #expect(Plan(revising: r1, id: "p-r2", version: "x") { _ in }.model.removed == nil)

    let unknown = Plan(revising: Self.base, id: "p-r1", version: "x") {
      $0.remove(rule: .keyword("无此规则"), reason: "?")
    }
    #expect(unknown.problems.map(\.code.rawValue) == ["revision-unknown-rule"])
  }

  /// Both reasons survive the snapshot, through both readers; unset, they leave no key.
  @Test func theReasonsInTheSnapshot() throws {
    let r1 = Plan(revising: Self.base, id: "p-r1", version: "修订稿") {
      $0.assessment(reason: "提高加分上限") { $0.bonusCap = 5 }
      $0.remove(rule: .chapter("c1"), reason: "改由任务明确")
    }
    let text = try PlanSnapshot.encode(r1.model)
    #expect(text.contains("\"reason\": \"提高加分上限\""))
    #expect(text.contains("\"rule\": {"))
    for t in [text, text.replacingOccurrences(of: "\"reason\": ", with: "\"reason\" : ")] {
      let plan = try PlanSnapshot.decode(t, path: "x.json")
      #expect(plan.assessment?.reason == "提高加分上限")
      #expect(plan.removed == [RemovedItem(rule: .chapter("c1"), reason: "改由任务明确")])
    }
    let plain = try PlanSnapshot.encode(Self.base.model)
    #expect(!plain.contains("\"reason\""))
    #expect(!plain.contains("\"rule\""))
  }
}
