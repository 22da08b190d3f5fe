import Foundation
import TestSupport
import Testing

/// `planbook diff` saying each decision once (issue 15, items 4–6): a changed responsibility
/// rule or unit as one row with the tasks it moved, milestones by title and date, and
/// renumbering folded whatever the numbering scheme. Each test writes a revision pair as
/// snapshot files (the committed snapshot, edited) and reads what `planbook diff` prints.
@Suite struct DiffDecisionsTests {
  /// A committed snapshot as a JSON object.
  func snapshot(_ name: String) throws -> [String: Any] {
    let data = try Data(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/\(name).json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func write(_ json: [String: Any], to url: URL) throws {
    let data = try JSONSerialization.data(
      withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    try data.write(to: url)
  }

  /// Applies `edit` to the chapter (or section) `id`, wherever it is in the tree.
  func editChapter(
    _ id: String, in chapters: [[String: Any]], _ edit: (inout [String: Any]) -> Void
  ) -> [[String: Any]] {
    chapters.map { c in
      var c = c
      if c["id"] as? String == id {
        edit(&c)
      } else if let sections = c["sections"] as? [[String: Any]] {
        c["sections"] = editChapter(id, in: sections, edit)
      }
      return c
    }
  }

  /// Inserts a task numbered 1 at the head of chapter `id`, moving its tasks down one number.
  func insertFirst(_ taskID: String, text: String, into id: String, _ plan: inout [String: Any]) {
    let chapters = plan["chapters"] as? [[String: Any]] ?? []
    plan["chapters"] = editChapter(id, in: chapters) { c in
      var tasks = (c["tasks"] as? [[String: Any]] ?? []).map { t in
        var t = t
        t["number"] = (t["number"] as? Int ?? 0) + 1
        return t
      }
      tasks.insert(
        [
          "id": taskID, "number": 1, "title": text, "text": text, "figures": [],
          "milestones": [], "responsibility": ["lead": ["py-eeb-office"]],
        ], at: 0)
      c["tasks"] = tasks
    }
  }

  /// Panyu numbers its tasks per chapter (`三(一)`, `四(二)3`): a task inserted at the head of
  /// a chapter and of a section moves the rest of each down, and each run reads as one range.
  @Test func renumberingFoldsPerChapterNumbers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var json = try snapshot("panyu-2018")
    var plan = try #require(json["plan"] as? [String: Any])
    insertFirst("new-pollution", text: "开展臭氧污染防治专项行动。", into: "pollution", &plan)
    insertFirst("new-supervision", text: "开展环境执法大练兵活动。", into: "supervision", &plan)
    json["plan"] = plan
    let path = folder.url.appendingPathComponent("panyu-r1.json")
    try write(json, to: path)

    let run = try Binary.run("diff", "panyu-2018", path.path)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(
      run.stdout.contains("序号顺延：第三(一)–(三)项 → 第三(二)–(四)项，第四(二)1–5项 → 第四(二)2–6项\n"),
      "\(run.stdout)")
    let json2 = try Binary.run("diff", "panyu-2018", path.path, "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json2.stdout.utf8)) as? [String: Any])
    #expect(
      view["renumbered"] as? [String] == ["第三(一)–(三)项 → 第三(二)–(四)项", "第四(二)1–5项 → 第四(二)2–6项"])
  }

  /// A milestone moved a month later and one added: read by their titles and dates, the slip
  /// in days and high-risk, in every format.
  @Test func milestonesByTitleAndDate() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var json = try snapshot("panyu-2018")
    var plan = try #require(json["plan"] as? [String: Any])
    let chapters = plan["chapters"] as? [[String: Any]] ?? []
    plan["chapters"] = editChapter("monitoring", in: chapters) { c in
      c["tasks"] = (c["tasks"] as? [[String: Any]] ?? []).map { t in
        guard t["id"] as? String == "water-auto-stations" else { return t }
        var t = t
        var m = (t["milestones"] as? [[String: Any]] ?? [])[0]
        m["deadline"] = ["kind": "endOfMonth", "year": 2018, "month": 8]
        t["milestones"] = [
          m,
          [
            "id": "water-auto-stations-accepted", "title": "自动站通过验收",
            "deadline": ["kind": "endOfMonth", "year": 2018, "month": 10],
          ],
        ]
        return t
      }
    }
    json["plan"] = plan
    let path = folder.url.appendingPathComponent("panyu-r1.json")
    try write(json, to: path)

    let run = try Binary.run("diff", "panyu-2018", path.path)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "      节点推迟31天：「国考断面水质自动站全面完成建设和实时数据联网」 2018年7月底 → 2018年8月底 (2018-07-31 → 2018-08-31)\n"
      ), "\(run.stdout)")
    #expect(run.stdout.contains("      新增节点：「自动站通过验收」（2018年10月底）\n"))
    #expect(!run.stdout.contains("water-auto-stations-online"))
    #expect(run.stdout.contains("! 高风险修订 high-risk (1)\n  任务五(三)2 "))

