import PlanModel
import Testing

@testable import Tracking

@Suite struct AssessmentTests {
  typealias F = TrackingFixtures
  let end = Day(2020, 12, 31)

  func scores(
    _ rules: AssessmentRules, _ entries: [ProgressEntry], asOf: Day? = nil
  )
    -> [String: UnitScore]
  {
    let status = F.evaluate(F.plan(assessment: rules), entries, asOf: asOf ?? end)
    return Dictionary(uniqueKeysWithValues: Assessor.score(status).map { ($0.unit.id, $0) })
  }

  func line(_ s: UnitScore?, _ item: ScoreLine.Item) -> ScoreLine? {
    s?.lines.first { $0.item == item }
  }

  /// The scores with 抽检船舶燃油 (≥ 1000 艘次, 5 points, led by 大气处) made aspirational (力争).
  func aspirationalScores(
    _ rules: AssessmentRules, checks: Double
  ) -> [String: UnitScore] {
    var targets = F.defaultTargets
    for i in targets.indices where targets[i].id == "checks" { targets[i].aspirational = true }
    let status = F.evaluate(
      F.plan(targets: targets, assessment: rules), [F.value("checks", checks, "艘次", on: end)],
      asOf: end)
    return Dictionary(uniqueKeysWithValues: Assessor.score(status).map { ($0.unit.id, $0) })
  }

  @Test func anAspirationalTargetMetEarnsItsPointsAsABonus() throws {
    let s = aspirationalScores(.default, checks: 1200)
    let air = try #require(s["air"])
    // Not among the points at stake: a zero line that says why.
    let checks = try #require(line(air, .target("checks")))
    #expect(checks.possible == 0)
    #expect(checks.earned == 0)
    #expect(checks.reasons.first?.hasPrefix("抽检船舶燃油：达到力争目标") == true)
    // Its own 5 points as a bonus.
    let bonus = try #require(line(air, .bonus))
    #expect(bonus.earned == 5)
    #expect(bonus.reasons == ["抽检船舶燃油达到力争目标，加5分"])
    #expect(air.bonus == 5)
  }

  @Test func anAspirationalTargetMissedTakesNothing() throws {
    let missed = aspirationalScores(.default, checks: 800)
    let air = try #require(missed["air"])
    let checks = try #require(line(air, .target("checks")))
    #expect(checks.possible == 0)
    #expect(checks.reasons.first?.hasPrefix("抽检船舶燃油：未达到力争目标") == true)
    #expect(checks.reasons.contains("力争目标，不计分值，未达到不扣分"))
    #expect(line(air, .bonus) == nil)
    // The same score as with the target met, less the bonus: the miss cost nothing.
    let met = try #require(aspirationalScores(.default, checks: 1200)["air"])
    #expect(air.score == met.score - met.bonus)
  }

