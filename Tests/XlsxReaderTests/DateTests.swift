import CalendarDays
import Foundation
import Testing
import Xlsx
import XlsxReader

/// Dates in filled templates: the number formats that tell a date from a number, and dates
/// read back (the serial conversion itself is tested in CalendarDaysTests).
struct DateTests {
  @Test(arguments: [
    ("yyyy-mm-dd", true), ("mm-dd-yy", true), ("d-mmm", true), ("mmm-yy", true),
    ("m/d/yy h:mm", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("m\"月\"d\"日\"", true),
    ("yyyy\"年\"m\"月\"", true), ("[$-804]yyyy\"年\"m\"月\"d\"日\";@", true),
    ("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", true), ("yyyy/m/d;@", true), ("mmmm", true),
    ("General", false), ("0", false), ("0.00", false), ("#,##0.00_);[Red](#,##0.00)", false),
    ("0.0%", false), ("0.00E+00", false), ("@", false), ("h:mm", false), ("h:mm:ss AM/PM", false),
    ("mm:ss", false), ("[h]:mm:ss", false), ("mmss.0", false), ("上午/下午h\"时\"mm\"分\"", false),
    ("0.0\" days\"", false), ("0\\d", false), ("[Red]0.0", false), ("_(* #,##0_)", false),
    ("0;yyyy", false), ("", false),
  ])
  func dateFormats(format: String, isDate: Bool) {
    #expect(XlsxDate.isDateFormat(format) == isDate)
  }

  @Test func builtInFormats() {
    #expect(XlsxDate.builtinFormat(14) == "mm-dd-yy")
    #expect(XlsxDate.builtinFormat(31) == "yyyy\"年\"m\"月\"d\"日\"")
    #expect(XlsxDate.builtinFormat(58) == "m\"月\"d\"日\"")
    #expect(XlsxDate.builtinFormat(164) == nil)
    for id in [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58] {
      #expect(XlsxDate.isDateFormat(XlsxDate.builtinFormat(id) ?? ""), "id \(id)")
    }
    for id in [0, 1, 2, 9, 18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 49, 55, 56] {
      #expect(!XlsxDate.isDateFormat(XlsxDate.builtinFormat(id) ?? ""), "id \(id)")
    }
  }

  /// A template written by the `Xlsx` module (libxlsxwriter), read back: dates as serials
  /// under their formats, numbers under theirs or none.
  @Test func aWrittenWorkbookReadBack() throws {
    let folder = try TempFolder()
    let path = folder.path("填报.xlsx")
    let date = CellStyle(numberFormat: "yyyy-mm-dd")
    let chineseDate = CellStyle(numberFormat: "yyyy\"年\"m\"月\"d\"日\"")
    try Workbook.write(to: path, properties: DocumentProperties(created: Day(2020, 3, 1))) {
      book in
      let sheet = try book.addWorksheet("填报")
      try sheet.write("完成时间", row: 0, col: 0, style: CellStyle())
      try sheet.write(day: Day(2020, 6, 30), row: 1, col: 0, style: date)
      try sheet.write(day: Day(2020, 12, 31), row: 1, col: 1, style: chineseDate)
      try sheet.write(day: Day(1900, 2, 28), row: 1, col: 2, style: date)
      try sheet.write(day: Day(1900, 3, 1), row: 1, col: 3, style: date)
      try sheet.write(number: 44_012, row: 2, col: 0, style: CellStyle())
      try sheet.write(number: 61.5, row: 2, col: 1, style: CellStyle(numberFormat: "0.0"))
      try sheet.writeBlank(row: 2, col: 2, style: date)
    }
    let book = try XlsxFile.open(path)
    #expect(!book.uses1904Dates)
    let cells = try book.cells(sheet: "填报")
    let formats = try book.cellFormats(sheet: "填报")
    #expect(cells["A2"] == .number(44_012))
    #expect(cells["B2"] == .number(44_196))
    #expect(cells["C2"] == .number(59))
    #expect(cells["D2"] == .number(61))
    #expect(
      formats == [
        "A2": "yyyy-mm-dd", "B2": "yyyy\"年\"m\"月\"d\"日\"", "C2": "yyyy-mm-dd",
        "D2": "yyyy-mm-dd", "B3": "0.0", "C3": "yyyy-mm-dd",
      ])
    func day(_ reference: String) -> String? {
      book.day(of: cells[reference], format: formats[reference])?.description
    }
    #expect(day("A2") == "2020-06-30")
    #expect(day("B2") == "2020-12-31")
    #expect(day("C2") == "1900-02-28")
    #expect(day("D2") == "1900-03-01")
    #expect(day("A3") == nil, "the same serial in a General cell is a number")
    #expect(day("B3") == nil)
    #expect(day("C3") == nil, "an empty date cell")
    #expect(day("A1") == nil)
  }

