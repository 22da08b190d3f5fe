import PlanEngine
import PlanModel

/// A target (or a task's figure) as of a date: what was measured, what that achieves against
/// the requirement, and its class.
public struct TargetEvaluation: Sendable {
  public var target: ResolvedTarget
  public var status: TargetStatus
  /// The latest measured value reported on or before the date, its day and basis.
  public var measured: Double?
  /// The unit the value was reported in (for a change target, the quantity's own: 万吨).
  public var measuredUnit: String?
  public var measuredOn: Day?
  public var basis: ProgressEntry.Basis?
  /// The base-year value (change targets).
  public var base: Double?
  /// What is compared with the requirement: the measured value, or for a change target the
  /// change against the base year in percent (a reduction as a positive number for `decrease`).
  public var achieved: Double?
  /// How far `achieved` misses the requirement, in the requirement's terms (0 when met); for
  /// a met target, by how much it is bettered as a negative number.
  public var shortfall: Double?
  /// The value projected to the period's end, when one was computed.
  public var projected: Double?
  /// For a year-to-date average (a level or share reported `ytd`): what the rest of the period
  /// would have to average for the requirement to be met, and what the recent months (the
  /// last three reports' windows) averaged. See `Sources/Tracking/README.md`.
  public var requiredRest: Double?
  public var recentMean: Double?
  /// Whether the target's own period (秋冬季) had not begun: it is then not scored.
  public var notYetDue = false
  /// Why the target is in its class, in Chinese (`PM2.5平均浓度 38 微克/立方米，要求不高于35`).
  public var explanation: String
  /// The latest self-assessment (自评) and third-party finding (第三方评估) recorded on or
  /// before the date, shown beside the computed ``status``.
  public var selfAssessment: TargetFinding? = nil
  public var thirdParty: TargetFinding? = nil

  /// The finding from `source`, if one is recorded.
  public func finding(_ source: FindingSource) -> TargetFinding? {
    source == .selfAssessment ? selfAssessment : thirdParty
  }

  /// The finding scoring takes instead of the computed class under `use`, if there is one.
  public func scoringFinding(_ use: FindingUse) -> TargetFinding? {
    switch use {
    case .computed: nil
    case .selfAssessment: selfAssessment
    case .thirdParty: thirdParty
    }
  }

  /// The class the target is scored by under `use`: the finding's where there is one, else
  /// the computed ``status``.
  public func scoredStatus(_ use: FindingUse) -> TargetStatus {
    scoringFinding(use)?.status ?? status
  }

  /// Records the latest finding of each source among `rows` (the target's rows up to the
  /// date, any kinds).
  mutating func attachFindings(_ rows: [ProgressEntry], asOf: Day) {
    for r in rows where r.kind == .finding && r.date <= asOf {
      guard let source = r.findingSource, let status = r.finding else { continue }
      let f = TargetFinding(
        source: source, status: status, by: r.reporter, on: r.date, note: r.note)
      switch source {
      case .selfAssessment where selfAssessment.map({ $0.on <= r.date }) ?? true:
        selfAssessment = f
      case .thirdParty where thirdParty.map({ $0.on <= r.date }) ?? true:
        thirdParty = f
      default: break
      }
    }
  }
}

/// A target's class as an assessor found it (a `finding` row of the progress reports).
public struct TargetFinding: Sendable, Equatable {
  public var source: FindingSource
  public var status: TargetStatus
  /// Who found it: a unit id, or the third-party assessor as written.
  public var by: String
  public var on: Day
  public var note: String

  /// `自评达标（大气处，2020-12-20）`, with the unit's short name when `names` knows it.
  public func chinese(names: [String: String] = [:]) -> String {
    "\(source.chinese)\(status.chinese)（\(names[by] ?? by)，\(on)）"
  }
}

/// Classifies targets. See `Sources/Tracking/README.md` for the rules.
enum TargetEvaluator {
  static let epsilon = 1e-9

