/// One unit's part of a target (指标分解): the unit and the requirement it must meet for its own
/// area or work (`qingcheng` ≤ 38 微克/立方米 of a city's ≤ 35; 12 of a city's 40 boilers).
/// For that unit the share is its target: in its book, its template, its status and its score.
public struct TargetShare: Sendable, Hashable, Codable {
  /// The unit holding the share.
  public var unit: String
  /// What the unit must meet; same measure, direction and unit as the whole target.
  public var requirement: Requirement
  /// The share's weight in a ``RollUp/weighted`` roll-up (population, base-year value…).
  public var weight: Double?
  public var location: SourceLocation? = nil

  public init(
    unit: String, requirement: Requirement, weight: Double? = nil,
    location: SourceLocation? = nil
  ) {
    self.unit = unit
    self.requirement = requirement
    self.weight = weight
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case unit, requirement, weight
  }
}

/// How a target's shares make up the whole (declared per target that has shares).
public enum RollUp: String, Sendable, Hashable, Codable, CaseIterable {
  /// Counts and emissions add up: the whole is the sum of the shares' values, and the shares'
  /// requirements must add up to the whole's (a `check` error otherwise).
  case sum
  /// The whole is measured on its own (the city's PM2.5 is its own monitoring value); the
  /// shares' values are not combined.
  case measured
  /// The whole is the weighted mean of the shares' values, by each share's `weight`.
  case weighted
}
