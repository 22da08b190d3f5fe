import ArgumentParser
import Foundation
import PlanEngine
import PlanModel
import Reports

/// `planbook template PLAN --period 2020-09 [--unit U]... [--out DIR]`.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the progress report workbooks the units fill in for a month.",
    discussion: """
      One workbook per unit that leads a task or a target: its targets (measured value, \
      口径, base-year value where the plan needs one) and tasks (状态 from a list, 完成% 0–100, \
      进展说明, 佐证材料), input cells unlocked and validated, everything else locked. Written \
      to exports/<plan-id>/templates/<period>/ unless --out is given. Collect the filled \
      workbooks with `planbook collect`.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "The month reported on (YYYY-MM).") var period: String
  @Option(name: .customLong("unit"), help: "Only this unit (id, short or full name); repeatable.")
  var units: [String] = []
  @Option(help: "The folder to write into.") var out: String?

  func validate() throws {
    guard case .month? = ReportingPeriod(parsing: period) else {
      throw ValidationError("--period '\(period)' is not a month (YYYY-MM)")
    }
    guard let plan = try? Workspace().load(options.plan).plan else { return }
    guard let p = ReportingPeriod(parsing: period), p.range.end >= plan.period.start,
      p.range.start <= plan.period.end
    else {
      throw ValidationError("--period \(period) is outside the plan's period \(plan.period)")
    }
    for name in units where ShowCommand.unit(name, in: plan) == nil {
      throw ValidationError("unknown unit '\(name)' in \(plan.id)")
    }
  }

  func run() throws {
    let workspace = Workspace()
    let checked = try workspace.loadChecked(options.plan, refusal: "no templates written")
    let (loaded, resolved) = (checked.loaded, checked.resolved)
    guard let month = ReportingPeriod(parsing: period) else { throw ExitCode(64) }
    let ids = units.compactMap { ShowCommand.unit($0, in: loaded.plan)?.id }
    let folder = out ?? workspace.path("exports/\(loaded.plan.id)/templates/\(month)")
    let written: [String]
    do {
      written = try TemplateWriter.writeAll(
        resolved, period: month, units: ids.isEmpty ? nil : ids, to: folder,
        notice: { printError($0) })
    } catch {
      printError("template failed, nothing written: \(error)")
      throw ExitCode(1)
    }
    print("\(loaded.plan.id): \(count(written.count, "template")) for \(month) in \(folder)")
    for path in written { print("  \(URL(fileURLWithPath: path).lastPathComponent)") }
  }
}

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
      plans/progress/<plan-id>/history/. Exits 0 when everything was collected, 1 otherwise.
      """)

  @OptionGroup var options: PlanOptions
  @Argument(help: "The returned workbooks.") var files: [String] = []
  @Flag(help: "Replace a unit's rows collected earlier for the same month.") var replace = false
  @Option(help: "The month being collected (YYYY-MM): a workbook for another month is refused.")
  var period: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one xlsx file") }
    if let period, ReportingPeriod(parsing: period) == nil {
      throw ValidationError("--period '\(period)' is not a month (YYYY-MM)")
    }
  }

  func run() throws {
    let workspace = Workspace()
    try workspace.requireWorkspace(for: options.plan, refusal: "nothing collected")
    let resolved = try workspace.loadChecked(options.plan, refusal: "nothing collected").resolved
    let collection = Collection(
      resolved: resolved, folder: workspace.progressFolder(resolved.plan.id))
    let outcome: Collection.Outcome
    do {
      outcome = try collection.collect(
        files, replace: replace, period: period.flatMap(ReportingPeriod.init(parsing:)),
        notice: { printError($0) })
    } catch let failure {
      for issue in failure.issues { printError(TerminalText.escaped(issue.description)) }
      printError(
        "\(resolved.plan.id): nothing collected (\(count(failure.issues.count, "problem")))")
      throw ExitCode(1)
    }
    for line in outcome.summary { print(line) }
  }
}