  @Test func thePlanDeclaresHowAspirationalTargetsAreScored() throws {
    // Its own bonus points.
    var two = AssessmentRules.default
    two.aspirational = .bonus(points: 2)
    #expect(
      line(aspirationalScores(two, checks: 1200)["air"], .bonus)?.reasons == [
        "抽检船舶燃油达到力争目标，加2分"
      ])
    // As an ordinary target: 5 points at stake, 未达标 takes them all, no bonus.
    var ordinary = AssessmentRules.default
    ordinary.aspirational = .ordinary
    let air = try #require(aspirationalScores(ordinary, checks: 800)["air"])
    let checks = try #require(line(air, .target("checks")))
    #expect(checks.possible == 5)
    #expect(checks.earned == 0)
    #expect(line(air, .bonus) == nil)
    #expect(
      line(aspirationalScores(ordinary, checks: 1200)["air"], .target("checks"))?.earned == 5)
  }

  @Test func deductionPerUnitOfShortfall() throws {
    // 每差 1 µg/m³ 扣 0.5 分: 38 against ≤ 35 is 3 short, 1.5 points off the 10.
    let rules = AssessmentRules(deductions: [
      Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)
    ])
    let s = scores(rules, [F.value("pm25", 38, "微克/立方米", on: end)])
    let pm = try #require(line(s["air"], .target("pm25")))
    #expect(pm.possible == 10)
    #expect(pm.earned == 8.5)
    #expect(pm.reasons.contains("差3，每差1扣0.5分，扣1.5分"))
    // A part of a unit counts as a whole one: 35.2 is 1 step.
    let part = scores(rules, [F.value("pm25", 35.2, "微克/立方米", on: end)])
    #expect(line(part["air"], .target("pm25"))?.earned == 9.5)
  }

  @Test func deductionsStopAtTheFloor() throws {
    // 80 is 45 short: 22.5 points off a 10-point target leaves 0 (扣完为止).
    let rules = AssessmentRules(deductions: [
      Deduction(.shortfall(target: nil, per: 1), points: 0.5)
    ])
    let s = scores(rules, [F.value("pm25", 80, "微克/立方米", on: end)])
    let pm = try #require(line(s["air"], .target("pm25")))
    #expect(pm.earned == 0)
    #expect(pm.reasons.last == "扣完为止")
    // A floor of 2 keeps 2.
    let floored = AssessmentRules(deductions: [
      Deduction(.shortfall(target: nil, per: 1), points: 0.5, floor: 2)
    ])
    #expect(
      line(scores(floored, [F.value("pm25", 80, "微克/立方米", on: end)])["air"], .target("pm25"))?
        .earned == 2)
  }

  @Test func deductionsByClassAndTheCooperatingShare() throws {
    // Defaults: 逾期 takes everything, 欠进度 half; 未开始 half once the task should have started.
    let s = scores(
      .default, [F.task("a", .inProgress, 10, on: Day(2020, 7, 1))], asOf: Day(2020, 7, 1))
    let a = try #require(line(s["air"], .task("a")))
    #expect(a.earned == 5)
    #expect(a.reasons.first == "第1项：欠进度（完成10%，序时进度50%）")
    #expect(a.reasons.contains("欠进度扣5分"))
    // 土壤处 cooperates on a: 0.3 of its 10 points at stake, half of that earned.
    let coop = try #require(line(s["soil"], .task("a")))
    #expect(coop.role == "配合")
    #expect(coop.possible == 3)
    #expect(coop.earned == 1.5)
    let b = try #require(line(s["water"], .task("b")))
    #expect(b.earned == 0)
    #expect(b.reasons.contains("逾期扣10分"))
    // Early in the year, a task not yet started loses nothing.
    let early = scores(.default, [], asOf: Day(2020, 1, 10))
    #expect(line(early["soil"], .task("c"))?.earned == 10)
  }

  @Test func scoreIsEarnedOverPossibleScaledToTheTotal() throws {
    let s = scores(
      .default,
      [
        F.value("pm25", 30, "微克/立方米", on: end), F.value("checks", 1200, "艘次", on: end),
        F.task("a", .done, 100, on: end),
      ])
    // 大气处: pm25 10 + checks 5 + task a 10, all earned.
    let air = try #require(s["air"])
    #expect(air.score == 100)
    #expect(air.grade == "优秀")
    // 水处: cod 10 (no data), water-ok 5 (no data), b 10 (overdue), pm25 0.3 × 10 earned.
    let water = try #require(s["water"])
    #expect(water.score == ((3.0 / 28) * 100 * 100).rounded() / 100)
    #expect(water.grade == "不合格")
  }

  @Test func bonusesAreAddedAndCapped() throws {
    let rules = AssessmentRules(
      bonusCap: 3,
      bonuses: [
        Bonus(.exceeded(target: "pm25", per: 1, max: 5), points: 0.5, reason: "超额完成"),
        Bonus(.doneEarly(task: nil), points: 2),
      ])
    let s = scores(
      rules,
      [
        F.value("pm25", 30, "微克/立方米", on: end),
        F.task("a", .done, 100, on: Day(2020, 10, 1)),
      ])
    let air = try #require(s["air"])
    let bonuses = air.lines.filter { $0.item == .bonus }
    #expect(bonuses.map(\.earned) == [2.5, 2])
    #expect(bonuses[0].reasons == ["PM2.5平均浓度超额5，每1加0.5分，加2.5分（超额完成）"])
    #expect(bonuses[1].reasons == ["第1项于2020-10-01提前完成（时限2020-12-31），加2分"])
    #expect(air.bonus == 3)  // 4.5 capped at 3
  }

  @Test func aVetoCapsTheGrade() throws {
    let rules = AssessmentRules(vetoes: [Veto(.targetNotMet("pm25"), cap: "不合格", reason: "空气质量")])
    let s = scores(
      rules,
      [
        F.value("pm25", 36, "微克/立方米", on: end), F.value("checks", 1200, "艘次", on: end),
        F.task("a", .done, 100, on: end),
      ])
    let air = try #require(s["air"])
    // 36 is 基本达标 (tolerance 3), not 未达标: half of pm25's 10 off, 20 of 25, no veto.
    #expect(air.score == 80)
    #expect(air.grade == "良好")
    let bad = try #require(
      scores(
        rules,
        [
          F.value("pm25", 40, "微克/立方米", on: end), F.value("checks", 1200, "艘次", on: end),
          F.task("a", .done, 100, on: end),
        ])["air"])
    // 40 is 未达标: 15 of 25 is 60, 合格 by score; the veto caps it at 不合格.
    #expect(bad.score == 60)
    #expect(bad.gradeBeforeVeto == "合格")
    #expect(bad.grade == "不合格")
    #expect(bad.lines.last?.reasons == ["一票否决：PM2.5平均浓度未达标（空气质量），等次最高为不合格"])
  }

  @Test func gradeBands() {
    let r = AssessmentRules.default
    #expect(Assessor.grade(90, rules: r) == "优秀")
    #expect(Assessor.grade(89.99, rules: r) == "良好")
    #expect(Assessor.grade(80, rules: r) == "良好")
    #expect(Assessor.grade(60, rules: r) == "合格")
    #expect(Assessor.grade(59.99, rules: r) == "不合格")
    #expect(Assessor.grade(-3, rules: r) == "不合格")
  }

  @Test func reasonsAreWrittenWhenReadAndCanBeReplaced() throws {
    let rules = AssessmentRules(deductions: [
      Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)
    ])
    let s = scores(rules, [F.value("pm25", 38, "微克/立方米", on: end)])
    var pm = try #require(line(s["air"], .target("pm25")))
    let written = ScoreLine(
      item: pm.item, role: pm.role, possible: pm.possible, earned: pm.earned, reasons: pm.reasons)
    // A line whose reasons are still figures equals one with the same text written out.
    #expect(pm == written)
    #expect(pm.reasons.first?.hasPrefix("PM2.5平均浓度：") == true)
    pm.reasons = ["另计"]
    #expect(pm.reasons == ["另计"])
    #expect(pm != written)
  }
}
