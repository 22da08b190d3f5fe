import Testing

@testable import PlanModel

@Suite struct PlanTargetTests {
  /// The name with what it measures, as the books and templates print it.
  @Test func theFullNameSaysWhatIsMeasured() {
    var t = PlanTarget(
      id: "water", name: "地表水达到或好于Ⅲ类比例", requirement: .share(atLeast: 80, of: "国考断面"))
    #expect(t.fullName == "地表水达到或好于Ⅲ类比例（国考断面）")
    t.requirement.of = ""
    #expect(t.fullName == "地表水达到或好于Ⅲ类比例")
    t.requirement = .count(atLeast: 40, "台")
    #expect(t.fullName == "地表水达到或好于Ⅲ类比例")
  }
}
