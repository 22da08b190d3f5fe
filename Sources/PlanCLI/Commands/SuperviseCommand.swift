import ArgumentParser
import Books
import Foundation
import PlanEngine
import PlanModel
import SafeFiles
import Tracking

/// `planbook supervise PLAN --as-of DATE [--out DIR] [--pdf]`.
struct SuperviseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "supervise",
    abstract: "Issue the supervision notices (督办单) of a day, recorded in the plan's ledger.",
    discussion: """
      Evaluates the plan as of the date with its colour history (三色预警: 蓝 deadline near, \
      黄 behind 序时进度 or made up after red, 红 overdue) and writes one notice per unit that \
      leads a blue, yellow or red task or target: each item with its number, text, deadline, \
      colour and what is behind, the reply day (the plan's replyDays after the date) and the \
      issuer, numbered 督办〔2020〕9号 from the ledger plans/progress/<plan-id>/supervision.json. \
      A notice whose item shows no progress by its reply day is issued again one level up \
      (蓝 → 黄 → 红); an item already under a notice is not noticed again before then. The \
      workbooks go to exports/<plan-id>/supervision/<date>/ unless --out is given, written as \
      one set (--pdf: with a PDF of each, printed by LibreOffice); the ledger is written after \
      them, atomically. Running again for the same date \
      writes the same notices and leaves the ledger as it is. Exits 0, or 1 when the reports or \
      the ledger cannot be read or the ledger has notices after the date.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "The day of the supervision: 2020-09-30, 2020/9/30 or 2020年9月30日.")
  var asOf: String
  @Option(help: "The folder to write the notices into.") var out: String?
  @Flag(help: "Also print each notice to PDF beside it (LibreOffice).") var pdf = false

  func validate() throws {
    _ = try TypedOptions.day(asOf)
  }

  func run() throws {
    let workspace = Workspace()
    let refusal = "no notices issued"
    try workspace.requireWorkspace(for: options.plan, refusal: refusal)
    let resolved = try workspace.loadChecked(options.plan, refusal: refusal).resolved
    let plan = resolved.plan
    let day = try TypedOptions.day(asOf)
    let progress = try workspace.progressOrExit(of: resolved, refusal: refusal)
    let status = Evaluator.evaluate(resolved, reports: progress.reports, asOf: day)
    let colours = ColourHistory.build(
      resolved, reports: progress.reports, asOf: day, current: status)
    let progressFolder = workspace.progressFolder(plan.id)
    let ledgerPath = progressFolder + "/" + SupervisionLedger.fileName
    let round: SupervisionRound
    // The progress folder's lock, held from reading the ledger to writing it: a second
    // supervise (or a collect) waits, so no notice number is given twice.
    let transaction: FileTransaction
    do {
      transaction = try FileTransaction(folder: progressFolder, notice: { printError($0) })
      var ledger = SupervisionLedger(plan: plan.id)
      if let bytes = try FileReading.bytesIfPresent(ledgerPath) {
        ledger = try SupervisionLedger.parse(Array(bytes), path: ledgerPath, plan: plan.id)
      }
      round = try Supervisor.supervise(
        resolved, status: status, colours: colours, ledger: ledger)
    } catch let error as LedgerError {
      printError(
        error.path == SupervisionLedger.fileName
          ? "\(ledgerPath): \(error.message)" : error.description)
      printError("\(plan.id): \(refusal)")
      throw ExitCode(1)
    } catch {
      printError("\(error)")
      printError("\(plan.id): \(refusal)")
      throw ExitCode(1)
    }
    if round.notices.isEmpty {
      print("\(plan.id): no task or target is blue, yellow or red as of \(day); \(refusal)")
      return
    }
    // Relative to the repository when that is the current folder, as the ledger's path is.
    let relative = "exports/\(plan.id)/supervision/\(day)"
    let folder =
      out
      ?? (FileManager.default.currentDirectoryPath == workspace.root
        ? relative : workspace.path(relative))
    let written: [String]
    do {
      written = try SupervisionNoticeBook.writeAll(
        round.notices, resolved: resolved, to: folder, pdf: pdf, notice: { printError($0) })
      if !round.reissued {
        try transaction.stage(try round.ledger.text(), at: ledgerPath)
        _ = try transaction.commit()
      }
    } catch {
      printError("supervise failed: \(error)")
      throw ExitCode(1)
    }
    let what = round.reissued ? "issued earlier (the ledger has them), written again" : "issued"
    print(
      "\(plan.id): \(count(round.notices.count, "notice")) as of \(day) \(what) in \(folder)")
    for (n, path) in zip(round.notices, written) {
      let unit = plan.unit(n.unit)?.shortName ?? n.unit
      let counts = WarningColour.allCases.reversed().compactMap { c -> String? in
        let k = n.items.count { $0.colour == c }
        return k == 0 ? nil : "\(c.chinese)\(k)"
      }.joined(separator: " ")
      print("  \(n.number)  \(unit)  \(counts)  \(URL(fileURLWithPath: path).lastPathComponent)")
      for i in n.items {
        guard let escalation = i.escalation else { continue }
        print("    \(i.number.isEmpty ? i.title : "第\(i.number)项")：\(escalation)")
      }
    }
    if !round.reissued {
      print("ledger: \(ledgerPath) (\(count(round.ledger.notices.count, "notice")))")
    }
  }
}
