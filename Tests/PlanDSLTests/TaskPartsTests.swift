import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/TaskPartsTests.swift"

/// The one task of a plan whose one chapter holds `item`, and the problems found.
private func lowered(_ item: Item) throws -> (task: PlanTask, problems: [Diagnostic]) {
  let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
    Chapter(1, id: "c", "第一章") { item }
  }
  return (try #require(plan.model.allTasks.first), plan.problems)
}

@Suite struct TaskPartsTests {
  @Test func figuresLowerInOrderWithTheirFields() throws {
    let autumn = Deadline.period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31)))
    let first = #line + 2
    let item = Item(15, id: "mobile", "深化移动源污染控制。") {
      Figure("taxi-electric", "纯电动比例", .share(atLeast: 90, of: "新增巡游出租车"))
      Figure(
        "diesel-checks", "监督抽测柴油车数量", .share(atLeast: 50, of: "柴油车保有量"),
        tolerance: 5, weight: 3, period: autumn)
      Figure("ship-fuel", "抽检船舶燃油", .count(atLeast: 1000, "艘次"))
    }
    let (task, problems) = try lowered(item)
    #expect(
      task.figures == [
        PlanTarget(
          id: "taxi-electric", name: "纯电动比例",
          requirement: Requirement(
            measure: .share, direction: .atLeast, value: 90, unit: "%", of: "新增巡游出租车"),
          location: at(file, first)),
        PlanTarget(
          id: "diesel-checks", name: "监督抽测柴油车数量",
          requirement: .share(atLeast: 50, of: "柴油车保有量"), tolerance: 5, weight: 3,
          period: autumn, location: at(file, first + 1)),
        PlanTarget(
          id: "ship-fuel", name: "抽检船舶燃油", requirement: .count(atLeast: 1000, "艘次"),
          location: at(file, first + 4)),
      ])
    #expect(task.figures.map(\.responsibility) == Array(repeating: Responsibility(), count: 3))
    #expect(problems == [])
  }

  @Test func milestonesLowerInOrder() throws {
    let first = #line + 2
    let item = Item(1, id: "plan", "编制规划。") {
      Milestone("draft", "完成初稿", due: .endOfQuarter(year: 2020, quarter: 2))
      Milestone("final", "印发实施", due: .on(2020, 11, 30), weight: 0.5)
    }
    let (task, _) = try lowered(item)
    #expect(
      task.milestones == [
        PlanMilestone(
          id: "draft", title: "完成初稿", deadline: .endOfQuarter(year: 2020, quarter: 2),
          location: at(file, first)),
        PlanMilestone(
          id: "final", title: "印发实施", deadline: .date(Day(2020, 11, 30)), weight: 0.5,
          location: at(file, first + 1)),
      ])
  }

  @Test func ownersDeadlineWeightAndReasonLandInTheTask() throws {
    let item = Item(2, id: "dust", "强化扬尘污染控制。") {
      Lead("air", "eeb")
      Cooperating("housing", "transport")
      Due(.endOfHalf(year: 2020, half: 1))
      Weight(4.5)
      Reason("新增扬尘任务")
    }
    let (task, problems) = try lowered(item)
    #expect(
      task.responsibility
        == Responsibility(
          lead: ["air", "eeb"], cooperating: ["housing", "transport"],
          deadline: .endOfHalf(year: 2020, half: 1)))
    #expect(task.weight == 4.5)
    #expect(task.reason == "新增扬尘任务")
    #expect(problems == [])
  }

  @Test func undeclaredPartsStayNil() throws {
    let (task, _) = try lowered(Item(1, id: "a", "甲。") { Lead("air") })
    #expect(task.responsibility == Responsibility(lead: ["air"], cooperating: nil, deadline: nil))
    #expect(task.weight == nil)
    #expect(task.reason == nil)
    #expect(task.figures == [] && task.milestones == [])
  }

  @Test func cooperatingFromAListAndEmptyCooperating() throws {
    let districts = ["d1", "d2"]
    let (listed, _) = try lowered(
      Item(1, id: "a", "甲。") { Cooperating(["police"] + districts) })
    #expect(listed.responsibility.cooperating == ["police", "d1", "d2"])
    let (none, _) = try lowered(Item(1, id: "a", "甲。") { Cooperating() })
    // Declared as none: an empty list, not nil, so no rule adds any.
    #expect(none.responsibility.cooperating == [])
  }

  @Test func leadDeclaredTwiceIsAProblemAndTheFirstStands() throws {
    let line = #line + 3
    let item = Item(7, id: "twice", "重复声明。") {
      Lead("air")
      Lead("water")
    }
    let (task, problems) = try lowered(item)
    #expect(task.responsibility.lead == ["air"])
    #expect(
      problems == [
        Diagnostic(
          .error, .duplicateDeclaration,
          "task 7 (twice) declares its lead units twice; the first declaration stands",
          at: at(file, line))
      ])
  }

  @Test func everyOtherPartDeclaredTwiceIsAProblem() throws {
    let first = #line + 2
    let item = Item(8, id: "many", "重复。") {
      Cooperating("a")
      Due(.endOfYear(2020))
      Weight(1)
      Reason("一")
      Cooperating("b")
      Due(.on(2020, 6, 30))
      Weight(2)
      Reason("二")
      Reason("三")
    }
    let (task, problems) = try lowered(item)
    #expect(task.responsibility.cooperating == ["a"])
    #expect(task.responsibility.deadline == .endOfYear(2020))
    #expect(task.weight == 1)
    #expect(task.reason == "一")
    #expect(problems.map(\.code.rawValue) == Array(repeating: "duplicate-declaration", count: 5))
    #expect(problems.map(\.severity) == Array(repeating: .error, count: 5))
    #expect(problems.map(\.location?.line) == [4, 5, 6, 7, 8].map { first + $0 })
    #expect(problems.map(\.location?.file) == Array(repeating: file, count: 5))
    #expect(
      problems.map(\.message) == [
        "task 8 (many) declares its cooperating units twice; the first declaration stands",
        "task 8 (many) declares its deadline twice; the first declaration stands",
        "task 8 (many) declares its weight twice; the first declaration stands",
        "task 8 (many) declares its revision reason twice; the first declaration stands",
        "task 8 (many) declares its revision reason twice; the first declaration stands",
      ])
  }

  @Test func figuresAndMilestonesMayRepeat() throws {
    let (task, problems) = try lowered(
      Item(1, id: "a", "甲。") {
        Figure("f1", "一", .atLeast(1, "个"))
        Milestone("m1", "一", due: .endOfYear(2020))
        Figure("f2", "二", .atLeast(2, "个"))
        Milestone("m2", "二", due: .endOfYear(2020))
      })
    #expect(task.figures.map(\.id) == ["f1", "f2"])
    #expect(task.milestones.map(\.id) == ["m1", "m2"])
    #expect(problems == [])
  }

  @Test func problemsOfTasksInSectionsReachThePlan() {
    let line = #line + 6
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
      Chapter(1, id: "c", "第一章") {
        Chapter(1, id: "s", "第一节") {
          Item(1, id: "deep", "深处的任务。") {
            Due(.endOfYear(2020))
            Due(.endOfYear(2020))
          }
        }
      }
    }
    #expect(plan.problems.map(\.code.rawValue) == ["duplicate-declaration"])
    #expect(plan.problems.map(\.location) == [at(file, line)])
  }

  @Test func ifAndForInsideATask() throws {
    let districts = ["d1", "d2"]
    let scored = false
    let urgent = true
    let item = Item(1, id: "a", "甲。") {
      for d in districts {
        Figure("checks-\(d)", "\(d)抽检", .count(atLeast: 100, "次"))
      }
      if scored {
        Weight(5)
      }
      if urgent {
        Due(.endOfQuarter(year: 2020, quarter: 1))
      } else {
        Due(.endOfYear(2020))
      }
    }
    let (task, problems) = try lowered(item)
    #expect(task.figures.map(\.id) == ["checks-d1", "checks-d2"])
    #expect(task.weight == nil)
    #expect(task.responsibility.deadline == .endOfQuarter(year: 2020, quarter: 1))
    #expect(problems == [])
  }
}
