import PlanDSL
import PlanEngine
import Testing

/// Issue 19: the checker refuses supervision settings that cannot work.
@Suite struct SupervisionCheckTests {
  func codes(_ supervision: Supervision) -> [String] {
    let plan = testPlan { Assessment { supervision } }
    return diagnostics(of: plan).map(\.code.rawValue)
  }

  @Test func theWindowsAndTheIssuerAreChecked() {
    #expect(codes(Supervision()) == [])
    #expect(codes(Supervision(warningDays: 20, replyDays: 7, issuer: "air")) == [])
    #expect(codes(Supervision(warningDays: -1)) == ["assessment-invalid"])
    #expect(codes(Supervision(replyDays: 0)) == ["assessment-invalid"])
    #expect(codes(Supervision(prefix: "")) == ["assessment-invalid"])
    #expect(codes(Supervision(issuer: "nobody")) == ["assessment-invalid"])
  }
}
