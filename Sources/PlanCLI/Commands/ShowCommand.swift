import ArgumentParser

/// `planbook show PLAN [--unit UNIT]`: the resolved plan, or one unit's share of it.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the resolved plan: each task's number, lead, cooperating units and deadline.",
    discussion: """
      A plan with errors is shown as written, after a warning on standard error counting \
      them (`planbook check` lists them); the commands that write or score from a plan refuse it.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "Show only this unit's share (id, short name or full name).") var unit: String?
  @Option(help: "Output format: text or json.") var format: OutputFormat = .text

  func run() throws {
    let workspace = Workspace()
    let loaded = try workspace.load(options.plan)
    let unitID = try unit.map { name in
      try UsageError.rethrow(for: Self.self) { try Workspace.unit(named: name, in: loaded.plan).id }
    }
    // A plan with errors is still shown (to see what is wrong), but never silently.
    let (resolved, diagnostics) = workspace.check(loaded)
    let errors = diagnostics.filter { $0.severity == .error }.count
    if errors > 0 {
      printError(
        "warning: \(loaded.plan.id): \(count(errors, "error")) (`planbook check` lists them); "
          + "shown as written")
    }
    var view = PlanView(resolved)
    if let unitID { view = view.filtered(to: unitID) }
    switch format {
    case .json: print(try jsonText(view))
    case .text: print(view.text(resolved.plan), terminator: "")
    }
  }
}
