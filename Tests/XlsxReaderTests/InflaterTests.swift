import Foundation
import TestSupport
import Testing

@testable import XlsxReader

/// The deflate decoder on its own: zlib's output decoded, and the cap enforced while expanding.
struct InflaterTests {
  /// The raw deflate stream of the one entry of an archive ZIPFoundation wrote.
  func deflated(_ data: Data) throws -> [UInt8] {
    let archive = [UInt8](try TestZip.archive([("x", data)]))
    let nameLength = Int(archive[26]) | Int(archive[27]) << 8
    let extraLength = Int(archive[28]) | Int(archive[29]) << 8
    let end = archive.count - 22
    let directory =
      Int(archive[end + 16]) | Int(archive[end + 17]) << 8 | Int(archive[end + 18]) << 16
    return Array(archive[(30 + nameLength + extraLength)..<directory])
  }

  @Test func decodesWhatZlibWrote() throws {
    var generator = SeededGenerator(seed: 3)
    let words = ["大气", "水", "PM2.5", "<c r=\"A1\">", "目标责任书", " ", "\n"]
    let text = (0..<20_000).map { _ in words.randomElement(using: &generator) ?? "" }.joined()
    let stream = try deflated(Data(text.utf8))
    let out = try Inflater.inflate(stream, range: 0..<stream.count, cap: 1 << 20, expected: 0)
    #expect(String(decoding: out, as: UTF8.self) == text)
  }

  @Test func stopsAtTheCapWhateverTheStreamHolds() throws {
    let stream = try deflated(Data(count: 5 << 20))
    #expect(stream.count < 10_000)
    #expect(throws: InflateFailure.tooLarge) {
      try Inflater.inflate(stream, range: 0..<stream.count, cap: 1 << 20, expected: 1000)
    }
    let whole = try Inflater.inflate(stream, range: 0..<stream.count, cap: 8 << 20, expected: 0)
    #expect(whole.count == 5 << 20)
  }

  @Test func readsOnlyItsOwnBytes() throws {
    let stream = try deflated(Data("hello, hello, hello".utf8))
    for cut in 0..<stream.count {
      #expect(throws: InflateFailure.truncated) {
        try Inflater.inflate(stream, range: 0..<cut, cap: 1000, expected: 0)
      }
    }
  }

  @Test func cellReferencesAndRelationshipTargets() {
    #expect(CellReference("XFD1048576") == CellReference(column: 16_384, row: 1_048_576))
    #expect(CellReference("aa10")?.text == "AA10")
    for bad in ["", "A", "1", "A0", "A01", "XFE1", "A1048577", "$A$1", "A1B"] {
      #expect(CellReference(bad[...]) == nil, "\(bad)")
    }
    #expect(
      Relationships.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml")
        == "xl/worksheets/sheet1.xml")
    #expect(Relationships.resolve("/xl/a.xml", from: "xl/workbook.xml") == "xl/a.xml")
    #expect(Relationships.resolve("../docProps/x.xml", from: "xl/workbook.xml") == "docProps/x.xml")
    #expect(Relationships.resolve("../../x.xml", from: "xl/workbook.xml") == nil)
    #expect(Relationships.partFor("xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
  }
}
