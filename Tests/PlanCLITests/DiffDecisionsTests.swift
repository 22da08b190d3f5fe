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
      run.stdout.contains("renumbered: 第三(一)–(三)项 → 第三(二)–(四)项，第四(二)1–5项 → 第四(二)2–6项\n"),
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
    #expect(markdown.stdout.contains("<br>节点：**「自动站通过验收」2018年10月底**"))
    #expect(markdown.stdout.contains("节点推迟31天：「国考断面水质自动站全面完成建设和实时数据联网」"))
  }
}