  static func evaluate(
    _ t: ResolvedTarget, entries: [ProgressEntry], asOf: Day, plan: WorkPlan,
    rules: AssessmentRules = .default, milestones: [MilestoneEvaluation] = []
  ) -> TargetEvaluation {
    let freshness = rules.freshnessMonths
    let r = t.target.requirement
    var period = t.target.period?.dueDay.map { DateRange(plan.period.start, $0) } ?? plan.period
    if case .period(_, let range) = t.target.period { period = range }
    let rows = entries.filter { $0.kind == .target && $0.id == t.target.id && $0.date <= asOf }
      .sorted { $0.date < $1.date }
    var e = TargetEvaluation(target: t, status: .noData, explanation: "无报送数据")
    if asOf < period.start {
      e.notYetDue = true
      e.explanation = "考核期自\(period.start)起"
      return e
    }
    guard let latest = rows.last else { return e }
    // A value too old to be current is no data, not carried forward for ever.
    let age = (asOf.year * 12 + asOf.month) - (latest.date.year * 12 + latest.date.month)
    if age > freshness {
      e.explanation =
        "最近一次报送为\(latest.date)，已超过\(freshness)个月未更新，按无数据计"
      return e
    }
    e.measuredOn = latest.date
    e.basis = latest.basis

    // What the requirement asks, by its kind: a direction and a value; for a change, against
    // which year; whether the value is a percentage, a level (or share) whose year-to-date mean
    // is projected, or a count whose year-to-date total is scaled up. An incomplete one (the
    // checker's error) as its fields say.
    let direction: Requirement.Direction
    let required: Double
    var change = false
    var baseYear: Int?
    var percent = false
    var averages = false
    var scales = false
    switch r.kind {
    case nil where r.measure == .qualitative, .qualitative:
      return qualitative(
        e, latest: latest, asOf: asOf, period: period, rules: rules, milestones: milestones)
    case .level(let d, let v, let unit)?:
      (direction, required, percent, averages) = (d, v, unit == "%", true)
    case .count(let d, let v, let unit)?:
      (direction, required, percent, scales) = (d, v, unit == "%", true)
    case .share(let d, let v, _, _)?:
      (direction, required, percent, averages) = (d, v, true, true)
    case .change(let d, let v, let unit, let year)?:
      (direction, required, percent, change, baseYear) = (d, v, unit == "%", true, year)
    case nil:
      guard let d = r.direction, let v = r.value else { return e }
      (direction, required, change, baseYear) = (d, v, r.measure == .change, r.baseYear)
      percent = r.measure == .share || r.unit == "%"
      averages = r.measure == .level || r.measure == .share
      scales = r.measure == .count
    }
    guard let value = latest.value else { return e }
    e.measured = value
    let unit = latest.unit ?? r.unit ?? ""
    e.measuredUnit = unit

    // What the requirement is checked against.
    var series = rows.compactMap { row in row.value.map { (row.date, $0) } }
    if change {
      let bases = entries.filter { $0.kind == .base && $0.id == t.target.id && $0.date <= asOf }
        .sorted { $0.date < $1.date }
      guard let base = bases.last, let b = base.value, b != 0 else {
        e.explanation = "缺少\(baseYear.map { "\($0)年" } ?? "")基准值，无法计算变化率"
        return e
      }
      guard base.unit == latest.unit else {
        e.explanation = "基准值单位（\(base.unit ?? "")）与报送值单位（\(unit)）不一致"
        return e
      }
      e.base = b
      let sign: Double = direction == .decrease ? -1 : 1
      series = series.map { ($0.0, sign * ($0.1 - b) / b * 100) }
    }
    guard let achieved = series.last?.1 else { return e }
    e.achieved = achieved
    let shortfall = Self.shortfall(achieved, required: required, direction: direction)
    e.shortfall = shortfall

    let shown: String
    if change, let b = e.base {
      let way = direction == .decrease ? "下降" : "提高"
      shown =
        "较\(baseYear.map { "\($0)年" } ?? "基准年")\(way)\(Requirement.format(rounded(achieved))) %"
        + "（\(Requirement.format(value)) \(unit)，基准\(Requirement.format(b)) \(unit)）"
    } else {
      shown = "\(Requirement.format(rounded(achieved))) \(unit)"
    }
    let projectedUnit = change ? " %" : " \(unit)"
    let wanted = r.summary
    if shortfall <= epsilon {
      e.status = .met
      e.explanation = "实际\(shown)，要求\(wanted)"
      return e
    }
    // Not met: projected to the period's end?
    var averageNote = ""
    if asOf < period.end {
      var projection: Double?
      if averages, latest.basis == .ytd,
        let average = projectAverage(
          rows.filter { $0.basis == .ytd }, required: required, period: period, percent: percent)
      {
        projection = average.projected
        e.requiredRest = average.requiredRest
        e.recentMean = average.recent
        let way = direction == .atLeast ? "不低于" : direction == .atMost ? "不高于" : ""
        averageNote =
          "，其余\(average.restDays)天平均需\(way)\(Requirement.format(rounded(average.requiredRest)))，"
          + "近期平均\(Requirement.format(rounded(average.recent)))，"
          + "预计期末\(Requirement.format(rounded(average.projected)))\(projectedUnit)"
      } else {
        projection = project(series, rows: rows, scalesYearToDate: scales, period: period)
        if percent { projection = projection.map { min(100, max(0, $0)) } }
      }
      if let projected = projection {
        e.projected = projected
        if Self.shortfall(projected, required: required, direction: direction) <= epsilon {
          e.status = .projected
          e.explanation =
            averageNote.isEmpty
            ? "实际\(shown)，预计期末\(Requirement.format(rounded(projected)))\(projectedUnit)，要求\(wanted)"
            : "实际\(shown)\(averageNote)，要求\(wanted)"
          return e
        }
      }
    }
    if let tolerance = t.target.tolerance, shortfall <= tolerance + epsilon {
      e.status = .nearlyMet
      e.explanation =
        "实际\(shown)\(averageNote)，要求\(wanted)，差\(Requirement.format(rounded(shortfall)))，在允许偏差\(Requirement.format(tolerance))以内"
      return e
    }
    e.status = .notMet
    e.explanation =
      "实际\(shown)\(averageNote)，要求\(wanted)，差\(Requirement.format(rounded(shortfall)))"
    return e
  }

