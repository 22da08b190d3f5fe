import Foundation
import TestSupport
import Testing

/// `planbook verify`: books made by `export` are current, books of another plan version are
/// stale, and anything else is a clear one-line error with exit 2.
@Suite struct VerifyCommandTests {
  let folder: TemporaryFolder

  init() throws { folder = try TemporaryFolder() }

  /// The fingerprint of the committed Guangzhou snapshot, by `sha256sum`: the plan's own
  /// fingerprint is the SHA-256 of that text (and `snapshot --check` keeps it current).
  func guangzhouFingerprint() throws -> String {
    let snapshot = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
    let run = try Shell.run(["sha256sum", snapshot.path])
    #expect(run.status == 0)
    return String(run.stdout.prefix(64))
  }

  /// Writes a small hand-made workbook with these custom properties; returns its path.
  func book(_ name: String, _ properties: [(String, String)]) throws -> String {
    let path = folder.url.appendingPathComponent(name).path
    try MiniXlsx.data(properties: properties).write(to: URL(fileURLWithPath: path))
    return path
  }

  func results(_ run: Binary.Run) throws -> [[String: String]] {
    try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: String]])
  }

  @Test func exportedBooksAreCurrent() throws {
    defer { folder.remove() }
    let export = try Binary.run(
      "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处")
    #expect(export.status == 0, "\(export.stderr)")
    let book = folder.path + "/08-大气处.xlsx"
    let overview = folder.path + "/00-总览.xlsx"
    let short = String(try guangzhouFingerprint().prefix(12))

    let run = try Binary.run("verify", overview, book)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        \(overview): current — guangzhou-2020, fingerprint \(short) (overview)
        \(book): current — guangzhou-2020, fingerprint \(short) (book for gz-eeb-air \
        广州市生态环境局大气环境管理处)
        2 files: 2 current

        """)
  }

  @Test func aBookOfAnotherVersionIsStaleAndNamesBothFingerprints() throws {
    defer { folder.remove() }
    let old = try book(
      "old.xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.PlanVersion", "2019-draft"),
        ("PlanBook.Fingerprint", String(repeating: "0", count: 64)),
        ("PlanBook.Unit", "gz-eeb-air 大气环境管理处"), ("PlanBook.Kind", "book"),
      ])
    let text = try Binary.run("verify", old)
    #expect(text.status == 1)
    let fingerprint = try guangzhouFingerprint()
    // No commit of the plan's snapshot has that fingerprint: verify says so, invents nothing.
    #expect(
      text.stdout
        == "\(old): stale — made from guangzhou-2020 version 2019-draft, fingerprint "
        + "000000000000; the plan's fingerprint is now \(fingerprint.prefix(12))\n"
        + "\(old): that version is not among the committed snapshots of the plan "
        + "(plans/snapshots/guangzhou-2020.json in the workspace's git history), so what changed "
        + "since is not known here; with a snapshot of it, `planbook diff OLD.json guangzhou-2020` "
        + "shows it\n")

    let json = try Binary.run("verify", old, "--format", "json")
    #expect(json.status == 1)
    let result = try #require(try results(json).first)
    #expect(result["status"] == "stale")
    #expect(result["planID"] == "guangzhou-2020")
    #expect(result["version"] == "2019-draft")
    #expect(result["currentVersion"] == "unversioned")
    #expect(result["currentFingerprint"] == fingerprint)
    #expect(result["unit"] == "gz-eeb-air 大气环境管理处")
    #expect(result["error"] == nil)

    // A template made with the fingerprint verify reported is current (templates are
    // compared by fingerprint only: they are meant to be filled in).
    let fresh = try book(
      "fresh.xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.PlanVersion", "unversioned"),
        ("PlanBook.Fingerprint", fingerprint.uppercased()), ("PlanBook.Kind", "template"),
        ("PlanBook.Unit", "gz-eeb-air 大气环境管理处"),
      ])
    let again = try Binary.run("verify", fresh)
    #expect(again.status == 0)
    #expect(
      again.stdout
        == "\(fresh): current — guangzhou-2020, fingerprint \(fingerprint.prefix(12)) (template "
        + "for gz-eeb-air 大气环境管理处)\n")

    // A hand-made book with that fingerprint is not what the plan exports: edited.
    let forged = try book(
      "forged.xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Fingerprint", fingerprint),
        ("PlanBook.Kind", "book"), ("PlanBook.SchemaVersion", "2"),
        ("PlanBook.Unit", "gz-eeb-air 广州市生态环境局大气环境管理处"),
      ])
    let forgery = try Binary.run("verify", forged)
    #expect(forgery.status == 1)
    #expect(forgery.stdout.hasPrefix("\(forged): edited — "))

    // Without its layout's schema version, a book cannot be compared: stale, export again.
    let unknownLayout = try book(
      "layout.xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Fingerprint", fingerprint),
        ("PlanBook.Kind", "book"), ("PlanBook.Unit", "gz-eeb-air 广州市生态环境局大气环境管理处"),
      ])
    let layout = try Binary.run("verify", unknownLayout)
    #expect(layout.status == 1)
    #expect(
      layout.stdout
        == "\(unknownLayout): stale — made from guangzhou-2020, fingerprint "
        + "\(fingerprint.prefix(12)) (the current plan), with book layout none; this PlanBook "
        + "writes layout 2: export again\n")
  }

  @Test func theWorstResultGivesTheExitCode() throws {
    defer { folder.remove() }
    let fingerprint = try guangzhouFingerprint()
    let current = try book(
      "a.xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Fingerprint", fingerprint),
        ("PlanBook.Kind", "template"),
      ])
    let stale = try book(
      "b.xlsx", [("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Fingerprint", "abc")])
    let missing = folder.path + "/c.xlsx"
    #expect(try Binary.run("verify", current).status == 0)
    #expect(try Binary.run("verify", current, stale).status == 1)
    let run = try Binary.run("verify", current, stale, missing)
    #expect(run.status == 2)
    #expect(run.stdout.hasSuffix("3 files: 1 current, 1 stale, 1 unreadable\n"))
    #expect(run.stderr == "\(missing): cannot open: no such file\n")
  }

  @Test func aWorkbookWithoutPlanBookPropertiesIsForeign() throws {
    defer { folder.remove() }
    let plain = try book("plain.xlsx", [("Author", "someone")])
    let run = try Binary.run("verify", plain)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "\(plain): not a PlanBook workbook (no PlanBook.PlanID property)\n")

    let partial = try book("partial.xlsx", [("PlanBook.PlanID", "panyu-2018")])
    let json = try Binary.run("verify", partial, "--format", "json")
    #expect(json.status == 2)
    let result = try #require(try results(json).first)
    #expect(result["status"] == "foreign")
    #expect(result["error"]?.contains("has no PlanBook.Fingerprint property") == true)
  }

  @Test func aPlanNotInTheCatalogue() throws {
    defer { folder.remove() }
    for id in ["shenzhen-2030", "plans/snapshots/guangzhou-2020.json"] {
      let path = try book(
        "other.xlsx", [("PlanBook.PlanID", id), ("PlanBook.Fingerprint", "abc")])
      let run = try Binary.run("verify", path)
      #expect(run.status == 2)
      #expect(
        run.stderr
          == "\(path): made from plan “\(id)”, which is not in the catalogue (known plans: "
          + "guangzhou-2020, guangzhou-2020-r1, panyu-2018, panyu-2020-illustrative)\n")
    }
  }

  /// XML cannot carry ESC, but it can carry line breaks, C1 controls (U+009B is CSI on
  /// 8-bit terminals) and bidi overrides: none reaches the terminal as it is.
  @Test func controlCharactersFromAWorkbookAreNotPrinted() throws {
    defer { folder.remove() }
    let path = try book(
      "ansi.xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Fingerprint", "\u{9B}2J\u{202E}"),
        ("PlanBook.PlanVersion", "v\nfake.xlsx: current"),
      ])
    let run = try Binary.run("verify", path)
    #expect(run.status == 1)
    #expect(!run.stdout.contains("\u{9B}"))
    // The stale line, and the line on the plan's history.
    #expect(run.stdout.split(separator: "\n").count == 2)
    #expect(
      run.stdout.contains(
        "version v\\u{A}fake.xlsx: current, fingerprint \\u{9B}2J\\u{202E};"))
  }

  /// A file's name is data too: one named with an escape sequence and a line break (from a
  /// glob over returned files, say) is printed escaped, on stdout and in errors.
  @Test func controlCharactersInAFileNameAreNotPrinted() throws {
    defer { folder.remove() }
    let name = "\u{1B}[2K\r当前\nfake.xlsx: current"
    let good = try book(
      name + ".xlsx",
      [
        ("PlanBook.PlanID", "guangzhou-2020"), ("PlanBook.Fingerprint", try guangzhouFingerprint()),
        ("PlanBook.Kind", "template"),
      ])
    let broken = folder.url.appendingPathComponent(name + "-broken.xlsx").path
    try Data("not a zip".utf8).write(to: URL(fileURLWithPath: broken))
    let run = try Binary.run("verify", good, broken)
    #expect(run.status == 2)
    for output in [run.stdout, run.stderr] {
      #expect(!output.contains("\u{1B}"))
      #expect(!output.contains("\r"))
    }
    let shown = "\\u{1B}[2K\\u{D}当前\\u{A}fake.xlsx: current"
    #expect(run.stdout.hasPrefix(folder.path + "/" + shown + ".xlsx: current — guangzhou-2020"))
    #expect(run.stderr.hasPrefix(folder.path + "/" + shown + "-broken.xlsx: "))
    #expect(run.stderr.split(separator: "\n").count == 1)
  }

  /// Hostile and broken files: each one line on standard error, starting with its name.
  @Test func unreadableFilesAreOneLineEach() throws {
    defer { folder.remove() }
    let good = MiniXlsx.data(properties: [("PlanBook.PlanID", "guangzhou-2020")])
    let laughs = MiniXlsx.data(
      properties: [],
      custom: """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 \
        "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Properties>&lol2;</Properties>
        """)
    var random = SystemRandomNumberGenerator()
    let files: [(String, Data, String)] = [
      ("empty.xlsx", Data(), "empty file (0 bytes), not an xlsx workbook"),
      (
        "random.xlsx", Data((0..<2000).map { _ in UInt8.random(in: 0...255, using: &random) }),
        "not an xlsx workbook: not a zip archive"
      ),
      (
        "half.xlsx", good.prefix(good.count / 2),
        "truncated or damaged zip archive: it has no end-of-central-directory record"
      ),
      (
        "laughs.xlsx", laughs,
        "docProps/custom.xml:1:22: refused: a <!DOCTYPE declaration; DTDs and entity "
          + "declarations are refused in xlsx parts"
      ),
    ]
    var paths: [String] = []
    for (name, data, _) in files {
      let path = folder.path + "/" + name
      try data.write(to: URL(fileURLWithPath: path))
      paths.append(path)
    }
    let fifo = folder.path + "/pipe.xlsx"
    #expect(mkfifo(fifo, 0o644) == 0)
    let run = try Binary.run(arguments: ["verify"] + paths + [fifo])
    #expect(run.status == 2)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == files.count + 1)
    for ((_, _, message), (path, line)) in zip(files, zip(paths, lines)) {
      #expect(line == "\(path): \(message)")
    }
    #expect(lines.last?.hasPrefix("\(fifo): ") == true)
    #expect(run.stdout == "5 files: 5 unreadable\n")

    let json = try Binary.run(arguments: ["verify", "--format", "json"] + paths)
    #expect(json.status == 2)
    let results = try results(json)
    #expect(results.map { $0["status"] } == Array(repeating: "unreadable", count: files.count))
    #expect(results.map { $0["file"] } == paths)
    #expect(results[3]["error"]?.contains("refused: a <!DOCTYPE declaration") == true)
  }

  @Test func noFilesIsAUsageError() throws {
    defer { folder.remove() }
    let run = try Binary.run("verify")
    #expect(run.status == 64)
    #expect(run.stderr.contains("give at least one xlsx file"))
    #expect(run.stderr.contains("Usage: planbook verify"))
    let help = try Binary.run("--help")
    #expect(help.stdout.contains("  verify "))
  }
}

/// Small xlsx files written by hand: stored (uncompressed) zip entries with their CRC-32, so
/// the tests need no zip library.
enum MiniXlsx {
  /// A one-sheet workbook with these custom properties (or this custom.xml text).
  static func data(properties: [(String, String)], custom: String? = nil) -> Data {
    func escaped(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
    var pid = 1
    let props = properties.map { name, value in
      pid += 1
      return "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(pid)\" "
        + "name=\"\(escaped(name))\"><vt:lpwstr>\(escaped(value))</vt:lpwstr></property>"
    }.joined()
    let customXML =
      custom
        ?? """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties \
        xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
        xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\(props)\
        </Properties>
        """
    let parts: [(String, String)] = [
      (
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/></Types>
        """
      ),
      (
        "_rels/.rels",
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Target="xl/workbook.xml" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
        <Relationship Id="rId2" Target="docProps/custom.xml" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
        custom-properties"/>\
        </Relationships>
        """
      ),
      (
        "xl/workbook.xml",
        """
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="大气处" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
      ),
      (
        "xl/_rels/workbook.xml.rels",
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Target="worksheets/sheet1.xml" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>\
        </Relationships>
        """
      ),
      (
        "xl/worksheets/sheet1.xml",
        """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
        <row r="1"><c r="A1" t="inlineStr"><is><t>目标责任书</t></is></c></row></sheetData>\
        </worksheet>
        """
      ),
      ("docProps/custom.xml", customXML),
    ]
    return zip(parts.map { ($0.0, Array($0.1.utf8)) })
  }

  /// A zip archive of stored entries.
  static func zip(_ entries: [(String, [UInt8])]) -> Data {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    func u16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func u32(_ v: Int, _ into: inout [UInt8]) {
      u16(v & 0xFFFF, &into)
      u16((v >> 16) & 0xFFFF, &into)
    }
    for (name, data) in entries {
      let nameBytes = Array(name.utf8)
      let crc = Int(crc32(data))
      let offset = out.count
      u32(0x0403_4B50, &out)
      for v in [20, 0x0800, 0, 0, 0] { u16(v, &out) }
      for v in [crc, data.count, data.count] { u32(v, &out) }
      u16(nameBytes.count, &out)
      u16(0, &out)
      out += nameBytes + data

      u32(0x0201_4B50, &directory)
      for v in [20, 20, 0x0800, 0, 0, 0] { u16(v, &directory) }
      for v in [crc, data.count, data.count] { u32(v, &directory) }
      for v in [nameBytes.count, 0, 0, 0, 0] { u16(v, &directory) }
      u32(0, &directory)
      u32(offset, &directory)
      directory += nameBytes
    }
    let directoryOffset = out.count
    out += directory
    u32(0x0605_4B50, &out)
    for v in [0, 0, entries.count, entries.count] { u16(v, &out) }
    u32(directory.count, &out)
    u32(directoryOffset, &out)
    u16(0, &out)
    return Data(out)
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