    let gate = try Binary.run("diff", "panyu-2018", path.path, "--require-reasons")
    #expect(gate.status == 1)
    #expect(gate.stderr.contains("(节点推迟、新增节点)"), "\(gate.stderr)")

    let out = try Binary.run("diff", "panyu-2018", path.path, "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    let task = try #require(items.first { $0["newID"] as? String == "water-auto-stations" })
    #expect(task["highRisk"] as? Bool == true)
    let changes = try #require(task["changes"] as? [[String: Any]])
    #expect(changes.map { $0["code"] as? String } == ["milestoneSlipped", "milestoneAdded"])
    #expect(changes[0]["days"] as? Int == 31)
    #expect(changes[0]["newTitle"] as? String == "国考断面水质自动站全面完成建设和实时数据联网")
    #expect(changes[0]["from"] as? String == "2018-07-31")
    #expect(changes[0]["to"] as? String == "2018-08-31")
    #expect(changes[1]["name"] as? String == "新增节点")

    let markdown = try Binary.run("diff", "panyu-2018", path.path, "--format", "markdown")
    #expect(markdown.stdout.contains("<br>节点：<ins>「自动站通过验收」2018年10月底</ins>"))
    #expect(markdown.stdout.contains("节点推迟31天：「国考断面水质自动站全面完成建设和实时数据联网」"))
  }

