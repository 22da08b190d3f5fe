import ArgumentParser
import Foundation
import PlanEngine
import PlanModel
import Tracking

/// `--format table|json|xlsx` of the tracking commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json, xlsx
}

/// `planbook status PLAN --as-of DATE [--unit U] [--format table|json|xlsx]`.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Evaluate targets and tasks as of a date against the progress reports.",
    discussion: """
      Reads plans/progress/<plan-id>/*.csv (see docs/progress-format.md; a file with any error \
      is rejected and nothing is evaluated) and classes every target (达标 met, 预计达标 \
      projected, 基本达标 nearlyMet, 未达标 notMet, 无数据 noData) and every task (已完成 done, \
      超进度 ahead, 达进度 onTrack, 欠进度 behind, 逾期 overdue, 未开始 notStarted) as of the \
      date, rolled up per unit, chapter and plan. --format xlsx writes a dashboard workbook \
      (exports/<plan-id>/status-<date>.xlsx unless --out is given). Exits 0, or 1 when the \
      reports cannot be read.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "The day to evaluate as of: 2020-09-30, 2020-9-30, 2020/9/30 or 2020年9月30日.")
  var asOf: String
  @Option(help: "Show only this unit's share (id, short name or full name).") var unit: String?
  @Option(help: "Output format: table, json or xlsx.") var format: ReportFormat = .table
  @Option(help: "For --format xlsx: the workbook to write.") var out: String?

  func validate() throws {
    _ = try TypedOptions.day(asOf)
  }

  func run() throws {
    let workspace = Workspace()
    try workspace.requireWorkspace(for: options.plan, refusal: "nothing evaluated")
    let loaded = try workspace.load(options.plan)
    let unitID = try unit.map { name in
      try UsageError.rethrow(for: Self.self) { try Workspace.unit(named: name, in: loaded.plan).id }
    }
    let resolved = try workspace.checked(loaded, refusal: "nothing evaluated").resolved
    let day = try TypedOptions.day(asOf)
    let progress = try workspace.progressOrExit(of: resolved, refusal: "nothing evaluated")
    let month = ReportingPeriod.month(year: day.year, month: day.month)
    if !progress.reports.contains(where: { $0.period == month && !$0.entries.isEmpty }) {
      let earlier = progress.reports.filter { $0.period < month && !$0.entries.isEmpty }
      let why =
        earlier.last.map { "the latest is \($0.period), so the classes are as of older reports" }
        ?? "every target is 无数据 and every task 未开始 or 逾期"
      printError(
        "warning: \(progress.folder): no progress report for \(month) (the month of --as-of "
          + "\(day)); \(why)")
    }
    let status = Evaluator.evaluate(resolved, reports: progress.reports, asOf: day)
    let colours = ColourHistory.build(
      resolved, reports: progress.reports, asOf: day, current: status)
    switch format {
    case .json:
      print(
        try jsonText(
          StatusView(
            status, reports: progress.files, sampleData: progress.sampleData, unit: unitID,
            colours: colours)))
    case .table:
      print(
        StatusText.render(status, progress: progress, unit: unitID, colours: colours),
        terminator: "")
    case .xlsx:
      let path = out ?? workspace.path("exports/\(loaded.plan.id)/status-\(day).xlsx")
      try Dashboard.write(
        status: status, progress: progress, unit: unitID, colours: colours, to: path)
      print("\(loaded.plan.id): status as of \(day) written to \(path)")
    }
  }
}
