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
}
