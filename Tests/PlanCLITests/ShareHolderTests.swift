import Foundation
import TestSupport
import Testing

/// Issue 16, shares (指标分解) as their holder meets them, through the binary: its book and the
/// points it is scored with, its template filled and collected into `status`, and the status
/// and rank workbooks. The plan is ``StatusSharesTests/plan`` (≥ 40 boilers: 东区 25, 西区 15).
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct ShareHolderTests {
  let shares = StatusSharesTests()

  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Item 1: the share carries the whole target's points for its holder — its book's 分值,
  /// its 考核方式 and `rank`'s reasons say so, and `rank` scores it with those points.
  @Test func theShareHolderIsScoredWithTheTargetsPointsAndEveryDocumentSaysSo() throws {
    let (root, path) = try shares.workspace(StatusSharesTests.bothDistricts)
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let out = root.url.appendingPathComponent("books").path
    let export = try Binary.run("export", path, "--out", out, "--unit", "西区", environment: env)
    #expect(export.status == 0, "\(export.stderr)")
    let book = try #require(
      try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix("西区.xlsx") })
    let sheet = try #require(try Openpyxl.dump(out + "/" + book).sheets.first)
    let row = try #require(sheet.rows(where: "A", is: "一、责任目标").first) + 2
    // Item 2: the row says it is the unit's share of the whole.
    #expect(
      sheet.text("B\(row)") == "淘汰燃煤锅炉\n分解目标：总体 ≥ 40 台\n本单位 ≥ 15 台\n总体牵头：市局")
    #expect(sheet.text("C\(row)") == "分解")
    #expect(sheet.cells["E\(row)"]?.number == 15)
    let points = try #require(sheet.cells["H\(row)"]?.number)
    let clause = try #require(
      sheet.cells.values.compactMap(\.text).first { $0.contains("分值：本责任书") })
    #expect(clause.contains("分解目标按本单位分解值考核、计该项全额分值"), "\(clause)")

    let rank = try Binary.run(
      "rank", path, "--period", "2020Q3", "--format", "json", environment: env)
    #expect(rank.status == 0, "\(rank.stderr)")
    let entries = try #require(try json(rank.stdout)["entries"] as? [[String: Any]])
    let west = try #require(entries.first { $0["shortName"] as? String == "西区" })
    let line = try #require(
      (west["lines"] as? [[String: Any]])?.first { $0["id"] as? String == "boilers" })
    #expect(line["possible"] as? Double == points)
    #expect(
      (line["reasons"] as? [String])?.first?.hasPrefix(
        "淘汰燃煤锅炉（本单位分解目标 ≥ 15 台，计该项全额分值）：未达标") == true, "\(line)")
  }

  /// A unit that leads the whole and holds a share too answers for and reports the whole, as
  /// its book lists it: `check` warns, its template asks for the whole, its value is the
  /// whole's, and it is scored for the target once.
  @Test func aUnitCarryingTheWholeAnswersForTheWholeNotAShare() throws {
    let (root, path) = try shares.workspace(
      StatusSharesTests.bothDistricts + "target,boilers,41,台,ytd,,,city,2020-09-30,\n"
    ) {
      $0.replacingOccurrences(
        of: #"{"unit": "west","#,
        with:
          #"{"unit": "city", "requirement": {"measure": "count", "direction": "atLeast", "value": 1, "unit": "台"}},"#
          + "\n" + #"{"unit": "west","#)
    }
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let check = try Binary.run("check", path, environment: env)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(
      check.stdout.contains(
        "\(path):17: warning: share-of-carrier: city leads target boilers (淘汰燃煤锅炉) and holds a share of it: it answers for and reports the whole, and its share is not evaluated or scored apart"
      ), "\(check.stdout)")

    let status = try Binary.run("status", path, "--as-of", "2020-09-30", environment: env)
    #expect(status.status == 0, "\(status.stderr)")
    let lines = status.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.contains("boilers  淘汰燃煤锅炉  ") && $0.contains("≥ 40 台  41 台  达标") })
    #expect(!status.stdout.contains("分解：市局"))
    #expect(lines.contains { $0.hasPrefix("  市局") && $0.contains("达标 1") }, "\(status.stdout)")

    let rank = try Binary.run(
      "rank", path, "--period", "2020Q3", "--format", "json", environment: env)
    #expect(rank.status == 0, "\(rank.stderr)")
    let entries = try #require(try json(rank.stdout)["entries"] as? [[String: Any]])
    let city = try #require(entries.first { $0["shortName"] as? String == "市局" })
    let scored = try #require(city["lines"] as? [[String: Any]])
    #expect(scored.filter { $0["id"] as? String == "boilers" }.count == 1)

    let out = root.url.appendingPathComponent("templates").path
    let made = try Binary.run(
      "template", path, "--period", "2020-09", "--unit", "市局", "--out", out, environment: env)
    #expect(made.status == 0, "\(made.stderr)")
    let file = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first)
    let sheet = try #require(try Openpyxl.dump(out + "/" + file).sheet("填报"))
    let row = try #require(sheet.rows(where: "A", is: "target:boilers").first)
    #expect(sheet.text("C\(row)") == "淘汰燃煤锅炉")
    #expect(sheet.text("D\(row)") == "≥ 40 台")
  }

  /// Item 5: the template a share holder gets asks for its share; filled and collected, its
  /// value is the share's in `status`.
  @Test func theShareHoldersTemplateFilledAndCollectedShowsInStatus() throws {
    let (root, path) = try shares.workspace("")
    defer { root.remove() }
    // No report for September yet: the workspace's empty file goes.
    try FileManager.default.removeItem(
      atPath: root.path + "/plans/progress/share-2020/2020-09.csv")
    let env = ["PLANBOOK_ROOT": root.path]
    let out = root.url.appendingPathComponent("templates").path
    let made = try Binary.run(
      "template", path, "--period", "2020-09", "--unit", "西区", "--out", out, environment: env)
    #expect(made.status == 0, "\(made.stderr)")
    let file = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first)
    let template = out + "/" + file
    let sheet = try #require(try Openpyxl.dump(template).sheet("填报"))
    let row = try #require(sheet.rows(where: "A", is: "target:boilers").first)
    #expect(sheet.text("C\(row)") == "淘汰燃煤锅炉\n本单位分解目标\n总体 ≥ 40 台")
    #expect(sheet.text("D\(row)") == "≥ 15 台")
    try Openpyxl.fill(
      template, entries: ["填报": ["F\(row)": .number(12), "G\(row)": .text("累计")]])

    let collect = try Binary.run("collect", path, template, environment: env)
    #expect(collect.status == 0, "\(collect.stderr)")
    let csv = try String(
      contentsOfFile: root.path + "/plans/progress/share-2020/2020-09.csv", encoding: .utf8)
    #expect(csv.contains("target,boilers,12,台,ytd,,,west,2020-09-30,"), "\(csv)")

    let status = try Binary.run(
      "status", path, "--as-of", "2020-09-30", "--format", "json", environment: env)
    #expect(status.status == 0, "\(status.stderr)")
    let targets = try #require(try json(status.stdout)["targets"] as? [[String: Any]])
    let west = try #require(targets.first { $0["share"] as? String == "west" })
    #expect(west["measured"] as? Double == 12)
    #expect(west["requirement"] as? String == "≥ 15 台")
    // The whole is not the share's value: 东区 has not reported, so it cannot be summed.
    let whole = try #require(targets.first { $0["share"] == nil })
    #expect(whole["measured"] == nil)
    #expect((whole["status"] as? [String: String])?["code"] == "noData")
  }

  /// Item 3: the status and rank workbooks list the whole and every share, each with its own
  /// values, in 指标状态 and 趋势.
  @Test func theWorkbooksShowTheWholeAndEveryShare() throws {
    let (root, path) = try shares.workspace(StatusSharesTests.bothDistricts)
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let statusFile = root.path + "/status.xlsx"
    let rankFile = root.path + "/rank.xlsx"
    let runs = try Binary.runTogether(
      [
        ["status", path, "--as-of", "2020-09-30", "--format", "xlsx", "--out", statusFile],
        ["rank", path, "--period", "2020Q3", "--format", "xlsx", "--out", rankFile],
      ], environment: env)
    for run in runs { #expect(run.status == 0, "\(run.stderr)") }
    for file in [statusFile, rankFile] {
      let dump = try Openpyxl.dump(file)
      let sheet = try #require(dump.sheet("指标状态"))
      let whole = try #require(sheet.rows(where: "A", is: "淘汰燃煤锅炉").first)
      let east = try #require(sheet.rows(where: "A", is: "淘汰燃煤锅炉（分解：东区）").first)
      let west = try #require(sheet.rows(where: "A", is: "淘汰燃煤锅炉（分解：西区）").first)
      #expect([whole, east, west].map { sheet.cells["D\($0)"]?.number } == [36, 26, 10])
      #expect([whole, east, west].map { sheet.text("C\($0)") } == ["≥ 40 台", "≥ 25 台", "≥ 15 台"])
      #expect([east, west].map { sheet.text("B\($0)") } == ["东区", "西区"])
      #expect([whole, east, west].map { sheet.text("G\($0)") } == ["预计达标", "达标", "未达标"])

      let trend = try #require(dump.sheet("趋势"))
      let rows = ["淘汰燃煤锅炉（台）", "淘汰燃煤锅炉（分解：东区）（台）", "淘汰燃煤锅炉（分解：西区）（台）"]
        .map { trend.rows(where: "A", is: $0).first }
      #expect(!rows.contains(nil), "\(file)")
      let values = rows.compactMap { $0 }.map { r in trend.cells["C\(r)"]?.number }
      #expect(values == [36, 26, 10])
    }
  }
}
