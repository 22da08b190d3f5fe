import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

@Suite struct WorkbookTests {
  let body = CellStyle(wrap: true, border: true)
  let date = CellStyle(numberFormat: "yyyy\"年\"m\"月\"d\"日\"")
  let properties = DocumentProperties(
    title: "测试", author: "PlanBook", created: Day(2020, 3, 1),
    custom: [("PlanBook.PlanID", "test-plan"), ("Unit", "大气处")])

  func writeSample(_ path: String) throws {
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("责任书")
      try sheet.merge("标题", rows: 0...0, cols: 0...3, style: CellStyle(bold: true))
      try sheet.write("=SUM(A1:A2)", row: 1, col: 0, style: body)
      try sheet.write("+86 20 1234", row: 1, col: 1, style: body)
      try sheet.write("-5 %", row: 1, col: 2, style: body)
      try sheet.write("@大气处", row: 1, col: 3, style: body)
      try sheet.write(number: 697.31, row: 2, col: 0, style: CellStyle(numberFormat: "0.00"))
      try sheet.write(day: Day(2020, 12, 31), row: 2, col: 1, style: date)
      try sheet.setColumn(0, width: 12.5)
      try sheet.setRow(1, height: 30)
      var page = PageSetup()
      page.repeatRows = 1...1
      page.footer = "&C第 &P 页 共 &N 页"
      page.pageBreaks = [2]
      try sheet.setPage(page)
    }
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func readsBackWhatWasWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    try writeSample(path)
    #expect(try folder.files() == ["a.xlsx"])
    let dump = try Openpyxl.dump(path)
    let sheet = try #require(dump.sheet("责任书"))
    #expect(sheet.merged == ["A1:D1"])
    // Text that looks like a formula stays text.
    #expect(sheet.cells["A2"]?.text == "=SUM(A1:A2)")
    #expect(sheet.cells["A2"]?.type == "s")
    #expect(sheet.cells["B2"]?.text == "+86 20 1234")
    #expect(sheet.cells["C2"]?.text == "-5 %")
    #expect(sheet.cells["D2"]?.text == "@大气处")
    #expect(sheet.cells["A3"]?.number == 697.31)
    #expect(sheet.cells["A3"]?.format == "0.00")
    #expect(sheet.cells["B3"]?.date == "2020-12-31")
    #expect(sheet.cells["B3"]?.format == "yyyy\"年\"m\"月\"d\"日\"")
    #expect(sheet.cells["A2"]?.font == "宋体")
    #expect(sheet.cells["A2"]?.wrap == true)
    #expect(sheet.cells["A2"]?.border == true)
    #expect(sheet.columns["A"] != nil)
    #expect(sheet.rows["2"] == 30)
    #expect(sheet.print.paper == 9)
    #expect(sheet.print.orientation == "portrait")
    #expect(sheet.print.fitToWidth == 1)
    #expect(sheet.print.fitToHeight == 0)
    #expect(sheet.print.fitToPage)
    #expect(sheet.print.titleRows == "$2:$2")
    #expect(sheet.print.footer == "第 &P 页 共 &N 页")
    #expect(sheet.print.centered)
    #expect(sheet.print.rowBreaks == [2])
    #expect(dump.custom["PlanBook.PlanID"] == "test-plan")
    #expect(dump.custom["Unit"] == "大气处")
    #expect(dump.core.title == "测试")
    #expect(dump.core.created?.hasPrefix("2020-03-01") == true)
  }

  @Test func sameInputSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let a = folder.url.appendingPathComponent("a.xlsx").path
    let b = folder.url.appendingPathComponent("b.xlsx").path
    try writeSample(a)
    try writeSample(b)
    let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(bytesA.count > 1000)
    #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: b))))
  }

  @Test func missingFolderLeavesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("missing/a.xlsx").path
    #expect {
      try writeSample(path)
    } throws: { error in
      let e = error as? XlsxError
      return e?.operation.contains("a.xlsx") == true && e?.code != -1
    }
    #expect(try folder.files() == [])
  }

  @Test(.enabled(if: getuid() != 0, "root writes anywhere; the missing folder covers it"))
  func unwritableFolderLeavesNothing() throws {
    let folder = try TemporaryFolder()
    defer {
      chmod(folder.path, 0o755)
      folder.remove()
    }
    chmod(folder.path, 0o555)
    #expect(throws: XlsxError.self) {
      try writeSample(folder.url.appendingPathComponent("a.xlsx").path)
    }
    #expect(try folder.files() == [])
  }

  @Test func overLongCellIsAnErrorAndLeavesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    // An earlier good version stays untouched.
    try writeSample(path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path, properties: properties) { wb in
        let sheet = try wb.addWorksheet("S")
        try sheet.write(String(repeating: "字", count: 32_768), row: 4, col: 1, style: body)
      }
    }
    #expect(error?.operation == "write B5 of 'S'")
    #expect(error?.message.contains("32767") == true)
    #expect(try folder.files() == ["a.xlsx"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func exactlyTheLimitIsFine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try Workbook.write(to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties)
    { wb in
      try wb.addWorksheet("S").write(
        String(repeating: "字", count: 32_767), row: 0, col: 0, style: body)
    }
    #expect(try folder.files() == ["a.xlsx"])
  }

  @Test func errorFromTheLayoutLeavesNothing() throws {
    struct LayoutFailed: Error {}
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(throws: LayoutFailed.self) {
      try Workbook.write(
        to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties
      ) { wb in
        try wb.addWorksheet("S").write("x", row: 0, col: 0, style: body)
        throw LayoutFailed()
      }
    }
    #expect(try folder.files() == [])
  }

  @Test func handlesAreDeadAfterClose() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var kept: Worksheet?
    var keptBook: Workbook?
    try Workbook.write(to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties)
    { wb in
      keptBook = wb
      kept = try wb.addWorksheet("S")
    }
    let error = #expect(throws: XlsxError.self) {
      try kept?.write("late", row: 0, col: 0, style: body)
    }
    #expect(error?.message.contains("already closed") == true)
    #expect(throws: XlsxError.self) { try keptBook?.addWorksheet("T") }
    #expect(keptBook?.isOpen == false)
  }

  @Test func invalidSheetNameIsRefusedByName() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(
        to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties
      ) { wb in _ = try wb.addWorksheet("a[b]") }
    }
    #expect(error?.operation == "add worksheet 'a[b]'")
    #expect(try folder.files() == [])
  }

  @Test func invalidDateIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(
        to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties
      ) { wb in
        try wb.addWorksheet("S").write(day: Day(2020, 2, 30), row: 0, col: 0, style: date)
      }
    }
    #expect(error?.operation == "write A1 of 'S'")
  }

  @Test func cellReferences() {
    #expect(CellReference.cell(row: 0, col: 0) == "A1")
    #expect(CellReference.column(25) == "Z")
    #expect(CellReference.column(26) == "AA")
    #expect(CellReference.column(701) == "ZZ")
    #expect(CellReference.column(702) == "AAA")
    #expect(CellReference.range(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 7) == "A1:H1")
  }
}
