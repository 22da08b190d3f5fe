import ArgumentParser
import PlanEngine
import PlanModel

extension Workspace {
  /// A plan loaded and checked by ``Workspace/loadChecked(_:refusal:)``: it has no errors.
  struct Checked {
    var loaded: Loaded
    var resolved: ResolvedPlan
    /// The plan's warnings (it has no errors).
    var warnings: [Diagnostic]

    var plan: WorkPlan { loaded.plan }
  }

  /// Loads `argument` (a catalogue id or a snapshot file) and checks it as `planbook check`
  /// does. A plan with errors is refused, the same way by every command that writes or scores
  /// from a plan: each error on standard error, then `<plan-id>: N errors; <refusal>`
  /// (`nothing exported`, `no templates written`…), and exit 1.
  func loadChecked(_ argument: String, refusal: String) throws -> Checked {
    try checked(load(argument), refusal: refusal)
  }

  /// `loaded` checked as ``loadChecked(_:refusal:)`` checks it, for a command that looks at the
  /// plan (its `--unit` names, its period) before checking it.
  func checked(_ loaded: Loaded, refusal: String) throws -> Checked {
    let (resolved, diagnostics) = check(loaded)
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      for d in errors { printError(d.description) }
      printError("\(loaded.plan.id): \(count(errors.count, "error")); \(refusal)")
      throw ExitCode(1)
    }
    return Checked(loaded: loaded, resolved: resolved, warnings: diagnostics)
  }
}
