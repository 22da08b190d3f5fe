/// How units are scored (考核细则). Without it a plan is scored by
/// ``AssessmentRules/default``. Declaring any ``Deduction`` replaces the default deductions;
/// declaring any ``GradeBand`` replaces the default bands.
///
/// ```swift
/// Assessment(defaultPoints: 2, cooperatingShare: 0.3) {
///   Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)   // 每差1微克/立方米扣0.5分
///   Deduction(.taskClass(.overdue), share: 1)                    // 逾期扣完
///   Bonus(.doneEarly(task: nil), points: 1, reason: "提前完成")
///   Veto(.targetNotMet("drinking-water"), cap: "不合格", reason: "饮用水安全")
///   GradeBand("优秀", atLeast: 90)
/// }
/// ```
public struct Assessment: PlanContent {
  let rules: AssessmentRules
  let parts: [any AssessmentContent]

  /// Declares the assessment.
  /// - Parameters:
  ///   - total: full marks a unit's score is scaled to.
  ///   - defaultPoints: the points of a task or target that declares no weight.
  ///   - cooperatingShare: the share of an item's points a cooperating unit answers for.
  ///   - bonusCap: the most bonus points a unit can add.
  ///   - behindTolerance: percentage points behind 序时进度 still counted 达进度.
  ///   - aheadMargin: percentage points ahead of 序时进度 counted 超进度.
  ///   - reportDay: the day of the month by which each unit reports the previous month's
  ///     progress (每月N日前报送上月进展), printed in the books' 考核方式; 1…28.
  ///   - freshness: how many months a target's value stays current (default 3); an older one
  ///     is 无数据.
  ///   - findings: which class targets are scored by: `.computed` (the default), or an
  ///     assessor's finding recorded in the progress reports — `.selfAssessment` (自评) or
  ///     `.thirdParty` (第三方评估) — where there is one.
  ///   - reason: why a revised version changed the 考核细则 (修订理由); see
  ///     ``AssessmentRules/reason``.
  public init(
    total: Double = 100, defaultPoints: Double = 1, cooperatingShare: Double = 0.3,
    bonusCap: Double = 5, behindTolerance: Double = 5, aheadMargin: Double = 10,
    reportDay: Int? = nil, freshness: Int? = nil, findings: FindingUse? = nil,
    reason: String? = nil, file: String = #filePath, line: Int = #line,
    @ListBuilder<any AssessmentContent> _ parts: () -> [any AssessmentContent] = { [] }
  ) {
    var rules = AssessmentRules(
      total: total, defaultPoints: defaultPoints, cooperatingShare: cooperatingShare,
      bonusCap: bonusCap, behindTolerance: behindTolerance, aheadMargin: aheadMargin,
      reportDay: reportDay, freshness: freshness, findings: findings)
    rules.reason = reason
    rules.location = here(file, line)
    self.rules = rules
    self.parts = parts()
  }

  public func lower(into plan: inout PlanLowering) {
    var rules = self.rules
    var deductions: [Deduction] = []
    var grades: [GradeBand] = []
    for part in parts { part.add(to: &rules, deductions: &deductions, grades: &grades) }
    if !deductions.isEmpty { rules.deductions = deductions }
    if !grades.isEmpty { rules.grades = grades }
    if plan.plan.assessment != nil {
      plan.problems.append(
        Diagnostic(
          .error, .duplicateDeclaration,
          "the plan declares Assessment twice; the first declaration stands",
          at: rules.location))
      return
    }
    plan.plan.assessment = rules
  }
}

/// What an ``Assessment`` block accepts: ``Deduction``, ``Bonus``, ``Veto``, ``GradeBand``,
/// ``RankingGroup``.
public protocol AssessmentContent: Sendable {
  /// Adds the declaration to the rules being built.
  func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand])
}

extension Deduction: AssessmentContent {
  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { deductions.append(self) }
}

extension Bonus: AssessmentContent {
  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { rules.bonuses.append(self) }
}

extension Veto: AssessmentContent {
  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { rules.vetoes.append(self) }
}

extension GradeBand: AssessmentContent {
  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { grades.append(self) }
}

/// `RankingGroup("各区", kinds: [.district])`: those units are ranked in a list of their own.
extension RankingGroup: AssessmentContent {
  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { rules.rankingGroups = (rules.rankingGroups ?? []) + [self] }
}

/// How the plan scores its aspirational targets (力争, `Target(…, aspirational: true)`):
///
/// ```swift
/// Assessment {
///   Aspirational(bonus: 2)      // met: 2 bonus points to the lead; missed: nothing taken
///   // or Aspirational(.ordinary): scored as any other target, deductions and all
/// }
/// ```
///
/// Without it: ``AspirationalScoring/default`` — met, a bonus of the target's own points
/// (within the plan's bonus cap); missed, nothing taken.
public struct Aspirational: AssessmentContent {
  let scoring: AspirationalScoring

  /// Scores aspirational targets as `scoring` says.
  public init(_ scoring: AspirationalScoring) { self.scoring = scoring }

  /// A bonus of `points` when met (nil: the target's own points), nothing taken when missed.
  public init(bonus points: Double?) { scoring = .bonus(points: points) }

  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { rules.aspirational = scoring }
}