  /// A qualitative target by its reported state, against its schedule: 推进中 before the
  /// period's end is 预计达标 only while it keeps to it — not reported 滞后, no milestone of its
  /// task overdue or 欠进度, and a reported % complete within `behindTolerance` of 序时进度
  /// (the share of the target's period elapsed). Behind is 未达标, or 基本达标 when the gap
  /// to 序时进度 is within `behindTolerance` + the target's `tolerance` (percentage points).
  static func qualitative(
    _ evaluation: TargetEvaluation, latest: ProgressEntry, asOf: Day, period: DateRange,
    rules: AssessmentRules, milestones: [MilestoneEvaluation]
  ) -> TargetEvaluation {
    var e = evaluation
    let r = e.target.target.requirement
    let state = latest.state ?? .notStarted
    let said = latest.lagging ? "滞后" : state.chinese
    let progress = latest.percent.map { "，完成\(Requirement.format(rounded($0)))%" } ?? ""
    e.explanation = "\(r.summary)：\(said)\(progress)"
    switch state {
    case .done:
      e.status = .met
      return e
    case .notStarted:
      e.status = .notMet
      return e
    case .inProgress:
      break
    }
    guard asOf < period.end else {
      e.status = .notMet
      return e
    }
    let expected = TaskEvaluator.expected(asOf: asOf, start: period.start, due: period.end)
    let shownExpected = "序时进度\(Requirement.format(rounded(expected)))%"
    var behind: String?
    var gap: Double?
    if latest.lagging {
      behind = "自报滞后于序时进度"
    } else if let m = milestones.first(where: { $0.status == .overdue || $0.status == .behind }) {
      let due = m.milestone.deadline.dueDay.map { "，时限\($0)" } ?? ""
      behind =
        "节点“\(m.milestone.title)”\(m.status.chinese)（完成\(Requirement.format(rounded(m.percent)))%\(due)）"
    } else if let p = latest.percent, p < expected - rules.behindTolerance - epsilon {
      gap = expected - p
      behind = "落后\(shownExpected)\(Requirement.format(rounded(expected - p)))个百分点"
    }
    guard let behind else {
      e.status = .projected
      if latest.percent != nil { e.explanation += "，\(shownExpected)" }
      return e
    }
    if let gap, let tolerance = e.target.target.tolerance,
      gap <= rules.behindTolerance + tolerance + epsilon
    {
      e.status = .nearlyMet
      e.explanation += "，\(behind)，在允许偏差以内"
    } else {
      e.status = .notMet
      e.explanation += "，\(behind)"
    }
    return e
  }

