import Foundation
import PlanDSL
import PlanJSON
import PlanModel
import Testing

@testable import Review

/// One row per decision, from revisions written with `Plan(revising:)`.
@Suite struct DecisionsTests {
  static let base = Plan("p", title: "计划", issuer: "i", period: .year(2020)) {
    Organisation {
      Unit("i", "局", short: "局", kind: .department)
      Unit("a", "甲处", short: "甲处", kind: .division)
      Unit("b", "乙处", short: "乙处", kind: .division)
    }
    Chapter(1, id: "c1", "第一章") {
      Item(1, id: "t1", "加强扬尘污染控制。压实主体责任。") {
        Figure("dust", "建设工地扬尘达标率", .share(atLeast: 90, of: "建设工地"))
      }
      Item(2, id: "t2", "推动考核断面水质达到考核要求。全面落实河长制。")
      Item(3, id: "t3", "强化固体废物污染防治。推进生活垃圾分类。") { Lead("b") }
    }
    Responsibilities { Rule(.chapter("c1"), lead: ["a"], due: .endOfYear(2020)) }
  }

  static func side(_ p: Plan) throws -> PlanSide { try PlanSide(plan: p.model, source: p.model.id) }

  /// The chapter's rule hands its tasks to 乙处, with a reason: one rule row listing the two
  /// tasks it moved (not t3, which declares its own lead); t1's figure, which follows its
  /// task, does not repeat the change; the tasks read as unchanged.
  @Test func aRuleRowCarriesTheTasksItMoved() throws {
    let r1 = Plan(revising: Self.base, id: "p-r1", version: "修订稿") {
      $0.rule(.chapter("c1")) {
        $0.responsibility.lead = ["b"]
        $0.reason = "职能调整"
      }
    }
    #expect(r1.problems.isEmpty)
    let d = Differ.diff(try Self.side(Self.base), try Self.side(r1))
    let changed = d.items.filter { $0.kind != .unchanged }
    #expect(changed.map(\.item) == [.plan, .rule])
    let rule = try #require(changed.last)
    #expect(rule.reason == "职能调整")
    #expect(rule.isHighRisk)
    #expect(rule.affected.map(\.newID) == ["t1", "t2"])
    #expect(d.items.first { $0.newID == "dust" }?.kind == .unchanged)
    #expect(d.highRiskWithoutReason.isEmpty)
    #expect(ChangeText(d).affectedLines(rule) == ["牵头单位调整：甲处 → 乙处：任务1、任务2"])

    // A revision of the revision starts without the rule's reason; carried over by hand, it
    // is stale and does not explain a new change.
    let r2 = Plan(revising: r1, id: "p-r2", version: "修订稿2") {
      $0.rule(.chapter("c1")) { $0.responsibility.deadline = .endOfYear(2021) }
    }
    #expect(r2.model.rules[0].reason == nil)
    var stale = r2.model
    stale.rules[0].reason = "职能调整"
    let d2 = Differ.diff(try Self.side(r1), try PlanSide(plan: stale, source: "r2"))
    let row = try #require(d2.items.first { $0.item == .rule })
    #expect(row.reason == nil && row.staleReason == "职能调整")
    #expect(d2.highRiskWithoutReason.map(\.item) == [.rule])
  }

  /// A rule's reason survives the snapshot, both readers.
  @Test func aRuleReasonInTheSnapshot() throws {
    var plan = Self.base.model
    plan.rules[0].reason = "职能调整"
    let text = try PlanSnapshot.encode(plan)
    #expect(text.contains("\"reason\": \"职能调整\""))
    #expect(try PlanSnapshot.decode(text, path: "x.json").rules[0].reason == "职能调整")
    let spaced = text.replacingOccurrences(of: "\"reason\": ", with: "\"reason\" : ")
    #expect(try PlanSnapshot.decode(spaced, path: "x.json").rules[0].reason == "职能调整")
  }

  /// A rule the revision names but the plan lacks is a problem of the revision.
  @Test func anUnknownRuleIsReported() {
    let r = Plan(revising: Self.base, id: "p-r1", version: "x") {
      $0.rule(.keyword("无此规则")) { $0.reason = "?" }
    }
    #expect(r.problems.map(\.code.rawValue) == ["revision-unknown-rule"])
  }
}
