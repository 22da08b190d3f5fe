import PlanEngine
import PlanJSON
import PlanModel
import Sheets
import Tracking
import Xlsx

/// The status dashboard workbook of `planbook status|rank --format xlsx`, printable on A4: 排名
/// first when a ranking is given, 指标状态 and 任务进度 with a colour per class (conditional
/// formats, so a reader who edits a class sees the colour follow), 单位汇总 with a totals row and
/// a chart of completion by unit under it, 趋势 (each quantitative target's values month by
/// month against its limit) and 趋势图 (a line chart of each, in a grid).
public enum StatusDashboard {
  /// The fills of the classes: green met/done, blue ahead/projected, yellow nearly/behind, red
  /// not met/overdue, grey no data/not started.
  static let targetColors: [TargetStatus: UInt32] = [
    .met: 0xC6EFCE, .projected: 0xDDEBF7, .nearlyMet: 0xFFEB9C, .notMet: 0xFFC7CE,
    .noData: 0xEDEDED,
  ]
  static let taskColors: [TaskStatus: UInt32] = [
    .done: 0xC6EFCE, .ahead: 0xDDEBF7, .onTrack: 0xE2EFDA, .behind: 0xFFEB9C, .overdue: 0xFFC7CE,
    .notStarted: 0xEDEDED,
  ]

  /// A chart and where it goes: its top-left cell (zero-based) and its size in pixels.
  struct ChartPlacement {
    var chart: Chart
    var row: Int
    var col: Int
    var width: Int
    var height: Int
  }

  /// A sheet of the dashboard: its layout and the charts placed on it.
  struct Sheet {
    var layout: SheetLayout
    var charts: [ChartPlacement] = []
  }

  /// The height in points of the empty rows under a table that a chart is drawn over.
  static let chartRowHeight = 15.0

  /// Writes the dashboard of `status` (and `ranking`) to `path`, fingerprinted like the books.
  /// `history` are the evaluations at the end of each reported month, for the trend charts.
  /// `colours`, when given, adds a 预警 column to 指标状态 and 任务进度: each item's colour,
  /// filled and in words (蓝/黄/红/绿).
  public static func write(
    status: StatusReport, history: [(period: ReportingPeriod, status: StatusReport)],
    ranking: Ranking?, unit: String?, sampleData: Bool, colours: ColourHistory? = nil,
    to path: String
  ) throws {
    let plan = status.plan
    let fingerprint = try plan.fingerprint()
    let subtitle = subtitle(status, ranking: ranking, sampleData: sampleData)
    let properties = BookProperties.document(
      plan, title: "\(plan.title) 工作进展 \(subtitle)", unit: unit ?? BookProperties.overviewUnit,
      kind: ranking == nil ? "status" : "ranking", fingerprint: fingerprint,
      extra: [("PlanBook.AsOf", status.asOf.description)])
    let sheets = try self.sheets(
      status: status, history: history, ranking: ranking, unit: unit, sampleData: sampleData,
      colours: colours)
    try Workbook.write(to: path, properties: properties) { workbook in
      // Every sheet first: a chart's series may refer to a later sheet.
      var written: [(Sheet, Worksheet)] = []
      for sheet in sheets {
        written.append((sheet, try SheetWriter.write(sheet.layout, into: workbook)))
      }
      for (sheet, worksheet) in written {
        try format(sheet.layout, worksheet, in: workbook, grades: status.rules.grades.map(\.name))
        for c in sheet.charts {
          try workbook.insertChart(
            c.chart, into: worksheet, row: c.row, col: c.col, width: c.width, height: c.height)
        }
      }
    }
  }

  static func subtitle(_ status: StatusReport, ranking: Ranking?, sampleData: Bool) -> String {
    (ranking.map { "\($0.period.chinese)排名" } ?? "截至\(BookText.chinese(status.asOf))")
      + (sampleData ? "（示例数据）" : "")
  }

