import Foundation
import TestSupport
import Testing
import XlsxReader

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every kind of bad input gives one clear error naming the file, and nothing hangs or traps.
@Suite(.timeLimit(.minutes(2)))
struct HostileInputTests {
  let folder: TempFolder

  init() throws { folder = try TempFolder() }

  /// The sample book, deflated, as bytes.
  func validBook() throws -> Data { try TestZip.archive(SampleBook.parts) }

  @Test func aMissingFile() throws {
    let path = folder.path("nowhere.xlsx")
    let error = try #require(openFailure(path))
    #expect(error.kind == .unreadable)
    #expect(error.description == "\(path): cannot open: no such file")
  }

  @Test func aDirectory() throws {
    let error = try #require(openFailure(folder.url.path))
    #expect(error.kind == .unreadable)
    #expect(error.message == "a directory, not an xlsx file")
  }

  @Test func aFIFODoesNotHang() throws {
    let path = folder.path("pipe.xlsx")
    #expect(mkfifo(path, 0o600) == 0)
    let error = try #require(openFailure(path))
    #expect(error.message == "not a regular file")
  }

  @Test func anEmptyFile() throws {
    let path = try folder.file("empty.xlsx", Data())
    let error = try #require(openFailure(path))
    #expect(error.kind == .notZip)
    #expect(error.description == "\(path): empty file (0 bytes), not an xlsx workbook")
  }

  @Test func randomBytes() throws {
    var generator = SeededGenerator(seed: 7)
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let path = try folder.file("random.xlsx", Data(bytes))
    let error = try #require(openFailure(path))
    #expect(error.kind == .notZip)
    #expect(error.description == "\(path): not an xlsx workbook: not a zip archive")
  }

  @Test func aLegacyOrEncryptedWorkbook() throws {
    let header: [UInt8] =
      [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    let error = try #require(openFailure(try folder.file("old.xls", Data(header))))
    #expect(error.kind == .notZip)
    #expect(error.message.contains("OLE compound file"))
  }

  @Test func aTruncatedZip() throws {
    let whole = try validBook()
    let path = try folder.file("half.xlsx", whole.prefix(whole.count / 2))
    let error = try #require(openFailure(path))
    #expect(error.kind == .corruptZip)
    #expect(
      error.description
        == "\(path): truncated or damaged zip archive: it has no end-of-central-directory record")
  }

  @Test func aDirectoryPointingPastTheFile() throws {
    var bytes = [UInt8](TestZip.rawBook())
    // The end record's central-directory offset, moved far away.
    bytes[bytes.count - 6] = 0xFF
    let error = try #require(openFailure(try folder.file("far.xlsx", Data(bytes))))
    #expect(error.kind == .corruptZip)
    #expect(error.message.contains("the central directory lies outside the file"))
  }

