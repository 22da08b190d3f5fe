import PlanModel
import Testing

struct RequirementTests {
  @Test func summarisesEachKind() {
    #expect(Requirement.atMost(35, "微克/立方米").summary == "≤ 35 微克/立方米")
    #expect(Requirement.atLeast(61.5, "%").summary == "≥ 61.5 %")
    #expect(Requirement.equal(0, "%").summary == "= 0 %")
    #expect(Requirement.count(atLeast: 1000, "艘次").summary == "≥ 1000 艘次")
    #expect(Requirement.share(atLeast: 90, of: "新增出租车").summary == "≥ 90 %（新增出租车）")
    #expect(Requirement.reduction(by: 14.7, against: 2015).summary == "较2015年 −14.7 %")
    #expect(Requirement.increase(by: 5, against: 2019).summary == "较2019年 +5 %")
    #expect(Requirement.qualitative("达到省考核要求").summary == "达到省考核要求")
  }

  @Test func keepsTheFieldsTheEngineChecks() {
    let cod = Requirement.reduction(by: 14.7, against: 2015)
    #expect(cod.measure == .change)
    #expect(cod.direction == .decrease)
    #expect(cod.value == 14.7)
    #expect(cod.unit == "%")
    #expect(cod.baseYear == 2015)
    #expect(Requirement.reduction(by: 1, against: nil).baseYear == nil)
  }

  @Test func givesTheKindOfEachCompleteRequirement() {
    #expect(Requirement.atMost(35, "微克/立方米").kind == .level(.atMost, 35, unit: "微克/立方米"))
    #expect(Requirement.count(atLeast: 1000, "艘次").kind == .count(.atLeast, 1000, unit: "艘次"))
    #expect(
      Requirement.share(atLeast: 90, of: "新增出租车").kind
        == .share(.atLeast, 90, unit: "%", of: "新增出租车"))
    #expect(
      Requirement.reduction(by: 14.7, against: 2015).kind
        == .change(.decrease, 14.7, unit: "%", baseYear: 2015))
    #expect(Requirement.qualitative("达到省考核要求").kind == .qualitative("达到省考核要求"))
  }

  /// No kind where the checker reports an error: the raw form stays for it to say what is missing.
  @Test func hasNoKindWhenIncomplete() {
    #expect(Requirement.reduction(by: 1, against: nil).kind == nil)
    #expect(Requirement.qualitative("").kind == nil)
    #expect(Requirement(measure: .qualitative).kind == nil)
    #expect(Requirement(measure: .level, value: 35, unit: "微克/立方米").kind == nil)
    #expect(Requirement(measure: .level, direction: .atMost, unit: "微克/立方米").kind == nil)
    #expect(Requirement(measure: .level, direction: .atMost, value: 35).kind == nil)
    #expect(Requirement(measure: .count, direction: .atLeast, value: 1, unit: "  ").kind == nil)
    // A direction unfit for the measure.
    #expect(Requirement(measure: .level, direction: .decrease, value: 1, unit: "%").kind == nil)
    #expect(
      Requirement(measure: .change, direction: .atMost, value: 1, unit: "%", baseYear: 2015).kind
        == nil)
  }

  @Test func formatsNumbersWithoutNeedlessDecimals() {
    #expect(Requirement.format(35) == "35")
    #expect(Requirement.format(61.5) == "61.5")
    #expect(Requirement.format(-9.9) == "-9.9")
  }
}
