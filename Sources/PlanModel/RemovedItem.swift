/// A task, target, unit or responsibility rule a revised plan no longer has, and why
/// (修订理由): the removed item itself is gone, so its reason is kept here for `planbook diff`.
public struct RemovedItem: Sendable, Hashable, Codable {
  /// The task's, target's or unit's id in the version it was removed from; for a rule, its
  /// match in words (``ResponsibilityRule/Match/description``).
  public var id: String
  public var reason: String
  /// The removed rule's match, when the item is a rule of the responsibility list (nil: a
  /// task, target or unit, and left out of the snapshot).
  public var rule: ResponsibilityRule.Match? = nil

  public init(id: String, reason: String) {
    self.id = id
    self.reason = reason
  }

  /// A removed rule of the responsibility list, and why.
  public init(rule: ResponsibilityRule.Match, reason: String) {
    self.id = rule.description
    self.reason = reason
    self.rule = rule
  }
}
