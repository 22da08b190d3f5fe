import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

/// Every row and column passes one bounds check before it becomes libxlsxwriter's unsigned
/// row or column: a negative row or a column past 65,535 is an error naming the cell, never a
/// trap.
@Suite struct ExcelGridTests {
  let style = CellStyle()
  let properties = DocumentProperties(title: "网格", created: Day(2020, 3, 1))

  /// Each way a row or column reaches libxlsxwriter, with row −1 and with column 70,000.
  func cases(row: Int, col: Int) -> [(String, (Worksheet) throws -> Void)] {
    let style = self.style
    return [
      ("write text", { try $0.write("甲", row: row, col: col, style: style) }),
      ("write a number", { try $0.write(number: 1, row: row, col: col, style: style) }),
      (
        "write a date",
        { try $0.write(day: Day(2020, 9, 30), row: row, col: col, style: style) }
      ),
      ("write a blank", { try $0.writeBlank(row: row, col: col, style: style) }),
      ("merge", { try $0.merge("甲", rows: row...(row + 1), cols: col...col, style: style) }),
      (
        "write rich text",
        {
          try $0.write(
            rich: [RichRun("甲"), RichRun("乙", font: FontStyle(bold: true))],
            row: row, col: col, style: style)
        }
      ),
      (
        "merge rich text",
        {
          try $0.merge(
            rich: [RichRun("甲"), RichRun("乙", font: FontStyle(bold: true))],
            rows: row...row, cols: col...(col + 1), style: style)
        }
      ),
      ("set a column width", { try $0.setColumn(col, width: 8) }),
      ("hide a column", { try $0.setColumn(col, width: 8, hidden: true) }),
      ("set a row height", { try $0.setRow(row, height: 20) }),
      (
        "repeat rows",
        { sheet in
          var page = PageSetup()
          page.repeatRows = row...row
          try sheet.setPage(page)
        }
      ),
      (
        "break a page",
        { sheet in
          var page = PageSetup()
          page.pageBreaks = [row]
          try sheet.setPage(page)
        }
      ),
      (
        "add a validation",
        {
          try $0.addValidation(
            DataValidation(.decimal(min: 0, max: 1)), rows: row...row,
            cols: col...col)
        }
      ),
    ]
  }

  @Test(arguments: [(-1, 0), (0, 70_000), (-1, 70_000), (1_048_576, 0), (0, 16_384)])
  func aCellOffTheGridIsAnErrorNamingIt(row: Int, col: Int) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    for (what, body) in cases(row: row, col: col) {
      // Row and column checks only apply to what takes them.
      let takesRow = !["set a column width", "hide a column"].contains(what)
      let takesCol = !["set a row height", "repeat rows", "break a page"].contains(what)
      let rowOff = row < 0 || row >= 1_048_576
      let colOff = col < 0 || col >= 16_384
      guard (takesRow && rowOff) || (takesCol && colOff) else { continue }
      let error = #expect(throws: XlsxError.self, "\(what)") {
        try Workbook.write(to: path, properties: properties) { wb in
          try body(try wb.addWorksheet("表"))
        }
      }
      #expect(
        error?.message.contains("outside the sheet") == true,
        "\(what): \(String(describing: error))")
      if takesRow && rowOff {
        #expect(error?.message.contains("row \(row)") == true, "\(what)")
      } else {
        #expect(error?.message.contains("column \(col)") == true, "\(what)")
      }
      #expect(error?.operation.hasSuffix("of '表'") == true, "\(what): \(String(describing: error))")
      #expect(try folder.files() == [], "\(what)")
    }
  }

  @Test func theErrorNamesTheCell() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path, properties: properties) { wb in
        try wb.addWorksheet("表").write("甲", row: 3, col: 70_000, style: style)
      }
    }
    #expect(error?.operation == "write row 3, column 70000 of '表'")
    #expect(
      error?.message
        == "the cell at row 3, column 70000 (counted from 0) is outside the sheet, which has "
        + "rows 0–1048575 and columns 0–16383 (A–XFD)")
  }

  @Test func theLastCellOfTheGridIsWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    try Workbook.write(to: path, properties: properties) { wb in
      try wb.addWorksheet("表").write("末", row: 1_048_575, col: 16_383, style: style)
    }
    #expect(try folder.files() == ["a.xlsx"])
  }

  @Test func namesNeverTrap() {
    #expect(ExcelGrid.name(row: Int.max, col: Int.min) == "row \(Int.max), column \(Int.min)")
    #expect(ExcelGrid.name(Int.max...Int.max, 0...0).hasPrefix("rows "))
    #expect(ExcelGrid.name(row: 4, col: 1) == "B5")
    #expect(ExcelGrid.name(col: 70_000) == "70000 (counted from 0)")
  }
}
