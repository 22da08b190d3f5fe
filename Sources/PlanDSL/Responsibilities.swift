/// The responsibility list (责任清单): rules that give tasks and targets their lead and
/// cooperating units and default deadlines. A task's own ``Lead``, ``Cooperating`` and ``Due``
/// win over every rule.
///
/// ```swift
/// Responsibilities {
///   Rule(.all, lead: ["gz-eeb-office"], due: .endOfYear(2020))
///   Rule(.chapter("party"), lead: ["gz-eeb-party"])
///   Rule(.keyword("扬尘"), lead: ["gz-eeb-air"], cooperating: ["gz-housing"])
///   Rule(.target("pm25"), lead: ["gz-eeb-air"])
/// }
/// ```
public struct Responsibilities: PlanContent {
  let rules: [Rule]

  public init(@ListBuilder<Rule> _ rules: () -> [Rule]) { self.rules = rules() }

  public func lower(into plan: inout PlanLowering) { plan.plan.rules += rules.map(\.model) }
}

/// One rule of the responsibility list. A field left `nil` is not decided by this rule.
public struct Rule: Sendable {
  let model: ResponsibilityRule

  /// Declares a rule.
  /// - Parameters:
  ///   - match: `.chapter(id)`, `.keyword(text)`, `.target(id)` or `.all`.
  ///   - lead: lead unit ids, the principal lead first.
  ///   - cooperating: cooperating unit ids.
  ///   - due: the default deadline of the tasks it covers.
  ///   - reason: in a revision, why the rule was added (修订理由).
  public init(
    _ match: ResponsibilityRule.Match, lead: [String]? = nil, cooperating: [String]? = nil,
    due: Deadline? = nil, reason: String? = nil, file: String = #filePath, line: Int = #line
  ) {
    model = ResponsibilityRule(
      match: match,
      responsibility: Responsibility(lead: lead, cooperating: cooperating, deadline: due),
      reason: reason, location: here(file, line))
  }
}
