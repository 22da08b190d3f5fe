import PlanEngine
import PlanModel

/// The 考核方式 of one unit's book, in Chinese, written from the plan's ``AssessmentRules`` —
/// the rules ``Assessor`` scores with — so that what a unit signs and what `rank` gives it can
/// never disagree: the points it answers for, the deductions, bonuses and vetoes that can
/// apply to it (a veto on a target only in the books of the units carrying the target), the
/// grade bands and the reporting duty.
public enum AssessmentText {
  /// The points `unit` answers for in `resolved`: each target and task it carries, in the
  /// order of its book (targets first), with `Assessor`'s points for it.
  public struct Points: Sendable, Equatable {
    /// Each target's points, in the order of ``ResolvedPlan/targets(for:)``.
    public var targets: [Double]
    /// Each task's points, in the order of ``ResolvedPlan/tasks(for:)``.
    public var tasks: [Double]

    public var targetTotal: Double { targets.reduce(0, +) }
    public var taskTotal: Double { tasks.reduce(0, +) }
    public var total: Double { targetTotal + taskTotal }
  }

  /// The points `unit` answers for on each of its targets and tasks.
  public static func points(_ resolved: ResolvedPlan, unit: String) -> Points {
    let rules = resolved.plan.assessment ?? .default
    return Points(
      targets: resolved.targets(for: unit).map {
        // An aspirational target scored as a bonus puts no points at stake.
        rules.bonusOnly($0.target)
          ? 0 : rules.points(weight: $0.target.weight, lead: $0.lead.contains(unit))
      },
      tasks: resolved.tasks(for: unit).map {
        rules.points(weight: $0.task.weight, lead: $0.lead.contains(unit))
      })
  }

  /// The unit a shortfall or tolerance of `r` is counted in: percentage points for shares and
  /// changes (`个百分点`), otherwise the requirement's unit.
  public static func stepUnit(_ r: Requirement) -> String {
    switch r.kind {
    case .share?, .change?: "个百分点"
    case .level(_, _, let unit)?, .count(_, _, let unit)?: unit
    case .qualitative?: r.unit ?? ""
    case nil: r.measure == .share || r.measure == .change ? "个百分点" : r.unit ?? ""
    }
  }

