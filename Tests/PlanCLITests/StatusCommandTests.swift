import Foundation
import TestSupport
import Testing

@Suite struct StatusCommandTests {
  @Test func theSampleDataAsOfSeptember() throws {
    let run = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-09-30")
    #expect(run.status == 0, "\(run.stderr)")
    try expectGolden(run.stdout, "status-guangzhou-2020-2020-09-30.txt")
  }

  @Test func oneUnitsShare() throws {
    let run = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-09-30", "--unit", "大气处")
    #expect(run.status == 0, "\(run.stderr)")
    try expectGolden(run.stdout, "status-guangzhou-2020-air.txt")
  }

  @Test func jsonNamesEveryClassByCodeAndInChinese() throws {
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json")
    #expect(run.status == 0, "\(run.stderr)")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(view["schema"] as? String == "planbook.status")
    #expect(view["sampleData"] as? Bool == true)
    let targets = try #require(view["targets"] as? [[String: Any]])
    let pm = try #require(targets.first { $0["id"] as? String == "pm25" })
    #expect(pm["status"] as? [String: String] == ["code": "met", "name": "达标"])
    #expect(pm["measured"] as? Double == 28.4)
    let tasks = try #require(view["tasks"] as? [[String: Any]])
    let five = try #require(tasks.first { $0["number"] as? String == "5" })
    #expect(five["status"] as? [String: String] == ["code": "overdue", "name": "逾期"])
    #expect(five["state"] as? [String: String] == ["code": "inProgress", "name": "推进中"])
    let codes = Set(tasks.compactMap { ($0["status"] as? [String: String])?["code"] })
    #expect(codes == ["done", "ahead", "onTrack", "behind", "overdue", "notStarted"])
    let total = try #require(view["total"] as? [String: Any])
    let classes = try #require(total["taskClasses"] as? [[String: Any]])
    #expect(classes.allSatisfy { $0["code"] != nil && $0["name"] != nil && $0["count"] != nil })
  }