  /// The sheets in the order they are written: 排名 first when there is a ranking (the
  /// workbook opens on it), then 指标状态, 任务进度, 单位汇总 (the unit chart under its table),
  /// 趋势 (the months of every target with data) and 趋势图 (a chart per such target, in a grid).
  /// Each prints on A4 with the page-numbered footer, in landscape where its columns are
  /// wider than a portrait page.
  static func sheets(
    status: StatusReport, history: [(period: ReportingPeriod, status: StatusReport)],
    ranking: Ranking?, unit: String?, sampleData: Bool, colours: ColourHistory? = nil
  ) throws -> [Sheet] {
    let plan = status.plan
    let footer = BookFooter.text(plan: plan, fingerprint: try plan.fingerprint())
    let subtitle = subtitle(status, ranking: ranking, sampleData: sampleData)
    var sheets: [Sheet] = []
    if let ranking { sheets.append(Sheet(layout: rankSheet(ranking, subtitle: subtitle))) }
    sheets.append(
      Sheet(layout: targetSheet(status, unit: unit, subtitle: subtitle, colours: colours)))
    sheets.append(
      Sheet(layout: taskSheet(status, unit: unit, subtitle: subtitle, colours: colours)))
    sheets.append(unitSheet(status, unit: unit, subtitle: subtitle))
    let (trend, chartSheet) = trendSheets(history, status: status)
    if let chartSheet {
      sheets.append(Sheet(layout: trend))
      sheets.append(chartSheet)
    }
    for i in sheets.indices {
      sheets[i].layout.page.footer = footer
      var portrait = sheets[i].layout
      portrait.page.orientation = .portrait
      if portrait.widthInPoints > portrait.printableWidth {
        sheets[i].layout.page.orientation = .landscape
      }
    }
    return sheets
  }

  /// The conditional formats of a sheet: a colour per class, data bars of % complete.
  static func format(
    _ layout: SheetLayout, _ sheet: Worksheet, in workbook: Workbook, grades: [String]
  ) throws {
    let body = 2...max(2, layout.rows.count - 1)
    switch layout.name {
    case "指标状态":
      try colour(sheet, in: workbook, rows: body, col: 6, targetColors)
    case "任务进度":
      try colour(sheet, in: workbook, rows: body, col: 5, taskColors)
      try workbook.addConditionalFormat(
        .dataBar(color: 0x5B9BD5, low: .number(0), high: .number(100)), to: sheet,
        rows: body, cols: 3...3)
    case "排名":
      let fills: [UInt32] = [0xC6EFCE, 0xDDEBF7, 0xFFEB9C, 0xFFC7CE, 0xEDEDED]
      for (i, grade) in grades.enumerated() {
        try workbook.addConditionalFormat(
          .highlight(
            .textEquals(grade),
            style: CellStyle(fontName: BookStyles.font, fill: fills[min(i, fills.count - 1)])),
          to: sheet, rows: body, cols: 5...5)
      }
    default: break
    }
  }

  /// The cells a chart covers, from its top-left cell, its size and the sheet's row heights
  /// and column widths (rows past the layout are Excel's default 15 points): the last row and
  /// column it reaches into.
  static func span(
    of c: ChartPlacement, in layout: SheetLayout
  ) -> (rows: ClosedRange<Int>, cols: ClosedRange<Int>) {
    var row = c.row
    var left = Double(c.height)
    while true {
      let points = row < layout.rows.count ? layout.rows[row].height : 15
      left -= (points / 0.75).rounded(.down)
      if left <= 0 { break }
      row += 1
    }
    var col = c.col
    left = Double(c.width)
    while true {
      let chars = col < layout.columns.count ? layout.columns[col] : 8.43
      left -= TextMetrics.pixels(columnWidth: chars)
      if left <= 0 { break }
      col += 1
    }
    return (c.row...row, c.col...col)
  }

