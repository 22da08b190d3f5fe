import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

@Suite struct ChartTests {
  let properties = DocumentProperties(title: "看板", created: Day(2020, 3, 1))
  let body = CellStyle(border: true)

  static let units = ["大气处", "水处", "土壤处", "自然生态处", "番禺区"]

  /// A dashboard: the charts on `总览` (added first, so it is the first tab), the data on
  /// `指标状态` (months, PM2.5, limit) and `单位 完成率` (units, completion), written after the
  /// charts were inserted.
  func writeDashboard(_ path: String) throws {
    try Workbook.write(to: path, properties: properties) { wb in
      let overview = try wb.addWorksheet("总览")
      let status = try wb.addWorksheet("指标状态")
      let units = try wb.addWorksheet("单位 完成率")

      let months = SheetRange(sheet: status.name, rows: 1...12, col: 0)
      try wb.insertChart(
        Chart(
          .line, title: "PM2.5 月均浓度（微克/立方米）",
          series: [
            .init(
              name: "PM2.5", values: SheetRange(sheet: status.name, rows: 1...12, col: 1),
              categories: months, color: 0x2F5597, marker: .circle, markerSize: 6),
            .init(
              name: "限值", values: SheetRange(sheet: status.name, rows: 1...12, col: 2),
              categories: months, color: 0xC00000, dash: .dash, lineWidth: 1.5),
          ],
          categoryAxis: .init(title: "月份"), valueAxis: .init(title: "浓度", min: 0, max: 60),
          legend: .bottom, altText: "PM2.5 与限值"),
        into: overview, row: 1, col: 1, width: 720, height: 350)
      let completion = try #require(SheetRange(sheet: units.name, "$B$2:$B$6"))
      let names = try #require(SheetRange(sheet: units.name, "A2:A6"))
      try wb.insertChart(
        Chart(
          .bar, title: "各单位完成率",
          series: [
            .init(
              name: "完成率", values: completion, categories: names, color: 0x70AD47,
              showsValues: true, valueFormat: "0%")
          ],
          categoryAxis: .init(title: "单位"),
          valueAxis: .init(title: "完成率", min: 0, max: 1, numberFormat: "0%"), legend: .none),
        into: overview, row: 20, col: 1)
      try wb.insertChart(
        Chart(
          .column,
          series: [.init(values: SheetRange(sheet: units.name, rows: 1...5, col: 1))]),
        into: units, row: 0, col: 3, width: 240, height: 144)

      try status.write("月份", row: 0, col: 0, style: body)
      for month in 1...12 {
        try status.write("\(month)月", row: month, col: 0, style: body)
        try status.write(number: 30 + Double(month % 5) * 2.5, row: month, col: 1, style: body)
        try status.write(number: 35, row: month, col: 2, style: body)
      }
      for (i, unit) in Self.units.enumerated() {
        try units.write(unit, row: i + 1, col: 0, style: body)
        try units.write(number: Double(i + 5) / 10, row: i + 1, col: 1, style: body)
      }
    }
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func dashboardReadsBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("dashboard.xlsx").path
    try writeDashboard(path)
    let dump = try Openpyxl.dump(path)
    #expect(dump.sheets.map(\.name) == ["总览", "指标状态", "单位 完成率"])
    let parts = try #require(dump.parts)
    #expect(parts.filter { $0.hasPrefix("xl/charts/") }.count == 3)
    #expect(parts.contains("xl/drawings/drawing1.xml"))
    #expect(parts.contains("xl/drawings/drawing2.xml"))

    let charts = try #require(dump.sheet("总览")?.charts)
    #expect(charts.count == 2)
    let line = charts[0]
    #expect(line.type == "lineChart")
    #expect(line.title == "PM2.5 月均浓度（微克/立方米）")
    #expect(line.series.map(\.name) == ["PM2.5", "限值"])
    #expect(line.series.map(\.categories) == ["'指标状态'!$A$2:$A$13", "'指标状态'!$A$2:$A$13"])
    #expect(line.series.map(\.values) == ["'指标状态'!$B$2:$B$13", "'指标状态'!$C$2:$C$13"])
    #expect(line.series.map(\.line) == ["2F5597", "C00000"])
    #expect(line.series[0].marker == "circle")
    #expect(line.series[0].markerSize == 6)
    #expect(line.series[1].dash == "dash")
    #expect(line.series[1].lineWidth == 1.5)
    // Line charts have no markers unless asked for (openpyxl reads `none` as nil; the XML is
    // checked in chartCachesTheCellsWrittenLater).
    #expect(line.series[1].marker == nil)
    #expect(line.categoryAxis.title == "月份")
    #expect(line.valueAxis.title == "浓度")
    #expect(line.valueAxis.min == 0)
    #expect(line.valueAxis.max == 60)
    #expect(line.legend == "b")
    // 720 × 350 pixels from B2 over default cells (64 × 20 pixels; 9525 EMU a pixel).
    #expect(line.from == .init(col: 1, row: 1, colOffset: 0, rowOffset: 0))
    #expect(line.to == .init(col: 12, row: 18, colOffset: 16 * 9525, rowOffset: 10 * 9525))

    let bar = charts[1]
    #expect(bar.type == "barChart")
    #expect(bar.barDirection == "bar")
    #expect(bar.title == "各单位完成率")
    #expect(bar.series.count == 1)
    #expect(bar.series[0].categories == "'单位 完成率'!$A$2:$A$6")
    #expect(bar.series[0].values == "'单位 完成率'!$B$2:$B$6")
    #expect(bar.series[0].fill == "70AD47")
    #expect(bar.series[0].showsValues)
    #expect(bar.series[0].valueFormat == "0%")
    // On a bar chart the category axis runs up the side; still the categories' axis.
    #expect(bar.categoryAxis.title == "单位")
    #expect(bar.valueAxis.title == "完成率")
    #expect(bar.valueAxis.numberFormat == "0%")
    #expect(bar.valueAxis.min == 0)
    #expect(bar.valueAxis.max == 1)
    #expect(bar.legend == nil)
    // The default size, 480 × 288: 7.5 columns, 14.4 rows.
    #expect(bar.from == .init(col: 1, row: 20, colOffset: 0, rowOffset: 0))
    #expect(bar.to == .init(col: 8, row: 34, colOffset: 32 * 9525, rowOffset: 8 * 9525))

    let column = try #require(dump.sheet("单位 完成率")?.charts?.first)
    #expect(column.type == "barChart")
    #expect(column.barDirection == "col")
    #expect(column.series[0].name == nil)
    #expect(column.series[0].categories == nil)
    #expect(column.legend == "r")
    #expect(column.from == .init(col: 3, row: 0, colOffset: 0, rowOffset: 0))
    #expect(column.to == .init(col: 6, row: 7, colOffset: 48 * 9525, rowOffset: 4 * 9525))
  }

