import Foundation
import PlanEngine
import PlanModel
import Plans
import TestSupport
import Testing

@testable import Tracking

/// The real plans, resolved, for the progress file tests.
enum ProgressFixtures {
  static let guangzhou = resolve("guangzhou-2020")
  static let panyu = resolve("panyu-2018")

  static func resolve(_ id: String) -> ResolvedPlan {
    guard let plan = Catalogue.plan(id) else {
      return Resolver.resolve(
        WorkPlan(id: "missing", title: "", issuer: "", period: .year(2020)))
    }
    return Resolver.resolve(plan.model)
  }

  static let header = "kind,id,value,unit,basis,state,percent,reporter,date,note\n"
  static let path = "plans/progress/guangzhou-2020/2020-09.csv"
}

@Suite struct ProgressFileTests {
  typealias F = ProgressFixtures

  /// The issues of a Guangzhou file made of the header and `rows` (the first row is line 2).
  func issues(
    _ rows: String, path: String = F.path, plan: ResolvedPlan = F.guangzhou,
    header: String = F.header
  ) -> [String] {
    do {
      _ = try ProgressFile.parse(header + rows, path: path, plan: plan)
      return []
    } catch {
      return error.issues.map(\.description)
    }
  }

  /// The only issue of a file, or a note saying there was not exactly one.
  func issue(_ rows: String, path: String = F.path, header: String = F.header) -> String {
    let all = issues(rows, path: path, header: header)
    return all.count == 1 ? all[0] : "\(all.count) issues: \(all)"
  }

  let p = F.path

  // MARK: Valid files

  @Test func everyKindOfRowBecomesItsEntry() throws {
    let text = """
      # SAMPLE DATA — invented for the tests
      # 2020-09 月报

      kind,id,value,unit,basis,state,percent,reporter,date,note
      target,pm25,28.4,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,年均浓度
      target,water-sections,12,个,period,,,水处,2020-09-30,"当月达标断面数, 含""国考""断面"
      target,cod,16.9,万吨,ytd,,,gz-eeb-eia,2020-09-30,
      base,cod,20,万吨,2015,,,gz-eeb-eia,2020-06-30,统计年鉴
      target,air-quality,,,,推进中,,gz-eeb-air,2020-09-15,
      task,planning,,,,已完成,100,gz-eeb-planning,2020-09-20,"终期评估
      已完成"
      task,coal,,,,inProgress,80.5,大气处,2020-09-30,
      task,informatisation,,,,未开始,0,gz-eeb-info,2020-01-01,  项目待立项
      target,ship-fuel-checks,-0.5,艘次,period,,,gz-eeb-air,2020-09-30,

      """
    let report = try ProgressFile.parse(text, path: p, plan: F.guangzhou)
    #expect(report.period == .month(year: 2020, month: 9))
    #expect(report.path == p)
    #expect(report.sampleData, "its first line is # SAMPLE DATA")
    func at(_ line: Int) -> PlanModel.SourceLocation {
      PlanModel.SourceLocation(file: p, line: line)
    }
    let expected: [ProgressEntry] = [
      ProgressEntry(
        kind: .target, id: "pm25", value: 28.4, unit: "微克/立方米", basis: .ytd,
        reporter: "gz-eeb-air", date: Day(2020, 9, 30), note: "年均浓度", location: at(5)),
      ProgressEntry(
        kind: .target, id: "water-sections", value: 12, unit: "个", basis: .period,
        reporter: "gz-eeb-water", date: Day(2020, 9, 30), note: "当月达标断面数, 含\"国考\"断面",
        location: at(6)),
      ProgressEntry(
        kind: .target, id: "cod", value: 16.9, unit: "万吨", basis: .ytd, reporter: "gz-eeb-eia",
        date: Day(2020, 9, 30), location: at(7)),
      ProgressEntry(
        kind: .base, id: "cod", value: 20, unit: "万吨", baseYear: 2015, reporter: "gz-eeb-eia",
        date: Day(2020, 6, 30), note: "统计年鉴", location: at(8)),
      ProgressEntry(
        kind: .target, id: "air-quality", state: .inProgress, reporter: "gz-eeb-air",
        date: Day(2020, 9, 15), location: at(9)),
      ProgressEntry(
        kind: .task, id: "planning", state: .done, percent: 100, reporter: "gz-eeb-planning",
        date: Day(2020, 9, 20), note: "终期评估\n已完成", location: at(10)),
      // After a note spanning lines 10–11, the next row is line 12.
      ProgressEntry(
        kind: .task, id: "coal", state: .inProgress, percent: 80.5, reporter: "gz-eeb-air",
        date: Day(2020, 9, 30), location: at(12)),
      ProgressEntry(
        kind: .task, id: "informatisation", state: .notStarted, percent: 0,
        reporter: "gz-eeb-info", date: Day(2020, 1, 1), note: "  项目待立项", location: at(13)),
      ProgressEntry(
        kind: .target, id: "ship-fuel-checks", value: -0.5, unit: "艘次", basis: .period,
        reporter: "gz-eeb-air", date: Day(2020, 9, 30), location: at(14)),
    ]
    #expect(report.entries.count == expected.count)
    for (got, want) in zip(report.entries, expected) { #expect(got == want) }
  }

  @Test func milestoneRows() throws {
    let text =
      F.header
      + "milestone,water-auto-stations-online,,,,已完成,100,监测站,2018-07-28,已联网\n"
      + "task,water-auto-stations,,,,推进中,90,py-eeb-monitoring,2018-07-31,\n"
    let path = "plans/progress/panyu-2018/2018-07.csv"
    let report = try ProgressFile.parse(text, path: path, plan: F.panyu)
    #expect(
      report.entries == [
        ProgressEntry(
          kind: .milestone, id: "water-auto-stations-online", state: .done, percent: 100,
          reporter: "py-eeb-monitoring", date: Day(2018, 7, 28), note: "已联网",
          location: PlanModel.SourceLocation(file: path, line: 2)),
        ProgressEntry(
          kind: .task, id: "water-auto-stations", state: .inProgress, percent: 90,
          reporter: "py-eeb-monitoring", date: Day(2018, 7, 31),
          location: PlanModel.SourceLocation(file: path, line: 3)),
      ])
  }

