import PlanModel

/// `Supervision(warningDays: 20, replyDays: 7)` in an ``Assessment``: the plan's own windows
/// for its three-colour warnings and supervision notices (督查督办). Without it the defaults of
/// ``SupervisionRules/default`` apply (30 days' warning, 10 days to reply, one month yellow
/// after a red item is made up, the plan's issuer, `督办〔2020〕9号`).
public struct Supervision: AssessmentContent {
  let rules: SupervisionRules

  /// Declares the supervision settings.
  /// - Parameters:
  ///   - warningDays: days before a deadline from which an item not done is blue (蓝色预警).
  ///   - replyDays: days after a notice by which the unit replies; an item without progress
  ///     by then is noticed again one level up (蓝 → 黄 → 红).
  ///   - recoveryMonths: month ends a red item stays yellow once made up.
  ///   - issuer: the unit id that issues the notices (nil: the plan's issuer).
  ///   - prefix: the word of the notice number (`督办` → `督办〔2020〕9号`).
  public init(
    warningDays: Int = 30, replyDays: Int = 10, recoveryMonths: Int = 1, issuer: String? = nil,
    prefix: String = "督办"
  ) {
    rules = SupervisionRules(
      warningDays: warningDays, replyDays: replyDays, recoveryMonths: recoveryMonths,
      issuer: issuer, prefix: prefix)
  }

  public func add(
    to rules: inout AssessmentRules, deductions: inout [Deduction], grades: inout [GradeBand]
  ) { rules.supervision = self.rules }
}
