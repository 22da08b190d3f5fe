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

  @Test func formatsNumbersWithoutNeedlessDecimals() {
    #expect(Requirement.format(35) == "35")
    #expect(Requirement.format(61.5) == "61.5")
    #expect(Requirement.format(-9.9) == "-9.9")
  }
}
