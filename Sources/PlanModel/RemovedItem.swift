/// A task or target a revised plan no longer has, and why (修订理由): the removed item itself
/// is gone, so its reason is kept here for `planbook diff`.
public struct RemovedItem: Sendable, Hashable, Codable {
  /// The task's or target's id in the version it was removed from.
  public var id: String
  public var reason: String

  public init(id: String, reason: String) {
    self.id = id
    self.reason = reason
  }
}
