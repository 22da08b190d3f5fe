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
    #expect(run.stderr == "Error: \(file.path): at plan.id: expected a string, found a number\n")
  }

  // MARK: - hostile snapshots

  /// The committed Guangzhou snapshot with `edits` applied (each once, and each must apply),
  /// written to a temporary file; `body` gets the file's path and the edited text.
  private func withEdited(
    _ edits: [(String, String)], _ body: (_ path: String, _ text: String) throws -> Void
  ) throws {
    var text = try String(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    for (old, new) in edits {
      let range = try #require(text.range(of: old), "\(old)")
      text.replaceSubrange(range, with: new)
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gz-hostile-\(UUID().uuidString).json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    try body(file.path, text)
  }

  /// The 1-based line of `text` holding `fragment` first.
  private func line(of fragment: String, in text: String) throws -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.contains(fragment) }) + 1
  }

  @Test func aPlanIDThatLeavesTheWorkspaceFailsCheck() throws {
    try withEdited([(#""id": "guangzhou-2020""#, #""id": "../../../../elsewhere/pb-escape""#)]) {
      path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let at = try line(of: "pb-escape", in: text)
      #expect(
        run.stdout.contains(
          "\(path):\(at): error: invalid-id: plan id “../../../../elsewhere/pb-escape” is not a valid id: an id has 1–64 characters of a–z, 0–9 and '-', beginning with a letter or digit\n"
        ))
    }
  }

  /// One error for the number, one for the gap it leaves: not two billion.
  @Test func aTaskNumberOf2To31IsOneError() throws {
    try withEdited([(#""number": 13,"#, #""number": 2147483648,"#)]) { path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let at = try line(of: #""id": "coal""#, in: text)
      // The gap is reported at the next task, 14 (dust).
      let next = try line(of: #""id": "dust""#, in: text)
      #expect(
        run.stdout.split(separator: "\n") == [
          "\(path):\(at): error: number-out-of-range: task number 2147483648 is out of range in the plan (numbers run from 1 to at most 9999)",
          "\(path):\(next): error: missing-task-number: task number 13 is missing in the plan (numbers run 1…34)",
          "guangzhou-2020: 2 errors, 0 warnings",
        ])
    }
  }

  /// The task `dust` (number 14), as the committed snapshot writes it, and the snapshot with
  /// `copies` more of it pasted after it (`,` and all).
  private func withDustCopied(
    _ copies: Int, _ body: (_ path: String, _ text: String) throws -> Void
  ) throws {
    let committed = try String(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    let start = try #require(
      committed.range(
        of: "          {\n            \"figures\": [],\n            \"id\": \"dust\","))
    let end = try #require(
      committed.range(of: "\n          },\n", range: start.upperBound..<committed.endIndex))
    let task = String(committed[start.lowerBound..<end.upperBound])
    try withEdited([(task, String(repeating: task, count: copies + 1))], body)
  }

  /// A task pasted three more times: three `duplicate-id` errors (and three of its number),
  /// each at the line of its own copy, not all at the first.
  @Test func eachDuplicatedTaskIsReportedAtItsOwnLine() throws {
    try withDustCopied(3) { path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let dust = lines.indices.filter { lines[$0].hasSuffix(#""id": "dust","#) }.map { $0 + 1 }
      #expect(dust.count == 4)
      let first = "\(path):\(dust[0])"
      var expected: [String] = []
      for line in dust.dropFirst() {
        expected.append(
          "\(path):\(line): error: duplicate-id: task id “dust” is declared twice; first at \(first)"
        )
        expected.append(
          "\(path):\(line): error: duplicate-task-number: task number 14 is used twice in the plan; first at \(first)"
        )
      }
      expected.append("guangzhou-2020: 6 errors, 0 warnings")
      #expect(run.stdout.split(separator: "\n").map(String.init) == expected)
    }
  }

  /// 20,000 copies of a task: 20,000 errors of each code, each copy at its own line (the check
  /// is linear; this asserts what it says, not how fast).
  @Test func twentyThousandDuplicatesAreEachReportedAtTheirOwnLine() throws {
    try withDustCopied(20_000) { path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let output = run.stdout.split(separator: "\n")
      #expect(output.last == "guangzhou-2020: 40000 errors, 0 warnings")
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let copies = Set(
        lines.indices.filter { lines[$0].hasSuffix(#""id": "dust","#) }.map { $0 + 1 }.dropFirst())
      #expect(copies.count == 20_000)
      for code in ["duplicate-id", "duplicate-task-number"] {
        let at = output.filter { $0.contains(": error: \(code): ") }.compactMap {
          Int($0.dropFirst(path.count + 1).prefix { $0 != ":" })
        }
        #expect(at.count == 20_000, "\(code)")
        let atTheCopies = Set(at) == copies
        #expect(atTheCopies, "\(code)")
      }
    }
  }

  @Test func aLoneSurrogateIsReportedAtItsLineAndColumn() throws {
    let title = #""title": "2020年广州市生态环境保护工作计划""#
    try withEdited([(title, #""title": "2020年\ud800广州""#)]) { path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let at = try line(of: #"\ud800"#, in: text)
      #expect(
        run.stderr
          == "Error: \(path): line \(at), column 20: \\ud800 is half of a UTF-16 surrogate pair without its other half: no text can hold it\n"
      )
    }
  }

  /// A control character is named at its unit, and never printed raw.
  @Test func aControlCharacterInAShortNameIsAnErrorAtItsUnit() throws {
    try withEdited([(#""shortName": "水处""#, #""shortName": "水\u001b[2J处""#)]) { path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let at = try line(of: #""id": "gz-eeb-water""#, in: text)
      #expect(
        run.stdout.contains(
          "\(path):\(at): error: invalid-character: the short name of unit gz-eeb-water holds U+001B (character 2), which a workbook cannot carry"
        ))
      #expect(!run.stdout.contains("\u{1B}"))
    }
  }

  @Test func twoUnitsWithOneShortNameFailCheck() throws {
    try withEdited([(#""shortName": "水处""#, #""shortName": "大气处""#)]) { path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let first = try line(of: #""id": "gz-eeb-air""#, in: text)
      let second = try line(of: #""id": "gz-eeb-water""#, in: text)
      #expect(
        run.stdout.contains(
          "\(path):\(second): error: duplicate-short-name: units gz-eeb-air and gz-eeb-water have the same short name “大气处” (first at \(path):\(first))"
        ))
    }
  }

  /// A book carries “id name” in its `PlanBook.Unit` property, which holds 255 characters:
  /// a name that just fits is exported without a word from libxlsxwriter; one character more
  /// is a check error, and nothing is exported.
  @Test func aUnitNameLongerThanItsBooksPropertyFailsCheck() throws {
    let name = #""name": "广州市生态环境局水生态环境管理处""#
    let fits = 254 - "gz-eeb-water".count
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "long-name-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    try withEdited([(name, "\"name\": \"\(String(repeating: "水", count: fits))\"")]) { path, _ in
      #expect(try Binary.run("check", path).status == 0)
      let export = try Binary.run(
        "export", path, "--unit", "gz-eeb-water", "--out", out.path)
      #expect(export.status == 0)
      #expect(!export.stderr.contains("WARNING"))
    }
    try withEdited([(name, "\"name\": \"\(String(repeating: "水", count: fits + 1))\"")]) {
      path, text in
      let run = try Binary.run("check", path)
      #expect(run.status == 1)
      let at = try line(of: #""id": "gz-eeb-water""#, in: text)
      #expect(
        run.stdout.split(separator: "\n").first
          == "\(path):\(at): error: too-long-for-workbook: unit gz-eeb-water's full name has \(fits + 1) characters; its books carry “id name” in a document property, which holds at most 255 characters, so the name may have at most \(fits)"
      )
    }
  }
}
