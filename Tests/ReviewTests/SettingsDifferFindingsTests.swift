import Foundation
import PlanModel
import Testing

@testable import Review

/// Issue 14, items 6 and 8: scoring by findings and ranking groups are settings a revision
/// names.
@Suite struct SettingsDifferFindingsTests {
  @Test func findingsAndRankingGroupsChanged() throws {
    let old = try DifferTests.plan { $0.assessment = AssessmentRules() }
    let new = try DifferTests.plan { p in
      p.assessment = AssessmentRules(
        findings: .thirdParty, rankingGroups: [RankingGroup("各区", kinds: [.district])])
    }
    let d = Differ.diff(old, new)
    let s = d.items.filter { $0.item == .assessment }.flatMap(\.changes).compactMap {
      if case .setting(let s) = $0 { s } else { nil }
    }
    #expect(s.map(\.field) == ["assessment.findings", "assessment.rankingGroups"])
    #expect(s.first?.to == "第三方评估")
    #expect(s.last?.to == "各区：district")
  }
}
