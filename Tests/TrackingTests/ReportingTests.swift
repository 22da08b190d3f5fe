import PlanEngine
import PlanModel
import Testing

@testable import Tracking

/// Issue 14, item 2: missing and late monthly reports, and values too old to be current.
@Suite struct ReportingTests {
  typealias F = TrackingFixtures

  static func rules(
    _ deductions: [Deduction] = AssessmentRules.defaultDeductions
  )
    -> AssessmentRules
  {
    AssessmentRules(deductions: deductions, reportDay: 5)
  }

  func row(_ id: String, by unit: String, on day: Day) -> ProgressEntry {
    ProgressEntry(
      kind: .task, id: id, state: .inProgress, percent: 50, reporter: unit, date: day)
  }

  /// June: 大气处 and 水处 report; July: 大气处 alone, 水处's July row comes with the August
  /// report; August: 大气处 and 水处. 土壤处 never reports.
  var reports: [ProgressReport] {
    [
      F.report(
        "2020-06",
        [
          row("a", by: "air", on: Day(2020, 6, 30)), row("b", by: "water", on: Day(2020, 6, 30)),
          ProgressEntry(
            kind: .target, id: "water-ok", state: .done, reporter: "water", date: Day(2020, 6, 30)),
        ]),
      F.report("2020-07", [row("a", by: "air", on: Day(2020, 7, 31))]),
      F.report(
        "2020-08",
        [
          row("a", by: "air", on: Day(2020, 8, 31)), row("b", by: "water", on: Day(2020, 7, 31)),
          ProgressEntry(
            kind: .base, id: "cod", value: 20, unit: "万吨", baseYear: 2015, reporter: "water",
            date: Day(2020, 6, 30)),
          row("b", by: "water", on: Day(2020, 8, 31)),
        ]),
    ]
  }

  func status(_ rules: AssessmentRules, asOf: Day) -> StatusReport {
    Evaluator.evaluate(F.plan(assessment: rules), reports: reports, asOf: asOf)
  }

  @Test func missingAndLateByTheDueDay() throws {
    // As of 10 September the reports on June (due 5 July), July and August (due 5 September)
    // were due; September's is not.
    let s = status(Self.rules(), asOf: Day(2020, 9, 10))
    let air = try #require(s.reporting(of: "air"))
    #expect(air.missing.isEmpty && air.late.isEmpty)
    let water = try #require(s.reporting(of: "water"))
    #expect(water.missing.isEmpty)
    #expect(water.late.map(\.month) == [.month(year: 2020, month: 7)])
    #expect(water.late.first?.receivedWith == .month(year: 2020, month: 8))
    #expect(water.late.first?.chinese == "2020年7月月报（应于2020-08-05前报送）随2020年8月月报迟报")
    let soil = try #require(s.reporting(of: "soil"))
    #expect(soil.missing.map(\.month.description) == ["2020-06", "2020-07", "2020-08"])
    #expect(soil.missing.first?.chinese == "2020年6月月报（应于2020-07-05前报送）未报送")
    // On 4 September August's report is not yet due.
    let before = status(Self.rules(), asOf: Day(2020, 9, 4))
    #expect(before.reporting(of: "soil")?.missing.count == 2)
  }

  @Test func withoutAReportDayNothingIsDue() {
    let s = status(AssessmentRules(), asOf: Day(2020, 12, 31))
    #expect(s.reporting.allSatisfy { $0.missing.isEmpty && $0.late.isEmpty })
  }

  @Test func theAssessmentDeductsPerMonthWithItemisedReasons() throws {
    let rules = Self.rules(
      AssessmentRules.defaultDeductions + [
        Deduction(.missingReport, points: 2), Deduction(.lateReport, points: 0.5),
      ])
    let plain = Dictionary(
      uniqueKeysWithValues: Assessor.score(status(Self.rules(), asOf: Day(2020, 9, 10))).map {
        ($0.unit.id, $0.score)
      })
    let scored = Assessor.score(status(rules, asOf: Day(2020, 9, 10)))
    let soil = try #require(scored.first { $0.unit.id == "soil" })
    #expect(soil.score == max(0, (plain["soil"] ?? 0) - 6))
    let soilLine = try #require(soil.lines.first { $0.item == .reporting })
    #expect(soilLine.earned == -6)
    #expect(soilLine.reasons.last == "未报送3个月，每月扣2分，扣6分")
    #expect(soilLine.reasons.first == "2020年6月月报（应于2020-07-05前报送）未报送")
    let water = try #require(scored.first { $0.unit.id == "water" })
    #expect((plain["water"] ?? 0) > 0.5)
    #expect(water.score == TargetEvaluator.rounded((plain["water"] ?? 0) - 0.5))
    #expect(
      water.lines.first { $0.item == .reporting }?.reasons == [
        "2020年7月月报（应于2020-08-05前报送）随2020年8月月报迟报", "迟报1个月，每月扣0.5分，扣0.5分",
      ])
  }

  @Test func aValueOlderThanTheFreshnessIsNoData() throws {
    let plan = F.plan()
    let may = [F.value("pm25", 30, "微克/立方米", on: Day(2020, 5, 31))]
    // August is three months after May: still current.
    let august = F.evaluate(plan, may, asOf: Day(2020, 8, 31)).target("pm25")
    #expect(august?.status == .met)
    // September is four: 无数据, saying why.
    let september = try #require(F.evaluate(plan, may, asOf: Day(2020, 9, 30)).target("pm25"))
    #expect(september.status == .noData)
    #expect(september.measured == nil)
    #expect(september.explanation == "最近一次报送为2020-05-31，已超过3个月未更新，按无数据计")
    // A plan may declare its own.
    let monthly = F.plan(assessment: AssessmentRules(freshness: 1))
    #expect(F.evaluate(monthly, may, asOf: Day(2020, 7, 31)).target("pm25")?.status == .noData)
    #expect(F.evaluate(monthly, may, asOf: Day(2020, 6, 30)).target("pm25")?.status == .met)
  }
}
