/// How units are scored, in the shape real 考核细则 take: points per task and target (their
/// `weight`, else ``defaultPoints``), deductions per unit of shortfall or per status class with
/// a floor (扣完为止), bonus points, vetoes that cap the grade, and grade bands.
///
/// A unit answers for the tasks and targets it leads in full and for those it cooperates on
/// with ``cooperatingShare`` of their points; its score is what it earned out of what it
/// answers for, scaled to ``total``, plus bonuses (at most ``bonusCap``).
public struct AssessmentRules: Sendable, Hashable, Codable {
  /// Full marks (100).
  public var total: Double
  /// Points of a task or target that declares no weight.
  public var defaultPoints: Double
  /// The share of a task's or target's points a cooperating unit answers for.
  public var cooperatingShare: Double
  /// The most bonus points a unit can add.
  public var bonusCap: Double
  /// 序时进度: how far behind the time-proportional expectation a task may be and still be
  /// 达进度, and how far ahead it must be to be 超进度 (percentage points).
  public var behindTolerance: Double
  public var aheadMargin: Double
  public var deductions: [Deduction]
  public var bonuses: [Bonus]
  public var vetoes: [Veto]
  /// From the best grade down; a score gets the first band whose minimum it reaches.
  public var grades: [GradeBand]
  /// The day of the month by which each unit reports the previous month's progress
  /// (每月N日前报送上月进展), when the plan sets one.
  public var reportDay: Int?
  /// How many months a target's value stays current: a value reported for a month more than
  /// this many months before the as-of month is 无数据 (nil: ``defaultFreshness``).
  public var freshness: Int?
  /// Which class a target is scored by: the computed one (nil: ``FindingUse/computed``), or an
  /// assessor's finding recorded in the progress reports (自评, 第三方评估) where there is one.
  public var findings: FindingUse?
  /// Units ranked in separate lists (区 and 市直部门), each unit in the first group that takes
  /// it; nil or empty: one list. Units no group takes are ranked together after the groups.
  public var rankingGroups: [RankingGroup]?
  /// The three-colour warnings and supervision notices (督查督办); nil: the defaults
  /// (``SupervisionRules/default``), and no `supervision` key in the snapshot.
  public var supervision: SupervisionRules? = nil
  /// How aspirational targets (力争, ``PlanTarget/aspirational``) are scored; nil: the default,
  /// ``AspirationalScoring/default`` (a bonus of the target's points when met, nothing taken
  /// when missed), and no `aspirational` key in the snapshot.
  public var aspirational: AspirationalScoring? = nil
  /// Why a revision changed the 考核细则 (修订理由): every unit's book prints them in its
  /// 三、考核方式, so `planbook diff` shows a change of them as high-risk and asks for this
  /// reason. It belongs to the revision that wrote it, like a task's reason: one carried over
  /// unchanged from the old version is stale. Nil (the default) is left out of the snapshot.
  public var reason: String? = nil
  /// Where the rules are declared (not part of the snapshot).
  public var location: SourceLocation? = nil

  public init(
    total: Double = 100, defaultPoints: Double = 1, cooperatingShare: Double = 0.3,
    bonusCap: Double = 5, behindTolerance: Double = 5, aheadMargin: Double = 10,
    deductions: [Deduction] = AssessmentRules.defaultDeductions, bonuses: [Bonus] = [],
    vetoes: [Veto] = [], grades: [GradeBand] = AssessmentRules.defaultGrades,
    reportDay: Int? = nil, freshness: Int? = nil, findings: FindingUse? = nil,
    rankingGroups: [RankingGroup]? = nil
  ) {
    self.total = total
    self.defaultPoints = defaultPoints
    self.cooperatingShare = cooperatingShare
    self.bonusCap = bonusCap
    self.behindTolerance = behindTolerance
    self.aheadMargin = aheadMargin
    self.deductions = deductions
    self.bonuses = bonuses
    self.vetoes = vetoes
    self.grades = grades
    self.reportDay = reportDay
    self.freshness = freshness
    self.findings = findings
    self.rankingGroups = rankingGroups
  }

