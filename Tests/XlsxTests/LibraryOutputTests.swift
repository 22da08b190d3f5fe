import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

/// libxlsxwriter's own stderr lines are held back while it writes, and its failures come back
/// as one readable ``XlsxError``.
@Suite struct LibraryOutputTests {
  let properties = DocumentProperties(title: "满", created: Day(2020, 3, 1))

  /// Text that does not compress much: a sheet of it is far more than the small disk holds.
  func fill(_ sheet: Worksheet, rows: Int) throws {
    var generator = SystemRandomNumberGenerator()
    for row in 0..<rows {
      for col in 0..<4 {
        let text = (0..<6).map { _ in String(generator.next() as UInt64, radix: 36) }.joined()
        try sheet.write(text, row: row, col: col, style: CellStyle())
      }
    }
  }

  @Test(
    .enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")),
    arguments: [Workbook.Mode.normal, .constantMemory])
  func aFullDiskSaysSoInOneSentence(mode: Workbook.Mode) throws {
    let disk = try SmallDisk(kilobytes: 200)
    defer { disk.remove() }
    let path = disk.url.appendingPathComponent("a.xlsx").path
    let heldBefore = LibraryOutput.shared.held
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path, properties: properties, mode: mode) { wb in
        try fill(try wb.addWorksheet("表"), rows: 5_000)
      }
    }
    #expect(error?.operation == "write workbook \(path)")
    #expect(error?.message == "no space left on device")
    // Nothing left behind: no partial file, none of libxlsxwriter's temporary files.
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [])
    // libxlsxwriter's `[ERROR]` lines went to the filter, not to the terminal.
    #expect(LibraryOutput.shared.held > heldBefore)
  }

  @Test func aFolderThatCannotBeWrittenIsNamedPlainly() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // A file where the folder should be.
    let blocker = folder.url.appendingPathComponent("x")
    try Data().write(to: blocker)
    let path = blocker.appendingPathComponent("a.xlsx").path
    let error = #expect(throws: XlsxError.self) {
      try Workbook.write(to: path, properties: properties) { wb in
        try wb.addWorksheet("表").write("甲", row: 0, col: 0, style: CellStyle())
      }
    }
    #expect(error?.message == "not a directory")
  }

  @Test func systemSentencesStartLowerCase() {
    #expect(XlsxError.sentence(errno: ENOSPC) == "no space left on device")
    #expect(XlsxError.sentence(errno: EACCES) == "permission denied")
  }

  @Test func onlyLibxlsxwritersLinesAreHeldBack() {
    #expect(LibraryOutput.isLibraryMessage(Array("[ERROR][./src/packager.c:1541]: x\n".utf8)))
    #expect(LibraryOutput.isLibraryMessage(Array("[ERROR] workbook_close(): x\n".utf8)))
    #expect(LibraryOutput.isLibraryMessage(Array("[WARNING]: x\n".utf8)))
    #expect(!LibraryOutput.isLibraryMessage(Array("error: [ERROR] quoted\n".utf8)))
    #expect(!LibraryOutput.isLibraryMessage(Array("◇ Test run started.\n".utf8)))
  }
}
