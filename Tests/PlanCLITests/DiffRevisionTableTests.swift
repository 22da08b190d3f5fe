import Foundation
import TestSupport
import Testing

/// Issue 15, items 7, 9, 10, 11 and 13: each from a revision pair — the Guangzhou plan and its
/// `Plan(revising:)` revision `guangzhou-2020-r1`, or the committed snapshot edited.
@Suite struct DiffRevisionTableTests {
  let committed = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")

  /// The committed snapshot with `edit` applied, written into `folder`.
  func edited(
    _ folder: TemporaryFolder, _ name: String, _ edit: (String) throws -> String
  ) throws
    -> String
  {
    let original = try String(contentsOf: committed, encoding: .utf8)
    let text = try edit(original)
    #expect(text != original)
    let path = folder.url.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The snapshot with PM2.5's limit and unit replaced.
  func pm25(_ folder: TemporaryFolder, value: String, unit: String) throws -> String {
    try edited(folder, "pm25-\(value).json") { s in
      let id = try #require(s.range(of: "\"id\": \"pm25\""))
      let rest = id.upperBound..<s.endIndex
      let u = try #require(s.range(of: "\"unit\": \"微克/立方米\"", range: rest))
      let v = try #require(s.range(of: "\"value\": 35", range: rest))
      #expect(u.upperBound < v.lowerBound)
      // The value first: it stands after the unit (keys sorted), so the unit's range holds.
      var out = s.replacingCharacters(in: v, with: "\"value\": \(value)")
      out.replaceSubrange(u, with: "\"unit\": \"\(unit)\"")
      return out
    }
  }

  // MARK: - 7. added tasks' owners

  @Test func anAddedTaskShowsItsLeadCooperatingUnitsAndDeadline() throws {
    let text = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1")
    #expect(text.stdout.contains("牵头单位：大气处；配合单位：执法支队、监测中心站；完成时限：2020年第4季度末"))
    let markdown = try Binary.run(
      "diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "markdown")
    #expect(markdown.stdout.contains("<br>牵头单位：大气处<br>配合单位：执法支队、监测中心站<br>完成时限：2020年第4季度末"))
    let json = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    let ozone = try #require(items.first { $0["newID"] as? String == "ozone" })
    let owners = try #require(ozone["owners"] as? [String: Any])
    #expect(owners["lead"] as? [String] == ["gz-eeb-air"])
    #expect(
      owners["cooperating"] as? [String] == ["gz-eeb-enforcement", "gz-eeb-monitoring-centre"])
    #expect(owners["deadline"] as? String == "2020年第4季度末")
    #expect(owners["due"] as? String == "2020-12-31")
    // Backwards the task is removed: its owners in the old version.
    let back = try Binary.run("diff", "guangzhou-2020-r1", "guangzhou-2020")
    #expect(back.stdout.contains("- 任务17 开展夏秋季臭氧污染防治攻坚 (ozone)"))
    #expect(back.stdout.contains("牵头单位：大气处；配合单位：执法支队、监测中心站"))
  }

  // MARK: - 9. unit changes converted

  @Test func aUnitChangeSaysWhatItDoesAfterConversion() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let cases: [(String, String, String, Int32)] = [
      ("0.03", "mg/m³", "（换算后 ≤ 0.035 mg/m³ → ≤ 0.03 mg/m³，收紧）", 0),
      ("0.035", "毫克/立方米", "（换算后 ≤ 0.035 毫克/立方米 → ≤ 0.035 毫克/立方米，相当）", 0),
      ("0.04", "mg/m³", "（换算后 ≤ 0.035 mg/m³ → ≤ 0.04 mg/m³，放宽）", 1),
      ("35", "艘次", "（单位不可换算）", 1),
    ]
    for (value, unit, words, gate) in cases {
      let path = try pm25(folder, value: value, unit: unit)
      let run = try Binary.run("diff", committed.path, path)
      #expect(run.status == 1)
      #expect(
        run.stdout.contains("计量单位变更：≤ 35 微克/立方米 → ≤ \(value) \(unit)\(words)"), "\(run.stdout)")
      // Only a looser (or inconvertible) requirement is high-risk and needs a reason.
      let reasons = try Binary.run("diff", committed.path, path, "--require-reasons")
      #expect(reasons.status == gate, "\(value) \(unit): \(reasons.stderr)")
    }
    let json = try Binary.run(
      "diff", committed.path, try pm25(folder, value: "0.03", unit: "mg/m³"), "--format", "json")
    #expect(json.stdout.contains("\"conversion\": \"tightened\""))
    #expect(json.stdout.contains("\"converted\": \"≤ 0.035 mg/m³\""))
  }

  // MARK: - 10. Markdown that renders

  /// An insertion next to Chinese punctuation (`、思想`): CommonMark would leave `**` literal.
  @Test func markdownMarksEditsWithHTMLThatRenders() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try edited(folder, "edited.json") {
      $0.replacingOccurrences(of: "坚持把党的政治建设摆在首位。", with: "坚持把党的政治、思想建设摆在首位。")
    }
    let run = try Binary.run("diff", committed.path, path, "--format", "markdown")
    #expect(run.status == 1)
    #expect(run.stdout.contains("<ins>、思想</ins>建设"), "\(run.stdout)")
    #expect(!run.stdout.contains("**"))
    #expect(!run.stdout.contains("~~"))
    #expect(run.stdout.contains("<b>新增0项，修改1项，删除0项，序号调整0项，未修改55项</b>"))
    #expect(!run.stdout.contains("High-risk") && !run.stdout.contains("renumbered"))
    let revision = try Binary.run(
      "diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "markdown")
    #expect(revision.stdout.contains("#### ⚠️ 高风险修订（2项）"))
    #expect(revision.stdout.contains("序号顺延：第17–34项 → 第18–35项"))
    // Rendered by a CommonMark renderer (markdown-it-py, when installed): no literal markers.
    if MarkdownRenderer.isAvailable {
      for output in [run.stdout, revision.stdout] {
        let text = try MarkdownRenderer.visibleText(output)
        #expect(!text.contains("**") && !text.contains("~~"), "\(text)")
        #expect(text.contains("、思想建设") || text.contains("臭氧"))
      }
    }
  }

  // MARK: - 11. different plans, failing sides, --out

  @Test func twoDifferentPlansAreRefusedUnlessForced() throws {
    let run = try Binary.run("diff", "guangzhou-2020", "panyu-2018")
    #expect(run.status == 2)
    #expect(
      run.stderr.hasPrefix(
        "diff: guangzhou-2020 (guangzhou-2020) and panyu-2018 (panyu-2018) are different plans"))
    #expect(run.stdout.isEmpty)
    let forced = try Binary.run("diff", "guangzhou-2020", "panyu-2018", "--allow-unrelated")
    #expect(forced.status == 1)
    #expect(
      forced.stderr.hasPrefix("diff: warning: guangzhou-2020 (guangzhou-2020) and panyu-2018"))
    // A revision and its base, either way round, are one plan.
    #expect(try Binary.run("diff", "guangzhou-2020-r1", "guangzhou-2020").status == 1)
  }

  @Test func aSideThatFailsCheckIsWarned() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try edited(folder, "broken.json") {
      let lead = try #require($0.range(of: "\"lead\": ["))
      return $0.replacingCharacters(in: lead, with: "\"lead\": [\"gz-eeb-nowhere\",")
    }
    let run = try Binary.run("diff", committed.path, path)
    #expect(run.status == 1)
    #expect(run.stderr.contains("diff: warning: \(path) fails check ("), "\(run.stderr)")
    #expect(!run.stderr.contains("\(committed.path) fails check"))
  }

  @Test func outWritesEveryFormat() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for format in ["text", "markdown", "json"] {
      let shown = try Binary.run("diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", format)
      let file = folder.url.appendingPathComponent("diff.\(format)").path
      let written = try Binary.run(
        "diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", format, "--out", file,
        "--color", "always")
      #expect(written.status == 1)
      #expect(try String(contentsOfFile: file, encoding: .utf8) == shown.stdout, "\(format)")
      #expect(written.stdout.hasSuffix("修订对照表 written to \(file)\n"))
    }
  }

  // MARK: - 13. the bureau's columns

  @Test(.enabled(if: Openpyxl.isAvailable)) func theWorkbookHasTheBureausColumns() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("修订对照表.xlsx").path
    let run = try Binary.run(
      "diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "xlsx", "--out", path)
    #expect(run.status == 1, "\(run.stderr)")
    let sheet = try #require(try Openpyxl.dump(path).sheet("修订对照表"))
    // The documents by title and version, not by file or id.
    #expect(
      sheet.text("A2")?.hasPrefix(
        "《2020年广州市生态环境保护工作计划》（原稿） → 《2020年广州市生态环境保护工作计划（修订稿）》（修订稿 2020-07）") == true)
    #expect(sheet.text("F3") == "修改依据" && sheet.text("G3") == "提出单位")
    // High-risk first.
    #expect(sheet.text("A4") == "高风险修订（2项）")
    #expect(sheet.text("A5") == "5")
    #expect(sheet.text("D5") == "时限推迟184天")
    #expect(sheet.text("F5") == "市人大常委会2020年立法计划调整" && sheet.text("G5") == "法规处")
    // An owner-only change: the task by its title, then the owners; no blank line.
    #expect(sheet.text("A6") == "26→27")
    #expect(sheet.text("B6") == "推动环境信访矛盾化解……\n牵头单位：信访办")
    #expect(sheet.text("D6") == "牵头单位调整\n配合单位调整")
    #expect(sheet.text("F6") == "局党组会议2020年7月审议意见" && sheet.text("G6") == "办公室")
    #expect(sheet.text("A7") == "其他修订（3项）")
    #expect(sheet.text("G8") == "大气处")
    // The added task: its owners under its text, 修订前 empty.
    let added = try #require(sheet.rows(where: "A", is: "17").first)
    #expect(sheet.text("B\(added)") ?? "" == "")
    #expect(
      sheet.text("C\(added)")?.hasSuffix("\n牵头单位：大气处\n配合单位：执法支队、监测中心站\n完成时限：2020年第4季度末") == true)
    for row in 4...sheet.maxRow {
      for column in ["B", "C", "D", "E"] {
        let text = sheet.text("\(column)\(row)") ?? ""
        #expect(!text.hasPrefix("\n") && !text.contains("\n\n"), "\(column)\(row)")
      }
    }
    #expect(!sheet.rows(where: "B", is: "其余任务序号顺延：第17–34项 → 第18–35项").isEmpty)

    // Backwards numbers move up: 前移, not 顺延; no 修改依据 recorded, no such columns.
    let back = folder.url.appendingPathComponent("back.xlsx").path
    _ = try Binary.run(
      "diff", "guangzhou-2020-r1", "guangzhou-2020", "--format", "xlsx", "--out", back)
    let backSheet = try #require(try Openpyxl.dump(back).sheet("修订对照表"))
    #expect(!backSheet.rows(where: "B", is: "其余任务序号前移：第18–35项 → 第17–34项").isEmpty)
    #expect(backSheet.text("F3") == nil)
  }

  /// The re-sign list is a table of its own: its header (序号 / 单位及文书 / 需重新签订的原因)
  /// under its title, written again at the top of every page it goes on to, and the revision
  /// table's header (修订前 / 修订后 …) never printed over its rows — no print titles repeat
  /// on every page.
  @Test(.enabled(if: Openpyxl.isAvailable)) func theResignListHasItsOwnHeaderOnEveryPage() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("修订对照表.xlsx").path
    _ = try Binary.run(
      "diff", "guangzhou-2020", "guangzhou-2020-r1", "--format", "xlsx", "--out", path)
    let sheet = try #require(try Openpyxl.dump(path).sheet("修订对照表"))
    #expect(sheet.print.titleRows == nil)
    let title = try #require(sheet.rows(where: "A", is: "需重新签订的单位（43个）").first)
    #expect(sheet.text("A\(title + 1)") == "序号" && sheet.text("B\(title + 1)") == "单位及文书")
    #expect(sheet.text("C\(title + 1)") == "需重新签订的原因")
    #expect(sheet.text("A\(title + 2)") == "1")
    let breaks = sheet.print.rowBreaks
    let inList = breaks.filter { $0 > title }
    #expect(!inList.isEmpty, "43 units take more than one page")
    for b in inList {
      // The first row of the page after the break (rowBreaks count rows above the break).
      #expect(sheet.text("B\(b + 1)") == "单位及文书", "row \(b + 1)")
      #expect(sheet.text("A\(b + 2)").flatMap(Int.init) != nil, "row \(b + 2)")
    }
    for b in breaks where b < title {
      #expect(sheet.text("B\(b + 1)") == "修订前", "row \(b + 1)")
    }
  }
}

/// markdown-it-py (CommonMark with tables), when python3 has it: `pip install markdown-it-py`.
enum MarkdownRenderer {
  static let isAvailable: Bool =
    (try? Shell.run(["python3", "-c", "import markdown_it"]).status) == 0

  /// The text a reader sees: `markdown` rendered to HTML, the tags removed.
  static func visibleText(_ markdown: String) throws -> String {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.url.appendingPathComponent("in.md").path
    try markdown.write(toFile: file, atomically: true, encoding: .utf8)
    let script = """
      import re, sys
      from markdown_it import MarkdownIt
      html = MarkdownIt("commonmark").enable("table").render(open(sys.argv[1]).read())
      print(re.sub(r"<[^>]+>", "", html))
      """
    let run = try Shell.run(["python3", "-c", script, file])
    return run.stdout
  }
}
