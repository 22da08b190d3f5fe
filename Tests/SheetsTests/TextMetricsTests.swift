import Testing

@testable import Sheets

@Suite struct TextMetricsTests {
  @Test func chineseCountsAboutTwiceADigit() {
    let han = TextMetrics.width(of: "大气处", fontSize: 10.5)
    let digits = TextMetrics.width(of: "123", fontSize: 10.5)
    #expect(han == 3 * 14)
    // DejaVu Sans' digits, what LibreOffice sets them in: 0.636 em.
    #expect(han / digits > 1.5 && han / digits < 1.6)
    #expect(TextMetrics.width(of: "，", fontSize: 10.5) == 14)  // full-width punctuation
    #expect(TextMetrics.width(of: "≤", fontSize: 10.5) == 14)
  }

  /// Characters a line holds as LibreOffice printed them (`pdftotext -bbox` of a cell of each
  /// width, 宋体 set in Noto Sans CJK and DejaVu Sans), by column width in characters: 汉, 8
  /// and a at 10.5 and 12 pt.
  static let printed: [(units: Double, han: [Int], digits: [Int], letters: [Int])] = [
    (5, [2, 2], [4, 3], [4, 4]), (8, [4, 3], [6, 6], [7, 6]), (10.5, [5, 5], [8, 7], [9, 8]),
    (17, [9, 8], [14, 12], [15, 13]), (24, [12, 11], [20, 17], [21, 18]),
    (31, [16, 14], [25, 22], [27, 23]), (36, [19, 16], [30, 26], [31, 27]),
    (60, [31, 27], [49, 44], [52, 45]),
  ]

  /// Exactly for Chinese; for Latin within a character (LibreOffice places glyphs in whole
  /// device units, so a long run of digits may break one character earlier or later).
  @Test func linesHoldWhatLibreOfficePrints() {
    for m in Self.printed {
      let px = TextMetrics.pixels(columnWidth: m.units)
      for (s, size) in [10.5, 12].enumerated() {
        for (c, n, slack) in [("汉", m.han[s], 0), ("8", m.digits[s], 1), ("a", m.letters[s], 1)] {
          let fits = String(repeating: c, count: n - slack)
          let wraps = String(repeating: c, count: n + 1 + slack)
          #expect(
            TextMetrics.lines(fits, pixels: px, fontSize: size) == 1,
            "\(m.units) \(size) \(c)×\(n - slack)")
          #expect(
            TextMetrics.lines(wraps, pixels: px, fontSize: size) == 2,
            "\(m.units) \(size) \(c)×\(n + 1 + slack)")
        }
      }
    }
  }

  @Test func wrappingCountsLines() {
    // A column 31 characters wide holds 16 Chinese characters a line at 10.5 pt.
    let px = TextMetrics.pixels(columnWidth: 31)
    #expect(px == 222)
    #expect(TextMetrics.lines(String(repeating: "字", count: 16), pixels: px, fontSize: 10.5) == 1)
    #expect(TextMetrics.lines(String(repeating: "字", count: 17), pixels: px, fontSize: 10.5) == 2)
    #expect(TextMetrics.lines(String(repeating: "字", count: 160), pixels: px, fontSize: 10.5) == 10)
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
