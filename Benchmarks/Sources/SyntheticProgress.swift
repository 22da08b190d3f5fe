import PlanEngine
import PlanModel

/// Twelve monthly progress reports for a resolved plan, as units would file them: every
/// target's value (drifting towards or past its requirement), base-year values for change
/// targets, every task's state and % complete (some early, some late, some never started) and
/// milestones. Deterministic for a seed; in memory (the CSV parser is not what is measured).
enum SyntheticProgress {
  static func reports(_ resolved: ResolvedPlan, seed: UInt64) -> [ProgressReport] {
    var rng = SeededRandom(seed: seed)
    let year = resolved.plan.period.start.year
    // Per target: where its value starts and how far it moves by December (as a share of the
    // requirement), so some are met, some projected, some missed.
    struct Course {
      var start: Double
      var end: Double
    }
    var courses: [String: Course] = [:]
    for t in resolved.targets {
      guard let v = t.target.requirement.value else { continue }
      let r = t.target.requirement
      let lucky = rng.chance(0.7)
      switch (r.measure, r.direction) {
      case (.change, _):
        // The quantity itself (万吨): base 100, falling (or rising) by about the requirement.
        let change = v * (lucky ? 1.1 : 0.8)
        let sign = r.direction == .increase ? 1.0 : -1.0
        courses[t.target.id] = Course(start: 100 + sign * change * 0.3, end: 100 + sign * change)
      case (.count, .atMost?):
        courses[t.target.id] = Course(start: 0, end: lucky ? v : v + 1)
      case (.count, _):
        courses[t.target.id] = Course(start: 0, end: v * (lucky ? 1.05 : 0.85))
      case (_, .atMost?):
        courses[t.target.id] = Course(start: v * 1.15, end: v * (lucky ? 0.95 : 1.04))
      case (_, .equal?):
        courses[t.target.id] = Course(start: v, end: lucky ? v : v + 1)
      default:
        courses[t.target.id] = Course(
          start: v * 0.9, end: min(v == 100 ? 100 : v * 1.2, v * (lucky ? 1.02 : 0.97)))
      }
    }
    // Per task: how fast it goes (percent per month) and whether it is ever started.
    var speeds: [String: Double] = [:]
    for t in resolved.tasks {
      speeds[t.task.id] = rng.chance(0.08) ? 0 : Double(rng.int(5...16))
    }

    var reports: [ProgressReport] = []
    for month in 1...12 {
      let date = Day.endOf(month: month, year: year)
      var entries: [ProgressEntry] = []
      for t in resolved.targets {
        let reporter = t.lead.first ?? resolved.plan.issuer
        let r = t.target.requirement
        if r.measure == .qualitative {
          let state: WorkState = month >= 10 && rng.chance(0.5) ? .done : .inProgress
          entries.append(
            ProgressEntry(
              kind: .target, id: t.target.id, state: state, reporter: reporter, date: date))
          continue
        }
        guard let course = courses[t.target.id], rng.chance(0.95) else { continue }
        if r.measure == .change, month == 1, let base = r.baseYear {
          entries.append(
            ProgressEntry(
              kind: .base, id: t.target.id, value: 100, unit: "万吨", baseYear: base,
              reporter: reporter, date: Day(year, 1, 15), note: "\(base)年基准值（统计年鉴）"))
        }
        let share = Double(month) / 12
        var value = course.start + (course.end - course.start) * share
        value += (Double(rng.int(-10...10)) / 100) * abs(course.end - course.start) * 0.1
        if r.measure == .count { value = max(0, value.rounded()) }
        entries.append(
          ProgressEntry(
            kind: .target, id: t.target.id, value: value.rounded(toPlaces: 2),
            unit: r.measure == .change ? "万吨" : r.unit, basis: .ytd, reporter: reporter,
            date: date, note: month % 3 == 0 ? "季度核算数据" : ""))
      }
      for t in resolved.tasks {
        let speed = speeds[t.task.id] ?? 0
        let reporter = t.lead.first ?? resolved.plan.issuer
        if !rng.chance(0.92) { continue }  // not reported this month
        let percent = min(100, speed * Double(month))
        let state: WorkState = percent >= 100 ? .done : percent == 0 ? .notStarted : .inProgress
        entries.append(
          ProgressEntry(
            kind: .task, id: t.task.id, state: state, percent: percent, reporter: reporter,
            date: date, note: state == .inProgress ? "按计划推进" : ""))
        for m in t.task.milestones {
          let due = m.deadline.dueDay ?? date
          let done = date >= due && rng.chance(0.85)
          entries.append(
            ProgressEntry(
              kind: .milestone, id: m.id, state: done ? .done : .inProgress,
              percent: done ? 100 : min(90, percent), reporter: reporter, date: date))
        }
      }
      reports.append(
        ProgressReport(
          period: .month(year: year, month: month),
          path: "plans/progress/\(resolved.plan.id)/\(year)-\(month < 10 ? "0" : "")\(month).csv",
          entries: entries))
    }
    return reports
  }
}
