import Foundation
import TestSupport
import Testing

@Suite struct DiffCommandTests {
  @Test func theRevisionAsText() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1")
    #expect(run.status == 1)
    #expect(
      run.stdout.split(separator: "\n")[2]
        == "1 added, 3 changed, 0 removed, 17 renumbered, 36 unchanged")
    try expectGolden(run.stdout, "diff-guangzhou-2020-r1.txt")
  }

  @Test func colourOnlyWhenAsked() throws {
    let plain = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1")
    #expect(!plain.stdout.contains("\u{1B}["))
    let colored = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--color", "always")
    #expect(colored.stdout.contains("\u{1B}[1;31m! 高风险修订"))
  }

  /// A task text with an escape sequence, a carriage return and a line break (which would
  /// erase the line and forge a "current" one) and a C1 CSI, diffed against the committed
  /// snapshot: shown escaped, in plain text, in colour (only our own codes are raw) and in
  /// Markdown.
  @Test func controlCharactersInAPlanAreShownEscaped() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let committed = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
    let original = try String(contentsOf: committed, encoding: .utf8)
    let text = "坚持把党的政治建设摆在首位。"
    #expect(original.contains(text))
    let hostile = original.replacingOccurrences(
      of: text, with: text + "\\u001b[2K\\r当前 current\\n当前: 一切正常\\u009b31m")
    let path = folder.url.appendingPathComponent("evil.json").path
    try hostile.write(toFile: path, atomically: true, encoding: .utf8)

    let plain = try Binary.run("diff", committed.path, path)
    #expect(plain.status == 1, "\(plain.stderr)")
    #expect(!plain.stdout.contains("\u{1B}"))
    #expect(!plain.stdout.contains("\r"))
    #expect(!plain.stdout.contains("\u{9B}"))
    #expect(
      plain.stdout.contains("{+\\u{1B}[2K\\u{D}当前 current\\u{A}当前: 一切正常\\u{9B}31m+}"))
    #expect(!plain.stdout.split(separator: "\n").contains { $0.hasPrefix("当前") })

    let colored = try Binary.run("diff", committed.path, path, "--color", "always")
    // Every raw ESC is one of our colour codes: ESC [ digits and semicolons m.
    let codes = colored.stdout.components(separatedBy: "\u{1B}").dropFirst()
    #expect(!codes.isEmpty)
    for code in codes {
      let head = code.prefix { $0 != "m" }
      #expect(head.first == "[" && head.dropFirst().allSatisfy { $0.isNumber || $0 == ";" })
    }
    #expect(colored.stdout.contains("\\u{1B}[2K\\u{D}当前"))

    let markdown = try Binary.run("diff", committed.path, path, "--format", "markdown")
    #expect(!markdown.stdout.contains("\u{1B}"))
    #expect(markdown.stdout.contains("\\u{1B}[2K\\u{D}当前 current"))
  }

  @Test func theRevisionAsMarkdown() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "markdown")
    #expect(run.status == 1)
    try expectGolden(run.stdout, "diff-guangzhou-2020-r1.md")
  }

  @Test func theRevisionAsJSON() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "json")
    #expect(run.status == 1)
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(view["schema"] as? String == "planbook.diff")
    let summary = try #require(view["summary"] as? [String: Int])
    #expect(summary["added"] == 1 && summary["changed"] == 3 && summary["renumbered"] == 17)
    #expect(summary["highRisk"] == 2 && summary["highRiskWithoutReason"] == 0)
    let items = try #require(view["items"] as? [[String: Any]])
    let pm = try #require(items.first { $0["newID"] as? String == "pm25" })
    let change = try #require((pm["changes"] as? [[String: Any]])?.first)
    #expect(change["code"] as? String == "tightened")
    #expect(change["name"] as? String == "指标收紧")
    #expect(change["from"] as? String == "≤ 35 微克/立方米")
    let slip = try #require(items.first { $0["newID"] as? String == "legislation" })
    let deadline = try #require((slip["changes"] as? [[String: Any]])?.first)
    #expect(deadline["code"] as? String == "deadlineSlipped")
    #expect(deadline["days"] as? Int == 184)
    #expect(view["renumbered"] as? [String] == ["第17–34项 → 第18–35项"])
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func theRevisionAsAWorkbook() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("修订对照表.xlsx").path
    let run = try Binary.run(
      "diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "xlsx", "--out", path)
    #expect(run.status == 1)
    let dump = try Openpyxl.dump(path)
    #expect(dump.sheets.map(\.name) == ["修订对照表", "高风险修订"])
    let sheet = try #require(dump.sheet("修订对照表"))
    #expect(sheet.text("A3") == "序号")
    #expect(sheet.text("B3") == "修订前")
    #expect(sheet.print.titleRows == "$3:$3")
    #expect(sheet.print.paper == 9)
    // The tightened target: "35" struck through in 修订前, "33" in bold in 修订后.
    let before = try #require(sheet.cells["B4"]?.runs)
    #expect(before.contains { $0.text == "5" && $0.strike == true })
    let after = try #require(sheet.cells["C4"]?.runs)
    #expect(after.contains { $0.text == "3" && $0.bold == true && $0.underline != nil })
    #expect(sheet.text("E4")?.hasPrefix("落实省下达") == true)
    let last = sheet.maxRow
    #expect(sheet.text("B\(last)") == "其余任务序号顺延：第17–34项 → 第18–35项")
    #expect(dump.custom["PlanBook.Kind"] == "revision")
    #expect(dump.custom["PlanBook.OldPlanID"] == "guangzhou-2020")
  }

  @Test func noChangesExitsZero() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "plans/snapshots/guangzhou-2020.json")
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.hasSuffix("0 added, 0 changed, 0 removed, 0 renumbered, 56 unchanged\n"))
  }

  @Test func troubleExitsTwo() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "nowhere-2030")
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("diff: 'nowhere-2030' is neither a plan"))
    let noOut = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "xlsx")
    #expect(noOut.status == 2)
    #expect(noOut.stderr == "diff: --format xlsx needs --out FILE.xlsx\n")
  }

  @Test func reasonsRequired() throws {
    // Every high-risk change of the revision has its reason.
    let ok = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--require-reasons")
    #expect(ok.status == 0)
    // Backwards, the slip is an advance and the reassignment has the old plan's (no) reason.
    let back = try Binary.run("diff", "guangzhou-2020-r1", "guangzhou-2020", "--require-reasons")
    #expect(back.status == 1)
    #expect(
      back.stderr.contains(
        "diff: high-risk change without a reason: 任务26 推动环境信访矛盾化解 (序号调整、牵头单位调整、配合单位调整)"))
    #expect(back.stderr.contains("任务17 开展夏秋季臭氧污染防治攻坚 (删除)"))
  }

  @Test func aCommittedSnapshotAtARevision() throws {
    // A repository whose HEAD holds a snapshot of Guangzhou 2020 with PM2.5 at ≤ 37.
    let repo = try TemporaryFolder()
    defer { repo.remove() }
    let snapshots = repo.url.appendingPathComponent("plans/snapshots")
    try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
    let committed = try String(
      contentsOf: Repository.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"),
      encoding: .utf8)
    // The first "value": 35 after PM2.5's id is its limit.
    let pm = try #require(committed.range(of: "\"id\": \"pm25\""))
    let limit = try #require(
      committed.range(of: "\"value\": 35", range: pm.upperBound..<committed.endIndex))
    let older = committed.replacingCharacters(in: limit, with: "\"value\": 37")
    #expect(older != committed)
    try older.write(
      to: snapshots.appendingPathComponent("guangzhou-2020.json"), atomically: true, encoding: .utf8
    )
    for args in [
      ["init", "-q"], ["add", "."],
      ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1"],
    ] {
      #expect(try Shell.run(["git", "-C", repo.path] + args).status == 0)
    }
    let env = ["PLANBOOK_ROOT": repo.path]
    let run = try Binary.run("diff", "guangzhou-2020@HEAD", "guangzhou-2020", environment: env)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("指标收紧：≤ 37 微克/立方米 → ≤ 35 微克/立方米"))
    // One argument: the same comparison.
    let short = try Binary.run("diff", "guangzhou-2020", environment: env)
    #expect(
      short.stdout.replacingOccurrences(of: "guangzhou-2020@HEAD → guangzhou-2020", with: "")
        == run.stdout.replacingOccurrences(of: "guangzhou-2020@HEAD → guangzhou-2020", with: ""))
    // A revision or a plan the repository does not have is trouble.
    let missing = try Binary.run("diff", "guangzhou-2020@nope", "guangzhou-2020", environment: env)
    #expect(missing.status == 2)
    #expect(
      missing.stderr.hasPrefix(
        "diff: guangzhou-2020@nope: no plans/snapshots/guangzhou-2020.json at nope"))
    let other = try Binary.run("diff", "panyu-2018@HEAD", "panyu-2018", environment: env)
    #expect(other.status == 2)
  }
}
