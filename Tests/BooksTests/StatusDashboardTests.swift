import Foundation
import PlanModel
import TestSupport
import Testing
import Tracking

@testable import Books

@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct StatusDashboardTests {
  let resolved = Fixtures.guangzhou

  /// The sample reports, the Q3 ranking and its dashboard, read back.
  func dashboard(ranking withRanking: Bool = true) throws -> (WorkbookDump, Ranking) {
    let (path, ranking, folder) = try write(ranking: withRanking)
    defer { folder.remove() }
    return (try Openpyxl.dump(path), ranking)
  }

  /// Writes the dashboard into a new temporary folder.
  func write(ranking withRanking: Bool = true) throws -> (String, Ranking, TemporaryFolder) {
    let folder = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020").path
    let reports = try ProgressFolder.load(folder, plan: resolved)
    let ranking = Ranking.rank(resolved, reports: reports, period: .quarter(year: 2020, quarter: 3))
    let months = Set(reports.map(\.period)).sorted()
    let history = months.map {
      ($0, Evaluator.evaluate(resolved, reports: reports, asOf: $0.range.end))
    }
    let out = try TemporaryFolder()
    let path = out.url.appendingPathComponent("d.xlsx").path
    try StatusDashboard.write(
      status: ranking.status, history: history, ranking: withRanking ? ranking : nil, unit: nil,
      sampleData: true, to: path)
    return (path, ranking, out)
  }

  @Test func theSameBytesTwice() throws {
    let (a, _, fa) = try write()
    let (b, _, fb) = try write()
    defer {
      fa.remove()
      fb.remove()
    }
    let x = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(x.count > 10_000)
    #expect(x == (try Data(contentsOf: URL(fileURLWithPath: b))))
  }

  @Test func sheetsValuesAndProperties() throws {
    let (dump, ranking) = try dashboard()
    #expect(dump.sheets.map(\.name) == ["指标状态", "任务进度", "单位汇总", "排名", "趋势"])
    #expect(dump.custom[BookProperties.kind] == "ranking")
    #expect(dump.custom["PlanBook.AsOf"] == "2020-09-30")
    #expect(dump.custom[BookProperties.fingerprint] == (try resolved.plan.fingerprint()))
    let targets = try #require(dump.sheet("指标状态"))
    #expect(targets.text("A1")?.contains("（示例数据）") == true)
    let pm = try #require(targets.rows(where: "A", is: "PM2.5平均浓度").first)
    #expect(targets.cells["C\(pm)"]?.number == 28.4)
    #expect(targets.cells["E\(pm)"]?.date == "2020-09-30")
    #expect(targets.text("F\(pm)") == "达标")
    let tasks = try #require(dump.sheet("任务进度"))
    let five = try #require(tasks.rows(where: "A", is: "5").first)
    #expect(tasks.text("F\(five)") == "逾期")
    #expect(tasks.cells["D\(five)"]?.number == 90)
    #expect(tasks.cells["E\(five)"]?.number == 100)
    let rank = try #require(dump.sheet("排名"))
    let first = try #require(ranking.entries.first)
    #expect(rank.cells["A3"]?.number == 1)
    #expect(rank.text("C3") == first.score.unit.shortName)
    #expect(rank.cells["D3"]?.number == first.score.score)
    #expect(rank.text("F3") == first.score.grade)
  }

  @Test func aColourPerClass() throws {
    let (dump, _) = try dashboard()
    let targets = try #require(dump.sheet("指标状态")?.conditional)
    // One exact-text rule per class on the 状态 column.
    let texts = targets.filter { $0.range.hasPrefix("F3") }.flatMap(\.formula)
    for s in TargetStatus.allCases {
      #expect(texts.contains("\"\(s.chinese)\""), "\(s.chinese)")
    }
    #expect(targets.allSatisfy { $0.style?.fill != nil })
    let tasks = try #require(dump.sheet("任务进度")?.conditional)
    for s in TaskStatus.allCases {
      #expect(tasks.flatMap(\.formula).contains("\"\(s.chinese)\""), "\(s.chinese)")
    }
    #expect(tasks.contains { $0.type == "dataBar" })
    let grades = try #require(dump.sheet("排名")?.conditional)
    #expect(grades.count == 4)
  }

  @Test func chartsOfCompletionAndTrends() throws {
    let (dump, _) = try dashboard()
    let units = try #require(dump.sheet("单位汇总")?.charts)
    #expect(units.count == 1)
    #expect(units.first?.type == "barChart")
    #expect(units.first?.series.first?.values?.hasPrefix("'单位汇总'!$D$3") == true)
    let trend = try #require(dump.sheet("趋势"))
    let charts = try #require(trend.charts)
    #expect(charts.count >= 4)
    let pm = try #require(charts.first { $0.title == "PM2.5平均浓度" })
    #expect(pm.type == "lineChart")
    #expect(pm.series.count == 2)
    #expect(pm.series[1].dash == "dash")
    // The months, and PM2.5's values against its limit.
    #expect(trend.text("A3") == "2020-06")
    #expect(trend.text("A6") == "2020-09")
    #expect(trend.cells["B6"]?.number == 28.4)
    #expect(trend.cells["C6"]?.number == 35)
  }

  @Test func withoutARankingThereIsNoRankSheet() throws {
    let (dump, _) = try dashboard(ranking: false)
    #expect(!dump.sheets.map(\.name).contains("排名"))
    #expect(dump.custom[BookProperties.kind] == "status")
  }
}
