import Foundation
import PlanModel
import Testing

@testable import Review

/// Issue 19: a plan's own supervision windows are a setting a revision names.
@Suite struct SettingsDifferSupervisionTests {
  @Test func supervisionDeclared() throws {
    let old = try DifferTests.plan { $0.assessment = AssessmentRules() }
    let new = try DifferTests.plan { p in
      var rules = AssessmentRules()
      rules.supervision = SupervisionRules(warningDays: 20)
      p.assessment = rules
    }
    let d = Differ.diff(old, new)
    let s = d.items.filter { $0.item == .assessment }.flatMap(\.changes).compactMap {
      if case .setting(let s) = $0 { s } else { nil }
    }
    #expect(s.map(\.field) == ["assessment.supervision"])
    #expect(s.first?.from == nil)
    #expect(s.first?.to == "预警20天、反馈10天、红转黄1个月、督办")
  }
}