  @Test func aHeaderAloneIsAnEmptyReport() throws {
    let report = try ProgressFile.parse(F.header, path: p, plan: F.guangzhou)
    #expect(report.entries.isEmpty)
    #expect(!report.sampleData)
  }

  @Test func byteOrderMarkAndCRLFAreAccepted() throws {
    let text =
      "\u{FEFF}# SAMPLE DATA\r\n" + F.header.replacingOccurrences(of: "\n", with: "\r\n")
      + "task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,\"a\r\nb\"\r\n"
      + "task,dust,,,,推进中,5O,gz-eeb-air,2020-09-30,\r\n"
    let bytes = [UInt8](text.utf8)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    // The mark is not counted as a column, and CRLF inside a quoted note becomes \n.
    #expect(
      issues(text, header: "") == [
        "\(p):5:18: percent '5O' is not a number (expected a plain decimal number such as 35, "
          + "0.5 or -1.5)"
      ])
    let good = text.replacingOccurrences(of: "5O", with: "50")
    let report = try ProgressFile.parse(bytes: [UInt8](good.utf8), path: p, plan: F.guangzhou)
    #expect(report.entries.map(\.note) == ["a\nb", ""])
    #expect(report.entries.map { $0.location?.line } == [3, 5])
    // The sample-data mark counts only at the file's very first byte, as ever.
    #expect(!report.sampleData)
  }

  @Test func theSampleDataLoads() throws {
    let folder = Catalogue.repositoryRoot + "/plans/progress/guangzhou-2020"
    let reports = try ProgressFolder.load(folder, plan: F.guangzhou)
    #expect(reports.map(\.period.description) == ["2020-06", "2020-07", "2020-08", "2020-09"])
    #expect(reports.allSatisfy { !$0.entries.isEmpty })
    #expect(reports.allSatisfy { $0.sampleData }, "each begins # SAMPLE DATA")
  }

  @Test func theDocumentedExampleIsValid() throws {
    let doc = try String(
      contentsOfFile: Catalogue.repositoryRoot + "/docs/progress-format.md", encoding: .utf8)
    let parts = doc.components(separatedBy: "```csv\n")
    try #require(parts.count == 2)
    let example = parts[1].components(separatedBy: "```")[0]
    let report = try ProgressFile.parse(example, path: p, plan: F.guangzhou)
    #expect(
      report.entries.map(\.kind) == [
        .target, .target, .target, .base, .target, .task, .task, .task, .finding, .finding,
      ])
    #expect(report.entries[7].reporter == "gz-eeb-info")
    // A self-assessment by the target's lead; a third-party assessor kept as written.
    #expect(report.entries[8].reporter == "gz-eeb-air")
    #expect(report.entries[8].findingSource == .selfAssessment)
    #expect(report.entries[8].finding == .met)
    #expect(report.entries[9].reporter == "省环境科学研究院")
    #expect(report.entries[9].findingSource == .thirdParty)
    #expect(report.entries[9].finding == .notMet)
  }

  // MARK: Numbers

  @Test func aBadNumberSaysWhatToWrite() {
    #expect(
      issue("target,pm25,\"3,5\",微克/立方米,ytd,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:13: value '3,5' is not a number (write 3.5)")
    #expect(
      issue("target,pm25,1e3,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:13: value '1e3' is not a number (write 1000, without an exponent)")
    #expect(
      issue("task,coal,,,,推进中,50%,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:18: percent '50%' is not a number (write 50 without '%')")
  }

  @Test func numberHints() {
    func hint(_ text: String) -> String? {
      if case .failure(let h) = NumberText.parse(text) { return h.text }
      return nil
    }
    #expect(NumberText.parse("35") == .success(35))
    #expect(NumberText.parse("-1.25") == .success(-1.25))
    #expect(NumberText.parse("007") == .success(7))
    #expect(hint("1,000") == "write 1000, without thousands separators; a decimal point is '.'")
    #expect(
      hint("1,234,567.5") == "write 1234567.5, without thousands separators; a decimal point is '.'"
    )
    #expect(hint("3,14") == "write 3.14")
    #expect(hint("2.5e-3") == "write 0.0025, without an exponent")
    #expect(hint("+5") == "write 5 without '+'")
    #expect(hint(".5") == "write 0.5")
    #expect(hint("-.5") == "write -0.5")
    #expect(hint("5.") == "write 5")
    #expect(hint("３５．５") == "write 35.5 in ASCII characters")
    #expect(hint("−3") == "write -3 in ASCII characters")
    #expect(hint("1 000") == "write 1000 without spaces")
    #expect(hint("nan") == "expected a plain decimal number such as 35, 0.5 or -1.5")
    #expect(hint("1.2.3") == "expected a plain decimal number such as 35, 0.5 or -1.5")
    #expect(hint(String(repeating: "9", count: 400)) == "the number is too large")
  }

  @Test func aMissingValueOrUnitOrBasis() {
    #expect(
      issues("target,pm25,,,,,,gz-eeb-air,2020-09-30,\n") == [
        "\(p):2:13: value is empty (expected a number)",
        "\(p):2:14: unit is empty (expected '微克/立方米')",
        "\(p):2:15: basis is empty (expected period or ytd)",
      ])
    #expect(
      issue("target,cod,16.9,,ytd,,,gz-eeb-eia,2020-09-30,\n")
        == "\(p):2:17: unit is empty (expected the unit of the measured value, e.g. 万吨)")
  }

  // MARK: Ids

  @Test func anUnknownIdIsNamed() {
    #expect(
      issue("target,pm2.5,28,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:8: unknown target 'pm2.5' (not a target or task figure of plan guangzhou-2020)")
    #expect(
      issue("target,coal,28,台,ytd,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:8: unknown target 'coal' (not a target or task figure of plan guangzhou-2020; "
        + "'coal' is a task: use kind task)")
    // With the target unknown, a state without a value is not also reported.
    #expect(
      issue("target,air-qualty,,,,推进中,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:8: unknown target 'air-qualty' (not a target or task figure of plan "
        + "guangzhou-2020)")
    #expect(
      issue("task,nope,,,,推进中,50,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:6: unknown task 'nope' (not a task of plan guangzhou-2020)")
    #expect(
      issue("task,pm25,,,,推进中,50,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:6: unknown task 'pm25' (not a task of plan guangzhou-2020; 'pm25' is a "
        + "target: use kind target)")
    #expect(
      issue("milestone,coal,,,,推进中,50,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:11: unknown milestone 'coal' (not a milestone of plan guangzhou-2020; 'coal' "
        + "is a task: use kind task)")
    #expect(
      issue("base,nope,1,吨,2015,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:6: unknown target 'nope' (not a target or task figure of plan guangzhou-2020)")
    #expect(
      issue("task,,,,,推进中,50,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:6: id is empty (expected a task id)")
  }

  @Test func anUnknownKind() {
    #expect(
      issue("Task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:1: kind 'Task' is not one of target, base, task, milestone, finding")
  }

  // MARK: Units

  @Test func aWrongUnit() {
    #expect(
      issue("target,pm25,28,mg/m3,ytd,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:16: unit 'mg/m3' does not match target 'pm25' (expected '微克/立方米')")
    #expect(
      issue("target,taxi-electric,86,个,ytd,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:25: unit '个' does not match target 'taxi-electric' (expected '%')")
    // A change target's measured quantity has a unit of its own.
    #expect(issues("target,cod,16.9,吨,ytd,,,gz-eeb-eia,2020-09-30,\n") == [])
  }

  // MARK: Dates

  @Test func aDateOutsideThePlanOrAfterTheReport() {
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2019-12-31,\n")
        == "\(p):2:32: date 2019-12-31 is outside the plan's period 2020-01-01…2020-12-31")
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2020-10-01,\n")
        == "\(p):2:32: date 2020-10-01 is after the report's period 2020-09 (a report cannot be "
        + "dated after 2020-09-30)")
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2020/09/30,\n")
        == "\(p):2:32: date '2020/09/30' is not a date (expected YYYY-MM-DD, e.g. 2020-09-30)")
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2020-02-30,\n")
        == "\(p):2:32: date 2020-02-30 does not exist")
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,,\n")
        == "\(p):2:32: date is empty (expected YYYY-MM-DD, e.g. 2020-09-30)")
  }

  // MARK: Duplicates

  @Test func aDuplicateRowNamesBothLines() {
    let rows = """
      target,pm25,28,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,
      target,pm25,28,微克/立方米,period,,,gz-eeb-air,2020-09-30,
      task,coal,,,,推进中,50,gz-eeb-air,2020-09-15,
      target,pm25,27,微克/立方米,ytd,,,大气处,2020-09-15,
      task,coal,,,,推进中,60,gz-eeb-air,2020-09-30,
      task,coal,,,,推进中,60,gz-eeb-water,2020-09-30,
      base,cod,20,万吨,2015,,,gz-eeb-eia,2020-06-30,
      base,cod,20,万吨,2015,,,gz-eeb-eia,2020-07-30,

      """
    #expect(
      issues(rows) == [
        "\(p):5:1: duplicate row: the same kind, id, reporter and basis as line 2 "
          + "(target 'pm25', gz-eeb-air, ytd)",
        "\(p):6:1: duplicate row: the same kind, id, reporter and basis as line 4 "
          + "(task 'coal', gz-eeb-air)",
        "\(p):9:1: duplicate row: the same kind, id, reporter and basis as line 8 "
          + "(base 'cod', gz-eeb-eia, 2015)",
      ])
  }

  // MARK: Other fields

  @Test func basisAndBaseYear() {
    #expect(
      issue("target,pm25,28,微克/立方米,累计,,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:23: basis '累计' is not period or ytd (period: the month alone; ytd: year to "
        + "date; write ytd)")
    #expect(
      issue("base,cod,20,万吨,2016,,,gz-eeb-eia,2020-06-30,\n")
        == "\(p):2:16: basis 2016 is not the base year of target 'cod' (expected 2015)")
    #expect(
      issue("base,cod,20,万吨,15,,,gz-eeb-eia,2020-06-30,\n")
        == "\(p):2:16: basis '15' is not a year (expected the base year 2015)")
    #expect(
      issue("base,pm25,40,微克/立方米,2015,,,gz-eeb-air,2020-06-30,\n")
        == "\(p):2:6: target 'pm25' has no base year (base rows are only for targets measured "
        + "against a base year)")
    #expect(
      issue("base,cod,20,,2015,,,gz-eeb-eia,2020-06-30,\n")
        == "\(p):2:13: unit is empty (expected the unit of the base-year value, the same as the "
        + "target rows')")
  }

  @Test func stateAndPercent() {
    #expect(
      issue("task,coal,,,,完成,100,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:14: state '完成' is not one of 未开始, 推进中, 已完成 (or notStarted, "
        + "inProgress, done)")
    #expect(
      issue("task,coal,,,,推进中,120,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:18: percent 120 is out of range (expected 0 to 100)")
    #expect(
      issue("task,coal,,,,已完成,90,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:18: percent 90 does not fit state 已完成 (expected 100)")
    #expect(
      issue("task,coal,,,,推进中,100,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:18: percent 100 needs state 已完成 (found 推进中; write 已完成, or a percent "
        + "below 100)")
    #expect(
      issue("task,coal,,,,未开始,10,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:18: percent 10 does not fit state 未开始 (expected 0)")
    #expect(
      issues("task,coal,,,,,,gz-eeb-air,2020-09-30,\n") == [
        "\(p):2:14: state is empty (expected 未开始, 推进中 or 已完成)",
        "\(p):2:15: percent is empty (expected a number from 0 to 100)",
      ])
  }

  @Test func fieldsThatMustBeEmpty() {
    #expect(
      issues("task,coal,5,台,ytd,推进中,50,gz-eeb-air,2020-09-30,\n") == [
        "\(p):2:11: value '5' must be empty in a task row",
        "\(p):2:13: unit '台' must be empty in a task row",
        "\(p):2:15: basis 'ytd' must be empty in a task row",
      ])
    #expect(
      issues("target,air-quality,1,%,ytd,推进中,50,gz-eeb-air,2020-09-30,\n") == [
        "\(p):2:20: value '1' must be empty for qualitative target 'air-quality' (it takes a "
          + "state and a percent only)",
        "\(p):2:22: unit '%' must be empty for qualitative target 'air-quality' (it takes a "
          + "state and a percent only)",
        "\(p):2:24: basis 'ytd' must be empty for qualitative target 'air-quality' (it takes a "
          + "state and a percent only)",
      ])
    #expect(
      issue("target,pm25,28,微克/立方米,ytd,推进中,,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:27: state '推进中' must be empty in a target row")
  }

  @Test func reporter() {
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-airr,2020-09-30,\n")
        == "\(p):2:21: reporter 'gz-eeb-airr' is not a unit of the plan (expected a unit id of "
        + "plan guangzhou-2020, e.g. gz-eeb-office, or its short name)")
    #expect(
      issue("task,coal,,,,推进中,50,,2020-09-30,\n")
        == "\(p):2:21: reporter is empty (expected a unit id of plan guangzhou-2020, e.g. "
        + "gz-eeb-office, or its short name)")
  }

  @Test func spacesAroundAFieldAreReported() {
    #expect(
      issues("task, coal,,,,推进中,50 ,gz-eeb-air,2020-09-30, a note \n") == [
        "\(p):2:6: id ' coal' has spaces around it (write 'coal')",
        "\(p):2:19: percent '50 ' has spaces around it (write '50')",
      ])
  }

  @Test func theWrongNumberOfFields() {
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2020-09-30\n")
        == "\(p):2:42: the row has 9 fields, expected 10 (missing: note)")
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,note, with a comma\n")
        == "\(p):2:48: the row has 11 fields, expected 10 (a note containing commas must be in "
        + "double quotes)")
  }

  @Test func controlCharactersAreRefusedAndShownEscaped() {
    let found = issues(
      """
      task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,"a\u{1B}[2Jb"
      task,dust\u{7F},,,,推进中,50,gz-eeb-air,2020-09-30,
      task,vocs,,,,推进中,50,gz-eeb-air,2020-09-30,"tab\tand
      line break"

      """)
    #expect(
      found == [
        "\(F.path):2:43: note holds the control character U+001B (character 2 of the field; "
          + "only tabs and line breaks are allowed: remove it)",
        "\(F.path):3:6: id holds the control character U+007F (character 5 of the field; only "
          + "tabs and line breaks are allowed: remove it)",
      ])
    // Messages never carry a control character raw.
    #expect(ProgressFile.shown("a\u{1B}[2J\u{202E}b\u{0}") == "a\\u{1B}[2J\\u{202E}b\\u{0}")
  }

  @Test func aLeadingApostropheOfANoteIsTheWritersAndIsRemoved() throws {
    let report = try ProgressFile.parse(
      F.header
        + """
        task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,'=SUM(A1)
        task,dust,,,,推进中,50,gz-eeb-air,2020-09-30,''引号
        task,vocs,,,,推进中,50,gz-eeb-air,2020-09-30,-5% 较上月

        """, path: F.path, plan: F.guangzhou)
    #expect(report.entries.map(\.note) == ["=SUM(A1)", "'引号", "-5% 较上月"])
    for note in ["=SUM(A1)", "'引号", "-5%", "+1", "@x", "普通"] {
      let field = ProgressFile.noteField(note)
      #expect(ProgressFile.note(fromField: field) == note)
      #expect(!"=+-@".contains(field.first ?? " "))
    }
  }

  @Test func commentsOnlyAboveTheHeader() {
    #expect(
      issue("# a comment\ntask,coal,,,,推进中,50,gz-eeb-air,2020-09-30,\n")
        == "\(p):2:1: a comment line after the header (comments go above the header row)")
  }

  @Test func quotingErrorsCarryTheFile() {
    #expect(
      issue("task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,a \"quoted\" word\n")
        == "\(p):2:45: a '\"' inside a field that does not start with a quote (enclose the whole "
        + "field in double quotes and write the quote as \"\")")
  }

  // MARK: Header

  @Test func headerErrorsNameTheColumn() {
    func header(_ h: String) -> [String] { issues("", header: h + "\n") }
    let all = "the header is kind,id,value,unit,basis,state,percent,reporter,date,note"
    #expect(
      header("kind,id,value,unit,basis,state,pct,reporter,date,note")
        == [
          "\(p):1:32: unknown column 'pct' (\(all))",
          "\(p):1:54: missing column 'percent' (\(all))",
        ])
    #expect(
      header("kind,id,value,unit,basis,state,percent,reporter,date")
        == ["\(p):1:53: missing column 'note' (\(all))"])
    #expect(
      header("kind,id,unit,value,basis,state,percent,reporter,date,note") == [
        "\(p):1:9: column 'unit' is out of order (expected 'value' here; \(all))",
        "\(p):1:14: column 'value' is out of order (expected 'unit' here; \(all))",
      ])
    #expect(
      header("Kind,id,value,unit,basis,state,percent,reporter,date,note")
        == ["\(p):1:1: unknown column 'Kind' (column names are lower case: 'kind')"])
    #expect(
      header("kind, id,value,unit,basis,state,percent,reporter,date,note")
        == ["\(p):1:6: column ' id' has spaces around it (write 'id')"])
    #expect(
      header("kind,id,value,unit,basis,state,percent,reporter,date,note,note")
        == ["\(p):1:59: column 'note' appears twice (\(all))"])
    #expect(
      issues("", header: "")
        == [
          "\(p):1:1: no header row (expected kind,id,value,unit,basis,state,percent,reporter,"
            + "date,note,preparer,reviewer)"
        ])
  }

  @Test func rowsAreNotReadAgainstAWrongHeader() {
    #expect(
      issues("task,coal,x,,,,,,,\n", header: "kind,id\n") == [
        "\(p):1:8: missing column 'value' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
        "\(p):1:8: missing column 'unit' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
        "\(p):1:8: missing column 'basis' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
        "\(p):1:8: missing column 'state' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
        "\(p):1:8: missing column 'percent' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
        "\(p):1:8: missing column 'reporter' (the header is kind,id,value,unit,basis,state,"
          + "percent,reporter,date,note)",
        "\(p):1:8: missing column 'date' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
        "\(p):1:8: missing column 'note' (the header is kind,id,value,unit,basis,state,percent,"
          + "reporter,date,note)",
      ])
  }

  // MARK: Whole files

  @Test func everyErrorOfAFileIsReported() {
    let rows = """
      target,pm25,"3,5",mg/m3,ytd,,,gz-eeb-air,2020-09-30,
      target,pm25,28,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,"a note
      over two lines"
      task,nope,,,,推进中,50,gz-eeb-air,2020-10-01,
      task,coal,,,,已完成,90,gz-eeb-air,2020-09-30,
      target,pm25,28,微克/立方米,ytd,,,大气处,2020-09-30,

      """
    #expect(
      issues(rows) == [
        "\(p):2:13: value '3,5' is not a number (write 3.5)",
        "\(p):2:19: unit 'mg/m3' does not match target 'pm25' (expected '微克/立方米')",
        "\(p):3:1: duplicate row: the same kind, id, reporter and basis as line 2 "
          + "(target 'pm25', gz-eeb-air, ytd)",
        "\(p):5:6: unknown task 'nope' (not a task of plan guangzhou-2020)",
        "\(p):5:32: date 2020-10-01 is after the report's period 2020-09 (a report cannot be "
          + "dated after 2020-09-30)",
        "\(p):6:18: percent 90 does not fit state 已完成 (expected 100)",
        "\(p):7:1: duplicate row: the same kind, id, reporter and basis as line 2 "
          + "(target 'pm25', gz-eeb-air, ytd)",
      ])
  }

  @Test func theFileNameMustBeAMonthOfThePlan() {
    let row = "task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,\n"
    #expect(
      issue(row, path: "plans/progress/guangzhou-2020/2020-9.csv")
        == "plans/progress/guangzhou-2020/2020-9.csv: file name '2020-9.csv' is not a month "
        + "(expected YYYY-MM.csv, e.g. 2020-09.csv)")
    #expect(
      issue(row, path: "plans/progress/guangzhou-2020/2020Q3.csv")
        == "plans/progress/guangzhou-2020/2020Q3.csv: file name '2020Q3.csv' is not a month "
        + "(expected YYYY-MM.csv, e.g. 2020-09.csv)")
    #expect(
      issue(row, path: "2020-13.csv")
        == "2020-13.csv: file name '2020-13.csv' is not a month (expected YYYY-MM.csv, e.g. "
        + "2020-09.csv)")
    #expect(
      issues("task,coal,,,,推进中,50,gz-eeb-air,2021-01-05,\n", path: "progress/2021-01.csv") == [
        "progress/2021-01.csv: the file's period 2021-01 (from its name) is outside the plan's "
          + "period 2020-01-01…2020-12-31",
        "progress/2021-01.csv:2:32: date 2021-01-05 is outside the plan's period "
          + "2020-01-01…2020-12-31",
      ])
    #expect(ProgressFile.period(ofFile: "a/b/2020-09.csv") == .month(year: 2020, month: 9))
    #expect(ProgressFile.period(ofFile: "2020-+9.csv") == nil)
    #expect(ProgressFile.period(ofFile: "2020-09.CSV") == nil)
  }

  @Test func invalidUTF8IsAClearError() {
    // 数据 in GBK, as Excel saves a "CSV" on a Chinese system.
    var bytes = [UInt8]((F.header + "task,coal,,,,推进中,50,gz-eeb-air,2020-09-30,").utf8)
    bytes += [0xCA, 0xFD, 0xBE, 0xDD, 0x0A]
    do {
      _ = try ProgressFile.parse(bytes: bytes, path: p, plan: F.guangzhou)
      Issue.record("a GBK file was read")
    } catch {
      #expect(
        error.description
          == "\(p):2:43: the file is not valid UTF-8: byte 0xCA here (save it as UTF-8, e.g. "
          + "Excel's 'CSV UTF-8'; GBK/GB18030 files are not read)")
    }
  }

  @Test func aFileLargerThanTheCapIsRejected() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.path + "/2020-09.csv"
    let big = F.header + "#" + String(repeating: "x", count: ProgressFile.maximumSize)
    try Data(big.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ProgressError.self) { try ProgressFile.read(path, plan: F.guangzhou) }
    do {
      _ = try ProgressFolder.load(folder.path, plan: F.guangzhou)
      Issue.record("a 5 MB file was read")
    } catch {
      #expect(
        error.description
          == "\(path): the file is larger than 5 MB (5242880 bytes); a report is expected to be "
          + "far smaller")
    }
  }
}

