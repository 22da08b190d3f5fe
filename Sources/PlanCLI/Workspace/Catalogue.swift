import Foundation
import PlanJSON
import PlanModel

/// The plans of the repository `planbook` runs in: its `plans/*.swift`, compiled on demand
/// (``PlanCompiler``), read once per run.
enum Catalogue {
  /// A plan of the repository and what the DSL found while lowering it.
  struct Entry: Sendable {
    var model: WorkPlan
    var problems: [Diagnostic]
  }

  /// The plans, or why they cannot be read, computed on first use.
  private static let loaded: Result<[Entry], PlanLoadError> = {
    let workspace = Workspace()
    if let problem = workspace.workspaceProblem { return .failure(PlanLoadError(problem)) }
    do {
      let compiled = try PlanCompiler(root: workspace.root).load()
      return .success(compiled.plans.map { Entry(model: $0.located, problems: $0.problems) })
    } catch let error as PlanLoadError {
      return .failure(error)
    } catch {
      return .failure(PlanLoadError("\(error)"))
    }
  }()

  /// Every plan, in the order of their files and, in a file, of their declarations.
  static func plans() throws(PlanLoadError) -> [Entry] { try loaded.get() }

  /// The plan with `id`, if there is one.
  static func plan(_ id: String) throws(PlanLoadError) -> Entry? {
    try plans().first { $0.model.id == id }
  }

  /// The ids of the plans, sorted, for messages.
  static func knownIDs() throws(PlanLoadError) -> String {
    let ids = try plans().map(\.model.id).sorted()
    return ids.isEmpty ? "none; plans/ declares no plan" : ids.joined(separator: ", ")
  }
}

/// The tool's version, printed by `planbook --version`, and part of the plan cache's key.
enum PlanBookVersion {
  /// The release.
  static let number = "0.17.0"
  /// `planbook 0.17.0 (snapshot schema planbook.plan 1)`.
  static var text: String {
    "planbook \(number) (snapshot schema \(PlanSnapshot.schemaName) \(PlanSnapshot.schemaVersion))"
  }
}
