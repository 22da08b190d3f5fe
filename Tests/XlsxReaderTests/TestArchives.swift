import Foundation
import Testing
import XlsxReader
import ZIPFoundation

/// A temporary folder for one test, removed at the end.
final class TempFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "xlsx-reader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `bytes` to `name` and returns its path.
  func file(_ name: String, _ bytes: Data) throws -> String {
    let path = path(name)
    try bytes.write(to: URL(fileURLWithPath: path))
    return path
  }
}

/// The parts of a small, valid workbook, as XML text, written by hand.
enum SampleBook {
  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" \
    ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" \
    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    </Types>
    """

  static let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="xl/workbook.xml"/>\
    <Relationship Id="rId2" \
    Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
    Target="docProps/core.xml"/>\
    <Relationship Id="rId3" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" \
    Target="docProps/custom.xml"/>\
    </Relationships>
    """

  static let workbook = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
      <sheets>
        <sheet name="目标责任书" sheetId="1" r:id="rId1"/>
        <sheet name="Data &amp; notes" sheetId="2" r:id="rId2"/>
        <sheet name="_lists" sheetId="3" state="hidden" r:id="rId3"/>
      </sheets>
    </workbook>
    """

  static let workbookRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
    Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
    Target="/xl/worksheets/sheet2.xml"/>\
    <Relationship Id="rId3" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
    Target="./worksheets/../worksheets/sheet3.xml"/>\
    <Relationship Id="rId4" \
    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
    Target="sharedStrings.xml"/>\
    </Relationships>
    """

  static let sharedStrings = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" \
    uniqueCount="3">
      <si><t>2020年广州市生态环境保护工作计划</t></si>
      <si><r><rPr><b/></rPr><t xml:space="preserve">PM2.5 </t></r><r><t>&lt;= 35</t></r>\
    <rPh sb="0" eb="1"><t>ピー</t></rPh></si>
      <si><t xml:space="preserve">  spaced  </t></si>
    </sst>
    """

  static let sheet1 = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <sheetData>
        <row r="1"><c r="A1" t="s" s="1"><v>0</v></c><c r="B1" s="1"/></row>
        <row r="2">
          <c r="A2" t="s"><v>1</v></c>
          <c r="B2"><v>35</v></c>
          <c r="C2"><v>61.5</v></c>
          <c r="D2" t="b"><v>1</v></c>
          <c r="E2"><f>B2+C2</f><v>96.5</v></c>
          <c r="F2" t="inlineStr"><is><t>inline 文本</t></is></c>
          <c r="G2" t="e"><v>#DIV/0!</v></c>
          <c r="H2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>
        </row>
        <row><c t="s"><v>2</v></c><c><v>-1.25E2</v></c></row>
      </sheetData>
      <mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="b5:c6"/></mergeCells>
    </worksheet>
    """

  static let sheet2 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <x:sheetData><x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r>\
    <x:r><x:t><![CDATA[<run>]]></x:t></x:r></x:is></x:c></x:row></x:sheetData></x:worksheet>
    """

  static let sheet3 = """
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>\
    </worksheet>
    """

  static let core = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <cp:coreProperties \
    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
    <dc:title>大气处 目标责任书</dc:title><dc:creator>PlanBook</dc:creator>\
    <dcterms:created xsi:type="dcterms:W3CDTF">2020-03-01T08:00:00Z</dcterms:created>\
    </cp:coreProperties>
    """

  /// docProps/custom.xml with these properties, each as `vt:lpwstr`.
  static func custom(_ properties: [(String, String)]) -> String {
    var pid = 1
    let body = properties.map { name, value in
      pid += 1
      return "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(pid)\" "
        + "name=\"\(name)\"><vt:lpwstr>\(value)</vt:lpwstr></property>"
    }
    return """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Properties \
      xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
      xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
      \(body.joined())</Properties>
      """
  }

  static let customProperties = custom([
    ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Unit", "gz-eeb-air 大气环境管理处"),
  ]).replacingOccurrences(
    of: "</Properties>",
    with: """
      <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="9" \
      name="PlanBook.SchemaVersion">\
      <vt:i4>1</vt:i4></property>\
      <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="10" name="Signed">\
      <vt:bool>true</vt:bool></property>\
      <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="11" name="Weight">\
      <vt:r8>2.5</vt:r8></property>\
      <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="12" name="Made">\
      <vt:filetime>2020-03-01T08:00:00Z</vt:filetime></property></Properties>
      """)

  /// Every part, in a sensible archive order.
  static var parts: [(String, String)] {
    [
      ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
      ("docProps/core.xml", core), ("docProps/custom.xml", customProperties),
      ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships),
      ("xl/sharedStrings.xml", sharedStrings), ("xl/worksheets/sheet1.xml", sheet1),
      ("xl/worksheets/sheet2.xml", sheet2), ("xl/worksheets/sheet3.xml", sheet3),
    ]
  }

  /// The parts with `name` replaced by `text` (or removed, when `text` is nil).
  static func parts(replacing name: String, with text: String?) -> [(String, String)] {
    parts.compactMap { part in
      guard part.0 == name else { return part }
      return text.map { (name, $0) }
    }
  }
}

