import Foundation
import Testing
import XlsxReader

/// A valid workbook read back: sheets, cells, properties, merged ranges.
struct XlsxFileTests {
  /// Written deflated by ZIPFoundation (zlib), and stored by hand: both read the same.
  static let encodings: [String] = ["deflate", "stored"]

  func sampleBook(_ encoding: String, in folder: TempFolder) throws -> XlsxFile {
    let data =
      encoding == "deflate"
      ? try TestZip.archive(SampleBook.parts) : TestZip.rawBook()
    return try XlsxFile.open(try folder.file("sample.xlsx", data))
  }

  @Test(arguments: encodings) func readsSheetsInWorkbookOrder(encoding: String) throws {
    let folder = try TempFolder()
    let book = try sampleBook(encoding, in: folder)
    #expect(book.sheetNames == ["目标责任书", "Data & notes", "_lists"])
    #expect(book.sheets.map(\.part) == (1...3).map { "xl/worksheets/sheet\($0).xml" })
    #expect(book.sheets.map(\.isHidden) == [false, false, true])
    #expect(book.partNames.first == "[Content_Types].xml")
    #expect(book.partText("XL/Worksheets/Sheet3.xml")?.contains("<sheetData/>") == true)
  }

  @Test(arguments: encodings) func readsCells(encoding: String) throws {
    let folder = try TempFolder()
    let book = try sampleBook(encoding, in: folder)
    let cells = try book.cells(sheet: "目标责任书")
    #expect(cells["A1"] == .text("2020年广州市生态环境保护工作计划"))
    #expect(cells["B1"] == .empty)
    #expect(cells["A2"] == .text("PM2.5 <= 35"), "rich-text runs joined, phonetic run left out")
    #expect(cells["B2"] == .number(35))
    #expect(cells["C2"]?.displayText == "61.5")
    #expect(cells["B2"]?.displayText == "35")
    #expect(cells["D2"] == .bool(true))
    #expect(cells["E2"] == .formula("B2+C2", result: .number(96.5)))
    #expect(cells["E2"]?.displayText == "96.5")
    #expect(cells["F2"] == .text("inline 文本"))
    #expect(cells["G2"] == .error("#DIV/0!"))
    #expect(cells["H2"]?.formula == "\"a\"&\"b\"")
    #expect(cells["H2"]?.result == .text("ab"))
    // A row and cells without `r`: the next row, the next columns.
    #expect(cells["A3"] == .text("  spaced  "))
    #expect(cells["B3"] == .number(-125))
    #expect(cells.count == 12)

    #expect(try book.cells(sheet: "Data & notes") == ["C3": .text("rich <run>")])
    #expect(try book.cells(sheet: "_lists").isEmpty)
  }

  @Test(arguments: encodings) func readsMergedRanges(encoding: String) throws {
    let folder = try TempFolder()
    let book = try sampleBook(encoding, in: folder)
    #expect(try book.mergedRanges(sheet: "目标责任书") == ["A1:F1", "B5:C6"])
    #expect(try book.mergedRanges(sheet: "Data & notes").isEmpty)
  }

  @Test(arguments: encodings) func readsProperties(encoding: String) throws {
    let folder = try TempFolder()
    let book = try sampleBook(encoding, in: folder)
    #expect(
      book.customProperties == [
        "PlanBook.PlanID": "guangzhou-2020", "PlanBook.Unit": "gz-eeb-air 大气环境管理处",
        "PlanBook.SchemaVersion": "1", "Signed": "true", "Weight": "2.5",
        "Made": "2020-03-01T08:00:00Z",
      ])
    #expect(book.coreProperties.title == "大气处 目标责任书")
    #expect(book.coreProperties.creator == "PlanBook")
    #expect(book.coreProperties.created == "2020-03-01T08:00:00Z")
    #expect(book.coreProperties.subject == nil)
  }

  @Test func absentPropertyPartsAreEmpty() throws {
    let folder = try TempFolder()
    var parts = SampleBook.parts.filter { !$0.0.hasPrefix("docProps/") && $0.0 != "_rels/.rels" }
    parts.append(("docProps/app.xml", "<Properties/>"))
    let book = try XlsxFile(path: try folder.file("bare.xlsx", try TestZip.archive(parts)))
    #expect(book.customProperties.isEmpty)
    #expect(book.coreProperties == CoreProperties())
    #expect(book.sheetNames.count == 3, "the workbook found at xl/workbook.xml without _rels/.rels")
  }

  @Test func anUnknownSheetNamesTheSheets() throws {
    let folder = try TempFolder()
    let book = try sampleBook("deflate", in: folder)
    do {
      _ = try book.cells(sheet: "任务")
      Issue.record("read a sheet that is not there")
    } catch {
      #expect(error.kind == .unknownSheet)
      #expect(
        error.description.hasSuffix(
          "no sheet named “任务”; the sheets are “目标责任书”, “Data & notes”, “_lists”"))
    }
  }

  @Test func aBadCellIsReportedWhenTheSheetIsRead() throws {
    let folder = try TempFolder()
    let sheet = SampleBook.sheet3.replacingOccurrences(
      of: "<sheetData/>",
      with: "<sheetData>\n<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData>")
    let path = try folder.file(
      "bad.xlsx",
      try TestZip.archive(SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)))
    let book = try XlsxFile.open(path)
    do {
      _ = try book.cells(sheet: "_lists")
      Issue.record("read a cell that refers to a missing shared string")
    } catch {
      #expect(error.kind == .invalidContent)
      #expect(
        error.description
          == "\(path): xl/worksheets/sheet3.xml:2:40: cell A1 refers to shared string 7, "
          + "but there are 3")
    }
  }

  /// Line breaks as XML normalises them, and the `_xHHHH_` escapes of spreadsheet strings.
  @Test func lineBreaksAndEscapedCharacters() throws {
    let folder = try TempFolder()
    let cells = [
      "<c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc</t></is></c>",
      "<c r=\"B1\" t=\"inlineStr\"><is><t><![CDATA[x\r\ny]]></t></is></c>",
      "<c r=\"C1\" t=\"inlineStr\"><is><t>1_x000D_2_x005F_x000D_3_x00zz_</t></is></c>",
    ]
    let sheet = SampleBook.sheet3.replacingOccurrences(
      of: "<sheetData/>", with: "<sheetData><row r=\"1\">\(cells.joined())</row></sheetData>")
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)
    let book = try XlsxFile.open(try folder.file("breaks.xlsx", try TestZip.archive(parts)))
    let read = try book.cells(sheet: "_lists")
    #expect(read["A1"] == .text("a\nb\nc"))
    #expect(read["B1"] == .text("x\ny"))
    #expect(read["C1"] == .text("1\r2_x000D_3_x00zz_"))
  }

  @Test func printableTextEscapesControlCharacters() {
    #expect(SafeText.printable("a\u{1B}[31mb\n") == "a\\u{1B}[31mb\\u{A}")
    #expect(SafeText.printable(String(repeating: "x", count: 5), limit: 3) == "xxx…")
    #expect(SafeText.printable("大气处") == "大气处")
  }
}
