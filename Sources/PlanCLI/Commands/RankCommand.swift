import ArgumentParser
import PlanEngine
import PlanModel
import Tracking

/// `planbook rank PLAN --period 2020-09|2020Q3|2020H1|2020 [--format table|json|xlsx]`.
struct RankCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Score and rank the units for a month, quarter, half-year or year.",
    discussion: """
      Scores every responsible unit as of the period's last day by the plan's assessment \
      (考核细则; `planbook show` lists none: see docs/status-json.md for the defaults), with \
      itemised reasons, grades and vetoes. Ties: higher score, then fewer overdue tasks, then \
      higher % complete; units still tied share a rank. The change of rank is against the \
      previous period of the same kind (新 when there was none in the plan, or no report by \
      then). A period outside the plan's is a usage error (exit 64); one without reports is \
      refused (exit 1). --format xlsx writes the dashboard \
      (exports/<plan-id>/rank-<period>.xlsx unless --out is given).
      """)

  @OptionGroup var options: PlanOptions
  @Option(
    help: "The period: a month (2020-09), quarter (2020Q3), half-year (2020H1) or year (2020).")
  var period: String
  @Option(help: "Output format: table, json or xlsx.") var format: ReportFormat = .table
  @Option(help: "For --format xlsx: the workbook to write.") var out: String?
  @Flag(help: "With --format table: each unit's itemised reasons.") var reasons = false

  func validate() throws {
    _ = try TypedOptions.period(period)
  }

  func run() throws {
    let workspace = Workspace()
    try workspace.requireWorkspace(for: options.plan, refusal: "nothing ranked")
    let checked = try workspace.loadChecked(options.plan, refusal: "nothing ranked")
    let (loaded, resolved) = (checked.loaded, checked.resolved)
    let period = try TypedOptions.period(period)
    try Self.requireInside(period, of: loaded.plan, refusal: "nothing ranked")
    let progress = try workspace.progressOrExit(of: resolved, refusal: "nothing ranked")
    // A ranking of no reports would grade every unit on 无数据: refuse it.
    try progress.requireReports(
      for: period, plan: loaded.plan.id, what: "a ranking", refusal: "nothing ranked")
    let ranking = Ranking.rank(resolved, reports: progress.reports, period: period)
    switch format {
    case .json:
      print(
        try jsonText(RankView(ranking, reports: progress.files, sampleData: progress.sampleData)))
    case .table:
      print(render(ranking, progress: progress), terminator: "")
    case .xlsx:
      let path = out ?? workspace.path("exports/\(loaded.plan.id)/rank-\(period).xlsx")
      try Dashboard.write(
        status: ranking.status, progress: progress, unit: nil, ranking: ranking, to: path)
      print("\(loaded.plan.id): ranking for \(period) written to \(path)")
    }
  }

  func render(_ r: Ranking, progress: LoadedProgress) -> String {
    var out = "\(r.status.plan.id)  \(r.status.plan.title)\n"
    out +=
      "ranking for \(r.period) (\(r.period.chinese)), as of \(r.asOf); "
      + (r.comparedWith.map { "change against \($0)\n" }
        ?? "no earlier ranking (\(r.period.previous) is before the plan or its first report): 新\n")
    if progress.sampleData { out += "SAMPLE DATA — invented for demonstration\n" }
    out += "ties: score, then fewer overdue tasks, then higher % complete\n"
    if !r.groups.isEmpty {
      out += "ranked in \(r.groups.count) lists: \(r.groups.joined(separator: "、"))\n"
    }
    // One table per ranking group (one table when the plan ranks all units together).
    let lists: [(String?, [RankEntry])] =
      r.groups.isEmpty
      ? [(nil, r.entries)] : r.groups.map { g in (g, r.entries.filter { $0.group == g }) }
    for (group, entries) in lists {
      out += "\n"
      if let group { out += "\(group) (\(entries.count))\n" }
      var table = TextTable(
        header: ["名次", "变化", "单位", "得分", "加分", "等次", "完成", "逾期"], rightAligned: [0, 3, 4, 6, 7])
      for e in entries {
        table.add([
          String(e.rank), e.changeText, e.score.unit.shortName, String(format2(e.score.score)),
          e.score.bonus > 0 ? format2(e.score.bonus) : "—",
          e.score.grade + (e.score.grade != e.score.gradeBeforeVeto ? "（否决）" : ""),
          e.score.hasTasks ? "\(Requirement.format(round1(e.score.completion)))%" : "—",
          e.score.overdue.isEmpty ? "—" : String(e.score.overdue.count),
        ])
      }
      out += StatusText.indent(table.render())
    }
    if r.overdue.isEmpty {
      out += "\nno unit has overdue tasks\n"
    } else {
      out += "\n逾期 units with overdue tasks\n"
      for (unit, tasks) in r.overdue {
        out += "  \(unit.shortName): 第\(tasks.joined(separator: "、"))项\n"
      }
    }
    out += StatusText.reporting(r.status, unit: nil)
    if reasons {
      for e in r.entries {
        out +=
          "\n\(e.group.map { "\($0) " } ?? "")\(e.rank). \(e.score.unit.shortName)  \(format2(e.score.score))  \(e.score.grade)\n"
        for line in e.score.lines {
          // An item with no points at stake (a 力争 target scored as a bonus) is a dash.
          let points =
            line.possible > 0
            ? "\(format2(line.earned))/\(format2(line.possible))"
            : line.item.isItem ? "—" : "+\(format2(line.earned))"
          out += "  \(points)  \(line.reasons.joined(separator: "；"))\n"
        }
      }
    }
    return out
  }

  /// A usage error (exit 64) unless `period` overlaps the plan's period.
  static func requireInside(
    _ period: ReportingPeriod, of plan: WorkPlan, refusal: String,
    command: ParsableCommand.Type = Self.self
  ) throws {
    let span = plan.period
    guard period.range.end >= span.start, period.range.start <= span.end else {
      throw UsageError(
        "--period \(period) (\(period.range)) is outside the period of \(plan.id) "
          + "(\(span)); \(refusal)", of: command)
    }
  }

  /// A score with at most two decimals and no needless zeros.
  func format2(_ v: Double) -> String { Requirement.format(round2(v)) }
}
