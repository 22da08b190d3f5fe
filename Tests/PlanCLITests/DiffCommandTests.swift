import Foundation
import TestSupport
import Testing

@Suite struct DiffCommandTests {
  @Test func theRevisionAsText() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1")
    #expect(run.status == 1)
    #expect(
      run.stdout.split(separator: "\n")[2]
        == "1 added, 4 changed, 0 removed, 17 renumbered, 36 unchanged")
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
    #expect(markdown.stdout.contains("\\u{1B}\\[2K\\u{D}当前 current"))
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
    #expect(summary["added"] == 1 && summary["changed"] == 4 && summary["renumbered"] == 17)
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
    let resign = try #require(view["resign"] as? [[String: Any]])
    #expect(resign.count == 43)
    let air = try #require(resign.first { $0["unit"] as? String == "gz-eeb-air" })
    #expect(air["name"] as? String == "大气处")
    #expect(
      air["changes"] as? [String] == ["计划标题调整", "指标PM2.5平均浓度：指标收紧", "新增任务17（牵头）", "序号调整1项"])
    let law = try #require(resign.first { $0["name"] as? String == "法规处" })
    #expect(law["changes"] as? [String] == ["计划标题调整", "任务5：时限推迟"])
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
    // No print titles: each table's header is written again where it goes on to a page.
    #expect(sheet.print.titleRows == nil)
    #expect(sheet.print.paper == 9)
    // The tightened target (after the two high-risk rows under their heading, and the
    // heading of the others): "35" struck through in 修订前, "33" in bold in 修订后.
    #expect(sheet.text("A7") == "其他修订（3项）")
    let before = try #require(sheet.cells["B8"]?.runs)
    #expect(before.contains { $0.text == "35" && $0.strike == true })
    let after = try #require(sheet.cells["C8"]?.runs)
    #expect(after.contains { $0.text == "33" && $0.bold == true && $0.underline != nil })
    #expect(sheet.text("E8")?.hasPrefix("落实省下达") == true)
    #expect(!sheet.rows(where: "B", is: "其余任务序号顺延：第17–34项 → 第18–35项").isEmpty)
    // The table ends with the units that must re-sign.
    let resign = try #require(sheet.rows(where: "A", is: "需重新签订的单位（43个）").first)
    let air = try #require(sheet.rows(where: "B", is: "大气处\n责任书（甲方：市生态环境局）").first)
    #expect(air > resign && sheet.text("A\(air)") == "8")
    #expect(
      sheet.text("C\(air)") == "计划标题调整；指标PM2.5平均浓度：指标收紧；新增任务17（牵头）；序号调整1项")
    let numbered = ((resign + 1)...sheet.maxRow).compactMap {
      sheet.text("A\($0)").flatMap(Int.init)
    }
    #expect(numbered == Array(1...43))
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
    // A repository whose HEAD holds a snapshot of Guangzhou 2020 with PM2.5 at ≤ 37, and the
    // plan files of today (linked).
    let repo = try TemporaryFolder()
    defer { repo.remove() }
    try TemporaryFolder.linkPlanFiles(into: repo.url)
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

  /// Runs git in `repo`.
  func git(_ repo: TemporaryFolder, _ args: [String]) throws {
    let run = try Shell.run(["git", "-C", repo.path] + args)
    #expect(run.status == 0, "git \(args): \(run.stderr)")
  }

  /// The committed Guangzhou 2020 snapshot as a JSON object, and written back as JSON text.
  func snapshot(_ name: String = "guangzhou-2020") throws -> [String: Any] {
    let data = try Data(
      contentsOf: Repository.root.appendingPathComponent("plans/snapshots/\(name).json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func write(_ json: [String: Any], to url: URL) throws {
    let data = try JSONSerialization.data(
      withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    try data.write(to: url)
  }

  /// A target's data source and parent target changed beside a renamed target: each is on
  /// its target's row in every form (the snapshot safety net used to stay silent about them as
  /// soon as anything else had changed).
  @Test func aChangedDataSourceBesideAnotherChangeIsOnItsTargetsRow() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let old = folder.url.appendingPathComponent("old.json")
    let new = folder.url.appendingPathComponent("new.json")
    let before = try snapshot()
    try write(before, to: old)
    var plan = try #require(before["plan"] as? [String: Any])
    var targets = try #require(plan["targets"] as? [[String: Any]])
    targets[0]["source"] = "gz-eeb-monitoring-centre"
    targets[0]["implements"] = "province-2020/pm25"
    targets[1]["name"] = "\(targets[1]["name"] ?? "")（修订）"
    plan["targets"] = targets
    var after = before
    after["plan"] = plan
    try write(after, to: new)

    let text = try Binary.run("diff", old.path, new.path, "--color", "never")
    #expect(text.status == 1, "\(text.stderr)")
    #expect(text.stdout.contains("其他修改：数据来源单位 无 → 监测中心站"), "\(text.stdout)")
    #expect(text.stdout.contains("其他修改：落实上级指标 无 → province-2020/pm25"))
    let json = try Binary.run("diff", old.path, new.path, "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    let pm25 = try #require(items.first { $0["newID"] as? String == "pm25" })
    let fields = (pm25["changes"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    #expect(fields == ["implements", "source"])
  }

  /// The done-criterion of issue 15: a commit that adds Guangzhou's assessment block (考核细则)
  /// diffs as an assessment change (it used to read as no change at all to the rules).
  @Test func aCommitAddingTheAssessmentBlockIsAnAssessmentChange() throws {
    let repo = try TemporaryFolder()
    defer { repo.remove() }
    let snapshots = repo.url.appendingPathComponent("plans/snapshots")
    try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
    let file = snapshots.appendingPathComponent("guangzhou-2020.json")
    let after = try snapshot()
    var plan = try #require(after["plan"] as? [String: Any])
    #expect(plan["assessment"] != nil)
    plan["assessment"] = nil
    var before = after
    before["plan"] = plan
    try write(before, to: file)
    try git(repo, ["init", "-q"])
    try git(repo, ["add", "."])
    try git(repo, ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1"])
    try write(after, to: file)
    try git(repo, ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "考核细则"])
    let env = ["PLANBOOK_ROOT": repo.path]

    let run = try Binary.run(
      "diff", "guangzhou-2020@HEAD~1", "guangzhou-2020@HEAD", environment: env)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("计划其他部分 plan settings"))
    // High-risk: every book prints the 考核细则 in its 三、考核方式.
    #expect(run.stdout.contains("! 考核细则\n"))
    #expect(run.stdout.contains("考核细则调整：考核细则 未规定（按默认细则） → 计划规定"))
    #expect(run.stdout.contains("考核细则调整：每月报送日 无 → 5日"))

    let json = try Binary.run(
      "diff", "guangzhou-2020@HEAD~1", "guangzhou-2020@HEAD", "--format", "json",
      environment: env)
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    let assessment = try #require(items.first { $0["item"] as? String == "assessment" })
    let changes = try #require(assessment["changes"] as? [[String: Any]])
    #expect(changes.allSatisfy { $0["code"] as? String == "assessmentChanged" })
    #expect(
      changes.contains {
        $0["field"] as? String == "assessment.reportDay" && $0["to"] as? String == "5日"
      })

    let markdown = try Binary.run(
      "diff", "guangzhou-2020@HEAD~1", "guangzhou-2020@HEAD", "--format", "markdown",
      environment: env)
    #expect(markdown.stdout.contains("| 考核细则 |"))
    #expect(markdown.stdout.contains("考核细则调整：每月报送日"))
    #expect(markdown.stdout.contains("<br>每月报送日：<ins>5日</ins>"))
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func settingsInTheWorkbook() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var json = try snapshot()
    var plan = try #require(json["plan"] as? [String: Any])
    plan["assessmentMethod"] = "年终由市生态环境局统一组织考核。"
    json["plan"] = plan
    let changed = folder.url.appendingPathComponent("changed.json")
    try write(json, to: changed)
    let path = folder.url.appendingPathComponent("修订对照表.xlsx").path
    let run = try Binary.run(
      "diff", "guangzhou-2020", changed.path, "--format", "xlsx", "--out", path)
    #expect(run.status == 1, "\(run.stderr)")
    let sheet = try #require(try Openpyxl.dump(path).sheet("修订对照表"))
    let row = try #require(sheet.rows(where: "A", is: "条款").first)
    #expect(sheet.text("C\(row)") == "年终由市生态环境局统一组织考核。")
  }

  /// A reason written for the earlier revision stays on the task; a new slip of the same task
  /// in a later version is not explained by it.
  @Test func aStaleReasonDoesNotPassTheGate() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let r1 = Repository.root.appendingPathComponent("plans/snapshots/guangzhou-2020-r1.json")
    let text = try String(contentsOf: r1, encoding: .utf8)
    let anchor = "\"reason\": \"信访工作改由办公室统筹，信访办配合\",\n            \"responsibility\": {"
    #expect(text.components(separatedBy: anchor).count == 2)
    let later = text.replacingOccurrences(
      of: anchor, with: anchor + "\n\"deadline\": {\"kind\": \"endOfYear\", \"year\": 2021},"
    ).replacingOccurrences(of: "修订稿 2020-07", with: "修订稿 2020-10")
    let path = folder.url.appendingPathComponent("r2.json").path
    try later.write(toFile: path, atomically: true, encoding: .utf8)

    let run = try Binary.run("diff", r1.path, path, "--require-reasons")
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(
      run.stderr.contains("diff: high-risk change without a reason: 任务27 推动环境信访矛盾化解 (时限推迟)"))
    let shown = try Binary.run("diff", r1.path, path)
    #expect(shown.stdout.contains("上一版的理由（不计入本次修订）：信访工作改由办公室统筹，信访办配合"))
  }

  /// The same id, a wholly different text: a rewrite, which needs a reason.
  @Test func aTotalRewriteNeedsAReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let committed = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
    let original = try String(contentsOf: committed, encoding: .utf8)
    let text = "坚持把党的政治建设摆在首位。"
    let range = try #require(original.range(of: text))
    let end = try #require(original.range(of: "\"", range: range.upperBound..<original.endIndex))
    let rewritten = original.replacingCharacters(
      in: range.lowerBound..<end.lowerBound, with: "建设全市生态环境大数据平台,整合监测、执法和审批数据。")
    let path = folder.url.appendingPathComponent("rewritten.json").path
    try rewritten.write(toFile: path, atomically: true, encoding: .utf8)
    let run = try Binary.run("diff", committed.path, path, "--require-reasons")
    #expect(run.status == 1)
    #expect(run.stderr.contains("(内容重写)"), "\(run.stderr)")
  }

  /// Two snapshots whose fingerprints differ never read as "no changes".
  @Test func differentFingerprintsNeverReadAsNoChanges() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var json = try snapshot()
    var plan = try #require(json["plan"] as? [String: Any])
    plan["removed"] = [["id": "gone", "reason": "某项已删除"]]
    json["plan"] = plan
    let path = folder.url.appendingPathComponent("other.json")
    try write(json, to: path)
    let run = try Binary.run("diff", "guangzhou-2020", path.path)
    #expect(run.status == 1, "\(run.stdout)")
    #expect(run.stdout.contains("其他修改：快照字段 plan.removed"))
  }

  /// A changed number reads as the two numbers, never as digit fragments (`20[-19-]{+20+}`).
  @Test func numbersAreComparedWhole() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let committed = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
    let original = try String(contentsOf: committed, encoding: .utf8)
    #expect(original.components(separatedBy: "组织开展2019年度考核工作").count == 2)
    let edited = original.replacingOccurrences(
      of: "组织开展2019年度考核工作", with: "组织开展2020年度考核工作")
    let path = folder.url.appendingPathComponent("edited.json").path
    try edited.write(toFile: path, atomically: true, encoding: .utf8)
    let run = try Binary.run("diff", committed.path, path)
    #expect(run.stdout.contains("组织开展[-2019-]{+2020+}年度考核工作"), "\(run.stdout)")
  }
}
