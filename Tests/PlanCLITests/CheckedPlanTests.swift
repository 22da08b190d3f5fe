import Foundation
import TestSupport
import Testing

/// Every command that writes or scores from a plan refuses one with errors, as `export` does.
@Suite struct CheckedPlanTests {
  /// The committed Guangzhou snapshot with rule 5's deadline made 2020-02-30.
  static func badSnapshot(in folder: TemporaryFolder) throws -> String {
    let committed = try String(
      contentsOf: Repository.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    let half = "\"half\": 1,\n            \"kind\": \"endOfHalf\",\n            \"year\": 2020\n"
    let broken = committed.replacingOccurrences(
      of: half, with: "\"date\": \"2020-02-30\",\n            \"kind\": \"date\"\n")
    #expect(broken != committed, "the snapshot no longer has the deadline this test breaks")
    let path = folder.url.appendingPathComponent("guangzhou-2020.json").path
    try broken.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aPlanWithErrorsIsRefusedByEveryCommandThatWritesOrScores() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let plan = try Self.badSnapshot(in: folder)
    let out = folder.url.appendingPathComponent("out").path

    let check = try Binary.run("check", plan)
    #expect(check.status == 1)
    // Located at the line of rule 5's match, wherever the snapshot has it.
    let text = try String(contentsOfFile: plan, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let date = try #require(lines.firstIndex { $0.contains("2020-02-30") })
    let match = try #require(lines[..<date].lastIndex { $0.contains("\"match\"") })
    let error =
      "\(plan):\(match + 1): error: invalid-date: the deadline of rule 5, 2020-02-30, is not a valid date"
    #expect(check.stdout.contains(error))

    let commands: [([String], String)] = [
      (["export", plan, "--out", out], "nothing exported"),
      (["template", plan, "--period", "2020-10", "--out", out], "no templates written"),
      (["status", plan, "--as-of", "2020-09-30"], "nothing evaluated"),
      (
        ["status", plan, "--as-of", "2020-09-30", "--format", "xlsx", "--out", out + "/s.xlsx"],
        "nothing evaluated"
      ),
      (["rank", plan, "--period", "2020Q3"], "nothing ranked"),
      (["bulletin", plan, "--period", "2020-09"], "no bulletin written"),
      (
        ["bulletin", plan, "--period", "2020Q3", "--format", "markdown", "--out", out + "/b.md"],
        "no bulletin written"
      ),
      (
        ["collect", plan, folder.url.appendingPathComponent("returned.xlsx").path],
        "nothing collected"
      ),
    ]
    for (arguments, refusal) in commands {
      let run = try Binary.run(arguments: arguments)
      #expect(run.status == 1, "\(arguments[0]): \(run.stderr)")
      #expect(run.stdout == "", "\(arguments[0])")
      #expect(
        run.stderr == "\(error)\nguangzhou-2020: 1 error; \(refusal)\n", "\(arguments[0])")
    }
    #expect(!FileManager.default.fileExists(atPath: out), "a refused command wrote \(out)")
  }

  @Test func showStillShowsAPlanWithErrorsButSaysSo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let plan = try Self.badSnapshot(in: folder)
    let run = try Binary.run("show", plan)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("guangzhou-2020  "))
    #expect(
      run.stderr
        == "warning: guangzhou-2020: 1 error (`planbook check` lists them); shown as written\n")
    // A good plan: no warning.
    let good = try Binary.run("show", "guangzhou-2020")
    #expect(good.status == 0)
    #expect(good.stderr == "")
  }
}
