import PlanEngine
import PlanModel

/// Every item's colour month by month up to a day (三色预警 with memory), derived from the
/// progress reports alone, so whoever computes it gets the same: the plan's status is
/// evaluated at the end of each month from the first month with a report up to the as-of day,
/// and the as-of day itself (``days``), each once; each item's raw colours
/// (``ColourRules``) are then read in order with the plan's memory rule
/// (``ColourRules/remember(_:recoveryMonths:)``).
public struct ColourHistory: Sendable {
  /// The days evaluated, oldest first: month ends, then the as-of day (itself a month end or
  /// not). A bulletin reads the month ends.
  public var days: [Day]
  /// Every item with a colour on some day, in plan order (tasks with their milestones, then
  /// targets).
  public var items: [ColourItem]
  /// Each item's mark on each of ``days`` (nil: no colour that day, a target without data).
  public var tracks: [ColourItem: [ColourMark?]]

  /// The last day evaluated (the as-of day).
  public var asOf: Day? { days.last }

  /// The item's mark on the as-of day.
  public func current(_ item: ColourItem) -> ColourMark? { tracks[item]?.last ?? nil }

  /// The item's marks on ``days``.
  public func track(_ item: ColourItem) -> [ColourMark?] {
    tracks[item] ?? Array(repeating: nil, count: days.count)
  }

  /// The item's mark on `day` (one of ``days``), or nil.
  public func mark(_ item: ColourItem, on day: Day) -> ColourMark? {
    guard let i = days.firstIndex(of: day) else { return nil }
    return track(item)[i]
  }

  /// How many items of each colour are current on the as-of day.
  public var counts: [WarningColour: Int] {
    var c: [WarningColour: Int] = [:]
    for item in items { if let m = current(item) { c[m.colour, default: 0] += 1 } }
    return c
  }

  /// The days a history up to `asOf` evaluates: the end of every month from the first month
  /// of `reports` (not before the plan's first month) that ends before `asOf`, then `asOf`.
  public static func days(reports: [ProgressReport], plan: WorkPlan, asOf: Day) -> [Day] {
    let months = reports.compactMap { r -> (Int, Int)? in
      if case .month(let y, let m) = r.period { return (y, m) }
      return nil
    }
    guard var (y, m) = months.min(by: { ($0.0, $0.1) < ($1.0, $1.1) }) else { return [asOf] }
    if (y, m) < (plan.period.start.year, plan.period.start.month) {
      (y, m) = (plan.period.start.year, plan.period.start.month)
    }
    var out: [Day] = []
    while true {
      let end = Day.endOf(month: m, year: y)
      guard end < asOf else { break }
      out.append(end)
      (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
    }
    return out + [asOf]
  }

  /// The history of `resolved` up to `asOf` from `reports`. `current`, the status on `asOf`
  /// when the caller has it already, is not evaluated again.
  public static func build(
    _ resolved: ResolvedPlan, reports: [ProgressReport], asOf: Day, current: StatusReport? = nil
  ) -> ColourHistory {
    let days = days(reports: reports, plan: resolved.plan, asOf: asOf)
    let statuses = days.map { day in
      if let current, current.asOf == day { return current }
      return Evaluator.evaluate(resolved, reports: reports, asOf: day)
    }
    return ColourHistory(statuses: statuses)
  }

  /// The history of the given statuses (one plan, oldest first).
  public init(statuses: [StatusReport]) {
    var items: [ColourItem] = []
    var raw: [ColourItem: [(WarningColour, String)?]] = [:]
    for (i, s) in statuses.enumerated() {
      for (item, colour, reason) in ColourRules.raw(s) {
        if raw[item] == nil {
          items.append(item)
          raw[item] = Array(repeating: nil, count: statuses.count)
        }
        raw[item]?[i] = (colour, reason)
      }
    }
    let recovery = statuses.last?.rules.supervisionRules.recoveryMonths ?? 1
    var tracks: [ColourItem: [ColourMark?]] = [:]
    for (item, marks) in raw {
      let remembered = ColourRules.remember(marks.map { $0?.0 }, recoveryMonths: recovery)
      tracks[item] = zip(marks, remembered).map { mark, colour in
        guard let mark, let colour else { return nil }
        let reason =
          colour == mark.0 ? mark.1 : "\(mark.1)；曾为红色预警，差距补齐后转黄色（不直接转绿）"
        return ColourMark(colour: colour, raw: mark.0, reason: reason)
      }
    }
    // Plan order: the first day's items, then any new on a later day, as met.
    self.days = statuses.map(\.asOf)
    self.items = items
    self.tracks = tracks
  }
}