  /// One highlight rule per class on column `col`.
  static func colour<S: RawRepresentable & Hashable & CaseIterable>(
    _ sheet: Worksheet, in workbook: Workbook, rows: ClosedRange<Int>, col: Int,
    _ colors: [S: UInt32]
  ) throws where S.RawValue == String {
    for s in S.allCases {
      guard let fill = colors[s] else { continue }
      let name = (s as? TargetStatus)?.chinese ?? (s as? TaskStatus)?.chinese ?? s.rawValue
      try workbook.addConditionalFormat(
        .highlight(.textEquals(name), style: CellStyle(fontName: BookStyles.font, fill: fill)),
        to: sheet, rows: rows, cols: col...col)
    }
  }

  static func start(
    _ name: String, title: String, headers: [String], widths: [Double]
  )
    -> SheetLayout
  {
    var sheet = SheetLayout(name: name, columns: widths)
    Overview.start(&sheet, title: title, headers: headers)
    return sheet
  }

  static func targetSheet(
    _ s: StatusReport, unit: String?, subtitle: String, colours: ColourHistory? = nil
  ) -> SheetLayout {
    let S = BookStyles.self
    // The assessors' findings, beside the computed class, when the reports record any.
    let found = FindingSource.allCases.filter { f in
      s.targets.contains { t in (unit.map(t.target.involves) ?? true) && t.finding(f) != nil }
    }
    var sheet = start(
      "指标状态", title: "\(s.plan.title) 指标完成情况 \(subtitle)",
      headers: ["指标", "牵头单位", "要求", "实际", "单位", "日期", "状态", "说明"]
        + found.map(\.chinese) + (colours == nil ? [] : ["预警"]),
      widths: [18, 11, 13, 7, 9, 11, 9, 30] + found.map { _ in 9 } + (colours == nil ? [] : [5]))
    for t in s.targets where unit.map(t.target.involves) ?? true {
      let findings: [SheetLayout.Cell] = found.enumerated().map { i, f in
        .init(8 + i, .text(t.finding(f)?.status.chinese ?? "—"), S.centered)
      }
      let measured: SheetLayout.Cell =
        t.measured.map { .init(3, .number($0), S.number($0)) } ?? .init(3, .text("—"), S.centered)
      let lead = BookText.names(t.target.lead, in: s.plan)
      let cells: [SheetLayout.Cell] = [
        .init(0, .text(name(t, in: s.plan)), S.text),
        .init(1, .text(lead.isEmpty ? "—" : lead), S.text),
        .init(2, .text(t.target.target.requirement.summary), S.text),
        measured,
        .init(4, .text(t.measuredUnit ?? t.target.target.requirement.unit ?? ""), S.centered),
        t.measuredOn.map { .init(5, .date($0), S.isoDate) } ?? .init(5, .text("—"), S.centered),
        .init(6, .text(t.status.chinese), S.centered),
        .init(7, .text(t.explanation), S.text),
      ]
      let warning = colours.map { h in
        WarningStyles.cell(
          h.current(ColourItem(.target, t.target.target.id, share: t.target.shareUnit))?.colour,
          col: 8 + found.count)
      }
      sheet.append(cells + findings + (warning.map { [$0] } ?? []))
    }
    return sheet
  }

  static func taskSheet(
    _ s: StatusReport, unit: String?, subtitle: String, colours: ColourHistory? = nil
  ) -> SheetLayout {
    let S = BookStyles.self
    var sheet = start(
      "任务进度", title: "\(s.plan.title) 任务进度 \(subtitle)",
      headers: ["编号", "任务", "牵头单位", "完成%", "序时进度%", "状态", "完成时限"]
        + (colours == nil ? [] : ["预警"]),
      widths: [5, 29, 11, 7, 8, 9, 17] + (colours == nil ? [] : [5]))
    for t in s.tasks where unit.map(t.task.involves) ?? true {
      let percent = round1(t.percent)
      let expected = round1(t.expected)
      sheet.append(
        [
          .init(0, .text(t.task.label), S.centered),
          .init(1, .text(t.task.task.title), S.text),
          .init(2, .text(BookText.names(t.task.lead, in: s.plan)), S.text),
          .init(3, .number(percent), S.number(percent)),
          .init(4, .number(expected), S.number(expected)),
          .init(5, .text(t.status.chinese), S.centered),
          BookCells.deadline(t.task, col: 6),
        ]
          + (colours.map {
            [WarningStyles.cell($0.current(ColourItem(.task, t.task.task.id))?.colour, col: 7)]
          } ?? []))
    }
    return sheet
  }

