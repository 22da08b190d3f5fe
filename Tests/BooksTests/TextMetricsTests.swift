import Testing

@testable import Books

@Suite struct TextMetricsTests {
  @Test func chineseCountsAboutTwiceADigit() {
    let han = TextMetrics.width(of: "大气处", fontSize: 10.5)
    let digits = TextMetrics.width(of: "123", fontSize: 10.5)
    #expect(han == 3 * 14)
    #expect(han / digits > 1.6 && han / digits < 2)
    #expect(TextMetrics.width(of: "，", fontSize: 10.5) == 14)  // full-width punctuation
    #expect(TextMetrics.width(of: "≤", fontSize: 10.5) == 14)
  }

  @Test func wrappingCountsLines() {
    // 221 pixels of room less the margin: 14 Chinese characters a line at 10.5 pt.
    let px = TextMetrics.pixels(columnWidth: 32)
    #expect(px == 229)
    #expect(TextMetrics.lines(String(repeating: "字", count: 14), pixels: px, fontSize: 10.5) == 1)
    #expect(TextMetrics.lines(String(repeating: "字", count: 15), pixels: px, fontSize: 10.5) == 2)
    #expect(TextMetrics.lines(String(repeating: "字", count: 140), pixels: px, fontSize: 10.5) == 10)
    // Explicit line breaks count, empty lines too.
    #expect(TextMetrics.lines("一\n二\n\n三", pixels: px, fontSize: 10.5) == 4)
    #expect(TextMetrics.lines("", pixels: px, fontSize: 10.5) == 1)
  }

  @Test func latinWordsMoveWhole() {
    // A word that does not fit moves to the next line instead of breaking.
    let px = TextMetrics.pixels(columnWidth: 10)
    let word = "abcdefg"
    #expect(TextMetrics.lines(word, pixels: px, fontSize: 10.5) == 1)
    #expect(TextMetrics.lines("字字字" + word, pixels: px, fontSize: 10.5) == 2)
    // A word longer than a line breaks anywhere.
    #expect(TextMetrics.lines(String(repeating: "8", count: 40), pixels: px, fontSize: 10.5) >= 4)
  }

  @Test func rowHeightsGrowWithLines() {
    #expect(TextMetrics.rowHeight(lines: 1, fontSize: 10.5) == 21)
    #expect(TextMetrics.rowHeight(lines: 10, fontSize: 10.5) == 158)
  }

  @Test func columnWidthFitsADate() {
    // 2020年12月31日 in the date format needs the 17 units the book gives it.
    #expect(TextMetrics.columnWidth(fitting: "2020年12月31日", fontSize: 10.5) <= 17)
  }
}
