import Testing
import Xlsx

@testable import Sheets

@Suite struct SheetLayoutTests {
  let style = CellStyle(fontSize: 10.5, wrap: true)

  /// A sheet of `n` rows `height` points tall.
  func sheet(rows n: Int, height: Double) -> SheetLayout {
    var s = SheetLayout(name: "S", columns: [10, 40])
    for _ in 0..<n { s.append([.init(1, .text("x"), style)], minHeight: height) }
    return s
  }

  @Test func rowsTakeTheHeightOfTheirTallestCell() {
    var s = SheetLayout(name: "S", columns: [5, 32])
    let r = s.append([
      .init(0, .text("1"), style),
      .init(1, .text(String(repeating: "字", count: 40)), style),
    ])
    #expect(r == 0...0)
    // 17 characters a line in a column 32 wide.
    #expect(
      s.rows[0].height == SheetLayout.wholePixels(TextMetrics.rowHeight(lines: 3, fontSize: 10.5)))
    // A merged cell is measured against its whole width.
    s.append([.init(0...1, .text(String(repeating: "字", count: 40)), style)])
    #expect(
      s.rows[1].height == SheetLayout.wholePixels(TextMetrics.rowHeight(lines: 2, fontSize: 10.5)))
    s.append([], minHeight: 33)
    #expect(s.rows[2].height == 33)
  }

  @Test func everyPageBreakIsComputed() {
    // 40 rows of 50.25 points (67 pixels) on pages of 842 − 108 − 6 = 728 points: 14 rows.
    let s = sheet(rows: 40, height: 50)
    #expect(s.rows[0].height == 50.25)
    #expect(s.printableHeight == 728)
    #expect(s.pageBreaks() == [14, 28])
  }

  @Test func aBlockThatWouldStraddleStartsANewPage() {
    var s = sheet(rows: 40, height: 50)
    s.keepTogether = [12...15]
    #expect(s.pageBreaks() == [12, 26])
    // A block taller than a page starts a page and then breaks where it must.
    s.keepTogether = [10...30]
    #expect(s.pageBreaks() == [10, 24, 38])
  }

  @Test func repeatedRowsTakeRoomOnLaterPages() {
    var s = sheet(rows: 40, height: 50)
    s.page.repeatRows = 2...2
    // Page 1: rows 0–13; later pages start with the repeated row: 13 more rows each.
    #expect(s.pageBreaks() == [14, 27, 40].filter { $0 < 40 })
  }

  @Test func aWideSheetScalesAndFitsMoreRows() {
    // Twice as wide as the page: printed at half size, twice the rows a page.
    var s = SheetLayout(name: "S", columns: [136, 10])
    for _ in 0..<40 { s.append([.init(1, .text("x"), style)], minHeight: 50) }
    #expect(s.widthInPoints > s.printableWidth)
    #expect(s.pageBreaks().first ?? 0 > 14)
  }

  @Test func aTableRepeatsItsHeaderOnlyWhereItContinues() {
    // A title, a header, 20 rows of a table, then a paragraph too tall for the page the
    // table ends on: 12 rows fit under the title and the header on page 1 (80.25 + 12 ×
    // 50.25 points of 728), the other 8 on page 2 under a copy of the header; the paragraph
    // starts page 3 with no header above it.
    var s = SheetLayout(name: "S", columns: [10, 40])
    s.append([.init(0...1, .text("title"), style)], minHeight: 50)
    let header = s.append(
      [.init(0, .text("H1"), style), .init(1, .text("H2"), style)], minHeight: 30)
    var body: [Int] = []
    for n in 0..<20 { body += s.append([.init(1, .text("row \(n)"), style)], minHeight: 50) }
    let paragraph = s.append([.init(0...1, .text("paragraph"), style)], minHeight: 400)
    let table = SheetLayout.Table(header: header, body: body[0]...body[19])
    #expect(s.pageBreaks() == [14, paragraph.lowerBound])

    let paged = s.repeatingHeaders(of: [table])
    #expect(paged.rows.count == s.rows.count + 1)
    #expect(paged.pageBreaks() == [14, paragraph.lowerBound + 1])
    let texts = paged.rows.map { $0.cells.map(\.value) }
    #expect(texts[14] == [.text("H1"), .text("H2")])
    #expect(texts[15] == [.text("row 12")])
    #expect(texts[paragraph.lowerBound + 1] == [.text("paragraph")])
    #expect(paged.page.repeatRows == nil)
    // Nothing to repeat: the same layout.
    #expect(s.repeatingHeaders(of: []).rows.count == s.rows.count)
  }
}
