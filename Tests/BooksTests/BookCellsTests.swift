import PlanModel
import Sheets
import Testing

@testable import Books

/// Names broken between their parts, never inside a word.
@Suite struct BookCellsTests {
  let plan = Fixtures.guangzhou.plan

  @Test func aLongUnitNameBreaksAfterItsParentsName() throws {
    let name = "广州市生态环境局环境影响评价与排放管理处"
    // The right half of the signature block before it was widened: 14 characters at 12 pt.
    let narrow = TextMetrics.pixels(columnWidth: 30)
    #expect(
      BookCells.unitName(name, in: plan, pixels: narrow, fontSize: 12)
        == "广州市生态环境局\n环境影响评价与排放管理处")
    // Room for it whole: unchanged.
    let wide = TextMetrics.pixels(columnWidth: 45)
    #expect(BookCells.unitName(name, in: plan, pixels: wide, fontSize: 12) == name)
    // No other unit's name to break after: after its city (the rest, still too long, is left
    // for the reader to wrap).
    let narrower = TextMetrics.pixels(columnWidth: 20)
    #expect(
      BookCells.unitName("广州市城市管理和综合执法局", in: plan, pixels: narrower, fontSize: 12)
        == "广州市\n城市管理和综合执法局")
  }

  @Test func aListOfUnitsBreaksBetweenNames() throws {
    let resolved = Fixtures.guangzhou
    let ids = try #require(resolved.targets.max { $0.cooperating.count < $1.cooperating.count })
      .cooperating
    // The 配合单位 column of the overview's 指标表.
    let px = TextMetrics.pixels(columnWidth: 30)
    let text = BookCells.names(ids, in: plan, pixels: px, fontSize: 10.5)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count > 3)
    #expect(text.replacingOccurrences(of: "\n", with: "") == BookText.names(ids, in: plan))
    let names = Set(ids.compactMap { plan.unit($0)?.shortName })
    for line in lines {
      #expect(TextMetrics.lines(line, pixels: px, fontSize: 10.5) == 1, "\(line)")
      for part in line.split(separator: "、") { #expect(names.contains(String(part)), "\(line)") }
    }
  }
}