  /// What openpyxl does not keep: the values cached in the chart (what a viewer shows without
  /// recalculating), read at close from cells written after the chart, and the alt text.
  @Test(.enabled(if: Openpyxl.isAvailable)) func chartCachesTheCellsWrittenLater() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("dashboard.xlsx").path
    try writeDashboard(path)
    let line = try Openpyxl.part("xl/charts/chart1.xml", of: path)
    #expect(line.contains("<c:pt idx=\"0\"><c:v>1月</c:v></c:pt>"))
    #expect(line.contains("<c:pt idx=\"11\"><c:v>12月</c:v></c:pt>"))
    #expect(line.contains("<c:pt idx=\"1\"><c:v>35</c:v></c:pt>"))
    #expect(line.contains("<a:t>PM2.5 月均浓度（微克/立方米）</a:t>"))
    #expect(line.contains("<c:marker><c:symbol val=\"none\"/></c:marker>"))
    #expect(line.contains("<c:symbol val=\"circle\"/>"))
    let bar = try Openpyxl.part("xl/charts/chart2.xml", of: path)
    #expect(bar.contains("<c:v>自然生态处</c:v>"))
    #expect(bar.contains("<c:v>0.9</c:v>"))
    let drawing = try Openpyxl.part("xl/drawings/drawing1.xml", of: path)
    #expect(drawing.contains("descr=\"PM2.5 与限值\""))
  }

  /// A bar chart whose every category is labelled, first at the top, in small labels.
  @Test(.enabled(if: Openpyxl.isAvailable)) func everyCategoryLabelledTopDown() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("bars.xlsx").path
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("单位")
      for (i, unit) in Self.units.enumerated() {
        try sheet.write(unit, row: i, col: 0, style: body)
        try sheet.write(number: Double(90 - i), row: i, col: 1, style: body)
      }
      try wb.insertChart(
        Chart(
          .bar, series: [.init(values: SheetRange(sheet: "单位", rows: 0...4, col: 1))],
          categoryAxis: Chart.Axis(labelEvery: 1, reversed: true, labelFontSize: 8),
          valueAxis: Chart.Axis(min: 0, max: 100)), into: sheet, row: 0, col: 3)
    }
    let bar = try Openpyxl.part("xl/charts/chart1.xml", of: path)
    #expect(bar.contains("<c:tickLblSkip val=\"1\"/>"))
    #expect(bar.contains("<c:orientation val=\"maxMin\"/>"))
    #expect(bar.contains("<c:crosses val=\"max\"/>"))
    #expect(bar.contains("sz=\"800\""))
  }

  @Test func labelEveryOnlyOnTheCategoryAxis() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("bad.xlsx").path
    #expect(throws: XlsxError.self) {
      try Workbook.write(to: path, properties: properties) { wb in
        let sheet = try wb.addWorksheet("单位")
        try wb.insertChart(
          Chart(
            .bar, series: [.init(values: SheetRange(sheet: "单位", rows: 0...4, col: 1))],
            valueAxis: Chart.Axis(labelEvery: 2)), into: sheet, row: 0, col: 3)
      }
    }
    #expect(throws: XlsxError.self) {
      try Workbook.write(to: path, properties: properties) { wb in
        let sheet = try wb.addWorksheet("单位")
        try wb.insertChart(
          Chart(
            .bar, series: [.init(values: SheetRange(sheet: "单位", rows: 0...4, col: 1))],
            categoryAxis: Chart.Axis(labelEvery: 0)), into: sheet, row: 0, col: 3)
      }
    }
  }

  /// Sheet names Excel only reads quoted: digits, a cell's name, an apostrophe, a space.
  @Test(.enabled(if: Openpyxl.isAvailable)) func awkwardSheetNamesAreQuoted() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("names.xlsx").path
    let names = ["2020", "A1", "it's 数据", "Data", "R1C1"]
    try Workbook.write(to: path, properties: properties) { wb in
      for name in names {
        let sheet = try wb.addWorksheet(name)
        try sheet.write("一月", row: 0, col: 0, style: body)
        try sheet.write("二月", row: 1, col: 0, style: body)
        try sheet.write(number: 1.5, row: 0, col: 1, style: body)
        try sheet.write(number: 2.5, row: 1, col: 1, style: body)
        try wb.insertChart(
          Chart(
            .line,
            series: [
              .init(
                name: name, values: SheetRange(sheet: name, rows: 0...1, col: 1),
                categories: SheetRange(sheet: name, rows: 0...1, col: 0))
            ]), into: sheet, row: 3, col: 0)
      }
    }
    let dump = try Openpyxl.dump(path)
    let expected = ["'2020'", "'A1'", "'it''s 数据'", "'Data'", "'R1C1'"]
    for (name, quoted) in zip(names, expected) {
      let series = try #require(dump.sheet(name)?.charts?.first?.series.first)
      #expect(series.categories == "\(quoted)!$A$1:$A$2")
      #expect(series.values == "\(quoted)!$B$1:$B$2")
    }
    // Every chart found its sheet again and cached the values.
    for n in 1...names.count {
      let xml = try Openpyxl.part("xl/charts/chart\(n).xml", of: path)
      #expect(xml.contains("<c:v>二月</c:v>"), "chart \(n)")
      #expect(xml.contains("<c:v>2.5</c:v>"), "chart \(n)")
    }
  }

  @Test func sheetRanges() throws {
    let a = try #require(SheetRange(sheet: "指标状态", "B2:B13"))
    #expect(a == SheetRange(sheet: "指标状态", rows: 1...12, col: 1))
    #expect(a.formula == "'指标状态'!$B$2:$B$13")
    #expect(SheetRange(sheet: "S", "$b$13:$B$2") == SheetRange(sheet: "S", rows: 1...12, col: 1))
    #expect(SheetRange(sheet: "S", "AA1") == SheetRange(sheet: "S", row: 0, cols: 26...26))
    #expect(SheetRange(sheet: "it's", "C3")?.formula == "'it''s'!$C$3")
    #expect(SheetRange(sheet: "S", "XFD1048576") != nil)
    for bad in ["", "B0", "2B", "B", "XFE1", "A1048577", "A1:", "A1:B2:C3", "B$$2", "B2$", "Ｂ2"] {
      #expect(SheetRange(sheet: "S", bad) == nil, "\(bad)")
    }
  }

  @Test func refusedChartsNameTheCell() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("bad.xlsx").path
    let values = SheetRange(sheet: "数据", rows: 1...12, col: 1)
    let cases: [(Chart, Int, Int, String)] = [
      (Chart(.line, series: []), 480, 288, "at least one series"),
      (
        Chart(.line, series: [.init(values: SheetRange(sheet: "不存在", rows: 1...3, col: 1))]),
        480, 288, "refer to '不存在'"
      ),
      (
        Chart(.line, series: [.init(values: SheetRange(sheet: "数据", rows: 1...3, cols: 1...2))]),
        480, 288, "not one row or column"
      ),
      (
        Chart(.line, series: [.init(values: SheetRange(sheet: "数据", rows: 1...1_048_576, col: 1))]),
        480, 288, "outside the sheet"
      ),
      (Chart(.line, title: "=A1", series: [.init(values: values)]), 480, 288, "starts with \"=\""),
      (Chart(.line, series: [.init(name: "=数据!A1", values: values)]), 480, 288, "starts with"),
      (Chart(.bar, series: [.init(values: values, marker: .circle)]), 480, 288, "markers"),
      (Chart(.line, series: [.init(values: values, markerSize: 80)]), 480, 288, "2 to 72"),
      (Chart(.line, series: [.init(values: values, color: 0x1FFFFFF)]), 480, 288, "RRGGBB"),
      (Chart(.line, series: [.init(values: values, lineWidth: -1)]), 480, 288, "line width"),
      (
        Chart(.line, series: [.init(values: values)], valueAxis: .init(min: 1, max: 1)),
        480, 288, "runs from"
      ),
      (
        Chart(.line, series: [.init(values: values)], categoryAxis: .init(min: 0)),
        480, 288, "only the value axis"
      ),
      (Chart(.line, series: [.init(values: values)]), 0, 288, "pixels"),
    ]
    for (chart, width, height, message) in cases {
      let error = #expect(throws: XlsxError.self) {
        try Workbook.write(to: path, properties: properties) { wb in
          let sheet = try wb.addWorksheet("数据")
          try wb.insertChart(chart, into: sheet, row: 4, col: 3, width: width, height: height)
        }
      }
      #expect(error?.operation == "insert a chart at D5 of '数据'")
      #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
    #expect(try folder.files() == [])
  }

  @Test func afterCloseAndOnAnotherWorkbookItThrows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var keptBook: Workbook?
    var keptSheet: Worksheet?
    let chart = Chart(.column, series: [.init(values: SheetRange(sheet: "S", rows: 0...3, col: 0))])
    try Workbook.write(to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties)
    { wb in
      keptBook = wb
      let sheet = try wb.addWorksheet("S")
      keptSheet = sheet
      try Workbook.write(
        to: folder.url.appendingPathComponent("b.xlsx").path, properties: properties
      ) { other in
        _ = try other.addWorksheet("S")
        let error = #expect(throws: XlsxError.self) {
          try other.insertChart(chart, into: sheet, row: 0, col: 2)
        }
        #expect(error?.message.contains("is not a worksheet of") == true)
      }
      try wb.insertChart(chart, into: sheet, row: 0, col: 2)
    }
    let book = try #require(keptBook)
    let sheet = try #require(keptSheet)
    let error = #expect(throws: XlsxError.self) {
      try book.insertChart(chart, into: sheet, row: 0, col: 2)
    }
    #expect(error?.operation == "insert a chart at C1 of 'S'")
    #expect(error?.message.contains("already closed") == true)
  }

  /// The same description can be inserted twice: each insertion is a new chart.
  @Test(.enabled(if: Openpyxl.isAvailable)) func oneDescriptionTwoCharts() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("twice.xlsx").path
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("S")
      let chart = Chart(
        .column, series: [.init(values: SheetRange(sheet: "S", rows: 0...3, col: 0))])
      try wb.insertChart(chart, into: sheet, row: 0, col: 2)
      try wb.insertChart(chart, into: sheet, row: 20, col: 2)
    }
    let charts = try #require(try Openpyxl.dump(path).sheet("S")?.charts)
    #expect(charts.map(\.from?.row) == [0, 20])
  }

  @Test func sameInputSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let a = folder.url.appendingPathComponent("a.xlsx").path
    let b = folder.url.appendingPathComponent("b.xlsx").path
    try writeDashboard(a)
    try writeDashboard(b)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(bytes.count > 5000)
    #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: b))))
  }
}
