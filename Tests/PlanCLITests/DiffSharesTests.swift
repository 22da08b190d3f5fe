import Foundation
import TestSupport
import Testing

/// Issue 16: `planbook diff` of a split target (指标分解): a share's requirement, unit or weight,
/// and the roll-up, each reported; a change to a unit's book high-risk, the holder re-signs.
/// Revision pairs of ``StatusSharesTests/plan`` (≥ 40 boilers: 东区 25, 西区 15, summed).
@Suite struct DiffSharesTests {
  /// The old plan and a new one edited by `edit`, written to a scratch folder.
  func pair(_ edit: (String) -> String) throws -> (TemporaryFolder, old: String, new: String) {
    let folder = try TemporaryFolder()
    let old = folder.url.appendingPathComponent("old.json").path
    let new = folder.url.appendingPathComponent("new.json").path
    try StatusSharesTests.plan.write(toFile: old, atomically: true, encoding: .utf8)
    try edit(StatusSharesTests.plan).write(toFile: new, atomically: true, encoding: .utf8)
    return (folder, old, new)
  }

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// 西区's share 15 → 18: high-risk, 西区 re-signs, 东区 and 市局 do not.
  @Test func aSharesRequirementIsHighRiskAndItsHolderReSigns() throws {
    let (folder, old, new) = try pair {
      $0.replacingOccurrences(of: "\"value\": 15", with: "\"value\": 18")
    }
    defer { folder.remove() }
    let text = try Binary.run("diff", old, new)
    #expect(text.status == 1, "\(text.stderr)")
    #expect(text.stdout.contains("! 高风险修订 high-risk (1)\n  指标 淘汰燃煤锅炉  指标分解调整"), "\(text.stdout)")
    #expect(text.stdout.contains("指标分解调整：西区分解指标 ≥ 15 台 → ≥ 18 台"))
    #expect(
      text.stdout.hasSuffix(
        "需重新签订的单位 units to re-sign (1)\n  西区 · 责任书（甲方：市局）：指标淘汰燃煤锅炉：指标分解调整\n"),
      "\(text.stdout)")

    let view = try json(try Binary.run("diff", old, new, "--format", "json").stdout)
    #expect((view["summary"] as? [String: Int])?["highRisk"] == 1)
    let item = try #require((view["items"] as? [[String: Any]])?.first)
    let change = try #require((item["changes"] as? [[String: Any]])?.first)
    #expect(change["code"] as? String == "sharesChanged")
    #expect(change["field"] as? String == "shares")
    #expect(change["label"] as? String == "西区分解指标")
    #expect(change["from"] as? String == "≥ 15 台")
    #expect(change["to"] as? String == "≥ 18 台")
    #expect(change["highRisk"] as? Bool == true)
    let resign = try #require(view["resign"] as? [[String: Any]])
    #expect(resign.map { $0["unit"] as? String } == ["west"])

    let markdown = try Binary.run("diff", old, new, "--format", "markdown")
    #expect(markdown.stdout.contains("| 指标 淘汰燃煤锅炉 | 指标分解调整 | <b>未说明</b> |"))
    #expect(markdown.stdout.contains("西区分解指标：<ins>≥ 18 台</ins>"))
    #expect(markdown.stdout.contains("| 西区 | 责任书（甲方：市局） | 指标淘汰燃煤锅炉：指标分解调整 |"))

    let gate = try Binary.run("diff", old, new, "--require-reasons")
    #expect(gate.status == 1)
    #expect(
      gate.stderr.contains("high-risk change without a reason: 指标 淘汰燃煤锅炉 (指标分解调整)"),
      "\(gate.stderr)")
  }

  /// The share moved from 西区 to a new 南区: both reported, 西区 gets no book, 南区 a new one.
  @Test func aShareAddedAndRemoved() throws {
    let (folder, old, new) = try pair {
      $0.replacingOccurrences(of: #"{"unit": "west","#, with: #"{"unit": "south","#)
        .replacingOccurrences(
          of: #""kind": "district"}"# + "\n" + "    ],",
          with: #""kind": "district"},"# + "\n"
            + #"{"id": "south", "name": "测试市南区人民政府", "shortName": "南区", "kind": "district"}"#
            + "\n    ],")
    }
    defer { folder.remove() }
    let text = try Binary.run("diff", old, new)
    #expect(text.status == 1, "\(text.stderr)")
    #expect(text.stdout.contains("指标分解调整：南区分解指标 无 → ≥ 15 台"), "\(text.stdout)")
    #expect(text.stdout.contains("指标分解调整：西区分解指标 ≥ 15 台 → 无"))
    #expect(text.stdout.contains("高风险修订 high-risk (1)"))
    #expect(text.stdout.contains("  西区 · 不再发放：不再发放\n  南区 · 责任书（甲方：市局）：新增发放\n"))
  }

  /// The roll-up and the shares' weights: reported, not high-risk (no book prints them), no
  /// one re-signs.
  @Test func theRollUpAndWeightsAreReportedButChangeNoBook() throws {
    let (folder, old, new) = try pair {
      $0.replacingOccurrences(of: #""rollUp": "sum""#, with: #""rollUp": "weighted""#)
        .replacingOccurrences(of: #""unit": "台"}}"#, with: #""unit": "台"}, "weight": 2}"#)
    }
    defer { folder.remove() }
    let text = try Binary.run("diff", old, new)
    #expect(text.status == 1, "\(text.stderr)")
    #expect(text.stdout.contains("指标分解调整：汇总方式 合计 → 加权平均"), "\(text.stdout)")
    #expect(text.stdout.contains("指标分解调整：东区分解权重 无 → 2"))
    #expect(!text.stdout.contains("高风险"))
    #expect(!text.stdout.contains("需重新签订"))
  }

  /// The whole's requirement is printed in each holder's row: the holders re-sign with its lead.
  @Test func theWholesRequirementChangesEveryHoldersBook() throws {
    let (folder, old, new) = try pair {
      $0.replacingOccurrences(of: "\"value\": 40", with: "\"value\": 38")
    }
    defer { folder.remove() }
    let view = try json(try Binary.run("diff", old, new, "--format", "json").stdout)
    let resign = try #require(view["resign"] as? [[String: Any]])
    #expect(resign.map { $0["unit"] as? String } == ["city", "east", "west"])
    #expect(resign.last?["changes"] as? [String] == ["指标淘汰燃煤锅炉：指标放宽"])
  }

  /// The 修订对照表 workbook lists the share's change among the high-risk rows.
  @Test(.enabled(if: Openpyxl.isAvailable)) func theRevisionTableWorkbook() throws {
    let (folder, old, new) = try pair {
      $0.replacingOccurrences(of: "\"value\": 15", with: "\"value\": 18")
    }
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("修订对照表.xlsx").path
    let run = try Binary.run("diff", old, new, "--format", "xlsx", "--out", path)
    #expect(run.status == 1, "\(run.stderr)")
    let dump = try Openpyxl.dump(path)
    let risky = try #require(dump.sheet("高风险修订"))
    #expect(risky.cells.values.contains { $0.text?.contains("指标分解调整") == true })
    let sheet = try #require(dump.sheet("修订对照表"))
    #expect(
      sheet.cells.values.contains {
        $0.text == "西区分解指标：≥ 18 台" || $0.text?.hasSuffix("西区分解指标：≥ 18 台") == true
      })
    #expect(!sheet.rows(where: "B", is: "西区\n责任书（甲方：市局）").isEmpty)
  }
}
