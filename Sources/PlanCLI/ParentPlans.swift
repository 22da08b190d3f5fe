import PlanEngine
import PlanModel
import Plans

extension Workspace {
  /// The problems of `plan` against its parent plan, read from the catalogue
  /// (``PlanEngine/ParentChecks``); a parent the catalogue does not hold is an error at the
  /// plan's line. Nothing for a plan that declares no parent and implements nothing.
  func parentDiagnostics(_ plan: WorkPlan) -> [Diagnostic] {
    guard let declared = plan.parent else {
      return ParentChecks.check(plan, parent: nil)
    }
    guard let parent = Catalogue.plan(declared.plan)?.model else {
      let known = Catalogue.plans.map(\.model.id).sorted().joined(separator: ", ")
      return [
        Diagnostic(
          .error, "parent-unknown",
          "the parent plan \(declared.plan) is not in the catalogue (known plans: \(known))",
          at: plan.location)
      ] + ParentChecks.check(plan, parent: nil).filter { $0.code != "parent-unknown" }
    }
    return ParentChecks.check(plan, parent: parent)
  }

  /// The catalogue's plans whose parent is `id`, in catalogue order.
  static func children(of id: String) -> [WorkPlan] {
    Catalogue.plans.map(\.model).filter { $0.parent?.plan == id }
  }
}