  private enum CodingKeys: String, CodingKey {
    case total, defaultPoints, cooperatingShare, bonusCap, behindTolerance, aheadMargin
    case deductions, bonuses, vetoes, grades, reportDay, freshness, findings, rankingGroups
    case reason, supervision, aspirational
  }

  /// ``aspirational``, else ``AspirationalScoring/default``.
  public var aspirationalScoring: AspirationalScoring { aspirational ?? .default }

  /// Whether `target` puts no points at stake: it is aspirational and the plan scores such
  /// targets as a bonus (the default).
  public func bonusOnly(_ target: PlanTarget) -> Bool {
    target.aspirational && aspirationalScoring != .ordinary
  }

  /// ``findings``, else ``FindingUse/computed``.
  public var findingUse: FindingUse { findings ?? .computed }

  /// How many months a value stays current when the plan does not say: 3 (a quarter's value
  /// still counts at the end of the next quarter).
  public static let defaultFreshness = 3

  /// ``freshness``, else ``defaultFreshness``.
  public var freshnessMonths: Int { freshness ?? Self.defaultFreshness }

  /// The points of a task or target of `weight` (its 分值): the weight, else ``defaultPoints``.
  public func points(weight: Double?) -> Double { weight ?? defaultPoints }

  /// The points a unit answers for on a task or target of `weight`: all of them when it leads,
  /// ``cooperatingShare`` of them when it cooperates. Scoring (`Assessor`) and the books'
  /// 分值 column both take them from here.
  public func points(weight: Double?, lead: Bool) -> Double {
    points(weight: weight) * (lead ? 1 : cooperatingShare)
  }

  /// What a plan without an assessment of its own is scored by.
  public static let `default` = AssessmentRules()

  /// 基本达标 half the points, 未达标 and 无数据 all; 欠进度 half, 逾期 all, a task not started
  /// when it should have been half.
  public static let defaultDeductions: [Deduction] = [
    Deduction(.targetClass(.nearlyMet), share: 0.5),
    Deduction(.targetClass(.notMet), share: 1),
    Deduction(.targetClass(.noData), share: 1),
    Deduction(.taskClass(.behind), share: 0.5),
    Deduction(.taskClass(.overdue), share: 1),
    Deduction(.taskClass(.notStarted), share: 0.5),
  ]

  /// 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 below.
  public static let defaultGrades: [GradeBand] = [
    GradeBand("优秀", atLeast: 90), GradeBand("良好", atLeast: 80),
    GradeBand("合格", atLeast: 60), GradeBand("不合格", atLeast: 0),
  ]
}

/// How a plan scores its aspirational targets (力争目标).
public enum AspirationalScoring: Sendable, Hashable, Codable {
  /// Not among the points a unit answers for: met, the lead earns `points` as a bonus (nil: the
  /// target's own points, its weight else ``AssessmentRules/defaultPoints``), counted within
  /// ``AssessmentRules/bonusCap``; missed, nothing is taken.
  case bonus(points: Double?)
  /// Scored as any other target (deductions when missed); only the books' 力争 shows it.
  case ordinary

  /// A bonus of the target's own points when met, no deduction when missed.
  public static let `default` = AspirationalScoring.bonus(points: nil)

  private enum Key: String, CodingKey { case kind, points }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    let kind = try c.decode(String.self, forKey: .kind)
    switch kind {
    case "bonus": self = .bonus(points: try c.decodeIfPresent(Double.self, forKey: .points))
    case "ordinary": self = .ordinary
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c, debugDescription: "unknown kind '\(kind)'")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    switch self {
    case .bonus(let points):
      try c.encode("bonus", forKey: .kind)
      try c.encodeIfPresent(points, forKey: .points)
    case .ordinary: try c.encode("ordinary", forKey: .kind)
    }
  }
}

