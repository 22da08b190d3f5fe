import PlanDSL
import PlanJSON
import Testing

/// Issue 19: `Supervision(…)` in an assessment, and its defaults.
@Suite struct SupervisionDSLTests {
  @Test func thePlansOwnWindowsLowerAndSurviveTheSnapshot() throws {
    let p = Plan("p", title: "T", issuer: "i", period: .year(2020)) {
      Assessment { Supervision(warningDays: 20, replyDays: 7, issuer: "office") }
    }
    let rules = try #require(p.model.assessment?.supervision)
    #expect(rules.warningDays == 20)
    #expect(rules.replyDays == 7)
    #expect(rules.recoveryMonths == 1)
    #expect(rules.issuer == "office")
    #expect(rules.prefix == "督办")
    let text = try PlanSnapshot.encode(p.model)
    #expect(text.contains("\"supervision\""))
    let back = try PlanSnapshot.decode(text, path: "x.json")
    #expect(back.assessment?.supervision == rules)
  }

  @Test func withoutItTheDefaultsAndNoKey() throws {
    let p = Plan("q", title: "T", issuer: "i", period: .year(2020)) { Assessment() }
    #expect(p.model.assessment?.supervision == nil)
    #expect(p.model.assessment?.supervisionRules == SupervisionRules.default)
    #expect(SupervisionRules.default.warningDays == 30)
    #expect(SupervisionRules.default.replyDays == 10)
    #expect(try !PlanSnapshot.encode(p.model).contains("supervision"))
  }
}
