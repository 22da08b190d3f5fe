import Foundation
import TestSupport
import Testing

/// An export killed at any moment, or two exports at once, leave a folder that holds one
/// complete set of books: `verify DIR` says so, and no staging folder is left to be counted.
@Suite(.serialized) struct ExportFaultTests {
  /// The folder to export into and a second version of guangzhou-2020 (its 考核方式
  /// changed), as a snapshot file.
  struct Scratch {
    let root: TemporaryFolder
    var folder: String { root.path + "/exports/guangzhou-2020" }
    var versionB: String { root.path + "/guangzhou-2020-b.json" }

    init() throws {
      root = try TemporaryFolder()
      let snapshot = try String(
        contentsOf: Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
        encoding: .utf8)
      // 考核方式 is the plan's own words, not transcribed from the seed.
      let changed = snapshot.replacingOccurrences(of: "甲方按季度对乙方", with: "甲方按月对乙方")
      #expect(changed != snapshot)
      try changed.write(toFile: versionB, atomically: true, encoding: .utf8)
    }

    /// `export` of version A (the catalogue's) or B.
    func export(_ b: Bool) -> [String] {
      ["export", b ? versionB : "guangzhou-2020", "--out", folder, "--serial"]
    }

    /// What `verify DIR` says of the folder as a set.
    func verifySet() throws -> String {
      let run = try Binary.run("verify", folder)
      let line = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
      return line
    }

    /// The hidden entries beside the folder (staging folders, lock files).
    func besides() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: root.path + "/exports").filter {
        $0 != "guangzhou-2020"
      }.sorted()
    }
  }

  static let oneSetA = "one set — 43 books and the overview of guangzhou-2020, fingerprint "

  @Test func killedAtRandomMomentsTheFolderIsAlwaysOneSet() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    #expect(try Binary.run(arguments: s.export(false)).status == 0)
    var rng = SeededGenerator(seed: 20_201_231)
    var killedMidway = 0
    for round in 0..<30 {
      let started = try Binary.Started(arguments: s.export(round % 2 == 0))
      usleep(UInt32(rng.next() % 400_000))
      started.kill()
      let run = try started.finish()
      if run.status != 0 { killedMidway += 1 }
      let set = try s.verifySet()
      #expect(
        set.contains(": one set — 43 books and the overview of guangzhou-2020"),
        "round \(round): \(set)")
      // A staging folder a kill left is never counted as books.
      let books = try FileManager.default.contentsOfDirectory(atPath: s.folder).filter {
        $0.hasSuffix(".xlsx")
      }
      #expect(books.count == 44, "round \(round)")
    }
    #expect(killedMidway >= 10, "most rounds should be killed before the export ends")
    // The next export removes whatever the kills left beside the folder.
    let last = try Binary.run(arguments: s.export(false))
    #expect(last.status == 0, "\(last.stderr)")
    #expect(try s.besides() == [])
    #expect(try s.verifySet().contains(Self.oneSetA))
  }

  /// The two instants a kill from outside finds only by luck: the new set complete but not
  /// moved (the old set stays), and the new set moved in but the old not yet removed (the new
  /// set stands).
  @Test func killedJustBeforeAndJustAfterTheSwap() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    #expect(try Binary.run(arguments: s.export(false)).status == 0)
    let a = try s.verifySet()
    #expect(a.contains(Self.oneSetA))

    let before = try Binary.run(
      arguments: s.export(true), environment: ["PLANBOOK_KILL_AT": "set-written"])
    #expect(before.status != 0)
    #expect(try s.verifySet() == a)
    #expect(try s.besides().contains { $0.hasPrefix(".guangzhou-2020.planbook-set-") })

    let after = try Binary.run(
      arguments: s.export(true), environment: ["PLANBOOK_KILL_AT": "set-exchanged"])
    #expect(after.status != 0)
    let b = try s.verifySet()
    #expect(b.contains(": one set — 43 books and the overview of guangzhou-2020"))
    #expect(b != a)

    let again = try Binary.run(arguments: s.export(false))
    #expect(again.status == 0)
    #expect(!again.stderr.contains("left by an earlier export"), "\(again.stderr)")
    #expect(try s.besides() == [])
    #expect(try s.verifySet() == a)
  }

  /// Two exports of different versions at the same moment: the second waits for the first;
  /// both succeed and the folder holds the complete set of whichever finished last.
  @Test func twoExportsAtOnceLeaveOneSet() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    for round in 0..<10 {
      let runs = try Binary.runTogether([s.export(round % 2 == 0), s.export(round % 2 == 1)])
      #expect(runs.map(\.status) == [0, 0], "round \(round): \(runs.map(\.stderr))")
      let set = try s.verifySet()
      #expect(
        set.contains(": one set — 43 books and the overview of guangzhou-2020"),
        "round \(round): \(set)")
      #expect(try s.besides() == [], "round \(round)")
    }
  }

  /// A verify of a folder that is not one set says what is wrong with it.
  @Test func verifyNamesAMixedOrIncompleteFolder() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    #expect(try Binary.run(arguments: s.export(false)).status == 0)
    let other = s.root.path + "/b"
    #expect(try Binary.run("export", s.versionB, "--out", other, "--unit", "大气处").status == 0)
    let fm = FileManager.default
    try fm.removeItem(atPath: s.folder + "/08-大气处.xlsx")
    try fm.copyItem(atPath: other + "/08-大气处.xlsx", toPath: s.folder + "/08-大气处.xlsx")
    let mixed = try Binary.run("verify", s.folder)
    #expect(mixed.status == 1)
    #expect(mixed.stdout.contains(": a mix of sets: 43 of guangzhou-2020 "), "\(mixed.stdout)")

    try fm.removeItem(atPath: s.folder + "/08-大气处.xlsx")
    let incomplete = try Binary.run("verify", s.folder)
    #expect(incomplete.status == 1)
    #expect(
      incomplete.stdout.contains(
        ": not a complete set: 1 of the books the last export wrote is missing (08-大气处.xlsx)"))
  }
}
