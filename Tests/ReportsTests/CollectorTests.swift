import Foundation
import PlanEngine
import PlanModel
import Plans
import Testing
import Tracking
import Xlsx
import XlsxReader

@testable import Reports

/// The 填报 sheet read from its cells, as a hostile or careless workbook may hold them (values
/// openpyxl refuses to write, such as control characters).
@Suite struct CollectorTests {
  let resolved = Resolver.resolve(
    Catalogue.plan("guangzhou-2020")?.model
      ?? WorkPlan(id: "missing", title: "", issuer: "", period: .year(2020)))
  let september = ReportingPeriod.month(year: 2020, month: 9)

  /// 大气处's rows: the key column of a template, with `cells` (by key → column → value) filled.
  func read(
    _ fill: [String: [Int: CellValue]]
  ) throws -> (
    entries: [ProgressEntry], cells: [String], issues: [String]
  ) {
    let unit = try #require(resolved.plan.units.first { $0.id == "gz-eeb-air" })
    var cells: [String: CellValue] = [:]
    var row = 2  // 0-based: A3
    for (key, values) in fill.sorted(by: { $0.key < $1.key }) {
      cells[CellReference.cell(row: row, col: 0)] = .text(key)
      for (col, v) in values { cells[CellReference.cell(row: row, col: col)] = v }
      row += 1
    }
    var reader = SheetReader(
      file: "r.xlsx", cells: cells, resolved: resolved, unit: unit, period: september)
    let (entries, places) = reader.read()
    return (entries, places, reader.issues.map(\.description))
  }

  typealias C = ReportTemplate.Column

  @Test func controlCharactersInANoteAreRefusedAtTheCell() throws {
    let found = try read([
      "task:coal": [C.value: .text("推进中"), C.second: .number(50), C.note: .text("a\u{1B}[2Jb")],
      "task:dust": [C.value: .text("已完成"), C.evidence: .text("x\u{0}y")],
      "task:vocs": [C.value: .text("已完成"), C.note: .text("第一行\r\n第二行\t列")],
    ])
    #expect(
      found.issues == [
        "r.xlsx: 填报!H3: “a\\u{1B}[2Jb”含有控制字符U+001B（请删除）",
        "r.xlsx: 填报!I4: “x\\u{0}y”含有控制字符U+0000（请删除）",
      ])
    // Tabs and line breaks are kept, a CRLF as LF.
    #expect(found.entries.map(\.note) == ["第一行\n第二行\t列"])
    #expect(found.cells == ["填报!F5"])
  }

  @Test func numbersTooLargeForTheReportAreRefusedAtTheCell() throws {
    let found = try read([
      "target:pm25": [C.value: .number(1e15), C.second: .text("累计")],
      "target:biomass-boilers": [C.value: .number(0.000015), C.second: .text("累计")],
    ])
    #expect(
      found.issues == [
        "r.xlsx: 填报!F4: 1000000000000000过大，无法记录（数值须小于10^15；单位是否填错？）"
      ])
    #expect(found.entries.map(\.value) == [0.000015])
    #expect(ProgressCSV.line(found.entries[0]).contains(",0.000015,"))
  }
}

/// Issue 14, item 1: a target with a declared data source is asked of that unit alone.
@Suite struct DataSourceTemplateTests {
  @Test func theTemplateOfTheSourceHoldsTheTargetAndTheLeadsDoesNot() {
    let plan = WorkPlan(
      id: "t", title: "测试", issuer: "boss", period: .year(2020),
      units: [
        OrgUnit(id: "boss", name: "局", shortName: "局", kind: .department),
        OrgUnit(id: "air", name: "大气处", shortName: "大气处", kind: .division),
        OrgUnit(id: "lab", name: "监测中心站", shortName: "监测中心站", kind: .directUnit),
      ],
      targets: [
        PlanTarget(
          id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"),
          responsibility: Responsibility(lead: ["air"]), source: "lab"),
        PlanTarget(
          id: "checks", name: "抽检", requirement: .count(atLeast: 10, "次"),
          responsibility: Responsibility(lead: ["air"])),
      ])
    let resolved = Resolver.resolve(plan)
    #expect(ReportTemplate.reportedTargets(resolved, unit: "air").map(\.target.id) == ["checks"])
    #expect(ReportTemplate.reportedTargets(resolved, unit: "lab").map(\.target.id) == ["pm25"])
  }
}
