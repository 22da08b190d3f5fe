import Foundation
import PlanModel
import Testing

@Suite struct AssessmentRulesTests {
  /// A snapshot written before findings and ranking groups existed reads, with the defaults.
  @Test func oldRulesReadWithTheDefaults() throws {
    let old = try JSONEncoder().encode(AssessmentRules(reportDay: 5))
    let text = String(decoding: old, as: UTF8.self)
    #expect(!text.contains("findings"))
    #expect(!text.contains("rankingGroups"))
    let rules = try JSONDecoder().decode(AssessmentRules.self, from: old)
    #expect(rules.findings == nil)
    #expect(rules.findingUse == .computed)
    #expect(rules.rankingGroups == nil)
  }

  @Test func findingsAndGroupsRoundTrip() throws {
    let rules = AssessmentRules(
      findings: .selfAssessment,
      rankingGroups: [RankingGroup("各区", kinds: [.district], units: ["gz-msa"])])
    let back = try JSONDecoder().decode(
      AssessmentRules.self, from: try JSONEncoder().encode(rules))
    #expect(back == rules)
    #expect(back.findingUse == .selfAssessment)
  }

  @Test func aGroupTakesItsKindsAndItsUnits() {
    let g = RankingGroup("各区", kinds: [.district], units: ["gz-msa"])
    #expect(g.contains(OrgUnit(id: "panyu", name: "番禺区", shortName: "番禺区", kind: .district)))
    #expect(g.contains(OrgUnit(id: "gz-msa", name: "海事局", shortName: "海事局", kind: .other)))
    #expect(!g.contains(OrgUnit(id: "air", name: "大气处", shortName: "大气处", kind: .division)))
  }
}
