import Foundation
import PlanJSON
import PlanModel
import Plans
import Testing

@Suite struct SnapshotLocationTests {
  /// The Guangzhou snapshot has an assessment whose deductions also have "match" keys: a
  /// rule's location must still be the line of its own "match".
  @Test func rulesAreLocatedPastTheAssessment() throws {
    let root = URL(fileURLWithPath: Catalogue.repositoryRoot)
    let text = try String(
      contentsOf: root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    let plan = try PlanSnapshot.decode(text, path: "g.json")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let rules = try #require(lines.firstIndex { $0.contains("\"rules\": [") })
    let firstMatch = try #require(
      lines.indices.first { $0 > rules && lines[$0].contains("\"match\": ") })
    #expect(plan.rules.first?.location?.line == firstMatch + 1)
    #expect(plan.assessment != nil)
    #expect(plan.rules.allSatisfy { ($0.location?.line ?? 0) > rules })
    let pm = try #require(lines.firstIndex { $0.contains("\"id\": \"pm25\"") })
    #expect(plan.targets.first { $0.id == "pm25" }?.location?.line == pm + 1)
  }
}
