import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

@Suite struct RichTextTests {
  let body = CellStyle(wrap: true, border: true)
  /// What a revision table shows: removed characters in 修订前, added ones in 修订后.
  let removed = FontStyle(strikethrough: true, color: 0xFF_0000)
  let added = FontStyle(bold: true, underline: true, color: 0xFF_0000)
  let properties = DocumentProperties(
    title: "修订对照表", author: "PlanBook", created: Day(2020, 3, 1))

  func path(_ folder: TemporaryFolder, _ name: String = "a.xlsx") -> String {
    folder.url.appendingPathComponent(name).path
  }

  /// A small revision table: 序号 / 修订前 / 修订后, one merged rich cell.
  func writeRevision(_ path: String) throws {
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("修订对照表")
      try sheet.write("序号", row: 0, col: 0, style: body)
      try sheet.write("修订前", row: 0, col: 1, style: body)
      try sheet.write("修订后", row: 0, col: 2, style: body)
      try sheet.write(number: 1, row: 1, col: 0, style: body)
      try sheet.write(
        rich: [RichRun("加强"), RichRun("扬尘", font: removed), RichRun("污染防治")],
        row: 1, col: 1, style: body)
      try sheet.write(
        rich: [RichRun("加强"), RichRun("施工扬尘", font: added), RichRun("污染防治")],
        row: 1, col: 2, style: body)
      try sheet.merge(
        rich: [
          RichRun("完成时限："), RichRun("2020年6月", font: removed),
          RichRun("2020年9月", font: added),
        ],
        rows: 2...2, cols: 1...2, style: body)
      try sheet.setColumn(1, width: 30)
      try sheet.setColumn(2, width: 30)
      var page = PageSetup()
      page.orientation = .landscape
      try sheet.setPage(page)
    }
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func runsAndTheirFontsReadBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try writeRevision(path(folder))
    #expect(try folder.files() == ["a.xlsx"])
    let sheet = try #require(try Openpyxl.dump(path(folder)).sheet("修订对照表"))

    let before = try #require(sheet.cells["B2"])
    #expect(before.text == "加强扬尘污染防治")
    #expect(before.type == "s")
    // The cell's own format: borders, wrap, font.
    #expect(before.wrap && before.border && before.font == "宋体")
    let plain = WorkbookDump.Cell.Run(
      text: "加强", font: "宋体", size: 11, bold: false, italic: false, underline: nil,
      strike: false, color: nil)
    var struck = plain
    struck.text = "扬尘"
    struck.strike = true
    struck.color = "FF0000"
    var rest = plain
    rest.text = "污染防治"
    // Every run names the cell's font: libxlsxwriter would give an unformatted run after a
    // formatted one Calibri 11.
    #expect(before.runs == [plain, struck, rest])

    let after = try #require(sheet.cells["C2"])
    #expect(after.text == "加强施工扬尘污染防治")
    var inserted = plain
    inserted.text = "施工扬尘"
    inserted.bold = true
    inserted.underline = "single"
    inserted.color = "FF0000"
    #expect(after.runs == [plain, inserted, rest])