/// Which class a target is scored by (考核以何为准).
public enum FindingUse: String, Sendable, Hashable, Codable, CaseIterable {
  /// The class computed from the measured values and states (the default).
  case computed
  /// The unit's own self-assessment (自评) where one is recorded, else the computed class.
  case selfAssessment
  /// A third-party or inspector finding (第三方评估) where one is recorded, else the computed
  /// class.
  case thirdParty

  /// 计算结果, 自评, 第三方评估.
  public var chinese: String {
    switch self {
    case .computed: "计算结果"
    case .selfAssessment: "自评"
    case .thirdParty: "第三方评估"
    }
  }
}

/// A list of units ranked apart from the others (区 ranked among themselves, 市直部门 among
/// themselves): the units of the given kinds and the units named.
public struct RankingGroup: Sendable, Hashable, Codable {
  /// The list's title (各区, 市直部门).
  public var name: String
  /// Units of these kinds belong to the group.
  public var kinds: [OrgUnit.Kind]
  /// And these units, by id.
  public var units: [String]

  public init(_ name: String, kinds: [OrgUnit.Kind] = [], units: [String] = []) {
    self.name = name
    self.kinds = kinds
    self.units = units
  }

  /// Whether `unit` belongs to the group.
  public func contains(_ unit: OrgUnit) -> Bool {
    kinds.contains(unit.kind) || units.contains(unit.id)
  }
}

/// Points taken from one task or target (never below its `floor`, 扣完为止).
public struct Deduction: Sendable, Hashable, Codable {
  /// Which items the deduction applies to.
  public enum Match: Sendable, Hashable, Codable {
    /// Per unit of shortfall against the requirement: `points` for every `per` (rounded up) by
    /// which the measured value misses — 每差 1 µg/m³ 扣 0.5 分. `target` nil: every target.
    case shortfall(target: String?, per: Double)
    /// A target in this status class.
    case targetClass(TargetStatus)
    /// A task in this status class; `notStarted` only counts once the task should have
    /// started (序时进度 above 0).
    case taskClass(TaskStatus)
    /// `points` for every month a unit's report was due (by the plan's `reportDay`) and has
    /// not been received. Taken from the unit's score, not from an item.
    case missingReport
    /// `points` for every month a unit's report came with a later month's report.
    case lateReport
  }

  public var match: Match
  /// Points taken (absolute), or
  public var points: Double?
  /// the share of the item's points taken (0…1).
  public var share: Double?
  /// The least an item keeps (0: 扣完为止).
  public var floor: Double

  public init(_ match: Match, points: Double? = nil, share: Double? = nil, floor: Double = 0) {
    self.match = match
    self.points = points
    self.share = share
    self.floor = floor
  }
}

/// Points added to a unit's score.
public struct Bonus: Sendable, Hashable, Codable {
  public enum Match: Sendable, Hashable, Codable {
    /// `points` for every `per` by which a target is bettered (超额完成), at most `max`.
    case exceeded(target: String?, per: Double, max: Double)
    /// A task reported 已完成 before its deadline (提前完成).
    case doneEarly(task: String?)
  }

  public var match: Match
  public var points: Double
  /// Why, as the 考核细则 words it.
  public var reason: String?

  public init(_ match: Match, points: Double, reason: String? = nil) {
    self.match = match
    self.points = points
    self.reason = reason
  }
}

/// A condition that caps the grade of the unit it concerns (一票否决).
public struct Veto: Sendable, Hashable, Codable {
  public enum Match: Sendable, Hashable, Codable {
    /// The target is 未达标 (or has no data) for a unit carrying it.
    case targetNotMet(String)
    /// The task is 逾期 for a unit leading it.
    case taskOverdue(String?)
  }

  public var match: Match
  /// The best grade the unit can then have (a name from the grade bands).
  public var cap: String
  public var reason: String?

