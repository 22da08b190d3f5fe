import PlanModel

/// What a ``ScoreLine``'s reasons are written from: kept as figures until the text is read,
/// since a score that is only ranked never shows it.
enum ScoreReasons: Sendable {
  /// What a cooperating unit actually lost of `taken` points deducted from the item:
  /// `按配合比例0.3计，实扣0.3分`; nothing for a lead unit or when nothing was taken.
  static func shared(_ taken: Double, share: Double) -> [String] {
    guard share < 1, taken > TargetEvaluator.epsilon else { return [] }
    let actual = TargetEvaluator.rounded(taken * share)
    return [
      "按配合比例\(Requirement.format(share))计，实扣\(Requirement.format(actual))分"
    ]
  }

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
  /// The unit's share of the item (1 when it leads, the plan's `cooperatingShare` when it
  /// cooperates).
  var share: Double = 1

  var text: [String] {
    let progress =
      "完成\(Requirement.format(TargetEvaluator.rounded(percent)))%，序时进度\(Requirement.format(TargetEvaluator.rounded(expected)))%"
    let (kept, deducted) = Assessor.deduct(
      points: points, task: status, expected: expected, deductions: deductions,
      behindTolerance: behindTolerance, explain: true)
    return ["第\(label)项：\(status.chinese)（\(progress)）"] + deducted
      + ScoreReasons.shared(points - kept, share: share)
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
  /// The unit's share of the item, as for a task.
  var share: Double = 1
  /// The assessor's finding scored instead of the computed class (then `status` is the
  /// finding's class), and the computed class.
  var finding: TargetFinding? = nil
  var computed: TargetStatus? = nil
  /// For a unit's share of a split target (指标分解): the share's requirement, scored for the
  /// item's whole points.
  var shareOf: String? = nil

  var text: [String] {
    let (kept, deducted) = Assessor.deduct(
      points: points, target: id, status: status, shortfall: shortfall,
      deductions: deductions, explain: true)
    let why =
      finding.map {
        "按\($0.source.chinese)计，\($0.by)，\($0.on)；计算结果\((computed ?? status).chinese)：\(explanation)"
      } ?? explanation
    let what = shareOf.map { "\(name)（本单位分解目标 \($0)，计该项全额分值）" } ?? name
    return ["\(what)：\(status.chinese)（\(why)）"] + deducted
      + ScoreReasons.shared(points - kept, share: share)
  }
}
