import PlanEngine
import PlanModel
import Tracking
import Xlsx

/// The status dashboard workbook of `planbook status|rank --format xlsx`: 指标状态 and 任务进度
/// with a colour per class (conditional formats, so a reader who edits a class sees the colour
/// follow), 单位汇总 with a chart of completion by unit, 排名 when a ranking is given, and 趋势:
/// each quantitative target's values month by month against its limit, as line charts.
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

  /// Writes the dashboard of `status` (and `ranking`) to `path`, fingerprinted like the books.
  /// `history` are the evaluations at the end of each reported month, for the trend charts.
  public static func write(
    status: StatusReport, history: [(period: ReportingPeriod, status: StatusReport)],
    ranking: Ranking?, unit: String?, sampleData: Bool, to path: String
  ) throws {
    let plan = status.plan
    let fingerprint = try plan.fingerprint()
    let subtitle =
      (ranking.map { "\($0.period.chinese)排名" } ?? "截至\(BookText.chinese(status.asOf))")
      + (sampleData ? "（示例数据）" : "")
    let properties = BookProperties.document(
      plan, title: "\(plan.title) 工作进展 \(subtitle)", unit: unit ?? BookProperties.overviewUnit,
      kind: ranking == nil ? "status" : "ranking", fingerprint: fingerprint,
      extra: [("PlanBook.AsOf", status.asOf.description)])
    let footer = ResponsibilityBook.footer(plan: plan, fingerprint: fingerprint)
    try Workbook.write(to: path, properties: properties) { workbook in
      var targets = targetSheet(status, unit: unit, subtitle: subtitle)
      targets.page.footer = footer
      let targetSheet = try SheetWriter.write(targets, into: workbook)
      try colour(
        targetSheet, in: workbook, rows: 2...max(2, targets.rows.count - 1), col: 5, targetColors)

      var tasks = taskSheet(status, unit: unit, subtitle: subtitle)
      tasks.page.footer = footer
      let taskSheet = try SheetWriter.write(tasks, into: workbook)
      let taskRows = 2...max(2, tasks.rows.count - 1)
      try colour(taskSheet, in: workbook, rows: taskRows, col: 5, taskColors)
      try workbook.addConditionalFormat(
        .dataBar(color: 0x5B9BD5, low: .number(0), high: .number(100)), to: taskSheet,
        rows: taskRows, cols: 3...3)

      var units = unitSheet(status, unit: unit, subtitle: subtitle)
      units.page.footer = footer
      let unitSheet = try SheetWriter.write(units, into: workbook)
      if units.rows.count > 2 {
        let chart = Chart(
          .bar, title: "各单位完成情况（%）",
          series: [
            Chart.Series(
              name: "完成%",
              values: SheetRange(sheet: units.name, rows: 2...(units.rows.count - 1), col: 3),
              categories: SheetRange(sheet: units.name, rows: 2...(units.rows.count - 1), col: 0),
              color: 0x5B9BD5)
          ],
          valueAxis: Chart.Axis(min: 0, max: 100), legend: .none)
        try workbook.insertChart(
          chart, into: unitSheet, row: 1, col: 8, width: 520,
          height: max(288, 18 * (units.rows.count - 2) + 80))
      }

      if let ranking {
        var rank = rankSheet(ranking, subtitle: subtitle)
        rank.page.footer = footer
        let rankSheet = try SheetWriter.write(rank, into: workbook)
        let grades = status.rules.grades.map(\.name)
        let fills: [UInt32] = [0xC6EFCE, 0xDDEBF7, 0xFFEB9C, 0xFFC7CE, 0xEDEDED]
        for (i, grade) in grades.enumerated() {
          try workbook.addConditionalFormat(
            .highlight(
              .textEquals(grade),
              style: CellStyle(fontName: BookStyles.font, fill: fills[min(i, fills.count - 1)])),
            to: rankSheet, rows: 2...max(2, rank.rows.count - 1), cols: 5...5)
        }
      }

      let (trend, charts) = trendSheet(history, status: status)
      if !charts.isEmpty {
        let trendSheet = try SheetWriter.write(trend, into: workbook)
        for (i, chart) in charts.enumerated() {
          try workbook.insertChart(
            chart, into: trendSheet, row: trend.rows.count + 1 + (i / 2) * 16,
            col: (i % 2) * 5, width: 440, height: 280)
        }
      }
    }
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

  static func targetSheet(_ s: StatusReport, unit: String?, subtitle: String) -> SheetLayout {
    let S = BookStyles.self
    // The assessors' findings, beside the computed class, when the reports record any.
    let found = FindingSource.allCases.filter { f in
      s.targets.contains { t in (unit.map(t.target.involves) ?? true) && t.finding(f) != nil }
    }
    var sheet = start(
      "指标状态", title: "\(s.plan.title) 指标完成情况 \(subtitle)",
      headers: ["指标", "要求", "实际", "单位", "日期", "状态", "说明"] + found.map(\.chinese),
      widths: [18, 13, 7, 9, 11, 9, 23] + found.map { _ in 9 })
    for t in s.targets where unit.map(t.target.involves) ?? true {
      let findings: [SheetLayout.Cell] = found.enumerated().map { i, f in
        .init(7 + i, .text(t.finding(f)?.status.chinese ?? "—"), S.centered)
      }
      let measured: SheetLayout.Cell =
        t.measured.map { .init(2, .number($0), S.number($0)) } ?? .init(2, .text("—"), S.centered)
      let cells: [SheetLayout.Cell] = [
        .init(0, .text(BookText.targetName(t.target.target)), S.text),
        .init(1, .text(t.target.target.requirement.summary), S.text),
        measured,
        .init(3, .text(t.measuredUnit ?? t.target.target.requirement.unit ?? ""), S.centered),
        t.measuredOn.map { .init(4, .date($0), S.isoDate) } ?? .init(4, .text("—"), S.centered),
        .init(5, .text(t.status.chinese), S.centered),
        .init(6, .text(t.explanation), S.text),
      ]
      sheet.append(cells + findings)
    }
    return sheet
  }

  static func taskSheet(_ s: StatusReport, unit: String?, subtitle: String) -> SheetLayout {
    let S = BookStyles.self
    var sheet = start(
      "任务进度", title: "\(s.plan.title) 任务进度 \(subtitle)",
      headers: ["编号", "任务", "牵头单位", "完成%", "序时进度%", "状态", "完成时限"],
      widths: [5, 29, 11, 7, 8, 9, 17])
    for t in s.tasks where unit.map(t.task.involves) ?? true {
      let percent = round1(t.percent)
      let expected = round1(t.expected)
      sheet.append([
        .init(0, .text(t.task.label), S.centered),
        .init(1, .text(t.task.task.title), S.text),
        .init(2, .text(BookText.names(t.task.lead, in: s.plan)), S.text),
        .init(3, .number(percent), S.number(percent)),
        .init(4, .number(expected), S.number(expected)),
        .init(5, .text(t.status.chinese), S.centered),
        BookCells.deadline(t.task, col: 6),
      ])
    }
    return sheet
  }

  static func unitSheet(_ s: StatusReport, unit: String?, subtitle: String) -> SheetLayout {
    let S = BookStyles.self
    var sheet = start(
      "单位汇总", title: "各单位工作进展 \(subtitle)",
      headers: ["单位", "牵头任务", "配合任务", "完成%", "逾期", "任务状态", "指标状态"],
      widths: [14, 6, 6, 7, 5, 22, 20])
    for u in s.units where unit == nil || u.unit.id == unit {
      let completion = round1(u.overall.completion)
      sheet.append([
        .init(0, .text(u.unit.shortName), S.text),
        .init(1, .number(Double(u.lead.taskCount)), S.number(1)),
        .init(2, .number(Double(u.cooperating.taskCount)), S.number(1)),
        // A unit without tasks has no % complete (—, not 0 %).
        u.overall.taskCount > 0
          ? .init(3, .number(completion), S.number(completion)) : .init(3, .text("—"), S.centered),
        .init(4, .number(Double(u.overdue.count)), S.number(1)),
        .init(
          5,
          .text(
            counts(
              u.overall.tasks.map { ($0.key.chinese, $0.value) }, TaskStatus.allCases.map(\.chinese)
            )), S.text),
        .init(
          6,
          .text(
            counts(
              u.overall.targets.map { ($0.key.chinese, $0.value) },
              TargetStatus.allCases.map(\.chinese))), S.text),
      ])
    }
    return sheet
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

  /// 趋势: a row per reported month and, per quantitative target with values, a column of
  /// what it achieved and one of its limit; a line chart of each.
  static func trendSheet(
    _ history: [(period: ReportingPeriod, status: StatusReport)], status: StatusReport
  ) -> (SheetLayout, [Chart]) {
    let S = BookStyles.self
    let shown = status.targets.filter { t in
      t.target.target.requirement.measure != .qualitative
        && t.target.target.requirement.value != nil
        && history.contains { $0.status.target(t.target.target.id)?.achieved != nil }
    }.prefix(8)
    var headers = ["月份"]
    for t in shown {
      let r = t.target.target.requirement
      let what = r.measure == .change ? "\(BookText.direction(r))%" : (r.unit ?? "")
      headers += ["\(t.target.target.name)（\(what)）", "要求"]
    }
    var sheet = start(
      "趋势", title: "\(status.plan.title) 指标月度趋势", headers: headers,
      widths: [9] + Array(repeating: [12.0, 6.0], count: shown.count).flatMap { $0 })
    for (period, s) in history {
      var cells: [SheetLayout.Cell] = [.init(0, .text(period.description), S.centered)]
      for (i, t) in shown.enumerated() {
        let id = t.target.target.id
        let value = s.target(id)?.achieved.map(round2)
        let limit = t.target.target.requirement.value ?? 0
        cells.append(
          value.map { .init(1 + 2 * i, .number($0), S.number($0)) }
            ?? .init(1 + 2 * i, .blank, S.centered))
        cells.append(.init(2 + 2 * i, .number(limit), S.number(limit)))
      }
      sheet.append(cells)
    }
    let rows = 2...max(2, sheet.rows.count - 1)
    let charts = shown.enumerated().map { (i, t) -> Chart in
      let months = SheetRange(sheet: sheet.name, rows: rows, col: 0)
      return Chart(
        .line, title: t.target.target.name,
        series: [
          Chart.Series(
            name: "实际", values: SheetRange(sheet: sheet.name, rows: rows, col: 1 + 2 * i),
            categories: months, color: 0x2F5597, marker: .circle),
          Chart.Series(
            name: "要求（\(t.target.target.requirement.summary)）",
            values: SheetRange(sheet: sheet.name, rows: rows, col: 2 + 2 * i),
            categories: months, color: 0xC00000, dash: .dash),
        ], legend: .bottom)
    }
    return (sheet, charts)
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