  public init(_ match: Match, cap: String, reason: String? = nil) {
    self.match = match
    self.cap = cap
    self.reason = reason
  }
}

/// A grade and the least score that earns it.
public struct GradeBand: Sendable, Hashable, Codable {
  public var name: String
  public var minimum: Double

  public init(_ name: String, atLeast minimum: Double) {
    self.name = name
    self.minimum = minimum
  }
}

// MARK: - JSON of the matches: `{"kind": "shortfall", "target": "pm25", "per": 1}`

private enum MatchKey: String, CodingKey {
  case kind, target, task, per, max
  case status = "class"
}

private func kind(_ decoder: any Decoder) throws -> (KeyedDecodingContainer<MatchKey>, String) {
  let c = try decoder.container(keyedBy: MatchKey.self)
  return (c, try c.decode(String.self, forKey: .kind))
}

private func unknown(_ kind: String, _ c: KeyedDecodingContainer<MatchKey>) -> DecodingError {
  .dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown kind '\(kind)'")
}

extension Deduction.Match {
  public init(from decoder: any Decoder) throws {
    let (c, k) = try kind(decoder)
    switch k {
    case "shortfall":
      self = .shortfall(
        target: try c.decodeIfPresent(String.self, forKey: .target),
        per: try c.decode(Double.self, forKey: .per))
    case "targetClass": self = .targetClass(try c.decode(TargetStatus.self, forKey: .status))
    case "taskClass": self = .taskClass(try c.decode(TaskStatus.self, forKey: .status))
    case "missingReport": self = .missingReport
    case "lateReport": self = .lateReport
    default: throw unknown(k, c)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: MatchKey.self)
    switch self {
    case .shortfall(let target, let per):
      try c.encode("shortfall", forKey: .kind)
      try c.encodeIfPresent(target, forKey: .target)
      try c.encode(per, forKey: .per)
    case .targetClass(let s):
      try c.encode("targetClass", forKey: .kind)
      try c.encode(s, forKey: .status)
    case .taskClass(let s):
      try c.encode("taskClass", forKey: .kind)
      try c.encode(s, forKey: .status)
    case .missingReport: try c.encode("missingReport", forKey: .kind)
    case .lateReport: try c.encode("lateReport", forKey: .kind)
    }
  }
}

extension Bonus.Match {
  public init(from decoder: any Decoder) throws {
    let (c, k) = try kind(decoder)
    switch k {
    case "exceeded":
      self = .exceeded(
        target: try c.decodeIfPresent(String.self, forKey: .target),
        per: try c.decode(Double.self, forKey: .per), max: try c.decode(Double.self, forKey: .max))
    case "doneEarly": self = .doneEarly(task: try c.decodeIfPresent(String.self, forKey: .task))
    default: throw unknown(k, c)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: MatchKey.self)
    switch self {
    case .exceeded(let target, let per, let max):
      try c.encode("exceeded", forKey: .kind)
      try c.encodeIfPresent(target, forKey: .target)
      try c.encode(per, forKey: .per)
      try c.encode(max, forKey: .max)
    case .doneEarly(let task):
      try c.encode("doneEarly", forKey: .kind)
      try c.encodeIfPresent(task, forKey: .task)
    }
  }
}

extension Veto.Match {
  public init(from decoder: any Decoder) throws {
    let (c, k) = try kind(decoder)
    switch k {
    case "targetNotMet": self = .targetNotMet(try c.decode(String.self, forKey: .target))
    case "taskOverdue": self = .taskOverdue(try c.decodeIfPresent(String.self, forKey: .task))
    default: throw unknown(k, c)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: MatchKey.self)
    switch self {
    case .targetNotMet(let target):
      try c.encode("targetNotMet", forKey: .kind)
      try c.encode(target, forKey: .target)
    case .taskOverdue(let task):
      try c.encode("taskOverdue", forKey: .kind)
      try c.encodeIfPresent(task, forKey: .task)
    }
  }
}
