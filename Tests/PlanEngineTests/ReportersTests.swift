import PlanEngine
import PlanModel
import Testing

/// Issue 14, item 9: who reports what — every unit whose values count gets a template and owes
/// a monthly report; a unit with nothing to report is told why.
@Suite struct ReportersTests {
  let resolved = Resolver.resolve(
    WorkPlan(
      id: "t", title: "测试", issuer: "boss", period: .year(2020),
      units: [
        OrgUnit(id: "boss", name: "局", shortName: "局", kind: .department),
        OrgUnit(id: "air", name: "大气处", shortName: "大气处", kind: .division),
        OrgUnit(id: "water", name: "水务局", shortName: "水务局", kind: .department),
        OrgUnit(id: "agri", name: "农业局", shortName: "农业局", kind: .department),
        OrgUnit(id: "lab", name: "监测站", shortName: "监测站", kind: .directUnit),
        OrgUnit(id: "police", name: "公安局", shortName: "公安局", kind: .department),
      ],
      targets: [
        PlanTarget(
          id: "sections", name: "断面水质", requirement: .count(atLeast: 10, "个"),
          responsibility: Responsibility(lead: ["air"], cooperating: ["water"])),
        PlanTarget(
          id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"),
          responsibility: Responsibility(lead: ["air"], cooperating: ["police"]), source: "lab"),
      ],
      chapters: [
        PlanChapter(
          id: "c1", number: 1, title: "一章",
          tasks: [
            PlanTask(
              id: "a", number: 1, title: "甲", text: "甲任务。",
              responsibility: Responsibility(lead: ["air"], cooperating: ["agri"]))
          ])
      ]))

  @Test func aCooperatingUnitOfATargetReportsIt() {
    #expect(resolved.reportedTargets(by: "water").map(\.target.id) == ["sections"])
    #expect(resolved.reportedTargets(by: "air").map(\.target.id) == ["sections"])
    #expect(resolved.reportedTargets(by: "lab").map(\.target.id) == ["pm25"])
    #expect(resolved.reportingUnits.map(\.id) == ["air", "water", "lab"])
    #expect(resolved.whyNothingToReport("water") == nil)
  }

  @Test func aUnitWithNothingToReportIsToldWhy() {
    #expect(resolved.whyNothingToReport("agri") == "只配合任务1（牵头：大气处），进展由牵头单位报送")
    #expect(
      resolved.whyNothingToReport("police") == "所负责的指标PM2.5平均浓度（数据来源：监测站）由数据来源单位报送")
    #expect(resolved.whyNothingToReport("boss") == "计划未安排本单位牵头或配合任何任务、指标")
  }
}