  /// A workbook in the 1904 system with built-in formats (no `<numFmt>` for them), a custom
  /// one, a time, and a differential format that must not be taken for a cell's.
  @Test func the1904SystemAndBuiltInFormats() throws {
    let folder = try TempFolder()
    let styles = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <numFmts count="2"><numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月\
      &quot;d&quot;日&quot;;@"/><numFmt numFmtId="165" formatCode="0.00%"/></numFmts>\
      <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>\
      <xf numFmtId="164"><alignment horizontal="center"/></xf><xf numFmtId="31"/>\
      <xf numFmtId="20"/><xf numFmtId="165"/></cellXfs>\
      <dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="0.000"/></dxf></dxfs>\
      </styleSheet>
      """
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
      <row r="1"><c r="A1" s="1"><v>42734</v></c><c r="B1" s="2"><v>0</v></c>\
      <c r="C1" s="3"><v>42734.5</v></c><c r="D1" s="4"><v>0.5</v></c>\
      <c r="E1" s="5"><v>0.25</v></c><c r="F1" s="0"><v>42734</v></c>\
      <c r="G1" s="1"><f>A1+1</f><v>42735</v></c></row></sheetData></worksheet>
      """
    let workbook = SampleBook.workbook.replacingOccurrences(
      of: "<sheets>", with: "<workbookPr date1904=\"1\"/><sheets>")
    var parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)
    parts = parts.map { $0.0 == "xl/workbook.xml" ? ($0.0, workbook) : $0 }
    parts.append(("xl/styles.xml", styles))
    let book = try XlsxFile.open(try folder.file("mac.xlsx", try TestZip.archive(parts)))
    #expect(book.uses1904Dates)
    let cells = try book.cells(sheet: "_lists")
    let formats = try book.cellFormats(sheet: "_lists")
    #expect(
      formats == [
        "A1": "mm-dd-yy", "B1": "[$-804]yyyy\"年\"m\"月\"d\"日\";@",
        "C1": "yyyy\"年\"m\"月\"d\"日\"",
        "D1": "h:mm", "E1": "0.00%", "G1": "mm-dd-yy",
      ])
    func day(_ reference: String) -> String? {
      book.day(of: cells[reference], format: formats[reference])?.description
    }
    #expect(day("A1") == "2020-12-31")
    #expect(day("B1") == "1904-01-01")
    #expect(day("C1") == "2020-12-31")
    #expect(day("D1") == nil, "a time")
    #expect(day("E1") == nil)
    #expect(day("F1") == nil)
    #expect(day("G1") == "2021-01-01", "a formula's cached result")
    let plain = try XlsxFile.open(
      try folder.file("plain.xlsx", try TestZip.archive(SampleBook.parts)))
    #expect(!plain.uses1904Dates)
    #expect(try plain.cellFormats(sheet: "目标责任书").isEmpty, "no styles part: all General")
  }

  /// Cells without `s` have style 0, whatever its format.
  @Test func aDefaultStyleThatIsADate() throws {
    let folder = try TempFolder()
    let styles = """
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <cellXfs count="2"><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>
      """
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
      <row r="1"><c r="A1"><v>43891</v></c><c r="B1" s="0"/><c r="C1" s="1"><v>2</v></c>\
      </row></sheetData></worksheet>
      """
    var parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)
    parts.append(("xl/styles.xml", styles))
    let book = try XlsxFile.open(try folder.file("default.xlsx", try TestZip.archive(parts)))
    let formats = try book.cellFormats(sheet: "_lists")
    #expect(formats == ["A1": "mm-dd-yy", "B1": "mm-dd-yy", "C1": "0.00"])
    let cells = try book.cells(sheet: "_lists")
    #expect(book.day(of: cells["A1"], format: formats["A1"])?.description == "2020-03-01")
  }

  /// A cell whose style is not one of the workbook's cell formats: its formats cannot be read,
  /// its values still can.
  @Test func aStyleOutOfRange() throws {
    let folder = try TempFolder()
    let styles = """
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>
      """
    let sheet = """
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="7"><v>2</v></c></row></sheetData>
      </worksheet>
      """
    var parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)
    parts.append(("xl/styles.xml", styles))
    let path = try folder.file("styles.xlsx", try TestZip.archive(parts))
    let book = try XlsxFile.open(path)
    #expect(try book.cells(sheet: "_lists") == ["A1": .number(1), "B1": .number(2)])
    do {
      _ = try book.cellFormats(sheet: "_lists")
      Issue.record("read a style the workbook does not define")
    } catch {
      #expect(error.kind == .invalidContent)
      #expect(
        error.description
          == "\(path): xl/worksheets/sheet3.xml:2:56: cell B1 has style 7, but the workbook "
          + "defines 2 cell formats")
    }
  }
}