@Suite struct ProgressFolderTests {
  typealias F = ProgressFixtures

  func write(_ text: String, _ name: String, in folder: TemporaryFolder) throws {
    try Data(text.utf8).write(to: folder.url.appendingPathComponent(name))
  }

  @Test func reportsAreLoadedSortedByPeriodAndOtherFilesIgnored() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try write(F.header + "task,coal,,,,推进中,60,gz-eeb-air,2020-09-30,\n", "2020-09.csv", in: folder)
    try write(F.header + "task,coal,,,,推进中,50,gz-eeb-air,2020-08-31,\n", "2020-08.csv", in: folder)
    try write("not a report", "README.md", in: folder)
    try write("kind\n", ".~lock.2020-09.csv#", in: folder)
    try write("kind\n", ".2020-10.csv", in: folder)
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("old.csv"), withIntermediateDirectories: true)
    let reports = try ProgressFolder.load(folder.path + "/", plan: F.guangzhou)
    #expect(reports.map(\.period.description) == ["2020-08", "2020-09"])
    #expect(reports.map(\.path) == [folder.path + "/2020-08.csv", folder.path + "/2020-09.csv"])
    #expect(reports.map { $0.entries.first?.percent } == [50, 60])
  }

  @Test func aFolderWithOneBadFileLoadsNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try write(F.header + "task,coal,,,,推进中,50,gz-eeb-air,2020-08-31,\n", "2020-08.csv", in: folder)
    try write(F.header + "task,coal,,,,推进中,5O,gz-eeb-air,2020-09-30,\n", "2020-09.csv", in: folder)
    try write(F.header + "task,coal,,,,推进中,70,gz-eeb-air,2020-10-31,\n", "2020-10.CSV", in: folder)
    try write(F.header + "task,cool,,,,推进中,70,gz-eeb-air,2020-11-30,\n", "2020-11.csv", in: folder)
    do {
      let reports = try ProgressFolder.load(folder.path, plan: F.guangzhou)
      Issue.record("loaded \(reports.count) reports")
    } catch {
      let f = folder.path
      #expect(
        error.issues.map(\.description) == [
          "\(f)/2020-09.csv:2:18: percent '5O' is not a number (expected a plain decimal number "
            + "such as 35, 0.5 or -1.5)",
          "\(f)/2020-10.CSV: file name '2020-10.CSV' is not a month (expected YYYY-MM.csv, e.g. "
            + "2020-09.csv)",
          "\(f)/2020-11.csv:2:6: unknown task 'cool' (not a task of plan guangzhou-2020)",
        ])
    }
  }

  @Test func aMissingOrEmptyFolderHasNoReports() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(try ProgressFolder.load(folder.path, plan: F.guangzhou).isEmpty)
    #expect(try ProgressFolder.load(folder.path + "/missing", plan: F.guangzhou).isEmpty)
  }

  @Test func aFileInsteadOfAFolderIsAnError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try write("x", "guangzhou-2020", in: folder)
    let path = folder.path + "/guangzhou-2020"
    #expect(
      throws: ProgressError(issues: [
        ProgressIssue(
          file: path, line: 0, column: 0,
          message: "not a folder (expected the folder of the plan's progress reports)")
      ])
    ) { try ProgressFolder.load(path, plan: F.guangzhou) }
  }
}