  /// The clauses of 三、考核方式 for `unit`, numbered （一）（二）…: the plan's own clauses
  /// first, then 分值, 扣分, 加分, 一票否决, 等次 and 报送, each only where it applies.
  /// `party` is how the clauses name the unit (乙方 in a book, 贵单位 in a notice).
  public static func clauses(
    _ resolved: ResolvedPlan, unit: String, party: String = "乙方"
  )
    -> [String]
  {
    let plan = resolved.plan
    let rules = plan.assessment ?? .default
    let targets = resolved.targets(for: unit)
    let tasks = resolved.tasks(for: unit)
    let led = (
      targets: targets.filter { $0.lead.contains(unit) },
      tasks: tasks.filter { $0.lead.contains(unit) }
    )
    var out: [String] = []
    out += plan.assessmentMethod.map { [$0] } ?? []
    out += (plan.clauses ?? []).filter { $0.section == .assessment }.map(\.text)

    // 分值
    let p = points(resolved, unit: unit)
    var parts: [String] = []
    if !targets.isEmpty { parts.append("责任目标\(f(p.targetTotal))分") }
    if !tasks.isEmpty { parts.append("重点任务\(f(p.taskTotal))分") }
    if !parts.isEmpty {
      let share = rules.cooperatingShare < 1 ? "，配合的按该项分值的\(percent(rules.cooperatingShare))计" : ""
      // A share of a split target (指标分解) is the unit's own target: scored against its
      // share's requirement, for the item's whole points (see Sources/Tracking/README.md).
      let split =
        targets.contains { $0.shareUnit != nil } ? "，分解目标按本单位分解值考核、计该项全额分值" : ""
      out.append(
        "分值：本\(party == "乙方" ? "责任书" : "告知书")\(parts.joined(separator: "、"))，合计\(f(p.total))分。未标明分值的每项按\(f(rules.defaultPoints))分计，牵头的按全额计\(split)\(share)。考核得分为实得分值占应得分值的比例乘以\(f(rules.total))分，另计加分。"
      )
    }

    // 扣分
    var deductions: [String] = []
    var floors = Set<Double>()
    for d in rules.deductions {
      guard let text = deduction(d, rules: rules, targets: targets, hasTasks: !tasks.isEmpty)
      else { continue }
      deductions.append(text)
      floors.insert(d.floor)
    }
    if !deductions.isEmpty {
      let floor =
        floors.allSatisfy { $0 == 0 }
        ? "每项扣分以该项分值为限，扣完为止" : "每项扣分以该项分值为限，扣分后至少保留规定的保底分"
      out.append("扣分：\(deductions.joined(separator: "；"))；\(floor)。")
    }

    // 加分
    var bonuses: [String] = []
    for b in rules.bonuses {
      if let text = bonus(b, targets: led.targets, tasks: led.tasks) { bonuses.append(text) }
    }
    if let text = aspirational(rules, targets: targets) { bonuses.append(text) }
    if !bonuses.isEmpty {
      out.append("加分：\(bonuses.joined(separator: "；"))；加分合计不超过\(f(rules.bonusCap))分。")
    }

    // 一票否决
    var vetoes: [String] = []
    for v in rules.vetoes {
      if let text = veto(v, targets: targets, ledTasks: led.tasks) { vetoes.append(text) }
    }
    if !vetoes.isEmpty {
      out.append("一票否决：\(vetoes.joined(separator: "；"))。")
    }

    // 等次
    out.append("等次：\(grades(rules.grades))。")

    // 报送
    if let day = rules.reportDay {
      out.append(
        "报送：\(party)于每月\(day)日前报送上月责任目标完成情况和重点任务进展（含佐证材料），逾期未报送的，当月该项按无数据计。")
    } else {
      out.append("报送：\(party)按月报送责任目标完成情况和重点任务进展（含佐证材料）。")
    }

    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return out.enumerated().map { i, text in
      let n = i < numerals.count ? numerals[i] : String(i + 1)
      return "（\(n)）\(text)"
    }
  }

  /// How the unit's aspirational targets (力争) are scored, when it carries one and the plan
  /// scores them as a bonus: `力争目标不计入应得分值，未达到的不扣分，达到的由牵头单位加分（…加2分）`.
  static func aspirational(_ rules: AssessmentRules, targets: [ResolvedTarget]) -> String? {
    guard case .bonus(let points) = rules.aspirationalScoring else { return nil }
    let striving = targets.filter { $0.target.aspirational }
    guard !striving.isEmpty else { return nil }
    let each = striving.map {
      "\($0.target.name)加\(f(points ?? rules.points(weight: $0.target.weight)))分"
    }
    return "力争目标不计入应得分值，未达到的不扣分，达到的由牵头单位加分（\(each.joined(separator: "，"))）"
  }

  /// One deduction as the 考核细则 words it, or nil when it cannot apply to the unit.
  static func deduction(
    _ d: Deduction, rules: AssessmentRules, targets: [ResolvedTarget], hasTasks: Bool
  ) -> String? {
    let amount = taken(d)
    switch d.match {
    case .shortfall(let id, let per):
      let which = targets.filter { id == nil || $0.target.id == id }
      guard let t = which.first else { return nil }
      let name = id == nil ? "各项指标" : t.target.name
      let unit = id == nil ? "" : stepUnit(t.target.requirement)
      var text = "\(name)每差\(f(per))\(unit)扣\(f(d.points ?? 0))分"
      if let share = d.share, share > 0 { text += "，另扣该项分值的\(percent(share))" }
      return text
    case .targetClass(let status):
      guard !targets.isEmpty else { return nil }
      // 基本达标 needs a tolerance: without one no target of the unit can fall in it.
      if status == .nearlyMet, !targets.contains(where: { $0.target.tolerance != nil }) {
        return nil
      }
      let what: String
      switch status {
      case .nearlyMet: what = "责任目标基本达标（未达标但在允许偏差以内）的"
      case .notMet: what = "责任目标未达标的"
      case .noData: what = "责任目标无数据（未报送或无法核实）的"
      case .projected: what = "责任目标预计达标（尚未达标）的"
      case .met: what = "责任目标达标的"
      }
      return what + amount
    case .taskClass(let status):
      guard hasTasks else { return nil }
      let what: String
      switch status {
      case .behind: what = "重点任务进度落后序时进度超过\(f(rules.behindTolerance))个百分点（欠进度）的"
      case .overdue: what = "重点任务逾期未完成的"
      case .notStarted: what = "重点任务按序时进度应开展而未开展的"
      default: what = "重点任务\(status.chinese)的"
      }
      return what + amount
    case .missingReport:
      return "月报告到期未报送的，每月扣\(f(d.points ?? 0))分"
    case .lateReport:
      return "月报告迟报的，每次扣\(f(d.points ?? 0))分"
    }
  }

