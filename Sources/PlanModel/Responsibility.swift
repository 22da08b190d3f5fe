/// Who answers for a task or target and by when, as declared on the task, the target or a rule.
/// A `nil` field is not declared here and is left to a lower-precedence source (see the
/// engine's `Resolver`).
public struct Responsibility: Sendable, Hashable, Codable {
  /// Lead units (牵头单位), by id; the first is the principal lead.
  public var lead: [String]?
  /// Cooperating units (配合单位), by id.
  public var cooperating: [String]?
  /// When the work is due.
  public var deadline: Deadline?

  public init(lead: [String]? = nil, cooperating: [String]? = nil, deadline: Deadline? = nil) {
    self.lead = lead
    self.cooperating = cooperating
    self.deadline = deadline
  }

  /// Whether nothing is declared.
  public var isEmpty: Bool { lead == nil && cooperating == nil && deadline == nil }
}