  @Test func aDashboardWorkbook() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("status.xlsx").path
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "guangzhou-2020: status as of 2020-09-30 written to \(path)\n")
    #expect(try folder.files() == ["status.xlsx"])
    // The dashboard is traceable like the books.
    let verify = try Binary.run("verify", path)
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
  }

  /// The rank workbook opens, and prints, on its ranking; the status dashboard has none.
  @Test(.enabled(if: Openpyxl.isAvailable)) func theRankWorkbookOpensOnTheRanking() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let rank = folder.url.appendingPathComponent("rank.xlsx").path
    let run = try Binary.run(
      "rank", "guangzhou-2020", "--period", "2020Q3", "--format", "xlsx", "--out", rank)
    #expect(run.status == 0, "\(run.stderr)")
    let book = try Openpyxl.part("xl/workbook.xml", of: rank)
    let first = try #require(book.range(of: "<sheet name=\""))
    #expect(book[first.upperBound...].hasPrefix("排名\""))
    let status = folder.url.appendingPathComponent("status.xlsx").path
    _ = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", status)
    let sheets = try Openpyxl.dump(status).sheets.map(\.name)
    #expect(sheets == ["指标状态", "任务进度", "单位汇总", "趋势", "趋势图"])
  }

  @Test func aBadReportIsRejectedWholeAndNothingIsEvaluated() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let good = Repository.root.appendingPathComponent(
      "plans/progress/guangzhou-2020/2020-06.csv")
    try FileManager.default.copyItem(at: good, to: folder.appendingPathComponent("2020-06.csv"))
    try """
    kind,id,value,unit,basis,state,percent,reporter,date,note
    target,pm25,3,5,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,
    target,pm25,28.4,mg/m3,ytd,,,gz-eeb-air,2020-09-30,
    task,nope,,,,推进中,50,gz-eeb-air,2020-09-30,

    """.write(to: folder.appendingPathComponent("2020-09.csv"), atomically: true, encoding: .utf8)
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(run.stderr.contains("2020-09.csv:2:"))
    #expect(run.stderr.contains("the row has 11 fields, expected 10"))
    #expect(run.stderr.contains("2020-09.csv:3:"))
    #expect(run.stderr.contains("unit 'mg/m3' does not match target 'pm25' (expected '微克/立方米')"))
    #expect(run.stderr.contains("unknown task 'nope'"))
    #expect(run.stderr.hasSuffix("guangzhou-2020: progress reports rejected; nothing evaluated\n"))
  }

  @Test func aFIFOWhereAReportIsExpectedIsRefusedNotWaitedOn() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let good = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020/2020-06.csv")
    try FileManager.default.copyItem(at: good, to: folder.appendingPathComponent("2020-06.csv"))
    let fifo = folder.appendingPathComponent("2020-07.csv").path
    #expect(mkfifo(fifo, 0o644) == 0)
    // Killed after 10 s (and the test fails) if it waits for a writer.
    let run = try Binary.launch(
      ["status", "guangzhou-2020", "--as-of", "2020-09-30"],
      environment: ["PLANBOOK_ROOT": root.path], timeout: 10)
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        \(fifo): not a regular file but a FIFO (named pipe); a report must be a plain text file
        guangzhou-2020: progress reports rejected; nothing evaluated

        """)
  }

  @Test func badArguments() throws {
    let date = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-13-01")
    #expect(date.status == 64)
    #expect(
      date.stderr.contains(
        "--as-of '2020-13-01' is not a date (write 2020-09-30, 2020/9/30 or 2020年9月30日)"))
    let unit = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-09-30", "--unit", "火星处")
    #expect(unit.status == 64)
    #expect(unit.stderr.contains("unknown unit '火星处' in guangzhou-2020"))
  }
}

@Suite struct RankCommandTests {
  @Test func theThirdQuarterOnTheSampleData() throws {
    let run = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q3")
    #expect(run.status == 0, "\(run.stderr)")
    try expectGolden(run.stdout, "rank-guangzhou-2020-2020Q3.txt")
  }

  @Test func reasonsItemised() throws {
    let run = try Binary.run("rank", "guangzhou-2020", "--period", "2020-09", "--reasons")
    #expect(run.status == 0, "\(run.stderr)")
    try expectGolden(run.stdout, "rank-guangzhou-2020-2020-09-reasons.txt")
  }

  @Test func json() throws {
    let run = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q3", "--format", "json")
    #expect(run.status == 0, "\(run.stderr)")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(view["schema"] as? String == "planbook.ranking")
    #expect(view["previousPeriod"] as? String == "2020Q2")
    let entries = try #require(view["entries"] as? [[String: Any]])
    #expect(entries.first?["rank"] as? Int == 1)
    let ranks = entries.compactMap { $0["rank"] as? Int }
    #expect(ranks == ranks.sorted())
    let policy = try #require(entries.first { $0["shortName"] as? String == "法规处" })
    #expect(policy["overdue"] as? [String] == ["5"])
    let overdue = try #require(view["overdue"] as? [[String: Any]])
    #expect(overdue.map { $0["shortName"] as? String } == ["法规处"])
  }

  @Test func aBadPeriodIsAUsageError() throws {
    let run = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q5")
    #expect(run.status == 64)
    #expect(
      run.stderr.contains(
        "--period '2020Q5' is not a month (2020-09), a quarter (2020Q3), a half-year (2020H1) or a "
          + "year (2020)"))
  }
}

/// A full disk is one readable line, not libxlsxwriter's raw `[ERROR]` lines.
@Suite struct StatusFullDiskTests {
  @Test(.enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")))
  func aDashboardOnAFullDiskSaysSoOnce() throws {
    let disk = try SmallDisk(kilobytes: 64)
    defer { disk.remove() }
    try disk.fill()
    let path = disk.url.appendingPathComponent("status.xlsx").path
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", path)
    #expect(run.status == 1)
    #expect(run.stderr == "Error: write workbook \(path): no space left on device\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["filler"])
  }
}

/// A progress report quoting an escape sequence in an error: shown escaped, never raw.
@Suite struct StatusHostileReportTests {
  @Test func controlCharactersInAReportAreShownEscaped() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try """
    kind,id,value,unit,basis,state,percent,reporter,date,note
    target,pm25,"2\u{1B}[2K\r当前 current\n当前: 一切正常",微克/立方米,ytd,,,gz-eeb-air,2020-09-30,

    """.write(to: folder.appendingPathComponent("2020-09.csv"), atomically: true, encoding: .utf8)
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 1)
    #expect(!run.stderr.contains("\u{1B}"))
    #expect(!run.stderr.contains("\r"))
    #expect(run.stderr.contains("2020-09.csv:2:"))
    #expect(run.stderr.contains("value holds the control character U+001B"))
    #expect(!run.stderr.split(separator: "\n").contains { $0.hasPrefix("当前") })
  }
}

/// A scratch workspace holding the committed Guangzhou reports, with `files` (name → text)
/// written over them (a text of nil removes the file).
func guangzhouWorkspace(_ files: [String: String?] = [:]) throws -> TemporaryFolder {
  let root = try TemporaryFolder.workspace()
  let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let sample = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020")
  for name in try FileManager.default.contentsOfDirectory(atPath: sample.path)
  where name.hasSuffix(".csv") {
    try FileManager.default.copyItem(
      at: sample.appendingPathComponent(name), to: folder.appendingPathComponent(name))
  }
  for (name, text) in files {
    let url = folder.appendingPathComponent(name)
    if let text {
      try text.write(to: url, atomically: true, encoding: .utf8)
    } else {
      try FileManager.default.removeItem(at: url)
    }
  }
  return root
}

/// The committed report of `month` with `rows` added at its end.
func sampleReport(_ month: String, adding rows: String) throws -> String {
  let url = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020/\(month).csv")
  return try String(contentsOf: url, encoding: .utf8) + rows
}

/// Issue 14, item 1: whose report counts.
@Suite struct WhoseReportCountsTests {
  @Test func aRowFromAUnitNotResponsibleForTheTargetIsAnErrorAtItsLine() throws {
    // 办公室 has nothing to do with PM2.5: its row changed Guangzhou's PM2.5 from 28.4 to 20.
    let text = try sampleReport("2020-09", adding: "target,pm25,20,微克/立方米,ytd,,,办公室,2020-09-30,\n")
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let root = try guangzhouWorkspace(["2020-09.csv": text])
    defer { root.remove() }
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(
      run.stderr.contains(
        "2020-09.csv:\(line):29: reporter 办公室 (gz-eeb-office) is not responsible for target 'pm25'"),
      "\(run.stderr)")
    #expect(run.stderr.contains("监测中心站 (gz-eeb-monitoring-centre)"))
    #expect(run.stderr.hasSuffix("guangzhou-2020: progress reports rejected; nothing evaluated\n"))
  }

  @Test func twoConflictingValuesForOneTargetAndDayNameBothLines() throws {
    // The lead and the cooperating unit report PM2.5 for the same day: the class flipped with
    // the line order.
    let text = try sampleReport(
      "2020-09", adding: "target,pm25,36.5,微克/立方米,ytd,,,监测中心站,2020-09-30,\n")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = lines.count - 1
    let first = (lines.firstIndex { $0.hasPrefix("target,pm25,28.4") } ?? 0) + 1
    let root = try guangzhouWorkspace(["2020-09.csv": text])
    defer { root.remove() }
    for command in [
      ["status", "guangzhou-2020", "--as-of", "2020-09-30"],
      ["rank", "guangzhou-2020", "--period", "2020Q3"],
    ] {
      let run = try Binary.run(arguments: command, environment: ["PLANBOOK_ROOT": root.path])
      #expect(run.status == 1)
      #expect(
        run.stderr.contains(
          "2020-09.csv:\(line):1: conflicting values for target 'pm25' on 2020-09-30 (ytd): "
            + "36.5 from gz-eeb-monitoring-centre here, 28.4 from gz-eeb-air at "),
        "\(run.stderr)")
      #expect(run.stderr.contains("2020-09.csv:\(first) (keep one)"))
    }
  }

  @Test func theSameValueFromTwoResponsibleUnitsIsNoConflict() throws {
    let text = try sampleReport(
      "2020-09", adding: "target,pm25,28.4,微克/立方米,ytd,,,监测中心站,2020-09-30,\n")
    let root = try guangzhouWorkspace(["2020-09.csv": text])
    defer { root.remove() }
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 0, "\(run.stderr)")
  }
}

/// Issue 14, item 2: missing and late monthly reports, and values too old to be current.
@Suite struct MissingAndLateReportTests {
  /// 大气处's August report is not in 2020-08.csv; its PM2.5 for August came with September's.
  func workspace() throws -> TemporaryFolder {
    let url = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020/2020-08.csv")
    let august = try String(contentsOf: url, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains(",gz-eeb-air,") }.joined(separator: "\n")
    let september = try sampleReport(
      "2020-09", adding: "target,pm25,30,微克/立方米,period,,,gz-eeb-air,2020-08-31,8月当月\n")
    return try guangzhouWorkspace(["2020-08.csv": august, "2020-09.csv": september])
  }

  @Test func statusAndRankListUnitsThatDidNotReportOrReportedLate() throws {
    let root = try workspace()
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let status = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-10-10", environment: env)
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("报送 monthly reports (due by day 5 of the following month)\n"))
    #expect(status.stdout.contains("  大气处: 迟报 late 2020-08 (with 2020-09)\n"), "\(status.stdout)")
    #expect(
      status.stdout.contains("  市水务局: 未报送 missing 2020-06, 2020-07, 2020-08, 2020-09\n"))
    // 处 that reported every month are not listed.
    #expect(!status.stdout.contains("  水处:"))
    let rank = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q3", environment: env)
    #expect(rank.status == 0, "\(rank.stderr)")
    #expect(rank.stdout.contains("  大气处: 迟报 late 2020-08 (with 2020-09)\n"))
    // As of 30 September, September's report is not yet due.
    #expect(rank.stdout.contains("  市水务局: 未报送 missing 2020-06, 2020-07, 2020-08\n"))
    let json = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-10-10", "--unit", "大气处", "--format", "json",
      environment: env)
    let view = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let reporting = try #require(view["reporting"] as? [[String: Any]])
    #expect(reporting.count == 1)
    #expect(reporting.first?["missing"] as? [String] == [])
    let late = try #require((reporting.first?["late"] as? [[String: Any]])?.first)
    #expect(late["month"] as? String == "2020-08")
    #expect(late["due"] as? String == "2020-09-05")
    #expect(late["receivedWith"] as? String == "2020-09")
  }

  @Test func aValueOlderThanThreeMonthsIsNoData() throws {
    let root = try guangzhouWorkspace(["2020-07.csv": nil, "2020-08.csv": nil, "2020-09.csv": nil])
    defer { root.remove() }
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-10-31", "--format", "json",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let targets = try #require(json["targets"] as? [[String: Any]])
    let pm25 = try #require(targets.first { $0["id"] as? String == "pm25" })
    #expect((pm25["status"] as? [String: Any])?["code"] as? String == "noData")
    #expect(pm25["explanation"] as? String == "最近一次报送为2020-06-30，已超过3个月未更新，按无数据计")
    // In September the June value is still current.
    let september = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(september.stdout.contains("31.5 微克/立方米"))
  }
}

/// Issue 14, item 3: periods.
@Suite struct RankPeriodTests {
  @Test func aPeriodOutsideThePlanIsAUsageError() throws {
    // 2019Q4 was accepted and every unit scored 100.
    for period in ["2019Q4", "2021-01", "2019", "2021H1"] {
      let run = try Binary.run("rank", "guangzhou-2020", "--period", period)
      #expect(run.status == 64, "\(period): \(run.stdout)")
      #expect(run.stdout == "")
      #expect(
        run.stderr.contains("is outside the period of guangzhou-2020 (2020-01-01…2020-12-31)"))
    }
  }

  @Test func theFirstPeriodIsNewNotDown() throws {
    let root = try guangzhouWorkspace([
      "2020-01.csv": "kind,id,value,unit,basis,state,percent,reporter,date,note\n"
        + "task,planning,,,,推进中,20,gz-eeb-planning,2020-01-31,\n"
    ])
    defer { root.remove() }
    let run = try Binary.run(
      "rank", "guangzhou-2020", "--period", "2020-01", "--format", "json",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let view = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(view["previousPeriod"] == nil)
    let entries = try #require(view["entries"] as? [[String: Any]])
    #expect(!entries.isEmpty)
    #expect(entries.allSatisfy { $0["change"] as? String == "新" })
    let table = try Binary.run(
      "rank", "guangzhou-2020", "--period", "2020Q1", environment: ["PLANBOOK_ROOT": root.path])
    #expect(
      table.stdout.contains("no earlier ranking (2019Q4 is before the plan or its first report): 新")
    )
    #expect(!table.stdout.contains("↓"))
  }

  @Test func halfYearAndYearPeriods() throws {
    let half = try Binary.run("rank", "guangzhou-2020", "--period", "2020H2")
    #expect(half.status == 0, "\(half.stderr)")
    #expect(
      half.stdout.contains(
        "ranking for 2020H2 (2020年下半年), as of 2020-12-31; change against 2020H1\n"))
    let year = try Binary.run("rank", "guangzhou-2020", "--period", "2020", "--format", "json")
    #expect(year.status == 0, "\(year.stderr)")
    let view = try #require(
      try JSONSerialization.jsonObject(with: Data(year.stdout.utf8)) as? [String: Any])
    #expect(view["period"] as? String == "2020")
    #expect(view["asOf"] as? String == "2020-12-31")
  }

  @Test func aPeriodWithoutReportsIsAWarningInStatusAndAnErrorInRank() throws {
    let rank = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q1")
    #expect(rank.status == 1)
    #expect(rank.stdout == "")
    #expect(rank.stderr.contains("no progress reports for 2020Q1"))
    let status = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-03-31")
    #expect(status.status == 0)
    #expect(status.stderr.contains("warning: "))
    #expect(status.stderr.contains("no progress report for 2020-03"))
  }
}

/// Issue 14, item 4: a falling year-to-date average is projected from what the rest of the
/// year must average, not along a line through the averages.
@Suite struct ProjectionCommandTests {
  @Test func theCaseOfAnAverageFallingFrom42To37ByApril() throws {
    let header = "kind,id,value,unit,basis,state,percent,reporter,date,note\n"
    var files: [String: String?] = [:]
    for (month, day, value) in [
      ("01", "31", "42"), ("02", "29", "40"), ("03", "31", "38"), ("04", "30", "37"),
    ] {
      files["2020-\(month).csv"] =
        header + "target,pm25,\(value),微克/立方米,ytd,,,gz-eeb-air,2020-\(month)-\(day),年均浓度\n"
    }
    let root = try guangzhouWorkspace(files)
    defer { root.remove() }
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-04-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 0, "\(run.stderr)")
    let line = try #require(
      run.stdout.split(separator: "\n").first { $0.hasPrefix("  pm25 ") }.map(String.init))
    // It was 预计达标, projected to 22.9.
    #expect(line.contains("未达标"), "\(line)")
    #expect(!line.contains("22.87"))
    #expect(line.contains("其余245天平均需不高于34.01，近期平均35.28，预计期末35.85 微克/立方米"))
  }
}

/// Issue 14, item 5: a qualitative target reported 推进中 can be behind.
@Suite struct QualitativeBehindTests {
  func status(airQuality row: String) throws -> String {
    let url = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020/2020-09.csv")
    let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
      of: "target,air-quality,,,,推进中,,gz-eeb-air,2020-09-30,", with: row)
    #expect(text.contains(row))
    let root = try guangzhouWorkspace(["2020-09.csv": text])
    defer { root.remove() }
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 0, "\(run.stderr)")
    return run.stdout.split(separator: "\n").first { $0.hasPrefix("  air-quality ") }.map(
      String.init)
      ?? ""
  }

  @Test func farBehind序时进度IsNotMet() throws {
    // 推进中 was 预计达标 until the year's end, however late.
    let line = try status(airQuality: "target,air-quality,,,,推进中,30,gz-eeb-air,2020-09-30,")
    #expect(line.contains("未达标"), "\(line)")
    #expect(line.contains("达到省考核要求：推进中，完成30%，落后序时进度74.86%44.86个百分点"))
  }

  @Test func aReportCanSay滞后() throws {
    let line = try status(airQuality: "target,air-quality,,,,滞后,,gz-eeb-air,2020-09-30,")
    #expect(line.contains("未达标"), "\(line)")
    #expect(line.contains("达到省考核要求：滞后，自报滞后于序时进度"))
  }

  @Test func onSchedule() throws {
    let line = try status(airQuality: "target,air-quality,,,,推进中,75,gz-eeb-air,2020-09-30,")
    #expect(line.contains("预计达标"), "\(line)")
  }
}

/// Issue 14, item 11: dates and periods in the forms people type.
@Suite struct TypedDateOptionsTests {
  @Test func asOfInEveryForm() throws {
    let iso = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-09-30")
    #expect(iso.status == 0, "\(iso.stderr)")
    for typed in ["2020/9/30", "2020-9-30", "2020年9月30日"] {
      let run = try Binary.run("status", "guangzhou-2020", "--as-of", typed)
      #expect(run.status == 0, "\(typed): \(run.stderr)")
      #expect(run.stdout == iso.stdout, "\(typed)")
    }
  }

  @Test func periodInEveryForm() throws {
    let iso = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q3")
    #expect(iso.status == 0, "\(iso.stderr)")
    let typed = try Binary.run("rank", "guangzhou-2020", "--period", "2020年第3季度")
    #expect(typed.stdout == iso.stdout)
    let month = try Binary.run("rank", "guangzhou-2020", "--period", "2020年9月")
    #expect(
      month.stdout == (try Binary.run("rank", "guangzhou-2020", "--period", "2020-09")).stdout)
    #expect(month.status == 0, "\(month.stderr)")
  }
}
