import Foundation
import Testing
import XlsxReader
import ZIPFoundation

/// A sheet, the shared strings or the merged ranges past ``ReadLimits/maxCells``: one clear
/// error, raised while scanning, never a huge dictionary.
@Suite(.timeLimit(.minutes(5)))
struct CellLimitTests {
  let folder: TempFolder

  init() throws { folder = try TempFolder() }

  /// The sample book with its first sheet named 填报.
  static func parts(sheet1: String? = SampleBook.sheet1) -> [(String, String)] {
    SampleBook.parts(replacing: "xl/worksheets/sheet1.xml", with: sheet1).map { part in
      part.0 == "xl/workbook.xml"
        ? (part.0, part.1.replacingOccurrences(of: "目标责任书", with: "填报")) : part
    }
  }

  /// A sheet of 10⁶ rows of one tiny cell each, as Excel would write it (`r` on every row and
  /// cell): 48 MB of XML, within the 64 MB cap for one entry, deflated to a few megabytes and
  /// generated piece by piece as ZIPFoundation deflates it.
  @Test func aMillionRowSheetStopsAtTheCellCap() throws {
    let rows = RowStream(rows: 1_000_000)
    #expect(rows.size > 40 << 20 && rows.size < ReadLimits.default.maxEntrySize)
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, text) in CellLimitTests.parts(sheet1: nil) {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) }
    }
    try archive.addEntry(
      with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(rows.size),
      compressionMethod: .deflate, bufferSize: 1 << 20
    ) { position, size in rows.bytes(at: Int(position), count: size) }
    let data = try #require(archive.data)
    #expect(data.count < 8 << 20)
    let path = try folder.file("million.xlsx", data)

    let clock = ContinuousClock()
    let start = clock.now
    let book = try XlsxFile.open(path)
    do {
      _ = try book.cells(sheet: "填报")
      Issue.record("read the cells of a sheet past the cell cap")
    } catch {
      #expect(error.kind == .tooLarge)
      #expect(
        error.description
          == "\(path): xl/worksheets/sheet1.xml: the sheet “填报” has more than 200000 cells "
          + "(the limit); a report workbook has far fewer")
    }
    // Generous: the point is that it ends, in seconds (see the README for the measures).
    #expect(clock.now - start < .seconds(120))
  }

  /// `cells`, `mergedRanges` and `cellFormats` all stop at the cap.
  @Test func aSheetPastASmallCap() throws {
    let path = try folder.file("sample.xlsx", try TestZip.archive(CellLimitTests.parts()))
    let book = try XlsxFile.open(path, limits: ReadLimits(maxCells: 11))
    let reads: [(String, () throws(XlsxReadError) -> Void)] = [
      ("cells", { () throws(XlsxReadError) in _ = try book.cells(sheet: "填报") }),
      ("mergedRanges", { () throws(XlsxReadError) in _ = try book.mergedRanges(sheet: "填报") }),
      ("cellFormats", { () throws(XlsxReadError) in _ = try book.cellFormats(sheet: "填报") }),
    ]
    for (name, read) in reads {
      do {
        try read()
        Issue.record("\(name) read 12 cells with a cap of 11")
      } catch {
        #expect(error.kind == .tooLarge)
        #expect(
          error.description
            == "\(path): xl/worksheets/sheet1.xml: the sheet “填报” has more than 11 cells (the "
            + "limit); a report workbook has far fewer")
      }
    }
    let atTheCap = try XlsxFile.open(path, limits: ReadLimits(maxCells: 12))
    #expect(try atTheCap.cells(sheet: "填报").count == 12)
  }

  @Test func mergedRangesPastTheCap() throws {
    let merges = (1...5).map { "<mergeCell ref=\"A\($0):B\($0)\"/>" }.joined()
    let sheet = SampleBook.sheet3.replacingOccurrences(
      of: "<sheetData/>", with: "<sheetData/><mergeCells>\(merges)</mergeCells>")
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)
    let path = try folder.file("merged.xlsx", try TestZip.archive(parts))
    let book = try XlsxFile.open(path, limits: ReadLimits(maxCells: 4))
    do {
      _ = try book.mergedRanges(sheet: "_lists")
      Issue.record("read 5 merged ranges with a cap of 4")
    } catch {
      #expect(error.kind == .tooLarge)
      #expect(error.message.hasPrefix("the sheet “_lists” has more than 4 merged ranges"))
    }
  }

  /// The shared strings are read at open: more of them than the cap refuses the workbook.
  @Test func sharedStringsPastTheCap() throws {
    let path = try folder.file("strings.xlsx", try TestZip.archive(SampleBook.parts))
    let error = try #require(openFailure(path, limits: ReadLimits(maxCells: 2)))
    #expect(error.kind == .tooLarge)
    #expect(
      error.description
        == "\(path): xl/sharedStrings.xml: the workbook has more than 2 shared strings (the "
        + "limit); a report workbook has far fewer")
  }
}

/// The XML of a worksheet of `rows` rows, `<row r="7"><c r="A7"><v>1</v></c></row>`, made as
/// it is asked for: only the piece asked for is ever held.
final class RowStream: @unchecked Sendable {
  let rows: Int
  /// The length of the whole part, in bytes.
  let size: Int
  private let header = Array(
    ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
      + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").utf8)
  private let footer = Array("</sheetData></worksheet>".utf8)
  private let rowStart = Array("<row r=\"".utf8)
  private let cellStart = Array("\"><c r=\"A".utf8)
  private let rowEnd = Array("\"><v>1</v></c></row>".utf8)
  private var pending: [UInt8] = []
  private var nextRow = 1
  private var position = 0

  init(rows: Int) {
    self.rows = rows
    var size = header.count + footer.count
    for row in 1...rows { size += 37 + 2 * String(row).utf8.count }
    self.size = size
    pending = header
  }

  /// The `count` bytes from `at` on; ZIPFoundation asks for them in order.
  func bytes(at: Int, count: Int) -> Data {
    #expect(at == position, "asked for bytes out of order")
    while pending.count < count && nextRow <= rows + 1 {
      if nextRow > rows {
        pending += footer
      } else {
        let digits = Array(String(nextRow).utf8)
        pending += rowStart
        pending += digits
        pending += cellStart
        pending += digits
        pending += rowEnd
      }
      nextRow += 1
    }
    let piece = Data(pending.prefix(count))
    pending.removeFirst(min(count, pending.count))
    position += piece.count
    return piece
  }
}
