import Foundation
import PlanModel
import TestSupport
import Testing

@testable import Xlsx

/// The bridge refuses the characters XML 1.0 cannot carry wherever a string goes to
/// libxlsxwriter (before, a unit short name with U+0001 made a workbook nothing opens), and
/// keeps tab, line feed and carriage return.
@Suite struct XMLTextTests {
  let style = CellStyle()
  let created = Day(2020, 3, 1)

  @Test func whatXMLCannotCarry() {
    for bad in [
      "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}",
    ] {
      #expect(!XMLText.isWritable("甲" + bad + "乙"), "\(bad.unicodeScalars.map(\.value))")
    }
    for good in ["", "\t", "\n", "\r", "\u{7F}", "\u{85}", "\u{FFFD}", "\u{FEFF}", "大气处", "😀"] {
      #expect(XMLText.isWritable("甲" + good + "乙"), "\(good.unicodeScalars.map(\.value))")
    }
  }

  /// Each place a string goes to libxlsxwriter, with U+0001 in it: what the error names.
  func places(_ bad: String) -> [(String, String, DocumentProperties, (Workbook) throws -> Void)] {
    let plain = DocumentProperties(created: created)
    let style = self.style
    let chartData = { (wb: Workbook) throws -> Worksheet in
      let sheet = try wb.addWorksheet("数据")
      try sheet.write(number: 1, row: 0, col: 0, style: style)
      return sheet
    }
    let values = SheetRange(sheet: "数据", rows: 0...0, col: 0)
    return [
      (
        "write A1 of 'S'", "the text", plain,
        { try $0.addWorksheet("S").write(bad, row: 0, col: 0, style: style) }
      ),
      (
        "merge A1:B1 of 'S'", "the text", plain,
        {
          try $0.addWorksheet("S").merge(bad, rows: 0...0, cols: 0...1, style: style)
        }
      ),
      (
        "write A1 of 'S'", "the text of run 2", plain,
        {
          try $0.addWorksheet("S").write(
            rich: [RichRun("甲", font: FontStyle(bold: true)), RichRun(bad)], row: 0, col: 0,
            style: style)
        }
      ),
      ("add worksheet '\(bad)'", "the sheet name", plain, { _ = try $0.addWorksheet(bad) }),
      (
        "set document properties", "the title", DocumentProperties(title: bad, created: created),
        { _ in }
      ),
      (
        "set document properties", "the author", DocumentProperties(author: bad, created: created),
        { _ in }
      ),
      (
        "set document properties", "the comments",
        DocumentProperties(comments: bad, created: created), { _ in }
      ),
      (
        "set custom property PlanBook.Unit", "the value",
        DocumentProperties(created: created, custom: [("PlanBook.Unit", bad)]), { _ in }
      ),
      (
        "set custom property \(bad)", "the name",
        DocumentProperties(created: created, custom: [(bad, "x")]), { _ in }
      ),
      (
        "insert a chart at C1 of '数据'", "the title", plain,
        {
          let sheet = try chartData($0)
          try $0.insertChart(
            Chart(.line, title: bad, series: [.init(values: values)]), into: sheet, row: 0, col: 2)
        }
      ),
      (
        "insert a chart at C1 of '数据'", "the name of series 1", plain,
        {
          let sheet = try chartData($0)
          try $0.insertChart(
            Chart(.line, series: [.init(name: bad, values: values)]), into: sheet, row: 0, col: 2)
        }
      ),
      (
        "insert a chart at C1 of '数据'", "the value axis title", plain,
        {
          let sheet = try chartData($0)
          try $0.insertChart(
            Chart(.line, series: [.init(values: values)], valueAxis: .init(title: bad)),
            into: sheet,
            row: 0, col: 2)
        }
      ),
      (
        "set the footer of 'S'", "the footer", plain,
        {
          var page = PageSetup()
          page.footer = bad
          try $0.addWorksheet("S").setPage(page)
        }
      ),
      (
        "add a conditional format to A1:A3 of 'S'", "the text", plain,
        {
          let sheet = try $0.addWorksheet("S")
          try $0.addConditionalFormat(
            .highlight(.textEquals(bad), style: style), to: sheet, rows: 0...2, cols: 0...0)
        }
      ),
      (
        "add a cell format", "the number format", plain,
        {
          try $0.addWorksheet("S").write(
            number: 1, row: 0, col: 0, style: CellStyle(numberFormat: bad))
        }
      ),
    ]
  }

  @Test(arguments: ["甲\u{1}乙", "甲\u{FFFE}", "\u{0}"])
  func refusedEverywhereWithThePlaceNamed(bad: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    let code = bad.unicodeScalars.first { !XMLCharacters.allows($0) }.map {
      "U+" + String(repeating: "0", count: 4 - String($0.value, radix: 16).count)
        + String($0.value, radix: 16, uppercase: true)
    }
    for (operation, what, properties, build) in places(bad) {
      let error = #expect(throws: XlsxError.self, "\(operation) \(what)") {
        try Workbook.write(to: path, properties: properties, build: build)
      }
      #expect(error?.operation == operation, "\(String(describing: error))")
      #expect(
        error?.message.hasPrefix("\(what) holds the control character \(code ?? "?")") == true,
        "\(String(describing: error))")
      #expect(try folder.files() == [], "\(operation)")
    }
  }

  /// Tab, line feed and carriage return are kept, in cells, rich text and properties, and the
  /// file opens.
  @Test(.enabled(if: Openpyxl.isAvailable)) func tabLineFeedAndCarriageReturnAreWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    let text = "甲\t乙\n丙\r丁"
    let properties = DocumentProperties(
      title: text, created: created, custom: [("PlanBook.Unit", "大气\t处")])
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      try sheet.write(text, row: 0, col: 0, style: style)
      try sheet.merge(text, rows: 1...1, cols: 0...1, style: style)
      try sheet.write(
        rich: [RichRun("甲\t", font: FontStyle(bold: true)), RichRun("乙\n丙\r丁")], row: 2, col: 0,
        style: style)
    }
    let dump = try Openpyxl.dump(path)
    let sheet = try #require(dump.sheet("S"))
    // A carriage return in a cell is stored as Excel's escape `_x000D_`, which openpyxl
    // leaves as it is.
    let stored = "甲\t乙\n丙_x000D_丁"
    #expect(sheet.cells["A1"]?.text == stored)
    #expect(sheet.cells["A2"]?.text == stored)
    #expect(sheet.cells["A3"]?.text == stored)
    let core = try Openpyxl.part("docProps/core.xml", of: path)
    #expect(core.contains("<dc:title>甲\t乙\n丙\r丁</dc:title>"))
    let custom = try Openpyxl.part("docProps/custom.xml", of: path)
    #expect(custom.contains("<vt:lpwstr>大气\t处</vt:lpwstr>"))
  }

  @Test func sheetNamesAreCleanedOfThem() {
    #expect(SheetNames.clean("大气\u{1}处\u{FFFF}") == "大气_处_")
  }
}
