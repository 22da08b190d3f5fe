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
  /// The target split among units (指标分解), one share per unit; empty when it is not split.
  public var shares: [TargetShare] = []
  /// How the shares make up the whole; declared when the target has shares.
  public var rollUp: RollUp? = nil
  /// The parent plan's target or share this target implements (层层分解), as
  /// `PARENT-PLAN/TARGET` or `PARENT-PLAN/TARGET@UNIT` (see ``ParentReference``); nil when it
  /// implements none.
  public var implements: String? = nil
  /// An aspirational target (力争): the plan asks units to strive for it rather than binding
  /// them to it. Books print 力争 before the requirement; the assessment scores it as the plan's
  /// ``AssessmentRules/aspirational`` says (by default a bonus when met, no deduction when
  /// missed). False (the default) is left out of the snapshot.
  public var aspirational: Bool = false
  public var location: SourceLocation? = nil

  public init(
    id: String, name: String, requirement: Requirement, tolerance: Double? = nil,
    weight: Double? = nil, period: Deadline? = nil, responsibility: Responsibility = .init(),
    reason: String? = nil, source: String? = nil, group: String? = nil, number: String? = nil,
    shares: [TargetShare] = [], rollUp: RollUp? = nil, implements: String? = nil,
    aspirational: Bool = false, location: SourceLocation? = nil
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
    self.shares = shares
    self.rollUp = rollUp
    self.implements = implements
    self.aspirational = aspirational
    self.location = location
  }

  /// The requirement as printed: `力争 ≥ 13 个` for an aspirational target, else its summary.
  public var requirementSummary: String {
    aspirational ? "力争 " + requirement.summary : requirement.summary
  }

  /// The share `unit` holds, if any.
  public func share(for unit: String) -> TargetShare? { shares.first { $0.unit == unit } }

  private enum CodingKeys: String, CodingKey {
    case id, name, requirement, tolerance, weight, period, responsibility, reason, source
    case group, number, shares, rollUp, implements, aspirational
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try c.decode(String.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
      requirement: try c.decode(Requirement.self, forKey: .requirement),
      tolerance: try c.decodeIfPresent(Double.self, forKey: .tolerance),
      weight: try c.decodeIfPresent(Double.self, forKey: .weight),
      period: try c.decodeIfPresent(Deadline.self, forKey: .period),
      responsibility: try c.decode(Responsibility.self, forKey: .responsibility),
      reason: try c.decodeIfPresent(String.self, forKey: .reason),
      source: try c.decodeIfPresent(String.self, forKey: .source),
      group: try c.decodeIfPresent(String.self, forKey: .group),
      number: try c.decodeIfPresent(String.self, forKey: .number),
      shares: try c.decodeIfPresent([TargetShare].self, forKey: .shares) ?? [],
      rollUp: try c.decodeIfPresent(RollUp.self, forKey: .rollUp),
      implements: try c.decodeIfPresent(String.self, forKey: .implements),
      aspirational: try c.decodeIfPresent(Bool.self, forKey: .aspirational) ?? false)
  }

  /// Writes the target; `shares`, `rollUp`, `implements` and `aspirational` only when
  /// declared, so a plan without them keeps its snapshot bytes.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(name, forKey: .name)
    try c.encode(requirement, forKey: .requirement)
    try c.encodeIfPresent(tolerance, forKey: .tolerance)
    try c.encodeIfPresent(weight, forKey: .weight)
    try c.encodeIfPresent(period, forKey: .period)
    try c.encode(responsibility, forKey: .responsibility)
    try c.encodeIfPresent(reason, forKey: .reason)
    try c.encodeIfPresent(source, forKey: .source)
    try c.encodeIfPresent(group, forKey: .group)
    try c.encodeIfPresent(number, forKey: .number)
    if !shares.isEmpty { try c.encode(shares, forKey: .shares) }
    try c.encodeIfPresent(rollUp, forKey: .rollUp)
    try c.encodeIfPresent(implements, forKey: .implements)
    if aspirational { try c.encode(true, forKey: .aspirational) }
  }
}

extension PlanTarget {
  /// The target's name with what it measures, as the books and templates print it
  /// (`地表水达到或好于Ⅲ类比例（国考断面）`); the name alone when the requirement names no base.
  public var fullName: String {
    if let of = requirement.of, !of.isEmpty { return "\(name)（\(of)）" }
    return name
  }
}
