import Foundation
import PlanJSON
import PlanModel
import Sheets
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
    // The ranking first: the workbook opens (and prints) on it.
    #expect(dump.sheets.map(\.name) == ["排名", "指标状态", "任务进度", "单位汇总", "趋势", "趋势图"])
    #expect(dump.custom[BookProperties.kind] == "ranking")
    #expect(dump.custom["PlanBook.AsOf"] == "2020-09-30")
    #expect(dump.custom[BookProperties.fingerprint] == (try resolved.plan.fingerprint()))
    let targets = try #require(dump.sheet("指标状态"))
    #expect(targets.text("A1")?.contains("（示例数据）") == true)
    let pm = try #require(targets.rows(where: "A", is: "PM2.5平均浓度").first)
    #expect(targets.text("B2") == "牵头单位")
    let lead = try #require(resolved.targets.first { $0.target.name == "PM2.5平均浓度" }?.lead)
    #expect(
      targets.text("B\(pm)")
        == lead.compactMap { resolved.plan.unit($0)?.shortName }.joined(separator: "、"))
    #expect(targets.cells["D\(pm)"]?.number == 28.4)
    #expect(targets.cells["F\(pm)"]?.date == "2020-09-30")
    #expect(targets.text("G\(pm)") == "达标")
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
    let texts = targets.filter { $0.range.hasPrefix("G3") }.flatMap(\.formula)
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
    let (dump, ranking) = try dashboard()
    let unitSheet = try #require(dump.sheet("单位汇总"))
    let units = try #require(unitSheet.charts)
    #expect(units.count == 1)
    #expect(units.first?.type == "barChart")
    // Every unit on the chart (the table's rows above 全计划), best % complete first.
    let count = ranking.status.units.count
    #expect(units.first?.series.first?.values == "'单位汇总'!$D$3:$D$\(2 + count)")
    #expect(unitSheet.text("A\(3 + count)") == "全计划")
    #expect(unitSheet.cells["B\(3 + count)"]?.number == Double(ranking.status.total.taskCount))
    let completions = (3...(2 + count)).compactMap { unitSheet.cells["D\($0)"]?.number }
    #expect(completions.count == count)
    #expect(completions == completions.sorted(by: >))
    // One trend chart per quantitative target with reported values: all of them, not 8.
    let withData = ranking.status.targets.filter {
      $0.target.target.requirement.measure != .qualitative
        && $0.target.target.requirement.value != nil && $0.achieved != nil
    }
    #expect(withData.count > 8)
    let trend = try #require(dump.sheet("趋势"))
    let charts = try #require(dump.sheet("趋势图")?.charts)
    #expect(charts.count == withData.count)
    let pm = try #require(charts.first { $0.title == "PM2.5平均浓度" })
    #expect(pm.type == "lineChart")
    #expect(pm.series.count == 2)
    #expect(pm.series[1].dash == "dash")
    // The months across, PM2.5's values against its limit.
    #expect(trend.text("C2") == "2020-06")
    #expect(trend.text("F2") == "2020-09")
    let row = try #require(trend.rows(where: "A", is: "PM2.5平均浓度（微克/立方米）").first)
    #expect(trend.cells["F\(row)"]?.number == 28.4)
    #expect(trend.cells["F\(row + 1)"]?.number == 35)
  }

  /// Every chart, placed from its top-left cell, size and the sheet's row heights and column
  /// widths, covers no cell written on its sheet and no other chart, and stays within the
  /// sheet's columns (so it does not widen the printed page). The cells computed are the ones
  /// libxlsxwriter anchors the chart to.
  @Test func noChartCoversTheTableOrAnotherChart() throws {
    let folder = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020").path
    let reports = try ProgressFolder.load(folder, plan: resolved)
    let ranking = Ranking.rank(resolved, reports: reports, period: .quarter(year: 2020, quarter: 3))
    let history = Set(reports.map(\.period)).sorted().map {
      ($0, Evaluator.evaluate(resolved, reports: reports, asOf: $0.range.end))
    }
    let sheets = try StatusDashboard.sheets(
      status: ranking.status, history: history, ranking: ranking, unit: nil, sampleData: true)
    var charted = 0
    for sheet in sheets {
      let layout = sheet.layout
      let spans = sheet.charts.map { StatusDashboard.span(of: $0, in: layout) }
      charted += spans.count
      for (i, span) in spans.enumerated() {
        #expect(span.cols.upperBound < layout.columns.count, "\(layout.name) chart \(i)")
        for r in span.rows where r < layout.rows.count {
          let cells = layout.rows[r].cells.filter { c in c.cols.overlaps(span.cols) }
          #expect(cells.isEmpty, "\(layout.name): chart \(i) covers a cell of row \(r + 1)")
        }
        for (j, other) in spans.enumerated() where j > i {
          #expect(
            !(span.rows.overlaps(other.rows) && span.cols.overlaps(other.cols)),
            "\(layout.name): charts \(i) and \(j) overlap")
        }
      }
    }
    #expect(charted > 9)
    // The anchors libxlsxwriter wrote: the same cells.
    let (path, _, out) = try write()
    defer { out.remove() }
    let grid = try #require(sheets.first { $0.layout.name == "趋势图" })
    let drawings = try (1...2).map { try Openpyxl.part("xl/drawings/drawing\($0).xml", of: path) }
    let xml = try #require(
      drawings.first {
        $0.components(separatedBy: "<xdr:graphicFrame").count - 1 == grid.charts.count
      })
    let ends = xml.components(separatedBy: "<xdr:to>").dropFirst().map { part -> (Int, Int) in
      func value(_ tag: String) -> Int {
        guard let a = part.range(of: "<xdr:\(tag)>"), let b = part.range(of: "</xdr:\(tag)>")
        else { return -1 }
        return Int(part[a.upperBound..<b.lowerBound]) ?? -1
      }
      return (value("row"), value("col"))
    }
    #expect(ends.count == grid.charts.count)
    for (end, chart) in zip(ends, grid.charts) {
      let span = StatusDashboard.span(of: chart, in: grid.layout)
      #expect(end.0 == span.rows.upperBound && end.1 == span.cols.upperBound)
    }
  }

  /// Every sheet prints on A4 with page numbers in its footer; wide sheets in landscape.
  @Test func everySheetPrintsOnA4WithPageNumbers() throws {
    let folder = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020").path
    let reports = try ProgressFolder.load(folder, plan: resolved)
    let ranking = Ranking.rank(resolved, reports: reports, period: .quarter(year: 2020, quarter: 3))
    let sheets = try StatusDashboard.sheets(
      status: ranking.status, history: [], ranking: ranking, unit: nil, sampleData: true)
    for sheet in sheets {
      let page = sheet.layout.page
      #expect(page.paper == 9)
      #expect(page.footer?.contains("&P") == true && page.footer?.contains("&N") == true)
      #expect(sheet.layout.widthInPoints <= sheet.layout.printableWidth, "\(sheet.layout.name)")
    }
    #expect(sheets.first { $0.layout.name == "指标状态" }?.layout.page.orientation == .landscape)
    #expect(sheets.first { $0.layout.name == "排名" }?.layout.page.orientation == .portrait)
  }

  @Test func withoutARankingThereIsNoRankSheet() throws {
    let (dump, _) = try dashboard(ranking: false)
    #expect(!dump.sheets.map(\.name).contains("排名"))
    #expect(dump.custom[BookProperties.kind] == "status")
  }
}