/// Zip archives for the tests: real ones written by ZIPFoundation, and hand-made ones.
enum TestZip {
  /// A zip archive of `parts`, written by ZIPFoundation.
  static func archive(_ parts: [(String, Data)], compressed: Bool = true) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (name, data) in parts {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count),
        compressionMethod: compressed ? .deflate : .none
      ) { position, size in
        data.subdata(in: Int(position)..<(Int(position) + size))
      }
    }
    return try #require(archive.data)
  }

  /// A zip archive of text parts.
  static func archive(_ parts: [(String, String)], compressed: Bool = true) throws -> Data {
    try archive(parts.map { ($0.0, Data($0.1.utf8)) }, compressed: compressed)
  }

  /// One entry of a hand-made archive: the bytes stored as they are, with whatever method,
  /// CRC and sizes the test wants the headers to claim.
  struct RawEntry {
    var name: String
    var method: UInt16 = 0
    var flags: UInt16 = 0
    var data: [UInt8]
    var crc: UInt32? = nil
    var uncompressedSize: UInt32? = nil
  }

  /// A zip archive laid out by hand, so that its headers can lie.
  static func raw(_ entries: [RawEntry]) -> Data {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    func u16(_ v: UInt16, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    func u32(_ v: UInt32, _ into: inout [UInt8]) {
      u16(UInt16(v & 0xFFFF), &into)
      u16(UInt16(v >> 16), &into)
    }
    for entry in entries {
      let name = Array(entry.name.utf8)
      let offset = UInt32(out.count)
      let crc = entry.crc ?? crc32(entry.data)
      let size = entry.uncompressedSize ?? UInt32(entry.data.count)
      u32(0x0403_4B50, &out)
      u16(20, &out)
      u16(entry.flags, &out)
      u16(entry.method, &out)
      u32(0, &out)
      u32(crc, &out)
      u32(UInt32(entry.data.count), &out)
      u32(size, &out)
      u16(UInt16(name.count), &out)
      u16(0, &out)
      out += name + entry.data

      u32(0x0201_4B50, &directory)
      u16(20, &directory)
      u16(20, &directory)
      u16(entry.flags, &directory)
      u16(entry.method, &directory)
      u32(0, &directory)
      u32(crc, &directory)
      u32(UInt32(entry.data.count), &directory)
      u32(size, &directory)
      u16(UInt16(name.count), &directory)
      u16(0, &directory)
      u16(0, &directory)
      u16(0, &directory)
      u16(0, &directory)
      u32(0, &directory)
      u32(offset, &directory)
      directory += name
    }
    let directoryOffset = UInt32(out.count)
    out += directory
    u32(0x0605_4B50, &out)
    u16(0, &out)
    u16(0, &out)
    u16(UInt16(entries.count), &out)
    u16(UInt16(entries.count), &out)
    u32(UInt32(directory.count), &out)
    u32(directoryOffset, &out)
    u16(0, &out)
    return Data(out)
  }

  /// A hand-made archive of the sample book, every part stored, with `extra` entries after.
  static func rawBook(
    _ parts: [(String, String)] = SampleBook.parts, extra: [RawEntry] = []
  ) -> Data {
    raw(parts.map { RawEntry(name: $0.0, data: Array($0.1.utf8)) } + extra)
  }

  /// Rewrites the uncompressed size both headers of entry `name` declare.
  static func declare(_ size: UInt32, for name: String, in data: inout Data) throws {
    let bytes = [UInt8](data)
    let nameBytes = Array(name.utf8)
    var patched = 0
    for i in 0..<(bytes.count - 46) {
      let signature =
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
        | UInt32(bytes[i + 3]) << 24
      let isLocal = signature == 0x0403_4B50
      let isCentral = signature == 0x0201_4B50
      guard isLocal || isCentral else { continue }
      let nameAt = i + (isLocal ? 30 : 46)
      let nameLength =
        Int(bytes[i + (isLocal ? 26 : 28)]) | Int(bytes[i + (isLocal ? 27 : 29)]) << 8
      guard nameLength == nameBytes.count, nameAt + nameLength <= bytes.count,
        Array(bytes[nameAt..<(nameAt + nameLength)]) == nameBytes
      else { continue }
      let field = i + (isLocal ? 22 : 24)
      for k in 0..<4 { data[data.startIndex + field + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) }
      patched += 1
    }
    #expect(patched == 2, "patched \(patched) headers of \(name)")
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
      crc ^= UInt32(b)
      for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
  }
}

/// Opens `path`, expecting it to fail; the error, or nil (and a recorded issue) if it opened.
func openFailure(
  _ path: String, limits: ReadLimits = .default, sourceLocation: SourceLocation = #_sourceLocation
) -> XlsxReadError? {
  do {
    _ = try XlsxFile.open(path, limits: limits)
    Issue.record("\(path) opened, but should not have", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}
