import PlanModel
import Review
import Testing

@Suite struct UnitConversionTests {
  @Test func convertibleUnitsSayStricterLooserOrEqual() {
    let old = Requirement.atMost(35, "µg/m³")
    #expect(UnitConversion.verdict(old, .atMost(0.03, "mg/m³")) == .tightened)
    #expect(UnitConversion.verdict(old, .atMost(0.035, "毫克/立方米")) == .equal)
    #expect(UnitConversion.verdict(old, .atMost(0.04, "mg/m3")) == .loosened)
    // 万吨 → 吨, reductions: a larger figure is stricter.
    let cut = Requirement.count(atLeast: 1.2, "万吨")
    #expect(UnitConversion.verdict(cut, .count(atLeast: 12_000, "吨")) == .equal)
    #expect(UnitConversion.verdict(cut, .count(atLeast: 11_000, "吨")) == .loosened)
    #expect(UnitConversion.factor(from: "万吨", to: "吨") == 10_000)
  }

  @Test func unknownPairsCannotBeConverted() {
    let old = Requirement.atMost(35, "微克/立方米")
    #expect(UnitConversion.verdict(old, .atMost(35, "艘次")) == .inconvertible)
    #expect(UnitConversion.verdict(old, .atMost(35, "吨")) == .inconvertible)
    #expect(UnitConversion.words(old, .atMost(35, "艘次")) == "单位不可换算")
    #expect(
      UnitConversion.words(old, .atMost(0.03, "mg/m³")) == "换算后 ≤ 0.035 mg/m³ → ≤ 0.03 mg/m³，收紧")
  }

  /// `%` kept is no unit change at all: the requirement is compared as it stands.
  @Test func aShareKeepsItsUnit() {
    #expect(Differ.strictness(.atLeast(90, "%"), .atLeast(95, "%")) == .tightened)
  }
}
