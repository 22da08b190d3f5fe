import PlanDSL
import Testing

@Suite struct RevisionTests {
  let base = Plan("p", title: "计划", issuer: "i", period: .year(2020)) {
    Organisation {
      Unit("i", "局", short: "局", kind: .department)
      Unit("a", "甲处", short: "甲处", kind: .division)
      Unit("b", "乙处", short: "乙处", kind: .division)
    }
    Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["a"]) }
    Chapter(1, id: "c1", "第一章") {
      Item(1, id: "one", "任务一。") { Lead("a") }
      Item(2, id: "two", "任务二。") { Lead("a") }
    }
    Chapter(2, id: "c2", "第二章") {
      Item(3, id: "three", "任务三。") { Lead("b") }
    }
  }

  @Test func anInsertionRenumbersWhatFollows() throws {
    let revised = Plan(revising: base, id: "p-r1", version: "修订稿") {
      $0.insert(Item(2, id: "new", "新任务。") { Lead("b") }, after: "one")
    }
    #expect(revised.problems.isEmpty)
    #expect(revised.model.id == "p-r1")
    #expect(revised.model.version == "修订稿")
    #expect(revised.model.allTasks.map(\.id) == ["one", "new", "two", "three"])
    #expect(revised.model.allTasks.map(\.number) == [1, 2, 3, 4])
    // The base is untouched.
    #expect(base.model.allTasks.map(\.number) == [1, 2, 3])
  }

  @Test func anInsertionWithTheWrongNumberIsAProblem() {
    let revised = Plan(revising: base, id: "p-r1", version: "v2") {
      $0.insert(Item(5, id: "new", "新任务。"), after: "one")
    }
    #expect(revised.problems.map(\.code.rawValue) == ["revision-number"])
  }

  @Test func editsOfTasksAndTargets() throws {
    let revised = Plan(revising: base, id: "p-r1", version: "v2") {
      $0.task("two") {
        $0.text = "任务二（修订）。补充内容。"
        $0.responsibility.lead = ["b"]
        $0.reason = "调整"
      }
      $0.target("pm25") { $0.requirement = .atMost(33, "微克/立方米") }
    }
    let two = try #require(revised.model.allTasks.first { $0.id == "two" })
    #expect(two.title == "任务二（修订）")
    #expect(two.responsibility.lead == ["b"])
    #expect(two.reason == "调整")
    #expect(revised.model.targets.first?.requirement == .atMost(33, "微克/立方米"))
  }

  @Test func unknownIdsAreProblems() {
    let revised = Plan(revising: base, id: "p-r1", version: "v2") {
      $0.task("nope") { $0.reason = "x" }
      $0.target("so2") { $0.reason = "x" }
      $0.insert(Item(9, id: "x", "某任务。"), after: "missing")
    }
    #expect(
      revised.problems.map(\.code.rawValue) == [
        "revision-unknown-task", "revision-unknown-target", "revision-unknown-task",
      ])
    #expect(
      revised.problems.first?.message
        == "the revision edits task 'nope', which the plan it revises does not have")
  }

  @Test func aRemovalRenumbersAndKeepsItsReason() throws {
    let revised = Plan(revising: base, id: "p-r1", version: "v2") {
      $0.remove(task: "two", reason: "已并入任务一")
      $0.remove(target: "pm25", reason: "改由年度考核")
    }
    #expect(revised.problems.isEmpty)
    #expect(revised.model.allTasks.map(\.id) == ["one", "three"])
    #expect(revised.model.allTasks.map(\.number) == [1, 2])
    #expect(revised.model.targets.isEmpty)
    #expect(
      revised.model.removed == [
        RemovedItem(id: "two", reason: "已并入任务一"), RemovedItem(id: "pm25", reason: "改由年度考核"),
      ])
  }

  /// A revision of a revision starts without its base's reasons: each belongs to the revision
  /// that wrote it.
  @Test func aRevisionDoesNotInheritItsBasesReasons() throws {
    let first = Plan(revising: base, id: "p-r1", version: "v2") {
      $0.task("two") {
        $0.responsibility.lead = ["b"]
        $0.reason = "机构调整"
      }
      $0.target("pm25") { $0.reason = "收紧" }
      $0.remove(task: "three", reason: "已完成")
    }
    #expect(first.model.allTasks.first { $0.id == "two" }?.reason == "机构调整")
    let second = Plan(revising: first, id: "p-r2", version: "v3") {
      $0.task("two") { $0.responsibility.deadline = .endOfYear(2021) }
    }
    #expect(second.model.allTasks.first { $0.id == "two" }?.reason == nil)
    #expect(second.model.targets.first?.reason == nil)
    #expect(second.model.removed == nil)
  }
}
