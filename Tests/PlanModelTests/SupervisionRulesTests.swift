import Foundation
import PlanJSON
import PlanModel
import Testing

/// Issue 19: the supervision settings as a snapshot reads them.
@Suite struct SupervisionRulesTests {
  @Test func aKeyLeftOutHasItsDefault() throws {
    let rules = try JSONDecoder().decode(
      SupervisionRules.self, from: Data(#"{"warningDays": 15}"#.utf8))
    #expect(rules == SupervisionRules(warningDays: 15))
    #expect(rules.replyDays == 10)
    #expect(rules.recoveryMonths == 1)
    #expect(rules.issuer == nil)
    #expect(rules.prefix == "督办")
  }

  @Test func anAssessmentWithoutItIsSupervisedByTheDefaults() throws {
    let rules = try JSONDecoder().decode(
      AssessmentRules.self, from: try JSONEncoder().encode(AssessmentRules()))
    #expect(rules.supervision == nil)
    #expect(rules.supervisionRules == .default)
    #expect(!(try CanonicalJSON.encode(AssessmentRules())).contains("supervision"))
  }
}
