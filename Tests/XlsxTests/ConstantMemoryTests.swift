import CalendarDays
import Foundation
import TestSupport
import Testing
import XlsxReader

@testable import Xlsx

/// Workbooks written in ``Workbook/Mode/constantMemory``: the same cells as normal mode, rows
/// only top to bottom, and every misuse an error naming the cell before libxlsxwriter sees it.
@Suite struct ConstantMemoryTests {
  let body = CellStyle(wrap: true, border: true)
  let properties = DocumentProperties(title: "测试", created: Day(2020, 3, 1))

  func path(_ folder: TemporaryFolder, _ name: String = "a.xlsx") -> String {
    folder.url.appendingPathComponent(name).path
  }

  /// A sheet written row by row, as a layout does.
  func writeRows(_ path: String, mode: Workbook.Mode) throws {
    try Workbook.write(to: path, properties: properties, mode: mode) { wb in
      let sheet = try wb.addWorksheet("清单")
      try sheet.setColumn(1, width: 30)
      try sheet.setRow(0, height: 24)
      try sheet.merge("标题", rows: 0...0, cols: 0...2, style: CellStyle(bold: true))
      for r in 1...50 {
        try sheet.setRow(r, height: 18)
        // Cells of a row in any order.
        try sheet.write(number: Double(r), row: r, col: 2, style: CellStyle(numberFormat: "0.0"))
        try sheet.write("任务\(r)", row: r, col: 1, style: body)
        try sheet.write(day: Day(2020, 12, 1 + r % 28), row: r, col: 0, style: body)
      }
      var page = PageSetup()
      page.repeatRows = 0...0
      page.pageBreaks = [20, 40]
      try sheet.setPage(page)
    }
  }

  @Test func readsBackTheSameCellsAsNormalMode() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try writeRows(path(folder, "normal.xlsx"), mode: .normal)
    try writeRows(path(folder, "constant.xlsx"), mode: .constantMemory)
    let normal = try XlsxFile(path: path(folder, "normal.xlsx"))
    let constant = try XlsxFile(path: path(folder, "constant.xlsx"))
    let a = try normal.cells(sheet: "清单")
    let b = try constant.cells(sheet: "清单")
    #expect(b == a)
    #expect(b.count == 153)
    #expect(b["B51"] == .text("任务50"))
    #expect(try constant.mergedRanges(sheet: "清单") == ["A1:C1"])
    #expect(try constant.cellFormats(sheet: "清单") == normal.cellFormats(sheet: "清单"))
    // Strings go inline into the cells instead of a shared-string table.
    #expect(constant.partText("xl/worksheets/sheet1.xml")?.contains("t=\"inlineStr\"") == true)
    #expect(constant.partText("xl/sharedStrings.xml") == nil)
    #expect(normal.partText("xl/sharedStrings.xml") != nil)
  }

  @Test func sameInputSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try writeRows(path(folder, "a.xlsx"), mode: .constantMemory)
    try writeRows(path(folder, "b.xlsx"), mode: .constantMemory)
    let a = try Data(contentsOf: folder.url.appendingPathComponent("a.xlsx"))
    #expect(a == (try Data(contentsOf: folder.url.appendingPathComponent("b.xlsx"))))
  }

  /// Writes `body` into a constant-memory workbook, expecting an error; nothing may be left.
  func refused(_ body: (Worksheet) throws -> Void) throws -> XlsxError? {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path(folder), properties: properties, mode: .constantMemory) {
        try body(try $0.addWorksheet("S"))
      }
    }
    #expect(try folder.files() == [])
    return error
  }

  @Test func anEarlierRowIsAnErrorNamingTheCell() throws {
    let error = try refused { sheet in
      try sheet.write("第六行", row: 5, col: 0, style: body)
      try sheet.write("第三行", row: 2, col: 1, style: body)
    }
    #expect(error?.operation == "write B3 of 'S'")
    #expect(error?.message.contains("row 3 comes after row 6") == true)
    // Heights, numbers, dates, blanks and merges are held to the same order.
    let height = try refused { sheet in
      try sheet.setRow(4, height: 20)
      try sheet.setRow(3, height: 20)
    }
    #expect(height?.operation == "set the height of row 4 of 'S'")
    let number = try refused { sheet in
      try sheet.writeBlank(row: 1, col: 0, style: body)
      try sheet.write(number: 1, row: 0, col: 0, style: body)
    }
    #expect(number?.operation == "write A1 of 'S'")
    let merge = try refused { sheet in
      try sheet.write("x", row: 7, col: 0, style: body)
      try sheet.merge("y", rows: 6...6, cols: 0...1, style: body)
    }
    #expect(merge?.operation == "merge A7:B7 of 'S'")
  }

  @Test func aMergeOverSeveralRowsIsRefused() throws {
    let error = try refused { sheet in
      try sheet.merge("跨行", rows: 0...1, cols: 0...1, style: body)
    }
    #expect(error?.operation == "merge A1:B2 of 'S'")
    #expect(error?.message.contains("within one row") == true)
  }

  @Test func richTextIsRefused() throws {
    let error = try refused { sheet in
      try sheet.write(rich: [RichRun("删除"), RichRun("新增")], row: 0, col: 0, style: body)
    }
    #expect(error?.operation == "write A1 of 'S'")
    #expect(error?.message.contains("rich text") == true)
    let merged = try refused { sheet in
      try sheet.merge(rich: [RichRun("甲")], rows: 0...0, cols: 0...1, style: body)
    }
    #expect(merged?.message.contains("rich text") == true)
  }

  @Test func aChartIsRefused() throws {
    let error = try refused { sheet in
      try sheet.write(number: 1, row: 0, col: 0, style: body)
      let chart = Chart(
        .bar,
        series: [Chart.Series(name: "完成", values: SheetRange(sheet: "S", rows: 0...0, col: 0))])
      try sheet.workbook.insertChart(chart, into: sheet, row: 2, col: 0)
    }
    #expect(error?.message.contains("constant-memory") == true)
  }

  /// More styles than the workbook's recently-used list holds, alternating: each cell still
  /// gets its own format.
  @Test func manyStylesAlternatingKeepTheirFormats() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let styles = (0..<12).map {
      CellStyle(numberFormat: "0." + String(repeating: "0", count: $0 + 1))
    }
    try Workbook.write(to: path(folder), properties: properties, mode: .constantMemory) { wb in
      let sheet = try wb.addWorksheet("S")
      for r in 0..<6 {
        for (c, style) in styles.enumerated().reversed() where (r + c) % 2 == 0 {
          try sheet.write(number: 1, row: r, col: c, style: style)
        }
        // A column whose style changes from row to row, and one beyond those remembered.
        try sheet.write(number: 2, row: r, col: 12, style: styles[r])
        try sheet.write(number: 3, row: r, col: 100, style: styles[5 - r])
      }
    }
    let file = try XlsxFile(path: path(folder))
    let formats = try file.cellFormats(sheet: "S")
    #expect(formats.count == 48)
    for r in 0..<6 {
      for c in 0..<12 where (r + c) % 2 == 0 {
        let ref = CellReference.cell(row: r, col: c)
        #expect(formats[ref] == "0." + String(repeating: "0", count: c + 1), "\(ref)")
      }
      #expect(
        formats[CellReference.cell(row: r, col: 12)] == "0." + String(repeating: "0", count: r + 1))
      #expect(
        formats[CellReference.cell(row: r, col: 100)] == "0." + String(repeating: "0", count: 6 - r)
      )
    }
  }
}