/// The dashboard and rank workbooks as LibreOffice prints them: as many pages as the layouts
/// compute, and no page shrunk to fit (a table's header printed at its size).
@Suite(
  .enabled(
    if: LibreOffice.isAvailable && Openpyxl.isAvailable,
    "needs soffice, pdftotext, a Chinese font and openpyxl (scripts/test-setup)"))
struct StatusDashboardPrintTests {
  @Test func printsOnTheComputedPagesAtFullSize() throws {
    let dashboards = StatusDashboardTests()
    let (rankPath, ranking, a) = try dashboards.write(ranking: true)
    let (statusPath, _, b) = try dashboards.write(ranking: false)
    defer {
      a.remove()
      b.remove()
    }
    let out = try TemporaryFolder()
    defer { out.remove() }
    let folder = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020").path
    let reports = try ProgressFolder.load(folder, plan: dashboards.resolved)
    let history = Set(reports.map(\.period)).sorted().map {
      ($0, Evaluator.evaluate(dashboards.resolved, reports: reports, asOf: $0.range.end))
    }
    // Both workbooks are called d.xlsx: each PDF goes to a folder of its own.
    for (path, withRanking) in [(rankPath, true), (statusPath, false)] {
      let into = out.url.appendingPathComponent(withRanking ? "r" : "s").path
      try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
      let pdf = try LibreOffice.convertToPDF([path], into: into)
      let pages = try PDFText.pages(pdf[0])
      let sheets = try StatusDashboard.sheets(
        status: ranking.status, history: history, ranking: withRanking ? ranking : nil, unit: nil,
        sampleData: true)
      let computed = sheets.reduce(0) { $0 + $1.layout.pageBreaks().count + 1 }
      #expect(
        pages.count == computed,
        "\(withRanking ? "rank" : "status"): \(pages.count) pages printed, \(computed) computed")
      // The first header word of each table, wherever it prints, at (nearly) its size: a page
      // shrunk to fit (57 % when the unit chart stood beside its table) prints it smaller.
      let size = BookStyles.header.fontSize
      var checked = 0
      for (p, page) in pages.enumerated() {
        for word in page.words where ["名次", "指标", "编号", "单位"].contains(word.text) {
          checked += 1
          #expect(word.yMax - word.yMin >= size * 1.1, "page \(p + 1): \(word)")
        }
      }
      #expect(checked >= sheets.count - 1)
    }
  }
}
