import PlanModel

extension WorkPlan {
  /// SHA-256 of the plan's canonical snapshot (``PlanSnapshot/encode(_:)``), in hex. Two plans
  /// with the same fingerprint have the same snapshot; source locations do not count.
  public func fingerprint() throws -> String {
    SHA256.hex(Array(try PlanSnapshot.encode(self).utf8))
  }
}
