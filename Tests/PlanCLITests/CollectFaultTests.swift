import Foundation
import TestSupport
import Testing

/// `collect` never loses what a progress folder holds: a month file it cannot read stops the
/// whole collect, and the files of one collect are written all together or not at all.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct CollectFaultTests {
  /// A scratch repository with 大气处's filled reports for September and October.
  struct Scratch {
    let root: TemporaryFolder
    let reports: [String]
    var env: [String: String] { ["PLANBOOK_ROOT": root.path] }
    var progress: String { root.path + "/plans/progress/guangzhou-2020" }

    init() throws {
      root = try TemporaryFolder.workspace()
      var reports: [String] = []
      for month in ["2020-09", "2020-10"] {
        let out = root.url.appendingPathComponent("templates-\(month)").path
        let made = try Binary.run(
          "template", "guangzhou-2020", "--period", month, "--unit", "大气处", "--out", out,
          environment: ["PLANBOOK_ROOT": root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let path = out + "/\(month == "2020-09" ? "2020年9月" : "2020年10月")-08-大气处.xlsx"
        let sheet = try #require(try Openpyxl.dump(path).sheet("填报"))
        let pm = try #require(sheet.rows(where: "A", is: "target:pm25").first)
        try Openpyxl.fill(path, entries: ["填报": ["F\(pm)": .number(28.4), "G\(pm)": .text("累计")]])
        reports.append(path)
      }
      self.reports = reports
    }

    func write(_ bytes: [UInt8], _ name: String) throws {
      try FileManager.default.createDirectory(atPath: progress, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: progress + "/" + name))
    }

    func read(_ name: String) throws -> Data {
      try Data(contentsOf: URL(fileURLWithPath: progress + "/" + name))
    }

    /// Every name under the progress folder, hidden ones included.
    func tree() throws -> [String] {
      guard let e = FileManager.default.enumerator(atPath: progress) else { return [] }
      return e.compactMap { $0 as? String }.sorted()
    }
  }

  /// A GBK month file (as Excel saves a CSV) is not written over: the collect is refused
  /// whole, naming the file, and nothing moves.
  @Test func aMonthFileThatIsNotUTF8StopsTheCollect() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    // "kind,id,…\n" then 备注 in GBK (0xB1 0xB8 0xD7 0xA2).
    let gbk =
      Array("kind,id,value,unit,basis,state,percent,reporter,date,note\n".utf8)
      + Array("task,coal,,,,推进中,80,gz-eeb-air,2020-09-30,".utf8) + [0xB1, 0xB8, 0xD7, 0xA2, 0x0A]
    try s.write(gbk, "2020-09.csv")
    let run = try Binary.run(
      arguments: ["collect", "guangzhou-2020"] + s.reports, environment: s.env)
    #expect(run.status == 1)
    #expect(run.stderr.contains("2020-09.csv: cannot be read: the file is not valid UTF-8"))
    #expect(run.stderr.contains("GBK/GB18030 files are not read"))
    #expect(run.stderr.contains("nothing collected, so that it is not written over"))
    #expect(run.stderr.hasSuffix("guangzhou-2020: nothing collected (1 problem)\n"))
    #expect(try s.read("2020-09.csv") == Data(gbk))
    #expect(try s.tree() == ["2020-09.csv"])
  }

  /// The October file cannot be written (a folder in its place): September is not written
  /// either.
  @Test func aCollectOverTwoMonthsIsAllOrNothing() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    try FileManager.default.createDirectory(
      atPath: s.progress + "/2020-10.csv/x", withIntermediateDirectories: true)
    let run = try Binary.run(
      arguments: ["collect", "guangzhou-2020"] + s.reports, environment: s.env)
    #expect(run.status == 1)
    #expect(run.stderr.contains("2020-10.csv: is a folder, not a file"))
    #expect(try s.tree() == ["2020-10.csv", "2020-10.csv/x"])
  }

  /// Killed between the two months' renames: the next command that reads the folder undoes
  /// the half-done collect, so September is not counted without October.
  @Test func aCollectKilledHalfWayIsUndoneByTheNextRun() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    let killed = try Binary.run(
      arguments: ["collect", "guangzhou-2020"] + s.reports,
      environment: s.env.merging(["PLANBOOK_KILL_AT": "transaction-renamed-first"]) { $1 })
    #expect(killed.status == 9 || killed.status == 137 || killed.status != 0)
    #expect(FileManager.default.fileExists(atPath: s.progress + "/2020-09.csv"))
    #expect(FileManager.default.fileExists(atPath: s.progress + "/.planbook-journal"))

    let status = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-10-31", environment: s.env)
    #expect(status.stderr.contains("its changes to 2020-09.csv were undone"), "\(status.stderr)")
    #expect(try s.tree() == [])

    let again = try Binary.run(
      arguments: ["collect", "guangzhou-2020"] + s.reports, environment: s.env)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try s.tree() == ["2020-09.csv", "2020-10.csv"])
  }

  /// Two collects at once: the second waits for the first, and neither loses the other's
  /// rows.
  @Test func twoCollectsAtOnceBothLand() throws {
    let s = try Scratch()
    defer { s.root.remove() }
    let runs = try Binary.runTogether(
      [
        ["collect", "guangzhou-2020", s.reports[0]], ["collect", "guangzhou-2020", s.reports[1]],
      ], environment: s.env)
    #expect(runs.map(\.status) == [0, 0], "\(runs.map(\.stderr))")
    #expect(try s.tree() == ["2020-09.csv", "2020-10.csv"])
  }
}
