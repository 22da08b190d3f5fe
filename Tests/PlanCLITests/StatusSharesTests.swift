import Foundation
import TestSupport
import Testing

/// Issue 16, items 1–2: a target split into shares (指标分解) in `check`, `status` and `rank`,
/// through the binary, on a small plan written as a snapshot.
@Suite struct StatusSharesTests {
  /// A city bureau's ≥ 40 boilers, split 25 (东区) + 15 (西区), rolled up as a sum.
  static let plan = #"""
    {
      "schema": "planbook.plan",
      "schemaVersion": 1,
      "plan": {
        "id": "share-2020",
        "title": "2020年分解测试计划",
        "issuer": "city",
        "period": {"start": "2020-01-01", "end": "2020-12-31"},
        "numbering": "continuous",
        "units": [
          {"id": "city", "name": "测试市生态环境局", "shortName": "市局", "kind": "department"},
          {"id": "east", "name": "测试市东区人民政府", "shortName": "东区", "kind": "district"},
          {"id": "west", "name": "测试市西区人民政府", "shortName": "西区", "kind": "district"}
        ],
        "targets": [
          {
            "id": "boilers", "name": "淘汰燃煤锅炉",
            "requirement": {"measure": "count", "direction": "atLeast", "value": 40, "unit": "台"},
            "responsibility": {"lead": ["city"]},
            "rollUp": "sum",
            "shares": [
              {"unit": "east", "requirement": {"measure": "count", "direction": "atLeast", "value": 25, "unit": "台"}},
              {"unit": "west", "requirement": {"measure": "count", "direction": "atLeast", "value": 15, "unit": "台"}}
            ]
          }
        ],
        "chapters": [
          {"id": "c1", "number": 1, "title": "大气", "tasks": [
            {"id": "k1", "number": 1, "title": "淘汰锅炉。", "text": "淘汰锅炉。", "figures": [], "milestones": [],
             "responsibility": {"lead": ["city"], "deadline": {"kind": "date", "date": "2020-12-31"}}}
          ], "sections": []}
        ],
        "rules": []
      }
    }
    """#

  /// A workspace holding the plan (with `edit` applied) and one report for September.
  func workspace(
    _ rows: String, edit: (String) -> String = { $0 }
  ) throws -> (TemporaryFolder, String) {
    let root = try TemporaryFolder.workspace()
    let progress = root.url.appendingPathComponent("plans/progress/share-2020")
    try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
    try ("kind,id,value,unit,basis,state,percent,reporter,date,note\n" + rows).write(
      to: progress.appendingPathComponent("2020-09.csv"), atomically: true, encoding: .utf8)
    let path = root.url.appendingPathComponent("plans/share-2020.json").path
    try edit(Self.plan).write(toFile: path, atomically: true, encoding: .utf8)
    return (root, path)
  }

  static let bothDistricts =
    "target,boilers,26,台,ytd,,,east,2020-09-30,\ntarget,boilers,10,台,ytd,,,west,2020-09-30,\n"

  @Test func statusShowsTheWholeComputedFromItsSharesAndEveryShare() throws {
    let (root, path) = try workspace(Self.bothDistricts)
    defer { root.remove() }
    let run = try Binary.run(
      "status", path, "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let rows = lines.filter { $0.hasPrefix("  boilers") }
    #expect(rows.count == 3)
    #expect(rows.first?.contains("≥ 40 台  36 台  预计达标") == true)
    #expect(rows.first?.contains("由各分解单位数值合计") == true)
    #expect(rows.dropFirst().first?.contains("淘汰燃煤锅炉（分解：东区）  ≥ 25 台  26 台  达标") == true)
    #expect(rows.last?.contains("淘汰燃煤锅炉（分解：西区）  ≥ 15 台  10 台  未达标") == true)
    // The share is scored for its unit; the tally counts the target once.
    #expect(lines.contains { $0.hasPrefix("  西区") && $0.contains("未达标 1") })
    #expect(lines.contains("  1项指标：预计达标1项"))
  }

  @Test func jsonMarksTheWholesRollUpAndEachSharesUnit() throws {
    let (root, path) = try workspace(Self.bothDistricts)
    defer { root.remove() }
    let run = try Binary.run(
      "status", path, "--as-of", "2020-09-30", "--format", "json",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let targets = try #require(json["targets"] as? [[String: Any]])
    #expect(targets.map { $0["share"] as? String } == [nil, "east", "west"])
    #expect(targets.first?["rollUp"] as? String == "sum")
    #expect(targets.map { $0["measured"] as? Double } == [36, 26, 10])
    #expect(targets.map { $0["requirement"] as? String } == ["≥ 40 台", "≥ 25 台", "≥ 15 台"])
  }

  @Test func aWholeWithAShareMissingHasNoData() throws {
    let (root, path) = try workspace("target,boilers,26,台,ytd,,,east,2020-09-30,\n")
    defer { root.remove() }
    let run = try Binary.run(
      "status", path, "--as-of", "2020-09-30", "--unit", "市局",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("—     无数据  noData  —     分解单位西区无数据，无法合计"))
  }

  @Test func theWholesOwnValueCountsOverTheShares() throws {
    let (root, path) = try workspace(
      Self.bothDistricts + "target,boilers,41,台,ytd,,,city,2020-09-30,\n")
    defer { root.remove() }
    let run = try Binary.run(
      "status", path, "--as-of", "2020-09-30", "--unit", "市局",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("boilers  淘汰燃煤锅炉  ≥ 40 台  41 台  达标"))
  }

  @Test func theShareHoldersRowIsItsShareNotAConflictWithTheWhole() throws {
    // 东区 reports its 26 on the day 市局 reports the whole's 41: two values, no conflict.
    let (root, path) = try workspace(
      "target,boilers,41,台,ytd,,,city,2020-09-30,\ntarget,boilers,26,台,ytd,,,east,2020-09-30,\n")
    defer { root.remove() }
    let run = try Binary.run(
      "rank", path, "--period", "2020Q3", environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("东区   100"))
  }

  @Test func sharesThatCannotAddUpAreACheckErrorAtTheTargetsLine() throws {
    let (root, path) = try workspace("") {
      $0.replacingOccurrences(of: "\"value\": 15", with: "\"value\": 10")
    }
    defer { root.remove() }
    let run = try Binary.run("check", path, environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 1)
    #expect(
      run.stdout.contains(
        "\(path):17: error: shares-do-not-add-up: the shares of target boilers (淘汰燃煤锅炉) add up to 35 台, less than the whole's ≥ 40 台"
      ), "\(run.stdout)\(run.stderr)")
  }
}
