import PlanDSL

/// The plans this repository holds, by id, for its own unit tests (the `Plans` target).
/// `planbook` does not read this list: it compiles every `plans/*.swift` (plans/README.md).
public enum Catalogue {
  /// Every plan, in the order `planbook list` shows them.
  public static let plans: [Plan] = [
    guangzhou2020, guangzhou2020Revised, panyu2018, panyu2020Illustrative,
  ]

  /// The plan with `id`, if there is one.
  public static func plan(_ id: String) -> Plan? { plans.first { $0.model.id == id } }

  /// The repository folder holding `plans/`, `seeds/`, as seen when this module was built.
  public static let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(2)  // plans/Catalogue.swift
    return parts.joined(separator: "/")
  }()
}