  /// 单位汇总: a row per unit, best % complete first, a 全计划 totals row, and under the table
  /// a bar chart of % complete with every unit labelled in the table's order, on the page
  /// after the table's last one when it does not fit under it.
  static func unitSheet(_ s: StatusReport, unit: String?, subtitle: String) -> Sheet {
    let S = BookStyles.self
    var sheet = start(
      "单位汇总", title: "各单位工作进展 \(subtitle)",
      headers: ["单位", "牵头任务", "配合任务", "完成%", "逾期", "任务状态", "指标状态"],
      widths: [14, 6, 6, 7, 5, 22, 22])
    let units = s.units.enumerated().filter { unit == nil || $0.element.unit.id == unit }
      .sorted {
        let (a, b) = (round1($0.element.overall.completion), round1($1.element.overall.completion))
        return a != b ? a > b : $0.offset < $1.offset
      }.map(\.element)
    func tallies(_ r: Rollup) -> [SheetLayout.Cell] {
      [
        .init(
          5,
          .text(
            counts(r.tasks.map { ($0.key.chinese, $0.value) }, TaskStatus.allCases.map(\.chinese))),
          S.text),
        .init(
          6,
          .text(
            counts(
              r.targets.map { ($0.key.chinese, $0.value) }, TargetStatus.allCases.map(\.chinese))),
          S.text),
      ]
    }
    for u in units {
      let completion = round1(u.overall.completion)
      sheet.append(
        [
          .init(0, .text(u.unit.shortName), S.text),
          .init(1, .number(Double(u.lead.taskCount)), S.number(1)),
          .init(2, .number(Double(u.cooperating.taskCount)), S.number(1)),
          // A unit without tasks has no % complete (—, not 0 %).
          u.overall.taskCount > 0
            ? .init(3, .number(completion), S.number(completion))
            : .init(3, .text("—"), S.centered),
          .init(4, .number(Double(u.overdue.count)), S.number(1)),
        ] + tallies(u.overall))
    }
    let lastUnit = sheet.rows.count - 1
    // The whole plan: its tasks (each counted once), % complete, overdue tasks, classes.
    var bold = S.text
    bold.bold = true
    let total = round1(s.total.completion)
    sheet.append(
      [
        .init(0, .text("全计划"), bold),
        .init(1, .number(Double(s.total.taskCount)), S.number(1)),
        .init(2, .text("—"), S.centered),
        .init(3, .number(total), S.number(total)),
        .init(4, .number(Double(s.total.tasks[.overdue] ?? 0)), S.number(1)),
      ] + tallies(s.total))
    guard lastUnit >= 2 else { return Sheet(layout: sheet) }
    // The chart: 20 pixels a unit and room for its title and value axis, over empty rows.
    let count = lastUnit - 1
    let rowPixels = Int(chartRowHeight / 0.75)
    // As tall as a page leaves under the repeated header and the gap row, at most.
    let header = sheet.page.repeatRows.map { sheet.rows[$0].reduce(0) { $0 + $1.height } } ?? 0
    let room = Int((sheet.printableHeight - header - chartRowHeight) / 0.75)
    let chartRows = min(count * 20 + 100, room) / rowPixels
    sheet.append([], minHeight: chartRowHeight)  // a gap under the table
    let first = sheet.rows.count
    for _ in 0..<chartRows { sheet.append([], minHeight: chartRowHeight) }
    sheet.keep(first...(sheet.rows.count - 1))
    let chart = Chart(
      .bar, title: "各单位完成情况（%）",
      series: [
        Chart.Series(
          name: "完成%", values: SheetRange(sheet: sheet.name, rows: 2...lastUnit, col: 3),
          categories: SheetRange(sheet: sheet.name, rows: 2...lastUnit, col: 0),
          color: 0x5B9BD5, showsValues: true)
      ],
      categoryAxis: Chart.Axis(labelEvery: 1, reversed: true, labelFontSize: 8),
      valueAxis: Chart.Axis(min: 0, max: 100, labelFontSize: 8), legend: .none)
    let width = Int(sheet.pixels(0...(sheet.columns.count - 1))) - 2
    return Sheet(
      layout: sheet,
      charts: [
        ChartPlacement(
          chart: chart, row: first, col: 0, width: width, height: chartRows * rowPixels - 4)
      ])
  }

