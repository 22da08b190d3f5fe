import Foundation
import Testing

struct CheckCommandTests {
  @Test func theGuangzhouPlanIsClean() throws {
    let run = try Binary.run("check", "guangzhou-2020")
    #expect(run.status == 0)
    #expect(run.stdout == "guangzhou-2020: 0 errors, 0 warnings\n")
  }

  @Test func reportsAsJSON() throws {
    let run = try Binary.run("check", "guangzhou-2020", "--format", "json")
    #expect(run.status == 0)
    let report = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(report["plan"] as? String == "guangzhou-2020")
    #expect(report["errors"] as? Int == 0)
    #expect((report["diagnostics"] as? [Any])?.isEmpty == true)
  }

  /// A snapshot edited by hand: an unknown unit in a rule, a task whose text no longer matches
  /// the seed. Both are reported, each at its line in the snapshot file, and check exits 1.
  @Test func reportsEveryProblemOfASnapshotAtItsLine() throws {
    let committed = try String(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    var text = committed.replacingOccurrences(of: "\"gz-eeb-office\"\n", with: "\"gz-eeb-ofice\"\n")
    text = text.replacingOccurrences(of: "巩固燃煤整治效果。督促落实", with: "巩固燃煤整治效果。督促全面落实")
    #expect(text != committed)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gz-edited-\(UUID().uuidString).json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }

    let run = try Binary.run("check", file.path)
    #expect(run.status == 1)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let output = run.stdout.split(separator: "\n").map(String.init)
    #expect(output.last == "guangzhou-2020: 2 errors, 0 warnings")

    let unknown = try #require(output.first { $0.contains("unknown-unit") })
    #expect(
      unknown.contains("unknown unit “gz-eeb-ofice” (lead in rule 33); did you mean gz-eeb-office?")
    )
    let ruleLine = try #require(Int(unknown.split(separator: ":")[1]))
    #expect(lines[ruleLine - 1].contains("\"match\": {"))

    let text13 = try #require(output.first { $0.contains("text-not-in-source") })
    #expect(text13.hasPrefix("\(file.path):"))
    #expect(text13.contains("task 13 (coal) does not appear in seeds/003_e4c9d4035ce7ad05.txt"))
    #expect(text13.contains("then the plan has “全面落实"))
    let taskLine = try #require(Int(text13.split(separator: ":")[1]))
    #expect(lines[taskLine - 1].contains("\"id\": \"coal\""))
    // The rule still gives task 34 a lead (an unknown one): reported once, at the rule.
    #expect(!output.contains { $0.contains("missing-lead") })
  }

  @Test func assessmentErrorsOfASnapshotCarryItsFileAndLine() throws {
    let committed = try String(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    let text = committed.replacingOccurrences(of: "\"bonusCap\": 3,", with: "\"bonusCap\": -3,")
    #expect(text != committed)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gz-assessment-\(UUID().uuidString).json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try Binary.run("check", file.path)
    #expect(run.status == 1)
    let line = try #require(
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.hasPrefix("    \"assessment\": {")
      })
    #expect(
      run.stdout.hasPrefix(
        "\(file.path):\(line + 1): error: assessment-invalid: bonusCap, behindTolerance and "
          + "aheadMargin must not be negative\n"))
  }

  @Test func anUnreadableSnapshotIsAClearError() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "broken-\(UUID().uuidString).json")
    try "{\"schema\": \"planbook.plan\", \"schemaVersion\": 1, \"plan\": {\"id\": 5}}".write(
      to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try Binary.run("check", file.path)
    #expect(run.status == 1)
    #expect(run.stderr == "Error: \(file.path): at plan.id: expected String\n")
  }
}
