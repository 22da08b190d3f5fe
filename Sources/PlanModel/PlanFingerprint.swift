extension WorkPlan {
  /// SHA-256 of the plan's canonical snapshot (``PlanSnapshot/encode(_:)``), in hex. Two plans
  /// with the same fingerprint have the same snapshot; source locations do not count.
  public func fingerprint() throws -> String {
    SHA256.hex(Array(try PlanSnapshot.encode(self).utf8))
  }

  /// The first 12 hex digits of a fingerprint: what a footer or a table shows.
  public static func shortFingerprint(_ fingerprint: String) -> String {
    String(fingerprint.prefix(12))
  }
}
