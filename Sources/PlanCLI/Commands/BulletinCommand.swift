import ArgumentParser
import Books
import Foundation
import PlanEngine
import PlanModel
import SafeFiles
import Tracking

/// `--format markdown|docx|pdf` of `planbook bulletin`.
enum BulletinFormat: String, ExpressibleByArgument, CaseIterable {
  case markdown, docx, pdf
}

/// `planbook bulletin PLAN --period 2020-09|2020Q3 [--format markdown|docx|pdf] [--out FILE]`.
struct BulletinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bulletin",
    abstract: "Write the monthly or quarterly bulletin (通报) of a period.",
    discussion: """
      The bulletin of the period as of its last day, from the same computations as `status` \
      (classes, tallies, 三色预警) and `rank` (scores, grades, ranks and their change): the \
      targets by class, the targets and tasks whose class changed since the previous period, \
      task progress by chapter, the units ranked with the best and the lagging named, the \
      overdue and red items with their units, and the supervision notices (督办单) issued in \
      the period, read from the ledger plans/progress/<plan-id>/supervision.json that \
      `supervise` writes. --format markdown (the default) prints to standard output unless \
      --out is given; docx and pdf are printed by LibreOffice (Debian package \
      libreoffice-writer) from an OpenDocument text, A4 portrait, into \
      exports/<plan-id>/bulletin-<period>.<format> unless --out is given. Files are replaced \
      whole or not at all. A period outside the plan's is a usage error (exit 64); one without \
      reports is refused (exit 1), as `rank` refuses it.
      """)

  @OptionGroup var options: PlanOptions
  @Option(
    help: "The period: a month (2020-09), quarter (2020Q3), half-year (2020H1) or year (2020).")
  var period: String
  @Option(help: "Output format: markdown, docx or pdf.") var format: BulletinFormat = .markdown
  @Option(help: "The file to write (markdown: instead of standard output).") var out: String?

  func validate() throws {
    _ = try TypedOptions.period(period)
  }

  func run() throws {
    let workspace = Workspace()
    let refusal = "no bulletin written"
    try workspace.requireWorkspace(for: options.plan, refusal: refusal)
    let checked = try workspace.loadChecked(options.plan, refusal: refusal)
    let resolved = checked.resolved
    let plan = resolved.plan
    let period = try TypedOptions.period(period)
    try RankCommand.requireInside(period, of: plan, refusal: refusal, command: Self.self)
    // Before anything is computed: LibreOffice is needed for docx and pdf.
    var soffice: String? = nil
    if format != .markdown {
      do {
        soffice = try PDFRenderer.locate(
          purpose: "--format \(format.rawValue)", package: BulletinDocument.package)
      } catch {
        printError("\(error)")
        printError("\(plan.id): \(refusal)")
        throw ExitCode(1)
      }
    }
    let progress = try workspace.progressOrExit(of: resolved, refusal: refusal)
    try progress.requireReports(
      for: period, plan: plan.id, what: "a bulletin", refusal: refusal)
    let bulletin = try Self.compose(
      resolved, progress: progress, period: period, ledger: Self.ledger(workspace, plan: plan.id))

    switch format {
    case .markdown:
      let text = BulletinMarkdown.render(bulletin)
      guard let out else {
        print(text, terminator: "")
        return
      }
      try writeAtomically(text, to: out)
      print("\(plan.id): bulletin for \(period) written to \(out)")
    case .docx, .pdf:
      let kind: BulletinDocument.Format = format == .pdf ? .pdf : .docx
      let path =
        out ?? workspace.path("exports/\(plan.id)/bulletin-\(period).\(kind.rawValue)")
      do {
        let pages = try BulletinDocument.write(
          bulletin, format: kind, to: path, soffice: soffice ?? "soffice")
        let printed = pages.map { " (\($0) \($0 == 1 ? "page" : "pages"))" } ?? ""
        print("\(plan.id): bulletin for \(period) written to \(path)\(printed)")
      } catch {
        printError("bulletin failed, nothing written: \(error)")
        throw ExitCode(1)
      }
    }
  }

  /// The ledger's notices, or nil when the plan has none yet; a ledger that cannot be read
  /// stops the bulletin (exit 1).
  static func ledger(_ workspace: Workspace, plan: String) throws -> SupervisionLedger? {
    let path = workspace.progressFolder(plan) + "/" + SupervisionLedger.fileName
    do {
      guard let bytes = try FileReading.bytesIfPresent(workspace.path(path)) else { return nil }
      return try SupervisionLedger.parse(Array(bytes), path: path, plan: plan)
    } catch let error as LedgerError {
      printError(error.description)
    } catch {
      printError("\(error)")
    }
    printError("\(plan): the supervision ledger cannot be read; no bulletin written")
    throw ExitCode(1)
  }

  /// The bulletin of `period`: `rank`'s ranking (its status is `status` as of the period's last
  /// day), the status as of the last day of the period the ranking compares with, `status`'s
  /// colour history, and the ledger's notices of the period.
  static func compose(
    _ resolved: ResolvedPlan, progress: LoadedProgress, period: ReportingPeriod,
    ledger: SupervisionLedger?
  ) throws -> Bulletin {
    let ranking = Ranking.rank(resolved, reports: progress.reports, period: period)
    let previous = ranking.comparedWith.map {
      Evaluator.evaluate(resolved, reports: progress.reports, asOf: $0.range.end)
    }
    let colours = ColourHistory.build(
      resolved, reports: progress.reports, asOf: ranking.asOf, current: ranking.status)
    return Bulletin.compose(
      ranking: ranking, previous: previous, colours: colours,
      notices: ledger?.issued(in: period.range), sampleData: progress.sampleData)
  }
}