    #expect(sheet.merged == ["B3:C3"])
    let merged = try #require(sheet.cells["B3"])
    #expect(merged.text == "完成时限：2020年6月2020年9月")
    #expect(merged.runs?.map(\.text) == ["完成时限：", "2020年6月", "2020年9月"])
    #expect(merged.runs?.map(\.strike) == [false, true, false])
    #expect(merged.runs?.map(\.bold) == [false, false, true])
    #expect(merged.border && merged.wrap)
    #expect(sheet.cells["C3"] == nil)
    // Plain cells stay plain.
    #expect(sheet.cells["A1"]?.runs == nil)
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func runFontsFallBackToTheCellsNameSizeAndColour()
    throws
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let heading = CellStyle(fontName: "黑体", fontSize: 14, bold: true, fontColor: 0x1F_4E79)
    try Workbook.write(to: path(folder), properties: properties) { wb in
      try wb.addWorksheet("S").write(
        rich: [
          RichRun("标题"), RichRun("（草案）", font: FontStyle(italic: true)),
          RichRun("附", font: FontStyle(name: "宋体", size: 9, color: 0)),
        ], row: 0, col: 0, style: heading)
    }
    let cell = try #require(try Openpyxl.dump(path(folder)).sheet("S")?.cells["A1"])
    let runs = try #require(cell.runs)
    #expect(runs.map(\.text) == ["标题", "（草案）", "附"])
    #expect(runs.map(\.font) == ["黑体", "黑体", "宋体"])
    #expect(runs.map(\.size) == [14, 14, 9])
    // A run with a font has its own flags: not bold although the cell is.
    #expect(runs.map(\.bold) == [true, false, false])
    #expect(runs.map(\.italic) == [false, true, false])
    #expect(runs.map(\.color) == ["1F4E79", "1F4E79", "000000"])
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func oneRunIsAPlainCell() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Workbook.write(to: path(folder), properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      try sheet.write(rich: [RichRun("甲")], row: 0, col: 0, style: body)
      // Neighbours in the same font are one run.
      try sheet.write(
        rich: [RichRun("甲"), RichRun(""), RichRun("乙", font: nil)], row: 1, col: 0, style: body)
      try sheet.write(
        rich: [RichRun("删", font: removed), RichRun("除", font: removed)], row: 2, col: 0,
        style: body)
      // A font a CellStyle can say: the cell's format takes it.
      try sheet.write(
        rich: [RichRun("红", font: FontStyle(bold: true, color: 0xFF_0000))], row: 3, col: 0,
        style: body)
      try sheet.write(rich: [RichRun("整句删除", font: removed)], row: 4, col: 0, style: body)
      try sheet.merge(rich: [RichRun("合并")], rows: 5...5, cols: 0...1, style: body)
      try sheet.merge(rich: [RichRun("合并删除", font: removed)], rows: 6...6, cols: 0...1, style: body)
    }
    let sheet = try #require(try Openpyxl.dump(path(folder)).sheet("S"))
    for (ref, text) in [
      ("A1", "甲"), ("A2", "甲乙"), ("A3", "删除"), ("A4", "红"), ("A5", "整句删除"), ("A6", "合并"),
      ("A7", "合并删除"),
    ] {
      #expect(sheet.cells[ref]?.text == text, "\(ref)")
      #expect(sheet.cells[ref]?.type == "s", "\(ref)")
      #expect(sheet.cells[ref]?.runs == nil, "\(ref)")
      #expect(sheet.cells[ref]?.border == true, "\(ref)")
    }
    #expect(sheet.cells["A4"]?.bold == true)
    #expect(sheet.merged == ["A6:B6", "A7:B7"])
    // The struck-through cells' font is the cell's: one struck red font in the styles, however
    // many cells use it.
    let styles = try Openpyxl.part("xl/styles.xml", of: path(folder))
    #expect(styles.components(separatedBy: "<strike/>").count - 1 == 1)
    #expect(styles.contains("<color rgb=\"FFFF0000\"/>"))
  }

  @Test func oneRunWritesTheSameBytesAsPlainText() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Workbook.write(to: path(folder, "plain.xlsx"), properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      try sheet.write("甲乙", row: 0, col: 0, style: body)
      try sheet.writeBlank(row: 1, col: 0, style: body)
    }
    try Workbook.write(to: path(folder, "rich.xlsx"), properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      try sheet.write(rich: [RichRun(""), RichRun("甲"), RichRun("乙")], row: 0, col: 0, style: body)
      try sheet.write(rich: [RichRun(""), RichRun("", font: removed)], row: 1, col: 0, style: body)
    }
    let plain = try Data(contentsOf: URL(fileURLWithPath: path(folder, "plain.xlsx")))
    #expect(plain == (try Data(contentsOf: URL(fileURLWithPath: path(folder, "rich.xlsx")))))
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func emptyRunsAreDropped() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Workbook.write(to: path(folder), properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      try sheet.write(
        rich: [
          RichRun(""), RichRun("保留"), RichRun("", font: added), RichRun("删去", font: removed),
          RichRun("", font: removed), RichRun(""),
        ], row: 0, col: 0, style: body)
      try sheet.write(rich: [], row: 1, col: 0, style: body)
      try sheet.merge(rich: [RichRun("")], rows: 2...2, cols: 0...1, style: body)
    }
    let sheet = try #require(try Openpyxl.dump(path(folder)).sheet("S"))
    #expect(sheet.cells["A1"]?.runs?.map(\.text) == ["保留", "删去"])
    #expect(sheet.cells["A1"]?.runs?.map(\.strike) == [false, true])
    // No runs at all: a blank cell that still has its borders.
    #expect(sheet.cells["A2"] == nil)
    #expect(sheet.merged == ["A3:B3"])
    let xml = try Openpyxl.part("xl/worksheets/sheet1.xml", of: path(folder))
    #expect(xml.contains("<c r=\"A2\" s=\"1\"/>"))
    #expect(xml.contains("<c r=\"A3\" s=\"1\"/>"))
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func textIsTheSameAsInAPlainCell() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Spaces at the ends, line breaks, XML's special characters, a tab and a carriage return
    // (libxlsxwriter writes that raw into a rich string, where a reader would see a line
    // feed). Other control characters are refused (XMLTextTests).
    let texts = [" 前后空格 ", "第一行\n第二行", "A&B<C>\"D\"", "制表\t回车\r换行"]
    try Workbook.write(to: path(folder), properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      for (row, text) in texts.enumerated() {
        try sheet.write(text, row: row, col: 0, style: body)
        try sheet.write(
          rich: [RichRun("改", font: added), RichRun(text)], row: row, col: 1, style: body)
      }
    }
    let sheet = try #require(try Openpyxl.dump(path(folder)).sheet("S"))
    for row in 1...texts.count {
      let plain = try #require(sheet.cells["A\(row)"]?.text)
      let rich = sheet.cells["B\(row)"]?.runs?.last?.text
      #expect(rich == plain, "row \(row)")
    }
    // openpyxl leaves Excel's escape as it is.
    #expect(sheet.cells["A4"]?.text == "制表\t回车_x000D_换行")
  }

  @Test func overLongRichTextIsAnErrorAndLeavesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try writeRevision(path(folder))
    let before = try Data(contentsOf: URL(fileURLWithPath: path(folder)))
    let half = String(repeating: "字", count: 16_384)
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path(folder), properties: properties) { wb in
        try wb.addWorksheet("S").write(
          rich: [RichRun(half), RichRun(half, font: removed)], row: 4, col: 1, style: body)
      }
    }
    // The same wording as for plain text.
    #expect(error?.operation == "write B5 of 'S'")
    #expect(
      error?.message == "the text is 32768 characters long; a cell holds at most 32767")
    #expect(try folder.files() == ["a.xlsx"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path(folder))) == before)

    // Within the limit as text, but libxlsxwriter also counts the runs' XML.
    let markup = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path(folder, "b.xlsx"), properties: properties) { wb in
        try wb.addWorksheet("S").merge(
          rich: [RichRun(String(half.dropLast())), RichRun(half, font: removed)], rows: 0...1,
          cols: 0...0, style: body)
      }
    }
    #expect(markup?.operation == "merge A1:A2 of 'S'")
    #expect(markup?.code != -1)
    #expect(markup?.message.contains("markup") == true)
    #expect(try folder.files() == ["a.xlsx"])
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func runsUpToTheLimitAndNoMore() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func alternating(_ count: Int) -> [RichRun] {
      (0..<count).map { RichRun($0 % 2 == 0 ? "文" : "改", font: $0 % 2 == 0 ? nil : added) }
    }
    try Workbook.write(to: path(folder), properties: properties) { wb in
      try wb.addWorksheet("S").write(
        rich: alternating(Worksheet.maximumRichRuns), row: 0, col: 0, style: body)
    }
    let runs = try Openpyxl.dump(path(folder)).sheet("S")?.cells["A1"]?.runs
    #expect(runs?.count == 254)
    // 255 fragments fail in libxlsxwriter 1.1.4, 256 or more never return: refused here.
    for count in [255, 256, 1000] {
      let error = #expect(throws: XlsxError.self) {
        try Workbook.write(to: path(folder, "b.xlsx"), properties: properties) { wb in
          try wb.addWorksheet("S").write(rich: alternating(count), row: 0, col: 0, style: body)
        }
      }
      #expect(error?.message == "the rich text has \(count) runs; a cell holds at most 254")
    }
    // Merged neighbours count once.
    let merging = (0..<600).map { RichRun("字", font: $0 < 300 ? nil : removed) }
    try Workbook.write(to: path(folder, "c.xlsx"), properties: properties) { wb in
      try wb.addWorksheet("S").write(rich: merging, row: 0, col: 0, style: body)
    }
    #expect(try folder.files() == ["a.xlsx", "c.xlsx"])
  }

  @Test func sameInputSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try writeRevision(path(folder, "a.xlsx"))
    try writeRevision(path(folder, "b.xlsx"))
    let a = try Data(contentsOf: URL(fileURLWithPath: path(folder, "a.xlsx")))
    #expect(a.count > 1000)
    #expect(a == (try Data(contentsOf: URL(fileURLWithPath: path(folder, "b.xlsx")))))
  }

  @Test func useAfterCloseThrows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var kept: Worksheet?
    try Workbook.write(to: path(folder), properties: properties) { wb in
      kept = try wb.addWorksheet("S")
    }
    let runs = [RichRun("甲"), RichRun("乙", font: added)]
    let write = #expect(throws: XlsxError.self) {
      try kept?.write(rich: runs, row: 0, col: 0, style: body)
    }
    #expect(write?.operation == "write A1 of 'S'")
    #expect(write?.message.contains("already closed") == true)
    let merge = #expect(throws: XlsxError.self) {
      try kept?.merge(rich: runs, rows: 0...0, cols: 0...1, style: body)
    }
    #expect(merge?.message.contains("already closed") == true)
    // Also when the runs come to a plain or blank cell.
    #expect(throws: XlsxError.self) {
      try kept?.write(rich: [RichRun("甲")], row: 0, col: 0, style: body)
    }
    #expect(throws: XlsxError.self) { try kept?.write(rich: [], row: 0, col: 0, style: body) }
  }

  @Test func controlCharactersAreEscapedLikeLibxlsxwriterDoes() {
    #expect(Worksheet.escapingControlCharacters("甲\t乙\n丙") == "甲\t乙\n丙")
    #expect(Worksheet.escapingControlCharacters("a\u{1}b\rc\u{1F}") == "a_x0001_b_x000D_c_x001F_")
  }
}
