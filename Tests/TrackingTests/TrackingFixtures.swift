import PlanEngine
import PlanModel

@testable import Tracking

/// A small plan for the evaluation tests: three units, four targets, four tasks, 2020.
enum TrackingFixtures {
  static func plan(
    targets: [PlanTarget] = defaultTargets, tasks: [PlanTask] = defaultTasks,
    assessment: AssessmentRules? = nil
  ) -> ResolvedPlan {
    Resolver.resolve(
      WorkPlan(
        id: "t", title: "测试计划", issuer: "boss", period: .year(2020),
        assessment: assessment,
        units: [
          OrgUnit(id: "boss", name: "局", shortName: "局", kind: .department),
          OrgUnit(id: "air", name: "大气处", shortName: "大气处", kind: .division),
          OrgUnit(id: "water", name: "水处", shortName: "水处", kind: .division),
          OrgUnit(id: "soil", name: "土壤处", shortName: "土壤处", kind: .division),
        ],
        targets: targets,
        chapters: [PlanChapter(id: "c1", number: 1, title: "一章", tasks: tasks)]))
  }

  static let defaultTargets: [PlanTarget] = [
    PlanTarget(
      id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"), tolerance: 3,
      weight: 10, responsibility: Responsibility(lead: ["air"], cooperating: ["water"])),
    PlanTarget(
      id: "cod", name: "化学需氧量排放量", requirement: .reduction(by: 14.7, against: 2015),
      weight: 10, responsibility: Responsibility(lead: ["water"])),
    PlanTarget(
      id: "checks", name: "抽检船舶燃油", requirement: .count(atLeast: 1000, "艘次"),
      weight: 5, responsibility: Responsibility(lead: ["air"])),
    PlanTarget(
      id: "water-ok", name: "饮用水源水质", requirement: .qualitative("全部达标"),
      weight: 5, responsibility: Responsibility(lead: ["water"])),
  ]

  static let defaultTasks: [PlanTask] = [
    PlanTask(
      id: "a", number: 1, title: "甲", text: "甲任务。", weight: 10,
      responsibility: Responsibility(lead: ["air"], cooperating: ["soil"])),
    PlanTask(
      id: "b", number: 2, title: "乙", text: "乙任务。", weight: 10,
      responsibility: Responsibility(lead: ["water"], deadline: .on(2020, 6, 30))),
    PlanTask(
      id: "c", number: 3, title: "丙", text: "丙任务。", weight: 10,
      responsibility: Responsibility(lead: ["soil"])),
    PlanTask(
      id: "d", number: 4, title: "丁", text: "丁任务。",
      milestones: [
        PlanMilestone(id: "d1", title: "方案", deadline: .endOfQuarter(year: 2020, quarter: 1))
      ],
      weight: 10, responsibility: Responsibility(lead: ["soil"])),
  ]

  /// A report of `entries` for the month of `period`.
  static func report(_ period: String, _ entries: [ProgressEntry]) -> ProgressReport {
    ProgressReport(
      period: ReportingPeriod(parsing: period) ?? .month(year: 2020, month: 1),
      path: "\(period).csv", entries: entries)
  }

  static func value(
    _ id: String, _ v: Double, _ unit: String, on day: Day, basis: ProgressEntry.Basis = .ytd
  ) -> ProgressEntry {
    ProgressEntry(
      kind: .target, id: id, value: v, unit: unit, basis: basis, reporter: "air", date: day)
  }

  static func base(_ id: String, _ v: Double, _ unit: String, year: Int) -> ProgressEntry {
    ProgressEntry(
      kind: .base, id: id, value: v, unit: unit, baseYear: year, reporter: "water",
      date: Day(2020, 1, 15))
  }

  static func task(
    _ id: String, _ state: WorkState, _ percent: Double, on day: Day
  ) -> ProgressEntry {
    ProgressEntry(kind: .task, id: id, state: state, percent: percent, reporter: "air", date: day)
  }

  static func evaluate(
    _ resolved: ResolvedPlan, _ entries: [ProgressEntry], asOf: Day
  ) -> StatusReport {
    Evaluator.evaluate(resolved, reports: [report("2020-06", entries)], asOf: asOf)
  }
}