  /// The rule for all tasks moves their deadline a year later, with its reason: one row — the
  /// rule before and after, its reason and every task it moved — not one row per task.
  @Test func aRuleChangeIsOneRow() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func revised(reason: String?) throws -> String {
      var json = try snapshot("guangzhou-2020")
      var plan = try #require(json["plan"] as? [String: Any])
      plan["rules"] = (plan["rules"] as? [[String: Any]] ?? []).map { r in
        guard (r["match"] as? [String: Any])?["all"] as? Bool == true else { return r }
        var r = r
        r["responsibility"] = ["deadline": ["kind": "endOfYear", "year": 2021]]
        if let reason { r["reason"] = reason }
        return r
      }
      json["plan"] = plan
      let path = folder.url.appendingPathComponent("r-\(reason == nil).json")
      try write(json, to: path)
      return path.path
    }
    let path = try revised(reason: "受疫情影响，全年任务顺延一年")
    let run = try Binary.run("diff", "guangzhou-2020", path)
    #expect(run.status == 1, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[1] == "0 added, 1 changed, 0 removed, 0 renumbered, 56 unchanged", "\(run.stdout)")
    #expect(!run.stdout.contains("任务 tasks"))
    #expect(run.stdout.contains("  ! 责任清单 全部任务\n      责任清单调整：完成时限 2020年底 → 2021年底\n"))
    let moved = try #require(
      lines.first { $0.hasPrefix("        时限推迟365天：2020年底 → 2021年底 (2020-12-31 → 2021-12-31)：") })
    #expect(
      moved.hasSuffix(
        "：任务1、任务2、任务3、任务4、任务7、任务8、任务9、任务10、任务11、任务12、任务13、任务14、任务15、任务16、任务17、任务18、任务19、任务20、任务21、任务22、任务23、任务24、任务25、任务26、任务27、任务28、任务29、任务30、任务31、任务32、任务33、任务34"
      ), "\(moved)")
    #expect(run.stdout.contains("      理由：受疫情影响，全年任务顺延一年\n"))
    #expect(try Binary.run("diff", "guangzhou-2020", path, "--require-reasons").status == 0)

    // Without the rule's reason the gate names the rule.
    let bare = try Binary.run(
      "diff", "guangzhou-2020", try revised(reason: nil), "--require-reasons")
    #expect(bare.status == 1)
    #expect(
      bare.stderr.hasSuffix(
        "\ndiff: high-risk change without a reason: 责任清单 全部任务 (责任清单调整（涉及32项：时限推迟）)\n"),
      "\(bare.stderr)")

    let json = try Binary.run("diff", "guangzhou-2020", path, "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    #expect(items.count == 1)
    let rule = items[0]
    #expect(rule["item"] as? String == "rule")
    #expect(rule["highRisk"] as? Bool == true)
    #expect(rule["reason"] as? String == "受疫情影响，全年任务顺延一年")
    let affected = try #require(rule["affected"] as? [[String: Any]])
    #expect(affected.count == 32)
    #expect(affected[0]["label"] as? String == "1")
    let change = try #require((affected[0]["changes"] as? [[String: Any]])?.first)
    #expect(change["code"] as? String == "deadlineSlipped")
    #expect(change["days"] as? Int == 365)

    let markdown = try Binary.run("diff", "guangzhou-2020", path, "--format", "markdown")
    #expect(markdown.stdout.contains("<br>涉及任务32项：时限推迟365天：2020年底 → 2021年底"))

    if Openpyxl.isAvailable {
      let book = folder.url.appendingPathComponent("修订对照表.xlsx").path
      let xlsx = try Binary.run(
        "diff", "guangzhou-2020", path, "--format", "xlsx", "--out", book)
      #expect(xlsx.status == 1, "\(xlsx.stderr)")
      let sheet = try #require(try Openpyxl.dump(book).sheet("修订对照表"))
      let row = try #require(sheet.rows(where: "A", is: "责任清单").first)
      #expect(sheet.text("C\(row)")?.contains("\n涉及任务32项：\n时限推迟365天：2020年底 → 2021年底") == true)
      #expect(sheet.text("E\(row)") == "受疫情影响，全年任务顺延一年")
      // The one row of the table, then the units to re-sign.
      #expect(row == 4)
      #expect(sheet.text("A5")?.hasPrefix("需重新签订的单位") == true)
    }
  }

  /// Two divisions merged: the 信访办 is removed (with its reason) and the rule that named it
  /// names the 办公室 now. One row: the unit, the rule's change and the task it moved.
  @Test func aMergeIsOneRow() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var json = try snapshot("guangzhou-2020")
    var plan = try #require(json["plan"] as? [String: Any])
    plan["units"] = (plan["units"] as? [[String: Any]] ?? []).filter {
      $0["id"] as? String != "gz-eeb-petition"
    }
    let text = String(
      decoding: try JSONSerialization.data(withJSONObject: plan["rules"] ?? []), as: UTF8.self)
    plan["rules"] = try JSONSerialization.jsonObject(
      with: Data(text.replacingOccurrences(of: "gz-eeb-petition", with: "gz-eeb-office").utf8))
    plan["removed"] = [["id": "gz-eeb-petition", "reason": "信访办并入办公室"]]
    json["plan"] = plan
    let path = folder.url.appendingPathComponent("merged.json")
    try write(json, to: path)

    let run = try Binary.run("diff", "guangzhou-2020", path.path)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        """
          - 组织单位 信访办 (gz-eeb-petition)
              广州市生态环境局信访办公室（信访办，内设处室，隶属市生态环境局）
              责任清单调整：含“信访”的任务的牵头单位 信访办 → 办公室
              涉及任务1项：
                牵头单位调整：信访办 → 办公室：任务26
              理由：信访办并入办公室

        """), "\(run.stdout)")
    #expect(run.stdout.contains("0 added, 0 changed, 1 removed, 0 renumbered, 56 unchanged"))
    #expect(try Binary.run("diff", "guangzhou-2020", path.path, "--require-reasons").status == 0)
  }

  /// What units sign changes (the 甲方 of the departments' books): high-risk, and the line of
  /// the signing declaration carries its own reason.
  @Test func aSigningChangeNeedsItsReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func revised(reason: String?) throws -> String {
      var json = try snapshot("guangzhou-2020")
      var plan = try #require(json["plan"] as? [String: Any])
      var signing = try #require(plan["signing"] as? [String: Any])
      signing["rules"] = (signing["rules"] as? [[String: Any]] ?? []).map { r in
        guard (r["scope"] as? [String: Any])?["kind"] as? String == "department" else { return r }
        var r = r
        r["partyA"] = "gz-eeb"
        if let reason { r["reason"] = reason }
        return r
      }
      plan["signing"] = signing
      json["plan"] = plan
      let path = folder.url.appendingPathComponent("s-\(reason == nil).json")
      try write(json, to: path)
      return path.path
    }
    let bare = try Binary.run(
      "diff", "guangzhou-2020", try revised(reason: nil), "--require-reasons")
    #expect(bare.status == 1)
    #expect(
      bare.stderr.contains("diff: high-risk change without a reason: 签订方式 政府部门类单位"),
      "\(bare.stderr)")
    let path = try revised(reason: "市直部门责任书改由市生态环境局签订")
    let ok = try Binary.run("diff", "guangzhou-2020", path, "--require-reasons")
    #expect(ok.status == 0, "\(ok.stderr)")
    let text = try Binary.run("diff", "guangzhou-2020", path)
    #expect(text.stdout.contains("      理由：市直部门责任书改由市生态环境局签订\n"), "\(text.stdout)")
  }
}
