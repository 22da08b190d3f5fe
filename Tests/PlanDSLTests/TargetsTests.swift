import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/TargetsTests.swift"

/// The targets of a plan holding only `targets`.
private func lowered(_ targets: Targets) -> [PlanTarget] {
  Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) { targets }.model.targets
}

@Suite struct TargetsTests {
  @Test func everyFieldLowers() {
    let autumn = Deadline.period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31)))
    let line = #line + 2
    let targets = Targets {
      Target(
        "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), tolerance: 2, weight: 10,
        period: autumn, lead: ["air"], cooperating: ["transport", "police"],
        reason: "按省考核要求调整")
    }
    #expect(
      lowered(targets) == [
        PlanTarget(
          id: "pm25", name: "PM2.5平均浓度",
          requirement: Requirement(
            measure: .level, direction: .atMost, value: 35, unit: "微克/立方米"),
          tolerance: 2, weight: 10, period: autumn,
          responsibility: Responsibility(lead: ["air"], cooperating: ["transport", "police"]),
          reason: "按省考核要求调整", location: at(file, line))
      ])
  }

  @Test func aspirationalLowersOnTargetsAndFigures() throws {
    let targets = lowered(
      Targets {
        Target("sections", "考核断面数", .count(atLeast: 13, "个"), aspirational: true)
        Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"))
      })
    #expect(targets.map(\.aspirational) == [true, false])
    #expect(targets[0].requirementSummary == "力争 ≥ 13 个")
    #expect(targets[1].requirementSummary == "≤ 35 微克/立方米")
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
      Chapter(1, id: "c", "章") {
        Item(1, id: "t", "任务") {
          Figure("f", "锅炉", .count(atLeast: 10, "台"), aspirational: true)
        }
      }
    }.model
    #expect(try #require(plan.allTasks.first?.figures.first).aspirational)
  }

  @Test func omittedFieldsStayNil() throws {
    let target = try #require(lowered(Targets { Target("x", "某指标", .atLeast(1, "个")) }).first)
    #expect(target.tolerance == nil)
    #expect(target.weight == nil)
    #expect(target.period == nil)
    #expect(target.reason == nil)
    #expect(target.responsibility == Responsibility(lead: nil, cooperating: nil, deadline: nil))
  }

  @Test func requirementFieldsOfEachKind() {
    let targets = lowered(
      Targets {
        Target("level-max", "PM2.5平均浓度", .atMost(35, "微克/立方米"))
        Target("level-min", "水质优良断面比例", .atLeast(61.5, "%"))
        Target("level-eq", "丧失使用功能水体断面比例", .equal(0, "%"))
        Target("count", "考核断面数", .count(atLeast: 13, "个"))
        Target("share", "纯电动比例", .share(atLeast: 90, of: "新增巡游出租车"))
        Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015))
        Target("green", "绿化面积", .increase(by: 5, against: 2019))
        Target("quality", "其他指标", .qualitative("达到省考核要求"))
      })
    #expect(
      targets.map(\.requirement) == [
        Requirement(measure: .level, direction: .atMost, value: 35, unit: "微克/立方米"),
        Requirement(measure: .level, direction: .atLeast, value: 61.5, unit: "%"),
        Requirement(measure: .level, direction: .equal, value: 0, unit: "%"),
        Requirement(measure: .count, direction: .atLeast, value: 13, unit: "个"),
        Requirement(measure: .share, direction: .atLeast, value: 90, unit: "%", of: "新增巡游出租车"),
        Requirement(measure: .change, direction: .decrease, value: 14.7, unit: "%", baseYear: 2015),
        Requirement(measure: .change, direction: .increase, value: 5, unit: "%", baseYear: 2019),
        Requirement(measure: .qualitative, text: "达到省考核要求"),
      ])
    #expect(
      targets.map(\.id) == [
        "level-max", "level-min", "level-eq", "count", "share", "cod", "green", "quality",
      ])
  }

  @Test func eachTargetHasItsOwnLine() {
    let first = #line + 3
    let targets = lowered(
      Targets {
        Target("a", "甲", .atLeast(1, "个"))
        Target("b", "乙", .atLeast(2, "个"))
      })
    #expect(targets.map(\.location) == [at(file, first), at(file, first + 1)])
  }

  @Test func forAndIfInsideTargets() {
    let pollutants = ["so2", "nox"]
    let withCarbon = true
    let targets = lowered(
      Targets {
        for p in pollutants {
          Target(p, "\(p)排放量", .reduction(by: 10, against: 2015))
        }
        if withCarbon {
          Target("carbon", "碳强度", .reduction(by: 1.1, against: 2019))
        }
      })
    #expect(targets.map(\.id) == ["so2", "nox", "carbon"])
    #expect(targets.map(\.requirement.baseYear) == [2015, 2015, 2019])
  }
}

@Suite struct TargetGroupsTests {
  @Test func aTargetsBlockNamesTheGroupOfItsTargets() {
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
      Targets("环境质量") {
        Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), number: "1")
        Target("o3", "臭氧", .atMost(160, "微克/立方米"), number: "2")
      }
      Targets { Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015)) }
    }.model
    #expect(plan.targets.map(\.group) == ["环境质量", "环境质量", nil])
    #expect(plan.targets.map(\.number) == ["1", "2", nil])
  }
}

extension TargetsTests {
  @Test func sharesLowerWithTheirUnitRequirementWeightAndLine() throws {
    let line = #line + 6
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
      Targets {
        Target(
          "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), rollUp: .weighted,
          shares: [
            Share("qingcheng", .atMost(38, "微克/立方米"), weight: 3),
            Share("district-x", .atMost(33, "微克/立方米"), weight: 1),
          ])
        Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015))
      }
    }
    let t = try #require(plan.model.targets.first)
    #expect(t.rollUp == .weighted)
    #expect(t.shares.map(\.unit) == ["qingcheng", "district-x"])
    #expect(t.shares.map(\.requirement) == [.atMost(38, "微克/立方米"), .atMost(33, "微克/立方米")])
    #expect(t.shares.map(\.weight) == [3, 1])
    #expect(t.shares.map(\.location) == [at(file, line), at(file, line + 1)])
    #expect(plan.model.targets[1].shares.isEmpty)
    #expect(plan.model.targets[1].rollUp == nil)
  }
}
