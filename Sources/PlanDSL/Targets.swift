/// The plan's targets (指标). A plan may declare several blocks, each a group of its own
/// (`Targets("环境质量") { … }`): `status` tallies the targets group by group, as bulletins
/// count them (26项指标：达标11项…).
public struct Targets: PlanContent {
  let group: String?
  let targets: [Target]

  /// Declares targets; `group` names the group they are listed and tallied in.
  public init(_ group: String? = nil, @ListBuilder<Target> _ targets: () -> [Target]) {
    self.group = group
    self.targets = targets()
  }

  public func lower(into plan: inout PlanLowering) {
    plan.plan.targets += targets.map { t in
      var model = t.model
      if model.group == nil { model.group = group }
      return model
    }
  }
}

/// A plan-level target: an id that stays the same across versions, what is measured, and the
/// requirement.
///
/// ```swift
/// Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), tolerance: 2, weight: 10)
/// Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015))
/// Target("water-sections", "国考断面水质优良数", .atLeast(13, "个"), aspirational: true)  // 力争
/// ```
public struct Target: Sendable {
  let model: PlanTarget

  /// Declares a target.
  /// - Parameters:
  ///   - tolerance: the band beyond the value within which the target counts as 基本达标.
  ///   - weight: assessment points (分值).
  ///   - period: the period it is measured over, when not the whole plan.
  ///   - lead, cooperating: who carries it, when no rule says so (or to override rules).
  ///   - reason: why it changed in this version (修订理由).
  ///   - source: the unit whose measured values count (数据来源, e.g. the monitoring centre for
  ///     air quality); progress rows for the target from any other unit are then refused.
  ///   - number: the target's number as the plan prints it (指标12).
  ///   - rollUp: how the shares make up the whole (`.sum`, `.measured`, `.weighted`).
  ///   - shares: the target split among units (指标分解), one ``Share`` per unit.
  ///   - implements: the parent plan's target or share this target implements
  ///     (`"guangzhou-2020/pm25"`, `"guangzhou-2020/pm25@gz-eeb-panyu"`; ``ParentReference``).
  ///   - aspirational: a 力争 target (the plan says 力争…): books print 力争 before the
  ///     requirement, and the assessment scores it as the plan's `Aspirational(…)` declares —
  ///     by default a bonus of its points when met and nothing taken when missed.
  public init(
    _ id: String, _ name: String, _ requirement: Requirement, tolerance: Double? = nil,
    weight: Double? = nil, period: Deadline? = nil, lead: [String]? = nil,
    cooperating: [String]? = nil, reason: String? = nil, source: String? = nil,
    number: String? = nil, rollUp: RollUp? = nil, shares: [Share] = [],
    implements: String? = nil, aspirational: Bool = false, file: String = #filePath,
    line: Int = #line
  ) {
    model = PlanTarget(
      id: id, name: name, requirement: requirement, tolerance: tolerance, weight: weight,
      period: period, responsibility: Responsibility(lead: lead, cooperating: cooperating),
      reason: reason, source: source, number: number, shares: shares.map(\.model),
      rollUp: rollUp, implements: implements, aspirational: aspirational,
      location: here(file, line))
  }
}

/// One unit's share of a target (指标分解): the unit and the requirement it must meet.
///
/// ```swift
/// Target(
///   "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), rollUp: .measured,
///   shares: [Share("qingcheng", .atMost(38, "微克/立方米"))])
/// Target(
///   "boilers", "淘汰燃煤锅炉", .count(atLeast: 40, "台"), rollUp: .sum,
///   shares: [Share("district-x", .count(atLeast: 25, "台")), Share("district-y", .count(atLeast: 15, "台"))])
/// ```
public struct Share: Sendable {
  let model: TargetShare

  /// Declares `unit`'s share; `weight` counts in a `.weighted` roll-up.
  public init(
    _ unit: String, _ requirement: Requirement, weight: Double? = nil,
    file: String = #filePath, line: Int = #line
  ) {
    model = TargetShare(
      unit: unit, requirement: requirement, weight: weight, location: here(file, line))
  }
}
