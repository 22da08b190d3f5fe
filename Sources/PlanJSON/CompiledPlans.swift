import Foundation
import PlanModel

/// The plans of a plans repository as they travel from the small program `planbook` compiles
/// from the repository's `plans/*.swift` (see `plans/README.md`) back to `planbook`: each plan
/// with every source location, and the problems the DSL found while lowering it.
public struct CompiledPlans: Codable, Sendable {
  /// The value of the `schema` field.
  public static let schemaName = "planbook.compiled-plans"
  /// The schema version; `planbook` reads only its own (the cache is keyed by the tool's version).
  public static let schemaVersion = 1

  /// One plan.
  public struct Entry: Codable, Sendable {
    /// The lowered plan (its locations are not encoded; see ``locations``).
    public var plan: WorkPlan
    /// ``WorkPlan/declarationLocations`` of the plan.
    public var locations: [SourceLocation?]
    /// What the DSL found while lowering it.
    public var problems: [Diagnostic]

    /// An entry for a lowered plan and the DSL's problems.
    public init(plan: WorkPlan, problems: [Diagnostic]) {
      self.plan = plan
      locations = plan.declarationLocations
      self.problems = problems
    }

    /// The plan with its locations put back.
    public var located: WorkPlan { plan.withLocations(locations) }
  }

  public var schema: String
  public var schemaVersion: Int
  /// The plans, in the order of their files and, in a file, of their declarations.
  public var plans: [Entry]

  /// A document of `plans`.
  public init(plans: [Entry]) {
    schema = Self.schemaName
    schemaVersion = Self.schemaVersion
    self.plans = plans
  }

  /// The canonical JSON text.
  public func text() throws -> String { try CanonicalJSON.encode(self) }

  /// Reads the text ``text()`` wrote; a failure when it is not such a document of this version.
  public static func decode(_ text: String) -> Result<CompiledPlans, any Error> {
    Result {
      let document = try JSONDecoder().decode(CompiledPlans.self, from: Data(text.utf8))
      guard document.schema == schemaName, document.schemaVersion == schemaVersion else {
        throw SnapshotError(
          path: "compiled plans", message: "schema \(document.schema) \(document.schemaVersion)")
      }
      return document
    }
  }
}
