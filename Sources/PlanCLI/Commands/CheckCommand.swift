import ArgumentParser
import PlanModel

/// `planbook check PLAN`: every problem of the plan at once.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a plan: owners, deadlines, numbers, ids, targets, weights, transcription.",
    discussion: "Exits 0 when there are no errors (warnings alone do not fail), 1 otherwise.")

  @OptionGroup var options: PlanOptions
  @Option(help: "Output format: text or json.") var format: OutputFormat = .text

  struct Report: Codable {
    var plan: String
    var errors: Int
    var warnings: Int
    var diagnostics: [Diagnostic]
  }

  func run() throws {
    let workspace = Workspace()
    let loaded = try workspace.load(options.plan)
    let (_, diagnostics) = workspace.check(loaded)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    switch format {
    case .json:
      print(
        try jsonText(
          Report(plan: loaded.plan.id, errors: errors, warnings: warnings, diagnostics: diagnostics)
        ))
    case .text:
      for d in diagnostics { print(d) }
      print(
        "\(loaded.plan.id): \(count(errors, "error")), \(count(warnings, "warning"))")
    }
    if errors > 0 { throw ExitCode(1) }
  }
}

/// `1 error`, `3 warnings`.
func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