/// Errors quote what the file holds; a control character there is shown escaped, never
/// printed raw (it could erase the line or forge a new one).
@Suite struct ProgressIssueEscapingTests {
  @Test func anIssueIsOneSafeLine() {
    let issue = ProgressIssue(
      file: "plans/progress/x/\u{1B}[2K.csv", line: 3, column: 7,
      message: "value '\u{1B}[2K\r当前' is not a number")
    #expect(
      issue.description
        == "plans/progress/x/\\u{1B}[2K.csv:3:7: value '\\u{1B}[2K\\u{D}当前' is not a number")
  }
}

/// Issue 14, item 1: a target's rows count only from its units, or its declared data source.
@Suite struct ResponsibleReporterTests {
  static let sourced = TrackingFixtures.plan(
    targets: [
      PlanTarget(
        id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"),
        responsibility: Responsibility(lead: ["air"], cooperating: ["water"]), source: "soil")
    ])

  func issues(_ rows: String, plan: ResolvedPlan) -> [String] {
    do {
      _ = try ProgressFile.parse(
        ProgressFixtures.header + rows, path: "2020-09.csv", plan: plan)
      return []
    } catch {
      return error.issues.map(\.description)
    }
  }

  @Test func onlyTheLeadOrACooperatingUnit() {
    let plan = TrackingFixtures.plan()
    #expect(issues("target,pm25,30,微克/立方米,ytd,,,air,2020-09-30,\n", plan: plan) == [])
    #expect(issues("target,pm25,30,微克/立方米,period,,,water,2020-09-30,\n", plan: plan) == [])
    #expect(
      issues("target,pm25,20,微克/立方米,ytd,,,soil,2020-09-30,\n", plan: plan) == [
        "2020-09.csv:2:29: reporter 土壤处 (soil) is not responsible for target 'pm25' (neither "
          + "its lead nor a cooperating unit; the plan's units for it: 大气处 (air), 水处 (water))"
      ])
    #expect(
      issues("base,cod,20,万吨,2015,,,soil,2020-09-30,\n", plan: plan).first?.contains(
        "reporter 土壤处 (soil) is not responsible for target 'cod'") == true)
  }

  @Test func onlyTheDataSourceWhenOneIsDeclared() {
    #expect(issues("target,pm25,30,微克/立方米,ytd,,,soil,2020-09-30,\n", plan: Self.sourced) == [])
    #expect(
      issues("target,pm25,30,微克/立方米,ytd,,,air,2020-09-30,\n", plan: Self.sourced) == [
        "2020-09.csv:2:29: reporter 大气处 (air) is not the data source of target 'pm25' (the "
          + "plan takes its values from 土壤处 (soil) only)"
      ])
  }

  @Test func conflictingValuesInOneFileNameBothLines() {
    let rows = """
      target,pm25,30,微克/立方米,ytd,,,air,2020-09-30,
      target,pm25,30,微克/立方米,period,,,water,2020-09-30,
      target,pm25,20,微克/立方米,ytd,,,water,2020-09-30,

      """
    #expect(
      issues(rows, plan: TrackingFixtures.plan()) == [
        "2020-09.csv:4:1: conflicting values for target 'pm25' on 2020-09-30 (ytd): 20 from "
          + "water here, 30 from air at 2020-09.csv:2 (keep one)"
      ])
  }

  @Test func conflictingValuesInTwoFilesRejectTheFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let plan = TrackingFixtures.plan()
    try (ProgressFixtures.header + "target,pm25,30,微克/立方米,ytd,,,air,2020-08-31,\n").write(
      to: folder.url.appendingPathComponent("2020-08.csv"), atomically: true, encoding: .utf8)
    try (ProgressFixtures.header + "target,pm25,31,微克/立方米,ytd,,,water,2020-08-31,\n").write(
      to: folder.url.appendingPathComponent("2020-09.csv"), atomically: true, encoding: .utf8)
    #expect(throws: ProgressError.self) { try ProgressFolder.load(folder.path, plan: plan) }
    do {
      _ = try ProgressFolder.load(folder.path, plan: plan)
    } catch {
      #expect(error.issues.count == 1)
      #expect(error.issues.first?.description.hasSuffix("2020-08.csv:2 (keep one)") == true)
      #expect(error.issues.first?.file.hasSuffix("2020-09.csv") == true)
    }
  }
}

