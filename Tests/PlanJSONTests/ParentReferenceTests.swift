import Foundation
import PlanModel
import Testing

@testable import PlanJSON

struct ParentReferenceTests {
  @Test func readsAPlanTargetAndAShare() throws {
    let whole = try #require(ParentReference("guangzhou-2020/pm25"))
    #expect(whole == ParentReference(plan: "guangzhou-2020", target: "pm25"))
    let share = try #require(ParentReference("guangzhou-2020/pm25@gz-eeb-panyu"))
    #expect(share.unit == "gz-eeb-panyu")
    #expect(share.description == "guangzhou-2020/pm25@gz-eeb-panyu")
    for bad in ["pm25", "/pm25", "guangzhou-2020/", "g/pm25@", "g/a/b", "g/@u"] {
      #expect(ParentReference(bad) == nil, "\(bad)")
    }
  }

  static var child: WorkPlan {
    var plan = PlanSnapshotTests.small
    plan.parent = ParentPlan(plan: "city-2020", unit: "d1")
    plan.targets = [
      PlanTarget(
        id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(33, "微克/立方米"),
        implements: "city-2020/pm25@d1")
    ]
    return plan
  }

  @Test func parentAndImplementsRoundTripFastAndCarefully() throws {
    let text = try PlanSnapshot.encode(Self.child)
    #expect(text.contains("\"implements\": \"city-2020/pm25@d1\""))
    #expect(text.contains("\"parent\": {"))
    // The fast path reads them itself (it throws on any key it does not know).
    let read = try text.utf8.withContiguousStorageIfAvailable { try SnapshotReader.read($0) }
    #expect(read?.plan.parent == ParentPlan(plan: "city-2020", unit: "d1"))
    let fast = try PlanSnapshot.decode(text, path: "s.json")
    let careful = try PlanSnapshot.decodeCarefully(text, path: "s.json")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let targetLine = try #require(lines.firstIndex { $0.contains("\"id\": \"pm25\"") }) + 1
    for plan in [fast, careful] {
      #expect(plan.parent == ParentPlan(plan: "city-2020", unit: "d1"))
      let t = try #require(plan.targets.first)
      #expect(t.implements == "city-2020/pm25@d1")
      #expect(t.location == SourceLocation(file: "s.json", line: targetLine))
      #expect(try PlanSnapshot.encode(plan) == text)
    }
  }

  @Test func aPlanWithoutParentWritesNeitherKey() throws {
    let text = try PlanSnapshot.encode(PlanSnapshotTests.small)
    #expect(!text.contains("\"parent\""))
    #expect(!text.contains("implements"))
  }
}
