import ArgumentParser
import PlanModel
import Reports

/// `planbook collect PLAN FILE.xlsx... [--replace]`.
struct CollectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collect",
    abstract: "Read filled report workbooks into the plan's progress reports.",
    discussion: """
      Each workbook is read as untrusted input (size caps, no external entities) and checked \
      against the current plan: its plan, version, unit and month, every input cell (a number \
      that is not one, a value out of range, a state not in the list…), each problem named by \
      file, sheet and cell. A workbook with any problem is rejected whole, and when any is \
      rejected nothing is written. The rows go to plans/progress/<plan-id>/<month>.csv; a unit \
      already collected for that month needs --replace, and the rows it replaces are kept in \
      plans/progress/<plan-id>/history/. A workbook returned blank is a warning naming its \
      unit and is not collected. Afterwards the units that still owe a report on the month are \
      listed. Problems are written in Chinese for the units (file, sheet and cell). Exits 0 \
      when everything was collected (or only blank workbooks were skipped), 1 otherwise.
      """)

  @OptionGroup var options: PlanOptions
  @Argument(help: "The returned workbooks.") var files: [String] = []
  @Flag(help: "Replace a unit's rows collected earlier for the same month.") var replace = false
  @Option(
    help: "The month being collected (2020-09 or 2020年9月): a workbook for another month is refused."
  )
  var period: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one xlsx file") }
    if let period { _ = try TypedOptions.month(period) }
  }

  func run() throws {
    let workspace = Workspace()
    try workspace.requireWorkspace(for: options.plan, refusal: "nothing collected")
    let resolved = try workspace.loadChecked(options.plan, refusal: "nothing collected").resolved
    let collection = ReportCollection(
      resolved: resolved, folder: workspace.progressFolder(resolved.plan.id))
    let month = try period.map { try TypedOptions.month($0) }
    let outcome: ReportCollection.Outcome
    do {
      outcome = try collection.collect(
        files, replace: replace, period: month,
        notice: { printError($0) })
    } catch let failure {
      for issue in failure.issues { printError(TerminalText.escaped(issue.description)) }
      printError(
        "\(resolved.plan.id): nothing collected (\(count(failure.issues.count, "problem")))")
      throw ExitCode(1)
    }
    for line in outcome.warnings { printError("warning: \(line)") }
    if outcome.summary.isEmpty { print("\(resolved.plan.id): nothing collected") }
    for line in outcome.summary { print(line) }
    for line in outcome.missingLines { print(line) }
  }
}
