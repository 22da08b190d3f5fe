import PlanImport
import Testing

@Suite struct TargetFinderTests {
  func found(_ text: String, qualitative: Bool = false) -> [FoundTarget] {
    TargetFinder().targets(in: text, line: 7, qualitative: qualitative)
  }

  @Test func atMostWithItsUnit() {
    let t = found("PM2.5年均浓度控制在35微克/立方米以内。")
    #expect(t.map(\.requirement) == [.atMost(35, "微克/立方米")])
    #expect(t.map(\.name) == ["PM2.5年均浓度"])
    #expect(t.map(\.line) == [7])
    #expect(found("煤炭消费总量不超过1500万吨").map(\.requirement) == [.atMost(1500, "万吨")])
    #expect(found("重污染天数不高于3天").map(\.requirement) == [.countAtMost(3, "天")])
  }

  @Test func aReductionAgainstTheBaseYearOfItsSentence() {
    #expect(
      found("化学需氧量排放量较2015年下降14.7%").map(\.requirement) == [
        .reduction(14.7, against: 2015)
      ])
    #expect(found("氨氮排放量下降3%").map(\.requirement) == [.reduction(3, against: nil)])
    #expect(found("森林蓄积量比2015年增长5%").map(\.requirement) == [.increase(5, against: 2015)])
  }

  @Test func atLeastAndShares() {
    #expect(found("城市污水处理率达到100%").map(\.requirement) == [.atLeast(100, "%")])
    #expect(found("水质优良断面比例不低于61.5%").map(\.requirement) == [.atLeast(61.5, "%")])
    #expect(found("抽检船舶燃油不低于1000艘次").map(\.requirement) == [.countAtLeast(1000, "艘次")])
    #expect(
      found("抽测柴油车数量不低于保有量的50%").map(\.requirement) == [.shareAtLeast(50, of: "保有量")])
  }

  @Test func countsRatesAndEquals() {
    let t = found("完成12个村级工业园整治,对全市135台生物质锅炉实施全覆盖执法")
    #expect(t.map(\.requirement) == [.countAtLeast(12, "个"), .countAtLeast(135, "台")])
    #expect(t.map(\.name) == ["完成村级工业园整治", "生物质锅炉实施全覆盖执法"])
    #expect(found("饮用水水源水质100%稳定达标").map(\.name) == ["饮用水水源水质达标率"])
    #expect(found("丧失使用功能水体断面比例为0").map(\.requirement) == [.equal(0, "%")])
  }

  @Test func striveForIsAspirational() {
    let t = found("力争13个地表水考核断面水质全面达到考核要求,优良率达到90%")
    #expect(t.map(\.aspirational) == [true, false])
  }

  @Test func quotedAndTitledNumbersAreNotTargets() {
    #expect(found("督促建设工程落实“6个100%”要求").isEmpty)
    #expect(found("督促实施《广州市柴油货车污染防治作战方案(2018-2020年)》").isEmpty)
    #expect(found("环境空气质量其他5项指标和优良天数比例稳定向好").isEmpty)
  }

  @Test func qualitativeOnlyWhenAsked() {
    #expect(found("优良天数比例达到省考核要求").isEmpty)
    #expect(
      found("优良天数比例达到省考核要求", qualitative: true).map(\.requirement) == [
        .qualitative("达到省考核要求")
      ])
  }

  @Test func aListOfSubjectsSharesTheListOfValues() {
    let t = found(
      "主要污染物化学需氧量、氨氮、二氧化硫和氮氧化物排放量较2015年分别减少14.7%、18.4%、9.9%、9.5%。碳强度比2019年下降1.1%,“十三五”累计下降23%。")
    #expect(
      t.map(\.name) == [
        "化学需氧量排放量", "氨氮排放量", "二氧化硫排放量", "氮氧化物排放量", "碳强度", "碳强度（“十三五”累计）",
      ])
    #expect(t.map(\.requirement).last == .reduction(23, against: 2015))
    #expect(t[4].requirement == .reduction(1.1, against: 2019))
  }
}