  @Test func aTruncatedDeflateStreamDoesNotHang() throws {
    // One non-final stored block promising 65535 bytes, then nothing: ZIPFoundation 0.9.20's
    // Linux extract loops forever on this.
    let data = TestZip.rawBook(extra: [
      TestZip.RawEntry(
        name: "xl/theme/theme1.xml", method: 8, data: [0x00, 0xFF, 0xFF, 0x00, 0x00],
        uncompressedSize: 10)
    ])
    let path = try folder.file("cut-stream.xlsx", data)
    let error = try #require(openFailure(path))
    #expect(error.kind == .corruptZip)
    #expect(
      error.description
        == "\(path): xl/theme/theme1.xml: truncated or damaged zip archive: the entry's deflate "
        + "data ends early")
  }

  @Test func invalidDeflateData() throws {
    let data = TestZip.rawBook(extra: [
      TestZip.RawEntry(
        name: "xl/styles.xml", method: 8, data: [0xFF, 0xFF, 0xFF], uncompressedSize: 10)
    ])
    let error = try #require(openFailure(try folder.file("bad-stream.xlsx", data)))
    #expect(error.kind == .corruptZip)
    #expect(error.message.contains("the entry's deflate data has a block of the reserved type 3"))
  }

  @Test func aChecksumMismatch() throws {
    var parts = SampleBook.parts.map { TestZip.RawEntry(name: $0.0, data: Array($0.1.utf8)) }
    parts[4].crc = 0x1234_5678
    let error = try #require(openFailure(try folder.file("crc.xlsx", TestZip.raw(parts))))
    #expect(error.kind == .corruptZip)
    #expect(error.part == "xl/workbook.xml")
    #expect(error.message == "damaged zip archive: the entry fails its CRC-32 check")
  }

  @Test func anEncryptedEntry() throws {
    var parts = SampleBook.parts.map { TestZip.RawEntry(name: $0.0, data: Array($0.1.utf8)) }
    parts[4].flags = 1
    let error = try #require(openFailure(try folder.file("locked.xlsx", TestZip.raw(parts))))
    #expect(error.kind == .unsupported)
    #expect(error.message.contains("encrypted"))
  }

  @Test func aMissingWorkbookPart() throws {
    let parts = SampleBook.parts(replacing: "xl/workbook.xml", with: nil)
    let path = try folder.file("no-workbook.xlsx", try TestZip.archive(parts))
    let error = try #require(openFailure(path))
    #expect(error.kind == .missingPart)
    #expect(
      error.description
        == "\(path): no xl/workbook.xml: a zip archive, but not a complete xlsx workbook")
  }

  @Test func aMissingContentTypesPart() throws {
    let parts = SampleBook.parts(replacing: "[Content_Types].xml", with: nil)
    let error = try #require(
      openFailure(try folder.file("no-types.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .missingPart)
    #expect(error.message.hasPrefix("no [Content_Types].xml"))
  }

  @Test func aMissingSheetPart() throws {
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet2.xml", with: nil)
    let error = try #require(
      openFailure(try folder.file("no-sheet.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .missingPart)
    #expect(error.part == "xl/worksheets/sheet2.xml")
    #expect(error.message.contains("sheet “Data & notes”"))
  }

  @Test func aWordDocument() throws {
    let parts = SampleBook.parts(
      replacing: "xl/workbook.xml",
      with: "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
    )
    let error = try #require(openFailure(try folder.file("doc.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .invalidContent)
    #expect(error.message.contains("not a workbook"))
  }

  @Test func aRelationshipLeavingThePackage() throws {
    let rels = SampleBook.workbookRelationships.replacingOccurrences(
      of: "worksheets/sheet1.xml", with: "../../../etc/passwd")
    let parts = SampleBook.parts(replacing: "xl/_rels/workbook.xml.rels", with: rels)
    let error = try #require(
      openFailure(try folder.file("escape.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .invalidContent)
    #expect(error.message.contains("points outside the package: ../../../etc/passwd"))
  }

  @Test func malformedXMLInASheet() throws {
    let sheet = SampleBook.sheet1.replacingOccurrences(of: "<v>35</v></c>", with: "<v>35</v>")
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet1.xml", with: sheet)
    let path = try folder.file("malformed.xlsx", try TestZip.archive(parts))
    let error = try #require(openFailure(path))
    #expect(error.kind == .malformedXML)
    #expect(error.part == "xl/worksheets/sheet1.xml")
    #expect(error.line == 14)
    // <c r="B2"> is never closed; the next end tag that does not fit is the row's.
    #expect(
      error.description
        == "\(path): xl/worksheets/sheet1.xml:14:5: malformed XML: end tag </row> does not match "
        + "<c> (opened at line 7, column 7)")
  }

  @Test(arguments: [
    ("<a><b></a>", "end tag </a> does not match <b>"),
    ("<a>", "the part ends inside <a>"),
    ("<a x='1' x='2'/>", "has attribute x twice"),
    ("<a x=1/>", "the value of attribute x is not quoted"),
    ("<a>&nbsp;</a>", "undefined entity &nbsp;"),
    ("<a>&#0;</a>", "an invalid character reference &#0;"),
    ("<a>AT&T</a>", "a bare '&'"),
    ("<a/><b/>", "a second root element <b>"),
    ("text<a/>", "text before the root element"),
    ("", "no root element"),
    ("<a>\u{0}</a>", "a NUL byte"),
    ("<?xml version=\"1.0\" encoding=\"UTF-7\"?><a/>", "names encoding UTF-7; only UTF-8"),
    ("<a><!-- never closed </a>", "a comment that is never closed"),
    (String(repeating: "<a>", count: 300), "elements nested more than 256 deep"),
  ])
  func malformedXMLIsNamed(xml: String, message: String) throws {
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: xml)
    let error = try #require(openFailure(try folder.file("bad.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .malformedXML)
    #expect(error.part == "xl/worksheets/sheet3.xml")
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test func notUTF8() throws {
    var parts = SampleBook.parts.map { ($0.0, Data($0.1.utf8)) }
    parts[9].1 = Data("<a>".utf8) + Data([0xC3, 0x28]) + Data("</a>".utf8)
    let error = try #require(openFailure(try folder.file("latin.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .malformedXML)
    #expect(error.message == "malformed XML: not UTF-8 text (only UTF-8 XML is accepted)")
  }

  @Test func billionLaughsInCustomProperties() throws {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      ]>
      <Properties><property name="PlanBook.PlanID"><vt:lpwstr>&lol3;</vt:lpwstr></property>\
      </Properties>
      """
    let parts = SampleBook.parts(replacing: "docProps/custom.xml", with: laughs)
    let path = try folder.file("lol.xlsx", try TestZip.archive(parts))
    let error = try #require(openFailure(path))
    #expect(error.kind == .forbiddenDeclaration)
    #expect(
      error.description
        == "\(path): docProps/custom.xml:2:1: refused: a <!DOCTYPE declaration; DTDs and entity "
        + "declarations are refused in xlsx parts")
  }

  @Test func anExternalEntityInASheet() throws {
    let xxe = "<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><worksheet>&xxe;</worksheet>"
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet1.xml", with: xxe)
    let error = try #require(openFailure(try folder.file("xxe.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .forbiddenDeclaration)
    #expect(error.message.contains("<!ENTITY"))
  }

  @Test func aDoctypeEvenInAComment() throws {
    let sheet = SampleBook.sheet3.replacingOccurrences(
      of: "<sheetData/>", with: "<!-- <!doctype x> --><sheetData/>")
    let parts = SampleBook.parts(replacing: "xl/worksheets/sheet3.xml", with: sheet)
    let error = try #require(openFailure(try folder.file("c.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .forbiddenDeclaration)
  }

  static let mebibyte = 1 << 20

  /// 5 MB of zeros, deflated to a few kilobytes.
  func bomb(declaring size: UInt32? = nil) throws -> Data {
    var parts = SampleBook.parts.map { ($0.0, Data($0.1.utf8)) }
    parts.append(("xl/media/bomb.xml", Data(count: 5 * HostileInputTests.mebibyte)))
    var data = try TestZip.archive(parts)
    #expect(data.count < 100_000)
    if let size { try TestZip.declare(size, for: "xl/media/bomb.xml", in: &data) }
    return data
  }

  /// The header says 1000 bytes; the stream would give 5 MB. Inflating stops at byte 1001,
  /// with the default caps as with small ones.
  @Test(arguments: [ReadLimits(maxEntrySize: HostileInputTests.mebibyte), .default])
  func aZipBombWhoseHeaderLiesIsStoppedWhileExpanding(limits: ReadLimits) throws {
    let path = try folder.file("bomb.xlsx", try bomb(declaring: 1000))
    let error = try #require(openFailure(path, limits: limits))
    #expect(error.kind == .tooLarge)
    #expect(
      error.description
        == "\(path): xl/media/bomb.xml: the entry expands past the 1000 bytes its header "
        + "declares (a zip bomb, or a damaged archive); stopped there")
  }

  @Test func aZipBombWhoseHeaderTellsTheTruthIsRefusedUnread() throws {
    let path = try folder.file("bomb.xlsx", try bomb())
    let limits = ReadLimits(maxEntrySize: HostileInputTests.mebibyte)
    let error = try #require(openFailure(path, limits: limits))
    #expect(error.kind == .tooLarge)
    #expect(
      error.message == "the entry declares 5 MB uncompressed; the limit for one entry is 1 MB")
  }

  @Test func aHeaderDeclaringGigabytesIsRefused() throws {
    let path = try folder.file("huge.xlsx", try bomb(declaring: 0xF000_0000))
    let error = try #require(openFailure(path))
    #expect(error.kind == .tooLarge)
    #expect(error.message.hasPrefix("the entry declares 3840 MB uncompressed"))
  }

  @Test func theTotalOfTheEntriesIsCapped() throws {
    var parts = SampleBook.parts.map { ($0.0, Data($0.1.utf8)) }
    let filler = Data(("<a>" + String(repeating: " ", count: 400_000) + "</a>").utf8)
    for i in 1...3 { parts.append(("xl/extra\(i).xml", filler)) }
    let path = try folder.file("many.xlsx", try TestZip.archive(parts))
    let limits = ReadLimits(
      maxEntrySize: HostileInputTests.mebibyte, maxTotalSize: HostileInputTests.mebibyte)
    let error = try #require(openFailure(path, limits: limits))
    #expect(error.kind == .tooLarge)
    #expect(error.part == "xl/extra3.xml")
    #expect(
      error.message
        == "the entry declares 390 KB uncompressed, which takes the entries read past 1 MB in "
        + "all (the limit)")
  }

  @Test func aFileOverTheCompressedCap() throws {
    let path = try folder.file("big.xlsx", try validBook())
    let error = try #require(openFailure(path, limits: ReadLimits(maxFileSize: 1024)))
    #expect(error.kind == .tooLarge)
    #expect(error.message.hasPrefix("the file is "))
    #expect(error.message.hasSuffix(" bytes; the limit is 1024 bytes"))
  }

  @Test func tooManyEntries() throws {
    let path = try folder.file("crowd.xlsx", try validBook())
    let error = try #require(openFailure(path, limits: ReadLimits(maxEntries: 5)))
    #expect(error.kind == .tooManyEntries)
    #expect(error.message == "the archive lists 10 entries; the limit is 5")
  }

  @Test func duplicateEntries() throws {
    let data = TestZip.rawBook(extra: [
      TestZip.RawEntry(name: "XL/workbook.xml", data: Array("<x/>".utf8))
    ])
    let error = try #require(openFailure(try folder.file("twice.xlsx", data)))
    #expect(error.kind == .corruptZip)
    #expect(error.message == "the archive holds two entries of this name")
  }

  /// Shapes that would be quadratic in a naive reader: a tag with 50 000 attributes, a
  /// workbook of 20 000 sheets. Each is read in linear time (the suite's time limit guards it).
  @Test func pathologicalShapesStayLinear() throws {
    let attributes = (0..<50_000).map { " a\($0)=\"\"" }.joined()
    let wide = "<worksheet\(attributes)><sheetData/></worksheet>"
    let sheets = (0..<20_000).map { "<sheet name=\"s\($0)\" sheetId=\"\($0 + 1)\" r:id=\"rId1\"/>" }
    let workbook = SampleBook.workbook.replacingOccurrences(
      of: "<sheet name=\"目标责任书\" sheetId=\"1\" r:id=\"rId1\"/>", with: sheets.joined())
    var parts = SampleBook.parts(replacing: "xl/worksheets/sheet1.xml", with: wide)
    parts = parts.map { $0.0 == "xl/workbook.xml" ? ($0.0, workbook) : $0 }
    let clock = ContinuousClock()
    let start = clock.now
    let book = try XlsxFile.open(try folder.file("wide.xlsx", try TestZip.archive(parts)))
    #expect(book.sheetNames.count == 20_002)
    #expect(try book.cells(sheet: "s19999").isEmpty)
    #expect(clock.now - start < .seconds(60))
  }

  /// A part read whole (here the custom properties) may not hold millions of elements.
  @Test func aPartReadWholeHasAnElementCap() throws {
    let many = "<Properties>" + String(repeating: "<p/>", count: 250_000) + "</Properties>"
    let parts = SampleBook.parts(replacing: "docProps/custom.xml", with: many)
    let error = try #require(openFailure(try folder.file("many.xlsx", try TestZip.archive(parts))))
    #expect(error.kind == .malformedXML)
    #expect(error.part == "docProps/custom.xml")
    #expect(error.message == "malformed XML: more than 200000 elements in this part")
  }

  /// Every prefix of a valid book, and thousands of single-byte corruptions: each either opens
  /// or throws an `XlsxReadError`; none traps or hangs.
  @Test func truncationsAndCorruptionsNeverTrap() throws {
    for encoding in ["stored", "deflate"] {
      let whole = [UInt8](encoding == "stored" ? TestZip.rawBook() : try validBook())
      let path = folder.path("fuzz-\(encoding).xlsx")
      for length in stride(from: 0, to: whole.count, by: 7) {
        try Data(whole.prefix(length)).write(to: URL(fileURLWithPath: path))
        #expect(throws: XlsxReadError.self) { try XlsxFile.open(path) }
      }
      var generator = SeededGenerator(seed: 42)
      for _ in 0..<800 {
        var bytes = whole
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
          bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
            in: 0...255, using: &generator)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        if let book = try? XlsxFile.open(path) {
          for sheet in book.sheetNames {
            _ = try? book.cells(sheet: sheet)
          }
        }
      }
    }
  }
}