/// Issue 14, item 10: 填报人 and 审核人 columns; files of the ten-column format still read.
@Suite struct PreparerColumnsTests {
  typealias F = ProgressFixtures
  static let header =
    "kind,id,value,unit,basis,state,percent,reporter,date,note,preparer,reviewer\n"

  func parse(_ text: String) throws -> ProgressReport {
    try ProgressFile.parse(text, path: F.path, plan: F.guangzhou)
  }

  @Test func theNamesAreRead() throws {
    let report = try parse(
      Self.header
        + "task,coal,,,,推进中,80,gz-eeb-air,2020-09-30,\"进展，顺利\",张三 020-12345678,李四\n"
        + "task,dust,,,,已完成,100,gz-eeb-air,2020-09-30,,,\n")
    #expect(report.entries.map(\.preparer) == ["张三 020-12345678", ""])
    #expect(report.entries.map(\.reviewer) == ["李四", ""])
    #expect(report.entries.first?.note == "进展，顺利")
  }

  @Test func aTenColumnFileStillReads() throws {
    let report = try parse(F.header + "task,coal,,,,推进中,80,gz-eeb-air,2020-09-30,进展\n")
    #expect(report.entries.count == 1)
    #expect(report.entries.first?.preparer == "")
  }

  @Test func rowsMustFitTheirHeader() {
    func issues(_ text: String) -> [String] {
      do {
        _ = try ProgressFile.parse(text, path: F.path, plan: F.guangzhou)
        return []
      } catch {
        return error.issues.map(\.description)
      }
    }
    #expect(
      issues(Self.header + "task,coal,,,,推进中,80,gz-eeb-air,2020-09-30,进展\n") == [
        "\(F.path):2:45: the row has 10 fields, expected 12 (missing: preparer, reviewer)"
      ])
    #expect(
      issues(F.header + "task,coal,,,,推进中,80,gz-eeb-air,2020-09-30,进展,张三,李四\n").first?
        .contains("the row has 12 fields, expected 10") == true)
    #expect(
      issues(Self.header + "task,coal,,,,推进中,80,gz-eeb-air,2020-09-30,, 张三,李四\n") == [
        "\(F.path):2:44: preparer ' 张三' has spaces around it (write '张三')"
      ])
  }
}
