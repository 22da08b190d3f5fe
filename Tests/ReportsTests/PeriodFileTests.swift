import Foundation
import PlanEngine
import PlanModel
import Plans
import Testing

@testable import Reports

@Suite struct PeriodFileTests {
  let resolved = Resolver.resolve(
    Catalogue.plan("guangzhou-2020")?.model
      ?? WorkPlan(id: "missing", title: "", issuer: "", period: .year(2020)))

  /// A row the strict reader refuses is reported at the workbook cell it came from, not at a
  /// line of a file that was never written.
  @Test func aRowTheReaderRefusesIsPlacedAtItsCell() throws {
    let unit = try #require(resolved.plan.units.first { $0.id == "gz-eeb-air" })
    let day = Day(2020, 9, 30)
    let good = ProgressEntry(
      kind: .task, id: "coal", state: .inProgress, percent: 50, reporter: unit.id, date: day,
      note: "第一行\n第二行")
    let bad = ProgressEntry(
      kind: .target, id: "pm25", value: 1e300, unit: "微克/立方米", basis: .ytd,
      reporter: unit.id, date: day)
    let submission = Submission(
      file: "r.xlsx", unit: unit, period: .month(year: 2020, month: 9), entries: [good, bad],
      cells: ["填报!F12", "填报!F7"])
    let existing = """
      # a comment
      kind,id,value,unit,basis,state,percent,reporter,date,note
      task,planning,,,,已完成,100,gz-eeb-planning,2020-09-20,"两行
      说明"

      """
    let result = PeriodFile.update(
      path: "plans/progress/guangzhou-2020/2020-09.csv", existing: existing,
      submissions: [submission], replace: false, plan: resolved)
    guard case .failure(let failure) = result else {
      Issue.record("a value of 1e300 was accepted")
      return
    }
    #expect(failure.issues.count == 1)
    #expect(failure.issues.first?.file == "r.xlsx")
    #expect(failure.issues.first?.cell == "填报!F7")
    #expect(
      failure.issues.first?.message.hasPrefix("与进度报告的规则不符：value '1e+300' is not a number") == true)
  }
}
