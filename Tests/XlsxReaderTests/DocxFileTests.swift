import Foundation
import Testing
import XlsxReader

/// The parts of a small Word document, written by hand.
enum SampleDocx {
  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" \
    ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    </Types>
    """

  static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="word/document.xml"/></Relationships>
    """

  /// A document whose body is `body` (WordprocessingML).
  static func document(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:body>\(body)</w:body></w:document>
    """
  }

  static func parts(_ body: String) -> [(String, String)] {
    [
      ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
      ("word/document.xml", document(body)),
    ]
  }
}

@Suite struct DocxFileTests {
  let folder: TempFolder

  init() throws { folder = try TempFolder() }

  func failure(_ path: String, limits: ReadLimits = .default) -> XlsxReadError? {
    do {
      _ = try DocxFile.open(path, limits: limits)
      return nil
    } catch {
      return error
    }
  }

  @Test func paragraphsWithTheirRunsTabsAndBreaks() throws {
    let body = """
      <w:p><w:r><w:t>2020年工作</w:t></w:r><w:r><w:t xml:space="preserve">计划 </w:t></w:r></w:p>\
      <w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>一、标题</w:t></w:r></w:p>\
      <w:p><w:r><w:t>1.甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>\
      <w:del><w:r><w:delText>删去</w:delText></w:r></w:del>\
      <w:r><w:instrText>PAGE</w:instrText></w:r></w:p>\
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>表&amp;格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
      <w:p/>
      """
    let path = try folder.file("plan.docx", try TestZip.archive(SampleDocx.parts(body)))
    let document = try DocxFile.open(path)
    #expect(document.documentPart == "word/document.xml")
    #expect(document.paragraphs == ["2020年工作计划 ", "一、标题", "1.甲\t乙\n丙", "表&格", ""])
  }

  /// The header says 1000 bytes; the stream would give 5 MB: stopped while inflating.
  @Test func aZipBombIsStoppedWhileExpanding() throws {
    var parts = SampleDocx.parts("<w:p/>").map { ($0.0, Data($0.1.utf8)) }
    parts[2].1 = Data(count: 5 << 20)
    var data = try TestZip.archive(parts)
    #expect(data.count < 100_000)
    try TestZip.declare(1000, for: "word/document.xml", in: &data)
    let path = try folder.file("bomb.docx", data)
    let error = try #require(failure(path))
    #expect(error.kind == .tooLarge)
    #expect(
      error.description
        == "\(path): word/document.xml: the entry expands past the 1000 bytes its header "
        + "declares (a zip bomb, or a damaged archive); stopped there")
  }

  @Test func aHugeDocumentPartIsRefusedUnread() throws {
    var parts = SampleDocx.parts("<w:p/>").map { ($0.0, Data($0.1.utf8)) }
    parts[2].1 = Data(count: 5 << 20)
    let path = try folder.file("huge.docx", try TestZip.archive(parts))
    let error = try #require(failure(path, limits: ReadLimits(maxEntrySize: 1 << 20)))
    #expect(error.kind == .tooLarge)
    #expect(error.part == "word/document.xml")
    #expect(
      error.message == "the entry declares 5 MB uncompressed; the limit for one entry is 1 MB")
  }

  @Test func tooManyParagraphs() throws {
    let body = String(repeating: "<w:p><w:r><w:t>x</w:t></w:r></w:p>", count: 11)
    let path = try folder.file("long.docx", try TestZip.archive(SampleDocx.parts(body)))
    let error = try #require(failure(path, limits: ReadLimits(maxCells: 10)))
    #expect(error.kind == .tooLarge)
    #expect(
      error.message
        == "the document has more than 10 paragraphs (the limit); a work plan has far fewer")
    #expect(try DocxFile.open(path, limits: ReadLimits(maxCells: 11)).paragraphs.count == 11)
  }

  @Test func aDoctypeIsRefused() throws {
    var parts = SampleDocx.parts("")
    parts[2].1 = """
      <?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>\
      <w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>
      """
    let path = try folder.file("laughs.docx", try TestZip.archive(parts))
    let error = try #require(failure(path))
    #expect(error.kind == .forbiddenDeclaration)
    #expect(error.part == "word/document.xml")
  }

  @Test func aWorkbookIsNotAWordDocument() throws {
    let path = try folder.file("book.docx", try TestZip.archive(SampleBook.parts))
    let error = try #require(failure(path))
    #expect(error.kind == .invalidContent)
    #expect(
      error.message
        == "the main part is <workbook>, not a Word document (an Excel or PowerPoint file?)")
    let text = try folder.file("plan.docx", Data("一、标题".utf8))
    #expect(failure(text)?.kind == .notZip)
  }
}
