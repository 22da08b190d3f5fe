import Foundation
import PlanModel
import Testing

@testable import PlanJSON

struct TargetShareTests {
  static func plan(_ target: PlanTarget) -> WorkPlan {
    var plan = PlanSnapshotTests.small
    plan.units.append(OrgUnit(id: "d1", name: "一区", shortName: "一区", kind: .district))
    plan.targets = [target]
    return plan
  }

  static let split = PlanTarget(
    id: "boilers", name: "淘汰燃煤锅炉", requirement: .count(atLeast: 40, "台"),
    shares: [
      TargetShare(unit: "u1", requirement: .count(atLeast: 25, "台")),
      TargetShare(unit: "d1", requirement: .count(atLeast: 15, "台"), weight: 2),
    ], rollUp: .sum)

  @Test func sharesAndRollUpRoundTripThroughTheSnapshot() throws {
    let text = try PlanSnapshot.encode(Self.plan(Self.split))
    #expect(text.contains("\"rollUp\": \"sum\""))
    #expect(text.contains("\"unit\": \"d1\""))
    let fast = try PlanSnapshot.decode(text, path: "s.json")
    let careful = try PlanSnapshot.decodeCarefully(text, path: "s.json")
    for plan in [fast, careful] {
      let t = try #require(plan.targets.first)
      #expect(t.rollUp == .sum)
      #expect(t.shares.map(\.unit) == ["u1", "d1"])
      #expect(t.share(for: "d1")?.requirement == .count(atLeast: 15, "台"))
      #expect(t.share(for: "d1")?.weight == 2)
      #expect(try PlanSnapshot.encode(plan) == text)
    }
  }

  @Test func aTargetWithoutSharesWritesNeitherKey() throws {
    let text = try PlanSnapshot.encode(PlanSnapshotTests.small)
    #expect(!text.contains("shares"))
    #expect(!text.contains("rollUp"))
  }

  @Test func anUnknownRollUpIsRefused() throws {
    let text = try PlanSnapshot.encode(Self.plan(Self.split))
      .replacingOccurrences(of: "\"rollUp\": \"sum\"", with: "\"rollUp\": \"total\"")
    #expect(throws: SnapshotError.self) { try PlanSnapshot.decode(text, path: "s.json") }
  }
}
