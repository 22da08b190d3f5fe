/// A target (指标): a plan-level goal, or a figure stated inside a task (135 boilers, ≥ 1000 ship
/// fuel checks). Its ``id`` stays the same across plan versions.
public struct PlanTarget: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// What is measured (PM2.5平均浓度).
  public var name: String
  public var requirement: Requirement
  /// The band, in the requirement's unit, within which a missed value still counts as 基本达标.
  public var tolerance: Double?
  /// Assessment points (分值).
  public var weight: Double?
  /// The period the figure is measured over, when it is not the whole plan (秋冬季).
  public var period: Deadline?
  /// Who carries the target, as declared on it (rules may also assign it).
  public var responsibility: Responsibility
  /// Why it changed in this version (修订理由).
  public var reason: String?
  /// The unit whose measured values count (数据来源, e.g. 监测中心站 for air quality), when the
  /// plan designates one: a progress row for the target from any other unit is an error.
  public var source: String?
  /// The group the target is listed and tallied in (a 创模 category such as 环境质量), when the
  /// plan groups its targets.
  public var group: String?
  /// The target's number as the plan prints it (`12`), when the plan numbers its targets.
  public var number: String?
  public var location: SourceLocation? = nil

  public init(
    id: String, name: String, requirement: Requirement, tolerance: Double? = nil,
    weight: Double? = nil, period: Deadline? = nil, responsibility: Responsibility = .init(),
    reason: String? = nil, source: String? = nil, group: String? = nil, number: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.name = name
    self.requirement = requirement
    self.tolerance = tolerance
    self.weight = weight
    self.period = period
    self.responsibility = responsibility
    self.reason = reason
    self.source = source
    self.group = group
    self.number = number
    self.location = location
  }

  private enum CodingKeys: String, CodingKey {
    case id, name, requirement, tolerance, weight, period, responsibility, reason, source
    case group, number
  }
}