  static func rankSheet(_ r: Ranking, subtitle: String) -> SheetLayout {
    let S = BookStyles.self
    var sheet = start(
      "排名", title: "\(r.status.plan.title) \(subtitle)",
      headers: ["名次", "变化", "单位", "得分", "加分", "等次", "完成%", "逾期", "扣分及加分说明"]
        + (r.groups.isEmpty ? [] : ["排名组"]),
      widths: [5, 5, 12, 7, 5, 7, 7, 5, 34] + (r.groups.isEmpty ? [] : [10]))
    for e in r.entries {
      let reasons = e.score.lines.filter { $0.earned < $0.possible - 1e-9 || $0.possible == 0 }
        .flatMap(\.reasons)
      let completion = round1(e.score.completion)
      let cells: [SheetLayout.Cell] = [
        .init(0, .number(Double(e.rank)), S.number(1)),
        .init(1, .text(e.changeText), S.centered),
        .init(2, .text(e.score.unit.shortName), S.text),
        .init(3, .number(e.score.score), S.number(e.score.score)),
        .init(4, .number(e.score.bonus), S.number(e.score.bonus)),
        .init(5, .text(e.score.grade), S.centered),
        e.score.hasTasks
          ? .init(6, .number(completion), S.number(completion))
          : .init(6, .text("—"), S.centered),
        .init(7, .number(Double(e.score.overdue.count)), S.number(1)),
        .init(8, .text(reasons.isEmpty ? "—" : reasons.joined(separator: "\n")), S.text),
      ]
      sheet.append(cells + (e.group.map { [.init(9, .text($0), S.text)] } ?? []))
    }
    return sheet
  }

