import PlanEngine
import PlanModel

extension Workspace {
  /// The problems of `plan` against its parent plan, read from the catalogue
  /// (``PlanEngine/ParentChecks``); a parent the catalogue does not hold is an error at the
  /// plan's line. Nothing for a plan that declares no parent and implements nothing.
  func parentDiagnostics(_ plan: WorkPlan) -> [Diagnostic] {
    guard let declared = plan.parent else {
      return ParentChecks.check(plan, parent: nil)
    }
    let message: String
    do {
      if let parent = try Catalogue.plan(declared.plan)?.model {
        return ParentChecks.check(plan, parent: parent)
      }
      message =
        "the parent plan \(declared.plan) is not in the catalogue (known plans: "
        + "\(try Catalogue.knownIDs()))"
    } catch {
      message = "the parent plan \(declared.plan) cannot be read: \(error)"
    }
    return [Diagnostic(.error, .parentUnknown, message, at: plan.location)]
      + ParentChecks.check(plan, parent: nil).filter { $0.code != .parentUnknown }
  }

  /// The catalogue's plans whose parent is `id`, in catalogue order.
  static func children(of id: String) throws(PlanLoadError) -> [WorkPlan] {
    try Catalogue.plans().map(\.model).filter { $0.parent?.plan == id }
  }
}