  /// `扣该项分值的50%`, `扣该项全部分值`, `扣1分`.
  private static func taken(_ d: Deduction) -> String {
    if let points = d.points { return "扣\(f(points))分" }
    let share = d.share ?? 0
    return share >= 1 ? "扣该项全部分值" : "扣该项分值的\(percent(share))"
  }

  static func bonus(_ b: Bonus, targets: [ResolvedTarget], tasks: [ResolvedTask]) -> String? {
    let why = b.reason.map { "（\($0)）" } ?? ""
    switch b.match {
    case .doneEarly(let id):
      if let id {
        guard let t = tasks.first(where: { $0.task.id == id }) else { return nil }
        return "第\(t.label)项任务提前完成的，加\(f(b.points))分\(why)"
      }
      guard !tasks.isEmpty else { return nil }
      return "牵头的重点任务提前完成的，每项加\(f(b.points))分\(why)"
    case .exceeded(let id, let per, let max):
      let which = targets.filter { id == nil || $0.target.id == id }
      guard let t = which.first else { return nil }
      let name = id == nil ? "牵头的责任目标" : t.target.name
      let unit = id == nil ? "" : stepUnit(t.target.requirement)
      return "\(name)超额完成的，每优于目标\(f(per))\(unit)加\(f(b.points))分，最多加\(f(max))分\(why)"
    }
  }

  static func veto(_ v: Veto, targets: [ResolvedTarget], ledTasks: [ResolvedTask]) -> String? {
    let why = v.reason.map { "（\($0)）" } ?? ""
    switch v.match {
    case .targetNotMet(let id):
      guard let t = targets.first(where: { $0.target.id == id }) else { return nil }
      return "\(t.target.name)未达标或无数据的，考核等次最高为\(v.cap)\(why)"
    case .taskOverdue(let id):
      if let id {
        guard let t = ledTasks.first(where: { $0.task.id == id }) else { return nil }
        return "第\(t.label)项任务逾期未完成的，考核等次最高为\(v.cap)\(why)"
      }
      guard !ledTasks.isEmpty else { return nil }
      return "牵头的重点任务逾期未完成的，考核等次最高为\(v.cap)\(why)"
    }
  }

  /// `90分及以上为优秀，80分及以上不足90分为良好，…，不足60分为不合格`.
  static func grades(_ bands: [GradeBand]) -> String {
    var parts: [String] = []
    for (i, b) in bands.enumerated() {
      let above = i > 0 ? bands[i - 1].minimum : nil
      if b.minimum <= 0, let above {
        parts.append("不足\(f(above))分为\(b.name)")
      } else if let above {
        parts.append("\(f(b.minimum))分及以上不足\(f(above))分为\(b.name)")
      } else {
        parts.append("\(f(b.minimum))分及以上为\(b.name)")
      }
    }
    return parts.joined(separator: "，")
  }

  private static func f(_ v: Double) -> String {
    Requirement.format(TargetEvaluator.rounded(v))
  }

  private static func percent(_ share: Double) -> String { "\(f(share * 100))%" }
}
