import PlanEngine
import PlanModel
import Review

/// What `planbook diff` checks of its two sides before comparing them: that they are versions
/// of one plan, and that each passes `planbook check`.
enum DiffChecks {
  /// Whether `old` and `new` are versions of one plan: the same id, or one revises the other
  /// (``WorkPlan/revision``'s lineage), or both revise one plan.
  static func related(_ old: WorkPlan, _ new: WorkPlan) -> Bool {
    let a = [old.id] + (old.revision?.lineage ?? [])
    let b = [new.id] + (new.revision?.lineage ?? [])
    return !Set(a).isDisjoint(with: b)
  }

  /// The refusal of two unrelated plans, one sentence.
  static func unrelated(_ old: PlanSide, _ new: PlanSide) -> String {
    "\(old.source) (\(old.plan.id)) and \(new.source) (\(new.plan.id)) are different plans: neither revises the other (no shared plan id or revision lineage); compare two versions of one plan, or pass --allow-unrelated to compare them anyway"
  }

  /// The side's plan resolved, and the warning for a side that fails `planbook check` (nil
  /// when it passes): the number of errors and the first of them.
  static func checked(
    _ side: PlanSide, argument: String, in workspace: Workspace
  )
    throws -> (resolved: ResolvedPlan, warning: String?)
  {
    // A plan id's DSL problems; a snapshot file or PLAN@REV has none of its own.
    let problems = Workspace.isPath(argument) ? [] : try Catalogue.plan(argument)?.problems ?? []
    let (resolved, diagnostics) = workspace.check(
      Workspace.Loaded(plan: side.plan, problems: problems))
    let errors = diagnostics.filter { $0.severity == .error }
    guard let first = errors.first else { return (resolved, nil) }
    return (
      resolved,
      "warning: \(side.source) fails check (\(count(errors.count, "error")); first: \(first.description)); its books could not be exported as it stands"
    )
  }
}