  /// 趋势: per quantitative target with values in the reported months, a row of what it
  /// achieved month by month and a row of its limit; and 趋势图, a line chart of each, two
  /// across, each in its own cell of a grid (a column wide and fifteen rows high, the chart a
  /// little smaller), so no chart can cover another. Nil charts when no target has values.
  static func trendSheets(
    _ history: [(period: ReportingPeriod, status: StatusReport)], status: StatusReport
  ) -> (SheetLayout, Sheet?) {
    let S = BookStyles.self
    // A split target's whole and each share are rows of their own, each with its own values.
    let shown = status.targets.filter { t in
      let r = t.target.target.requirement
      let quantity =
        switch r.kind {
        case .level?, .count?, .share?, .change?: true
        case .qualitative?: false
        case nil: r.measure != .qualitative && r.value != nil
        }
      return quantity && history.contains { same(t, in: $0.status)?.achieved != nil }
    }
    let months = history.map(\.period.description)
    var sheet = start(
      "趋势", title: "\(status.plan.title) 指标月度趋势", headers: ["指标", "项"] + months,
      widths: [24, 5] + Array(repeating: 8.0, count: months.count))
    var rowsOf: [(actual: Int, limit: Int)] = []
    for t in shown {
      let r = t.target.target.requirement
      let what =
        switch r.kind {
        case .change?: "\(BookText.direction(r))%"
        case .level(_, _, let unit)?, .count(_, _, let unit)?, .share(_, _, let unit, _)?: unit
        case .qualitative?: r.unit ?? ""
        case nil: r.measure == .change ? "\(BookText.direction(r))%" : (r.unit ?? "")
        }
      var actual: [SheetLayout.Cell] = [
        .init(0, .text("\(name(t, in: status.plan, full: false))（\(what)）"), S.text),
        .init(1, .text("实际"), S.centered),
      ]
      var limit: [SheetLayout.Cell] = [
        .init(0, .text(r.summary), S.text), .init(1, .text("要求"), S.centered),
      ]
      let value = r.value ?? 0
      for (m, (_, s)) in history.enumerated() {
        let achieved = same(t, in: s)?.achieved.map(round2)
        actual.append(
          achieved.map { .init(2 + m, .number($0), S.number($0)) }
            ?? .init(2 + m, .blank, S.centered))
        limit.append(.init(2 + m, .number(value), S.number(value)))
      }
      let a = sheet.append(actual).lowerBound
      let l = sheet.append(limit).lowerBound
      sheet.keep(a...l)
      rowsOf.append((a, l))
    }
    guard !shown.isEmpty, !months.isEmpty else { return (sheet, nil) }

    var grid = SheetLayout(name: "趋势图", columns: [47, 47])
    grid.append(
      [.init(0...1, .text("\(status.plan.title) 指标月度趋势图"), BookStyles.subtitle)])
    let rowPixels = Int(chartRowHeight / 0.75)
    let cellRows = 15
    let monthRange = 2...(1 + months.count)
    var charts: [ChartPlacement] = []
    for (i, t) in shown.enumerated() {
      if i % 2 == 0 {
        let first = grid.rows.count
        for _ in 0..<cellRows { grid.append([], minHeight: chartRowHeight) }
        grid.keep(first...(grid.rows.count - 1))
      }
      let top = grid.rows.count - cellRows
      let categories = SheetRange(sheet: sheet.name, row: 1, cols: monthRange)
      let chart = Chart(
        .line, title: name(t, in: status.plan, full: false),
        series: [
          Chart.Series(
            name: "实际",
            values: SheetRange(sheet: sheet.name, row: rowsOf[i].actual, cols: monthRange),
            categories: categories, color: 0x2F5597, marker: .circle),
          Chart.Series(
            name: "要求（\(t.target.target.requirement.summary)）",
            values: SheetRange(sheet: sheet.name, row: rowsOf[i].limit, cols: monthRange),
            categories: categories, color: 0xC00000, dash: .dash),
        ], categoryAxis: Chart.Axis(labelFontSize: 8), valueAxis: Chart.Axis(labelFontSize: 8),
        legend: .bottom)
      let width = Int(TextMetrics.pixels(columnWidth: grid.columns[i % 2])) - 10
      charts.append(
        ChartPlacement(
          chart: chart, row: top, col: i % 2, width: width, height: cellRows * rowPixels - 10))
    }
    // A blank cell under the last row of charts, so every reader prints down to it.
    grid.append([.init(1, .blank, CellStyle(fontName: BookStyles.font))], minHeight: chartRowHeight)
    return (sheet, Sheet(layout: grid, charts: charts))
  }

  /// A target's name as the status names it: a unit's share of a split target (指标分解) with
  /// its unit, `淘汰燃煤锅炉（分解：东区）`, as `planbook status` prints it; `full` adds what
  /// it measures (`（国考断面）`).
  static func name(_ t: TargetEvaluation, in plan: WorkPlan, full: Bool = true) -> String {
    let name = full ? t.target.target.fullName : t.target.target.name
    guard let unit = t.target.shareUnit else { return name }
    return "\(name)（分解：\(plan.unit(unit)?.shortName ?? unit)）"
  }

  /// The evaluation of the same row as `t` in another status: the whole, or the same unit's
  /// share.
  static func same(_ t: TargetEvaluation, in s: StatusReport) -> TargetEvaluation? {
    s.targets.first {
      $0.target.target.id == t.target.target.id && $0.target.shareUnit == t.target.shareUnit
    }
  }

  /// `达标 3、未达标 1`, in `order`.
  static func counts(_ c: [(String, Int)], _ order: [String]) -> String {
    let d = Dictionary(c, uniquingKeysWith: +)
    let parts = order.compactMap { name in d[name].map { "\(name) \($0)" } }
    return parts.isEmpty ? "—" : parts.joined(separator: "、")
  }

  static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
  static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
