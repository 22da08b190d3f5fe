import Foundation
import PlanEngine
import PlanModel
import Plans
import TestSupport
import Testing
import Tracking

@testable import Reports

/// Templates filled in as a user's office suite would (openpyxl loads, edits and saves them),
/// then collected.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct RoundTripTests {
  let resolved = Resolver.resolve(
    Catalogue.plan("guangzhou-2020")?.model
      ?? WorkPlan(
        id: "missing", title: "", issuer: "", period: .year(2020)))
  let september = ReportingPeriod.month(year: 2020, month: 9)
  let sheet = ReportTemplate.sheetName

  /// A folder with the 大气处 template for September, and an empty progress folder.
  func setUp() throws -> (TemporaryFolder, String, ReportCollection) {
    let folder = try TemporaryFolder()
    let written = try TemplateWriter.writeAll(
      resolved, period: september, units: ["gz-eeb-air"],
      to: folder.url.appendingPathComponent("templates").path)
    let progress = folder.url.appendingPathComponent("progress").path
    let collection = ReportCollection(resolved: resolved, folder: progress)
    return (folder, try #require(written.first), collection)
  }

  /// The row (1-based) whose hidden key is `key`.
  func row(_ path: String, _ key: String) throws -> Int {
    let dump = try Openpyxl.dump(path)
    let s = try #require(dump.sheet(sheet))
    return try #require(s.rows(where: "A", is: key).first)
  }

  @Test func theTemplateIsLockedValidatedAndIdentified() throws {
    let (folder, path, _) = try setUp()
    defer { folder.remove() }
    #expect(URL(fileURLWithPath: path).lastPathComponent == "2020年9月-08-大气处.xlsx")
    let dump = try Openpyxl.dump(path)
    #expect(dump.sheets.map(\.name) == ["填报", "选项"])
    #expect(dump.sheet("选项")?.state == "hidden")
    #expect(dump.custom["PlanBook.Kind"] == "template")
    #expect(dump.custom["PlanBook.Period"] == "2020-09")
    #expect(dump.custom["PlanBook.Unit"] == "gz-eeb-air 广州市生态环境局大气环境管理处")
    let s = try #require(dump.sheet(sheet))
    #expect(s.protection?.sheet == true)
    let pm = try #require(s.rows(where: "A", is: "target:pm25").first)
    #expect(s.cells["C\(pm)"]?.locked == true)
    let validations = try #require(s.validations)
    #expect(validations.contains { $0.type == "list" && $0.formula1?.contains("选项") == true })
    #expect(validations.contains { $0.type == "decimal" && $0.sqref == "F\(pm)" })
    #expect(s.hiddenColumns?.contains("A") == true)
    // Every task 大气处 leads has a row; no task of another unit does.
    let keys = s.column("A").sorted { $0.key < $1.key }.compactMap(\.value.text).filter {
      $0.hasPrefix("task:")
    }
    #expect(keys == ["task:coal", "task:dust", "task:mobile-sources", "task:vocs"])
  }

  @Test func fillCollectAndEvaluate() throws {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    let pm = try row(path, "target:pm25")
    let boilers = try row(path, "target:biomass-boilers")
    let station = try row(path, "target:fuel-station-monitoring")
    let coal = try row(path, "task:coal")
    let dust = try row(path, "task:dust")
    let date = try row(path, "date")
    try Openpyxl.fill(
      path,
      entries: [
        sheet: [
          "F\(date)": .text("2020年9月28日"),
          "F\(pm)": .text(" ２８．４ "), "G\(pm)": .text("累计"), "H\(pm)": .text("1—9月均值"),
          "F\(boilers)": .number(120), "G\(boilers)": .text("累计"),
          "F\(station)": .text("已完成"),
          "F\(coal)": .text("推进中"), "G\(coal)": .text("80%"), "H\(coal)": .text("完成燃煤锅炉排查"),
          "I\(coal)": .text("穗环〔2020〕12号"),
          "G\(dust)": .number(100),
        ]
      ])
    let outcome = try collection.collect([path], replace: false)
    #expect(outcome.summary == ["2020-09.csv: 5 rows from 大气处 (2020年9月-08-大气处.xlsx)"])
    let report = try ProgressFile.read(
      URL(fileURLWithPath: collection.folder).appendingPathComponent("2020-09.csv").path,
      plan: resolved)
    let byID = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.id, $0) })
    #expect(byID["pm25"]?.value == 28.4)
    #expect(byID["pm25"]?.basis == .ytd)
    #expect(byID["pm25"]?.unit == "微克/立方米")
    #expect(byID["pm25"]?.date == Day(2020, 9, 28))
    #expect(byID["pm25"]?.note == "1—9月均值")
    #expect(byID["fuel-station-monitoring"]?.state == .done)
    #expect(byID["coal"]?.percent == 80)
    #expect(byID["coal"]?.state == .inProgress)
    #expect(byID["coal"]?.note == "完成燃煤锅炉排查（佐证材料：穗环〔2020〕12号）")
    #expect(byID["dust"]?.state == .done)  // 100 % with no state: clearly done
    #expect(report.entries.allSatisfy { $0.reporter == "gz-eeb-air" })
    // The status reads the collected report.
    let status = Evaluator.evaluate(resolved, reports: [report], asOf: Day(2020, 9, 30))
    #expect(status.target("pm25")?.status == .met)
    #expect(status.task("dust")?.status == .done)
  }

  /// Fills `cells` (by key → column → value) and collects; returns the problems.
  func problems(
    _ fill: [String: [String: Openpyxl.Entry]], file: String? = nil
  ) throws -> [String] {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    var entries: [String: Openpyxl.Entry] = [:]
    for (key, cols) in fill {
      let r = try row(path, key)
      for (col, v) in cols { entries["\(col)\(r)"] = v }
    }
    try Openpyxl.fill(path, entries: [sheet: entries])
    do {
      _ = try collection.collect([path], replace: false)
      return []
    } catch {
      #expect(!FileManager.default.fileExists(atPath: collection.folder), "nothing written")
      return error.issues.map(\.description)
    }
  }

  /// A date typed with a time of day (Excel stores 2020-09-28 12:00 as 44102.5) is read as
  /// its date.
  @Test func aDateWithATimeOfDayIsItsDate() throws {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    let pm = try row(path, "target:pm25")
    let date = try row(path, "date")
    try Openpyxl.fill(
      path,
      entries: [
        sheet: [
          "F\(date)": .number(44102.5), "F\(pm)": .number(28.4), "G\(pm)": .text("累计"),
        ]
      ])
    _ = try collection.collect([path], replace: false)
    let report = try ProgressFile.read(
      URL(fileURLWithPath: collection.folder).appendingPathComponent("2020-09.csv").path,
      plan: resolved)
    #expect(report.entries.first { $0.id == "pm25" }?.date == Day(2020, 9, 28))
  }

  @Test func aNumberThatIsNotANumber() throws {
    let found = try problems(["target:pm25": ["F": .text("三十"), "G": .text("累计")]])
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("2020年9月-08-大气处.xlsx: 填报!F") == true)
    #expect(found.first?.hasSuffix("“三十”不是数字（请只填写数字，如35.5）") == true)
  }

  @Test func valuesOutOfRange() throws {
    let found = try problems([
      "task:coal": ["F": .text("推进中"), "G": .number(120)],
      "target:taxi-electric": ["F": .number(130), "G": .text("累计")],
    ])
    #expect(found.count == 2)
    #expect(found.contains { $0.hasSuffix("完成%120超出范围（应在0至100之间）") })
    #expect(found.contains { $0.hasSuffix("130超出范围（百分比应在0至100之间）") })
  }

  @Test func choicesNotInTheList() throws {
    let found = try problems([
      "task:coal": ["F": .text("完成"), "G": .number(100)],
      "target:pm25": ["F": .number(30), "G": .text("全年")],
      "task:dust": ["F": .text("已完成"), "G": .number(90)],
    ])
    #expect(
      found.contains {
        $0.hasSuffix("状态“完成”不是未开始、推进中、已完成之一（请从下拉列表选择）")
      })
    #expect(found.contains { $0.hasSuffix("口径“全年”不是“当月”或“累计”") })
    #expect(found.contains { $0.hasSuffix("完成%90与“已完成”不符（应为100）") })
  }

  @Test func aDateOutsideThePeriod() throws {
    let found = try problems([
      "date": ["F": .text("2020-10-05")], "task:coal": ["F": .text("已完成")],
    ])
    #expect(found.count == 1)
    #expect(
      found.first?.hasSuffix(
        "填报日期2020-10-05不在报告期2020年9月（2020-09-01至2020-09-30）内")
        == true)
  }

  @Test func aTemplateOfAnotherPlanOrVersion() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // The revised plan's template, collected into the original plan.
    let revised = Resolver.resolve(try #require(Catalogue.plan("guangzhou-2020-r1")).model)
    let other = try TemplateWriter.writeAll(
      revised, period: september, units: ["gz-eeb-air"], to: folder.path)
    let c = ReportCollection(
      resolved: resolved, folder: folder.url.appendingPathComponent("p").path)
    #expect {
      try c.collect(other, replace: false)
    } throws: { error in
      (error as? CollectFailure)?.issues.first?.message
        == "是计划“guangzhou-2020-r1”的填报表，不是guangzhou-2020的"
    }
    // A template of an older version of this plan (its PM2.5 limit since changed).
    var older = resolved.plan
    older.targets[0].requirement = .atMost(37, "微克/立方米")
    let stale = try TemplateWriter.writeAll(
      Resolver.resolve(older), period: september, units: ["gz-eeb-air"],
      to: folder.url.appendingPathComponent("old").path)
    #expect {
      try c.collect(stale, replace: false)
    } throws: { error in
      (error as? CollectFailure)?.issues.first?.message.hasPrefix(
        "由guangzhou-2020的旧版本生成") == true
    }
  }

  @Test func duplicatesAndResubmissions() throws {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    let coal = try row(path, "task:coal")
    try Openpyxl.fill(path, entries: [sheet: ["F\(coal)": .text("推进中"), "G\(coal)": .number(70)]])
    let copy = folder.url.appendingPathComponent("copy.xlsx").path
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    // The same unit and month twice in one collection.
    #expect {
      try collection.collect([path, copy], replace: false)
    } throws: { error in
      (error as? CollectFailure)?.issues.first?.message.hasPrefix(
        "大气处2020年9月的报表重复报送") == true
    }
    _ = try collection.collect([path], replace: false)
    // A resubmission needs --replace…
    try Openpyxl.fill(copy, entries: [sheet: ["G\(coal)": .number(75)]])
    #expect {
      try collection.collect([copy], replace: false)
    } throws: { error in
      (error as? CollectFailure)?.issues.first?.message.contains(
        "2020-09.csv中已有大气处的1行") == true
    }
    // …and the replaced rows stay in the history.
    _ = try collection.collect([copy], replace: true)
    let current = try String(
      contentsOfFile: URL(fileURLWithPath: collection.folder).appendingPathComponent("2020-09.csv")
        .path,
      encoding: .utf8)
    #expect(current.contains("task,coal,,,,推进中,75,gz-eeb-air"))
    #expect(!current.contains(",70,"))
    let history = try String(
      contentsOfFile: URL(fileURLWithPath: collection.folder).appendingPathComponent(
        "history/2020-09.csv"
      ).path,
      encoding: .utf8)
    #expect(history.contains("# replaced by copy.xlsx"))
    #expect(history.contains("task,coal,,,,推进中,70,gz-eeb-air"))
  }

  @Test func brokenFilesAreClearErrors() throws {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let cut = folder.url.appendingPathComponent("cut.xlsx").path
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
    let text = folder.url.appendingPathComponent("notes.xlsx").path
    try Data("进展说明".utf8).write(to: URL(fileURLWithPath: text))
    #expect {
      try collection.collect([cut, text], replace: false)
    } throws: { error in
      let issues = (error as? CollectFailure)?.issues.map(\.description) ?? []
      return issues.count == 2 && issues[0].hasPrefix("cut.xlsx: ")
        && issues[0].contains("truncated") && issues[1].hasPrefix("notes.xlsx: ")
    }
  }

  @Test func aWorkbookForAnotherMonth() throws {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    #expect {
      try collection.collect([path], replace: false, period: .month(year: 2020, month: 10))
    } throws: { error in
      (error as? CollectFailure)?.issues.map(\.description) == [
        "2020年9月-08-大气处.xlsx: 是2020年9月的报表，不是本次收集的2020年10月报表"
      ]
    }
  }

  @Test func aValueTooLargeToRecordIsReportedAtItsCell() throws {
    let (folder, path, _) = try setUp()
    let pm = try row(path, "target:pm25")
    folder.remove()
    let found = try problems(["target:pm25": ["F": .number(1e308), "G": .text("累计")]])
    #expect(
      found == [
        "2020年9月-08-大气处.xlsx: 填报!F\(pm): 1e+308过大，无法记录（数值须小于10^15；单位是否填错？）"
      ])
  }

  @Test func aNoteThatLooksLikeAFormulaIsWrittenAsTextAndReadsBackExactly() throws {
    let (folder, path, collection) = try setUp()
    defer { folder.remove() }
    let coal = try row(path, "task:coal")
    let dust = try row(path, "task:dust")
    try Openpyxl.fill(
      path,
      entries: [
        sheet: [
          "F\(coal)": .text("推进中"), "G\(coal)": .number(80), "H\(coal)": .text("=SUM(A1)"),
          "F\(dust)": .text("已完成"), "H\(dust)": .text("'引号开头 + 两行\n第二行"),
          "I\(dust)": .text("@附件"),
        ]
      ])
    _ = try collection.collect([path], replace: false)
    let file = URL(fileURLWithPath: collection.folder).appendingPathComponent("2020-09.csv")
    let csv = try String(contentsOf: file, encoding: .utf8)
    // No field of the file begins with a formula character: a spreadsheet shows it as text.
    #expect(csv.contains(",'=SUM(A1),,\n"))
    #expect(!csv.contains(",=SUM"))
    #expect(csv.contains(",\"''引号开头 + 两行\n第二行（佐证材料：@附件）\",,\n"))
    // The reader status uses gets the notes back exactly.
    let reports = try ProgressFolder.load(collection.folder, plan: resolved)
    let notes = Dictionary(
      uniqueKeysWithValues: reports.flatMap(\.entries).map { ($0.id, $0.note) })
    #expect(notes["coal"] == "=SUM(A1)")
    #expect(notes["dust"] == "'引号开头 + 两行\n第二行（佐证材料：@附件）")
  }
}
