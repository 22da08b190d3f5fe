import Foundation
import TestSupport
import Testing

/// `planbook diff --require-reasons` and the reasons of a 考核细则 change and of a removed
/// responsibility rule, each from the committed Guangzhou snapshot edited.
@Suite struct DiffReasonsTests {
  /// The committed snapshot as a JSON object.
  func snapshot() throws -> [String: Any] {
    let data = try Data(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The snapshot with `edit` applied to its plan, written into `folder` as `name`.
  func edited(
    _ folder: TemporaryFolder, _ name: String, _ edit: (inout [String: Any]) throws -> Void
  ) throws -> String {
    var json = try snapshot()
    var plan = try #require(json["plan"] as? [String: Any])
    try edit(&plan)
    json["plan"] = plan
    let data = try JSONSerialization.data(
      withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    let url = folder.url.appendingPathComponent(name)
    try data.write(to: url)
    return url.path
  }

  /// The 加分上限 raised from 3 to 5, with `reason` on the 考核细则.
  func bonusCap(
    _ folder: TemporaryFolder, _ name: String, cap: Int = 5, reason: String?
  ) throws
    -> String
  {
    try edited(folder, name) { plan in
      var a = try #require(plan["assessment"] as? [String: Any])
      a["bonusCap"] = cap
      if let reason { a["reason"] = reason }
      plan["assessment"] = a
    }
  }

  /// A change of the 考核细则 changes every book's 三、考核方式: high-risk, the gate names it
  /// without a reason and passes with one; the reason shows in every format.
  @Test func anAssessmentChangeNeedsAReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let bare = try bonusCap(folder, "bare.json", reason: nil)
    let gate = try Binary.run("diff", "guangzhou-2020", bare, "--require-reasons")
    #expect(gate.status == 1)
    #expect(
      gate.stderr.hasSuffix("diff: high-risk change without a reason: 考核细则 (考核细则调整)\n"),
      "\(gate.stderr)")
    #expect(gate.stdout.contains("! 高风险修订 high-risk (1)\n  考核细则  考核细则调整\n"))

    let reason = "按市考核办通知提高加分上限"
    let given = try bonusCap(folder, "given.json", reason: reason)
    let pass = try Binary.run("diff", "guangzhou-2020", given, "--require-reasons")
    #expect(pass.status == 0, "\(pass.stderr)")
    #expect(pass.stdout.contains("      考核细则调整：加分上限 3 → 5\n      理由：\(reason)\n"), "\(pass.stdout)")

    let markdown = try Binary.run("diff", "guangzhou-2020", given, "--format", "markdown")
    #expect(markdown.stdout.contains("| 考核细则 | 考核细则调整 | \(reason) |"), "\(markdown.stdout)")

    let json = try Binary.run("diff", "guangzhou-2020", given, "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    let row = try #require(items.first { $0["item"] as? String == "assessment" })
    #expect(row["highRisk"] as? Bool == true)
    #expect(row["reason"] as? String == reason)
  }

  /// The xlsx 修订对照表 shows the 考核细则 row with its reason in 修订理由.
  @Test(.enabled(if: Openpyxl.isAvailable)) func theWorkbookShowsTheAssessmentReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let given = try bonusCap(folder, "given.json", reason: "按市考核办通知提高加分上限")
    let path = folder.url.appendingPathComponent("修订对照表.xlsx").path
    _ = try Binary.run("diff", "guangzhou-2020", given, "--format", "xlsx", "--out", path)
    let sheet = try #require(try Openpyxl.dump(path).sheet("修订对照表"))
    #expect(sheet.text("A4") == "考核细则")
    #expect(sheet.text("D4") == "考核细则调整：加分上限")
    #expect(sheet.text("E4") == "按市考核办通知提高加分上限")
  }

  /// A reason the old version already gave the 考核细则, carried over unchanged to a new
  /// change, was written for an earlier revision: shown as such, it does not count.
  @Test func aStaleAssessmentReasonDoesNotCount() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let old = try bonusCap(folder, "r1.json", reason: "按市考核办通知提高加分上限")
    let new = try bonusCap(folder, "r2.json", cap: 8, reason: "按市考核办通知提高加分上限")
    let gate = try Binary.run("diff", old, new, "--require-reasons")
    #expect(gate.status == 1)
    #expect(
      gate.stderr.hasSuffix("diff: high-risk change without a reason: 考核细则 (考核细则调整)\n"),
      "\(gate.stderr)")
    #expect(gate.stdout.contains("      上一版的理由（不计入本次修订）：按市考核办通知提高加分上限\n"), "\(gate.stdout)")
  }

  /// A removed rule that moves a task's owners needs a reason; the revision's record of the
  /// removal gives it, and the gate passes.
  @Test func aRemovedRuleTakesTheReasonOfItsRemoval() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func removed(_ reason: String?) throws -> String {
      try edited(folder, "removed-\(reason == nil).json") { plan in
        let rules = try #require(plan["rules"] as? [[String: Any]])
        plan["rules"] = rules.filter {
          ($0["match"] as? [String: Any])?["keyword"] as? String != "党风廉政"
        }
        if let reason {
          plan["removed"] = [
            ["id": "keyword “党风廉政”", "reason": reason, "rule": ["keyword": "党风廉政"]]
          ]
        }
      }
    }
    let bare = try Binary.run("diff", "guangzhou-2020", try removed(nil), "--require-reasons")
    #expect(bare.status == 1)
    #expect(
      bare.stderr.hasSuffix("diff: high-risk change without a reason: 责任清单 含“党风廉政”的任务 (删除)\n"),
      "\(bare.stderr)")

    let path = try removed("党风廉政建设任务按章节分工落实")
    #expect(try Binary.run("check", path).status == 0)
    let pass = try Binary.run("diff", "guangzhou-2020", path, "--require-reasons")
    #expect(pass.status == 0, "\(pass.stderr)")
    #expect(
      pass.stdout.contains(
        "      涉及任务1项：\n        牵头单位调整：机关纪委 → 机关党委；配合单位调整：减少机关党委：任务3\n      理由：党风廉政建设任务按章节分工落实\n"
      ), "\(pass.stdout)")
    let json = try Binary.run("diff", "guangzhou-2020", path, "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let items = try #require(view["items"] as? [[String: Any]])
    let rule = try #require(items.first { $0["item"] as? String == "rule" })
    #expect(rule["kind"] as? String == "removed")
    #expect(rule["reason"] as? String == "党风廉政建设任务按章节分工落实")
  }
}
