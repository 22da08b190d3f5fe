import PlanModel
import Plans
import Sheets
import Testing

/// Names broken between their parts, never inside a word.
@Suite struct UnitNamesTests {
  let plan =
    Catalogue.plan("guangzhou-2020")?.model
    ?? WorkPlan(
      id: "missing", title: "", issuer: "", period: DateRange(Day(2020, 1, 1), Day(2020, 12, 31)))

  @Test func aLongUnitNameBreaksAfterItsParentsName() throws {
    let name = "广州市生态环境局环境影响评价与排放管理处"
    // The right half of the signature block before it was widened: 14 characters at 12 pt.
    let narrow = TextMetrics.pixels(columnWidth: 30)
    #expect(
      UnitNames.name(name, in: plan, pixels: narrow, fontSize: 12)
        == "广州市生态环境局\n环境影响评价与排放管理处")
    // Room for it whole: unchanged.
    let wide = TextMetrics.pixels(columnWidth: 45)
    #expect(UnitNames.name(name, in: plan, pixels: wide, fontSize: 12) == name)
    // No other unit's name to break after: after its city (the rest, still too long, is left
    // for the reader to wrap).
    let narrower = TextMetrics.pixels(columnWidth: 20)
    #expect(
      UnitNames.name("广州市城市管理和综合执法局", in: plan, pixels: narrower, fontSize: 12)
        == "广州市\n城市管理和综合执法局")
  }

  @Test func aListOfUnitsBreaksBetweenNames() throws {
    // Many more names than a line holds (and the plan is there).
    let ids = plan.units.prefix(15).map(\.id)
    try #require(ids.count == 15)
    // The 配合单位 column of the overview's 指标表.
    let px = TextMetrics.pixels(columnWidth: 30)
    let text = UnitNames.list(ids, in: plan, pixels: px, fontSize: 10.5)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count > 3)
    #expect(
      text.replacingOccurrences(of: "\n", with: "")
        == ids.compactMap { plan.unit($0)?.shortName }.joined(separator: "、"))
    let names = Set(ids.compactMap { plan.unit($0)?.shortName })
    for line in lines {
      #expect(TextMetrics.lines(line, pixels: px, fontSize: 10.5) == 1, "\(line)")
      for part in line.split(separator: "、") { #expect(names.contains(String(part)), "\(line)") }
    }
  }
}