  /// How far `achieved` misses `required`; negative when it is bettered.
  static func shortfall(
    _ achieved: Double, required: Double, direction: Requirement.Direction
  ) -> Double {
    switch direction {
    case .atMost: achieved - required
    case .atLeast, .decrease, .increase: required - achieved
    case .equal: abs(achieved - required)
    }
  }

  /// The value projected to the end of `period`: with `scalesYearToDate` (a count), one reported
  /// year to date scaled by the share of the period elapsed; otherwise the least-squares line
  /// through the reported values at the period's last day (at least two values on different
  /// days).
  static func project(
    _ series: [(Day, Double)], rows: [ProgressEntry], scalesYearToDate: Bool,
    period: DateRange
  ) -> Double? {
    guard let last = series.last else { return nil }
    let days = Double(period.end.ordinal - period.start.ordinal + 1)
    if scalesYearToDate, rows.last?.basis == .ytd {
      let elapsed = Double(last.0.ordinal - period.start.ordinal + 1) / days
      return elapsed > 0 ? last.1 / elapsed : nil
    }
    guard series.count >= 2 else { return nil }
    let xs = series.map { Double($0.0.ordinal) }
    let ys = series.map(\.1)
    let mx = xs.reduce(0, +) / Double(xs.count)
    let my = ys.reduce(0, +) / Double(ys.count)
    let sxx = zip(xs, xs).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - mx) }
    guard sxx > 0 else { return nil }
    let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let slope = sxy / sxx
    return my + slope * (Double(period.end.ordinal) - mx)
  }

  /// A year-to-date average projected to the end of `period` from what the rest of the period
  /// would have to average: each pair of successive `ytd` rows gives the mean of the days
  /// between them (A₂·D₂ − A₁·D₁)/(D₂ − D₁), D the days since the period's start; the
  /// recent mean is that of the last three such windows, weighted by their days; the
  /// projection assumes the rest of the period averages the recent mean:
  /// (Aₙ·Dₙ + recent·(T − Dₙ))/T, T the period's days. `requiredRest` is what the rest would
  /// have to average to meet `required`: (required·T − Aₙ·Dₙ)/(T − Dₙ). Shares stay within
  /// 0–100.
  static func projectAverage(
    _ rows: [ProgressEntry], required: Double, period: DateRange, percent: Bool
  ) -> (projected: Double, requiredRest: Double, recent: Double, restDays: Int)? {
    let points = rows.compactMap { row -> (days: Double, mean: Double)? in
      guard let v = row.value else { return nil }
      return (Double(row.date.ordinal - period.start.ordinal + 1), v)
    }
    guard let last = points.last, last.days > 0 else { return nil }
    let total = Double(period.end.ordinal - period.start.ordinal + 1)
    let rest = total - last.days
    guard rest > 0 else { return nil }
    // The windows between successive reports (the first from the period's start).
    var windows: [(days: Double, mean: Double)] = []
    var previous: (days: Double, mean: Double) = (0, 0)
    for p in points where p.days > previous.days {
      let days = p.days - previous.days
      windows.append((days, (p.mean * p.days - previous.mean * previous.days) / days))
      previous = p
    }
    let recentWindows = windows.suffix(3)
    let recentDays = recentWindows.reduce(0) { $0 + $1.days }
    guard recentDays > 0 else { return nil }
    var recent = recentWindows.reduce(0) { $0 + $1.days * $1.mean } / recentDays
    if percent { recent = min(100, max(0, recent)) }
    var projected = (last.mean * last.days + recent * rest) / total
    if percent { projected = min(100, max(0, projected)) }
    let requiredRest = (required * total - last.mean * last.days) / rest
    return (projected, requiredRest, recent, Int(rest))
  }

  static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}

extension TargetEvaluation {
  /// Whether the class is said as of an aspirational target (未达到力争目标, not 未达标): the
  /// target is 力争 and the plan does not score it as an ordinary one
  /// (``AspirationalScoring/ordinary``, where a miss costs points and is 未达标).
  public func aspirational(_ rules: AssessmentRules) -> Bool {
    rules.bonusOnly(target.target)
  }
}
