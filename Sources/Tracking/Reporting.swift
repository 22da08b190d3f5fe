import PlanEngine
import PlanModel

/// A month a unit's report was due and not received, or received late.
public struct ReportLapse: Sendable, Hashable {
  /// The month reported on.
  public var month: ReportingPeriod
  /// The day its report was due (the plan's `reportDay` of the following month).
  public var due: Day
  /// For a late report: the month of the report it came with (its rows dated in `month` are
  /// in that later month's file); nil when it is missing.
  public var receivedWith: ReportingPeriod?

  /// `2020年7月月报（应于2020-08-05前报送）未报送`, or `…随2020年8月月报迟报`.
  public var chinese: String {
    let what = "\(month.chinese)月报（应于\(due)前报送）"
    if let later = receivedWith { return "\(what)随\(later.chinese)月报迟报" }
    return "\(what)未报送"
  }
}

/// One unit's reporting record as of a day: the months it has not reported and those it
/// reported late.
public struct UnitReporting: Sendable {
  public var unit: OrgUnit
  public var missing: [ReportLapse]
  public var late: [ReportLapse]
}

/// 月报告: each reporting unit (`ResolvedPlan.reportingUnits`) reports every month by the plan's due day. See
/// `Sources/Tracking/README.md`.
enum ReportingCheck {
  /// The months whose reports were due on or before `asOf`: from the first month of the
  /// reports (reporting begins with the first report received) to the last month whose due
  /// day has passed, within the plan's period. Empty without a `reportDay`.
  static func dueMonths(plan: WorkPlan, reports: [ProgressReport], asOf: Day) -> [ReportingPeriod] {
    guard let day = plan.assessment?.reportDay,
      let first = reports.filter({ !$0.entries.isEmpty }).map(\.period).min()
    else { return [] }
    var months: [ReportingPeriod] = []
    var m = first
    while m.range.start <= plan.period.end {
      let due = dueDay(of: m, reportDay: day)
      guard due <= asOf else { break }
      if m.range.end >= plan.period.start { months.append(m) }
      m = m.next
    }
    return months
  }

  /// The day the report on `month` is due: `reportDay` of the following month.
  static func dueDay(of month: ReportingPeriod, reportDay: Int) -> Day {
    let next = month.next.range.start
    return Day(next.year, next.month, reportDay)
  }

  /// The missing and late reports of each of `units`, as of `asOf`.
  static func check(
    units: [OrgUnit], plan: WorkPlan, reports: [ProgressReport], asOf: Day
  ) -> [UnitReporting] {
    let months = dueMonths(plan: plan, reports: reports, asOf: asOf)
    guard let day = plan.assessment?.reportDay, !months.isEmpty else {
      return units.map { UnitReporting(unit: $0, missing: [], late: []) }
    }
    // Who reported in each month's own file, and the first later file holding a unit's rows
    // dated in an earlier month (base-year values, sent whenever known, and assessors'
    // findings do not count).
    var onTime: [ReportingPeriod: Set<String>] = [:]
    var later: [ReportingPeriod: [String: ReportingPeriod]] = [:]
    for report in reports.sorted(by: { $0.period < $1.period })
    where report.period.range.start <= asOf {
      for e in report.entries where e.kind != .base && e.kind != .finding {
        let month = ReportingPeriod.month(year: e.date.year, month: e.date.month)
        if month == report.period {
          onTime[month, default: []].insert(e.reporter)
        } else if later[month]?[e.reporter] == nil {
          later[month, default: [:]][e.reporter] = report.period
        }
      }
    }
    return units.map { unit in
      var r = UnitReporting(unit: unit, missing: [], late: [])
      for m in months where onTime[m]?.contains(unit.id) != true {
        let lapse = ReportLapse(
          month: m, due: dueDay(of: m, reportDay: day), receivedWith: later[m]?[unit.id])
        if lapse.receivedWith == nil { r.missing.append(lapse) } else { r.late.append(lapse) }
      }
      return r
    }
  }
}
