import PlanJSON

/// What the program `planbook` compiles from a plans repository's `plans/*.swift` does: print
/// the plans as ``CompiledPlans`` JSON on standard output (see `plans/README.md`).
public enum PlanExport {
  /// The JSON text for `plans`, in their order.
  public static func text(_ plans: [Plan]) throws -> String {
    try CompiledPlans(
      plans: plans.map { CompiledPlans.Entry(plan: $0.model, problems: $0.problems) }
    )
    .text()
  }

  /// Prints ``text(_:)`` on standard output: the whole body of the generated program. When the
  /// plans cannot be encoded it prints one line saying so instead, which `planbook` reports.
  public static func print(_ plans: [Plan]) {
    do {
      Swift.print(try text(plans), terminator: "")
    } catch {
      Swift.print("planbook: the plans cannot be encoded: \(error)")
    }
  }
}
