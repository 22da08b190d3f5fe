import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/PlanTests.swift"

@Suite struct PlanTests {
  @Test func headerFieldsLower() {
    let line = #line + 1
    let plan = Plan(
      "test-2020", title: "2020年测试市生态环境保护工作计划", issuer: "eeb",
      period: DateRange(Day(2020, 7, 1), Day(2021, 6, 30)), source: "seeds/test.txt",
      sourceTitle: "测试市生态环境局工作计划", version: "修订稿 2020-03", numbering: .perChapter,
      weightTotal: 100, assessment: "年终组织考核。"
    ) {}
    let expected = WorkPlan(
      id: "test-2020", title: "2020年测试市生态环境保护工作计划", issuer: "eeb",
      period: DateRange(Day(2020, 7, 1), Day(2021, 6, 30)),
      source: SourceDocument(path: "seeds/test.txt", title: "测试市生态环境局工作计划"),
      version: "修订稿 2020-03", numbering: .perChapter, weightTotal: 100,
      assessmentMethod: "年终组织考核。", location: at(file, line))
    #expect(plan.model == expected)
    #expect(plan.problems == [])
  }

  @Test func defaultsWhenOptionalFieldsAreOmitted() {
    let line = #line + 1
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {}
    #expect(plan.model.source == nil)
    #expect(plan.model.version == nil)
    #expect(plan.model.numbering == .continuous)
    #expect(plan.model.weightTotal == nil)
    #expect(plan.model.assessmentMethod == nil)
    #expect(plan.model.period == DateRange(Day(2020, 1, 1), Day(2020, 12, 31)))
    #expect(plan.model.units == [] && plan.model.targets == [] && plan.model.chapters == [])
    #expect(plan.model.rules == [])
    #expect(plan.model.location == at(file, line))
  }

  @Test func sourceTitleWithoutSourceIsDropped() {
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020), sourceTitle: "无") {}
    #expect(plan.model.source == nil)
  }

  @Test func smallPlanLowersToExpectedModel() {
    let top = #line + 1
    let plan = Plan("small-2020", title: "小计划", issuer: "eeb", period: .year(2020)) {
      Organisation {
        Unit("gov", "测试市人民政府", short: "市政府", kind: .government) {
          Unit("eeb", "测试市生态环境局", kind: .department)
        }
      }
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米")) }
      Chapter(1, id: "air", "打好蓝天保卫战") {
        Item(1, id: "dust", "强化扬尘污染控制。压实主体责任。") { Lead("eeb") }
      }
      Responsibilities { Rule(.all, lead: ["eeb"], due: .endOfYear(2020)) }
    }
    let expected = WorkPlan(
      id: "small-2020", title: "小计划", issuer: "eeb", period: .year(2020),
      units: [
        OrgUnit(
          id: "gov", name: "测试市人民政府", shortName: "市政府", kind: .government,
          location: at(file, top + 2)),
        OrgUnit(
          id: "eeb", name: "测试市生态环境局", shortName: "测试市生态环境局", kind: .department,
          parent: "gov", location: at(file, top + 3)),
      ],
      targets: [
        PlanTarget(
          id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"),
          location: at(file, top + 6))
      ],
      chapters: [
        PlanChapter(
          id: "air", number: 1, title: "打好蓝天保卫战",
          tasks: [
            PlanTask(
              id: "dust", number: 1, title: "强化扬尘污染控制", text: "强化扬尘污染控制。压实主体责任。",
              responsibility: Responsibility(lead: ["eeb"]), location: at(file, top + 8))
          ],
          location: at(file, top + 7))
      ],
      rules: [
        ResponsibilityRule(
          match: .all, responsibility: Responsibility(lead: ["eeb"], deadline: .endOfYear(2020)),
          location: at(file, top + 10))
      ],
      location: at(file, top))
    #expect(plan.model == expected)
    #expect(plan.problems == [])
  }

  @Test func blocksOfTheSameKindAppendInOrder() {
    let plan = Plan("p", title: "计划", issuer: "a", period: .year(2020)) {
      Organisation { Unit("a", "甲", kind: .department) }
      Targets { Target("t1", "一", .atLeast(1, "个")) }
      Chapter(1, id: "c1", "第一章") { Item(1, id: "i1", "一。") }
      Responsibilities { Rule(.all, lead: ["a"]) }
      Organisation { Unit("b", "乙", kind: .department) }
      Targets { Target("t2", "二", .atLeast(2, "个")) }
      Chapter(2, id: "c2", "第二章") { Item(2, id: "i2", "二。") }
      Responsibilities { Rule(.keyword("二"), lead: ["b"]) }
    }
    #expect(plan.model.units.map(\.id) == ["a", "b"])
    #expect(plan.model.targets.map(\.id) == ["t1", "t2"])
    #expect(plan.model.chapters.map(\.id) == ["c1", "c2"])
    #expect(plan.model.rules.map(\.match) == [.all, .keyword("二")])
    #expect(plan.model.allTasks.map(\.id) == ["i1", "i2"])
  }

  @Test func ifAndForInThePlanBlock() {
    let chapterCount = 3
    let withTargets = false
    let withRules = true
    let plan = Plan("p", title: "计划", issuer: "a", period: .year(2020)) {
      for n in 1...chapterCount {
        Chapter(n, id: "c\(n)", "第\(n)章") { Item(n, id: "t\(n)", "任务\(n)。") }
      }
      if withTargets {
        Targets { Target("t", "指标", .atLeast(1, "个")) }
      }
      if withRules {
        Responsibilities { Rule(.all, lead: ["a"]) }
      } else {
        Responsibilities { Rule(.all, lead: ["b"]) }
      }
    }
    #expect(plan.model.chapters.map(\.id) == ["c1", "c2", "c3"])
    #expect(plan.model.allTasks.map(\.number) == [1, 2, 3])
    #expect(plan.model.targets == [])
    #expect(plan.model.rules.map(\.responsibility.lead) == [["a"]])
  }
}
