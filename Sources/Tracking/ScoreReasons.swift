import PlanModel

/// What a ``ScoreLine``'s reasons are written from: kept as figures until the text is read,
/// since a score that is only ranked never shows it.
enum ScoreReasons: Sendable {
  /// Written out already (bonuses, vetoes, or set by a caller).
  case written([String])
  case task(TaskReasons)
  case target(TargetReasons)

  /// The reasons, in Chinese.
  var text: [String] {
    switch self {
    case .written(let reasons): reasons
    case .task(let t): t.text
    case .target(let t): t.text
    }
  }
}

/// A task line's reasons: its class and progress against 序时进度, then each deduction.
struct TaskReasons: Sendable {
  var label: String
  var status: TaskStatus
  var percent: Double
  var expected: Double
  /// The task's points, before its unit's share.
  var points: Double
  var deductions: [Deduction]
  var behindTolerance: Double

  var text: [String] {
    let progress =
      "完成\(Requirement.format(TargetEvaluator.rounded(percent)))%，序时进度\(Requirement.format(TargetEvaluator.rounded(expected)))%"
    let (_, deducted) = Assessor.deduct(
      points: points, task: status, expected: expected, deductions: deductions,
      behindTolerance: behindTolerance, explain: true)
    return ["第\(label)项：\(status.chinese)（\(progress)）"] + deducted
  }
}

/// A target line's reasons: its class and why, then each deduction.
struct TargetReasons: Sendable {
  var name: String
  var id: String
  var status: TargetStatus
  var explanation: String
  var shortfall: Double?
  /// The target's points, before its unit's share.
  var points: Double
  var deductions: [Deduction]

  var text: [String] {
    let (_, deducted) = Assessor.deduct(
      points: points, target: id, status: status, shortfall: shortfall,
      deductions: deductions, explain: true)
    return ["\(name)：\(status.chinese)（\(explanation)）"] + deducted
  }
}
