import PlanDSL
import Testing

@testable import PlanEngine

private let file = "Tests/PlanEngineTests/ResolverTests.swift"

@Suite struct ResolverTests {
  // MARK: - precedence

  /// Rules listed from the lowest precedence to the highest, so that declaration order cannot
  /// be what decides.
  private let ladder = testPlan(withChapter: false, withRule: false) {
    Chapter(1, id: "air", "打好蓝天保卫战") {
      Item(1, id: "declared", "扬尘治理。") {
        Lead("water")
        Cooperating("police")
        Due(.endOfQuarter(year: 2020, quarter: 1))
      }
      Item(2, id: "keyword", "扬尘管控。")
      Item(3, id: "chapter", "燃煤管控。")
      Chapter(1, id: "air-mobile", "移动源") {
        Item(4, id: "section", "柴油车管控。")
        Item(5, id: "section-keyword", "扬尘车辆管控。")
      }
    }
    Chapter(2, id: "water", "打好碧水保卫战") {
      Item(6, id: "all", "水源保护。")
    }
    Responsibilities {
      Rule(.all, lead: ["eeb"], cooperating: ["gov"], due: .endOfYear(2020))
      Rule(
        .chapter("air"), lead: ["air"], cooperating: ["transport"],
        due: .endOfQuarter(year: 2020, quarter: 3))
      Rule(
        .chapter("air-mobile"), lead: ["transport"], cooperating: ["police"],
        due: .endOfHalf(year: 2020, half: 1))
      Rule(.keyword("扬尘"), lead: ["water"], cooperating: ["air"], due: .on(2020, 5, 31))
    }
  }

  @Test func taskDeclarationBeatsEveryRule() throws {
    let t = try task("declared", in: Resolver.resolve(ladder.model))
    #expect(t.lead == ["water"])
    #expect(t.cooperating == ["police"])
    #expect(t.deadline == .endOfQuarter(year: 2020, quarter: 1))
    #expect(
      [t.leadOrigin, t.cooperatingOrigin, t.deadlineOrigin] == [.declared, .declared, .declared])
  }

  @Test func keywordRuleBeatsChapterRules() throws {
    let resolved = Resolver.resolve(ladder.model)
    for id in ["keyword", "section-keyword"] {
      let t = try task(id, in: resolved)
      #expect(t.lead == ["water"], "\(id)")
      #expect(t.cooperating == ["air"], "\(id)")
      #expect(t.deadline == .date(Day(2020, 5, 31)), "\(id)")
      #expect(
        [t.leadOrigin, t.cooperatingOrigin, t.deadlineOrigin] == [.rule(3), .rule(3), .rule(3)])
    }
  }

  @Test func chapterRuleBeatsTheAllRule() throws {
    let t = try task("chapter", in: Resolver.resolve(ladder.model))
    #expect(t.lead == ["air"])
    #expect(t.cooperating == ["transport"])
    #expect(t.deadline == .endOfQuarter(year: 2020, quarter: 3))
    #expect(
      [t.leadOrigin, t.cooperatingOrigin, t.deadlineOrigin] == [.rule(1), .rule(1), .rule(1)])
  }

  @Test func sectionRuleBeatsItsEnclosingChaptersRule() throws {
    let t = try task("section", in: Resolver.resolve(ladder.model))
    #expect(t.lead == ["transport"])
    #expect(t.cooperating == ["police"])
    #expect(t.deadline == .endOfHalf(year: 2020, half: 1))
    #expect(
      [t.leadOrigin, t.cooperatingOrigin, t.deadlineOrigin] == [.rule(2), .rule(2), .rule(2)])
  }

  @Test func allRuleWhenNothingElseApplies() throws {
    let t = try task("all", in: Resolver.resolve(ladder.model))
    #expect(t.lead == ["eeb"])
    #expect(t.cooperating == ["gov"])
    #expect(t.deadline == .endOfYear(2020))
    #expect(
      [t.leadOrigin, t.cooperatingOrigin, t.deadlineOrigin] == [.rule(0), .rule(0), .rule(0)])
  }

  @Test func theLadderHasNoConflicts() {
    #expect(Resolver.resolve(ladder.model).diagnostics == [])
    #expect(diagnostics(of: ladder) == [])
  }

  @Test func eachFieldIsDecidedOnItsOwn() throws {
    let plan = testPlan(withChapter: false, withRule: false) {
      Chapter(1, id: "c", "第一章") {
        Item(1, id: "mixed", "扬尘治理。")
        Item(2, id: "partial", "其他。") {
          Cooperating()
        }
        Item(3, id: "lead-only", "扬尘监管。") {
          Lead("air")
        }
      }
      Responsibilities {
        Rule(.keyword("扬尘"), cooperating: ["police"])
        Rule(.chapter("c"), due: .endOfHalf(year: 2020, half: 2))
        Rule(.all, lead: ["eeb"], cooperating: ["gov"])
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let mixed = try task("mixed", in: resolved)
    #expect(mixed.lead == ["eeb"] && mixed.leadOrigin == .rule(2))
    #expect(mixed.cooperating == ["police"] && mixed.cooperatingOrigin == .rule(0))
    #expect(mixed.deadline == .endOfHalf(year: 2020, half: 2) && mixed.deadlineOrigin == .rule(1))
    let partial = try task("partial", in: resolved)
    // `Cooperating()` declares "none": the `.all` rule's cooperating units do not apply.
    #expect(partial.cooperating == [] && partial.cooperatingOrigin == .declared)
    #expect(partial.lead == ["eeb"] && partial.leadOrigin == .rule(2))
    let leadOnly = try task("lead-only", in: resolved)
    #expect(leadOnly.lead == ["air"] && leadOnly.leadOrigin == .declared)
    #expect(leadOnly.cooperating == ["police"] && leadOnly.cooperatingOrigin == .rule(0))
    #expect(leadOnly.deadlineOrigin == .rule(1))
    #expect(resolved.diagnostics == [])
  }

  // MARK: - defaults

  @Test func defaultDeadlineIsTheEndOfACalendarYearPeriod() throws {
    let t = try task("base-task", in: Resolver.resolve(testPlan().model))
    #expect(t.deadline == .endOfYear(2020))
    #expect(t.dueDay == Day(2020, 12, 31))
    #expect(t.deadlineOrigin == .defaulted)
  }

  @Test func defaultDeadlineIsTheLastDayOfAnyOtherPeriod() throws {
    let plan = testPlan(period: DateRange(Day(2020, 7, 1), Day(2021, 6, 30)))
    let t = try task("base-task", in: Resolver.resolve(plan.model))
    #expect(t.deadline == .date(Day(2021, 6, 30)))
    #expect(t.deadlineOrigin == .defaulted)
  }

  @Test func noLeadAndNoCooperatingByDefault() throws {
    let t = try task("base-task", in: Resolver.resolve(testPlan(withRule: false).model))
    #expect(t.lead == [] && t.leadOrigin == .defaulted)
    #expect(t.cooperating == [] && t.cooperatingOrigin == .defaulted)
  }

  // MARK: - conflicts

  @Test func rulesOfTheSameStepThatDisagreeConflictAndTheFirstWins() throws {
    let first = #line + 3
    let plan = testPlan(withRule: false) {
      Responsibilities {
        Rule(.all, lead: ["eeb"])
        Rule(.all, lead: ["air"], cooperating: ["police"])
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let t = try task("base-task", in: resolved)
    #expect(t.lead == ["eeb"] && t.leadOrigin == .rule(0))
    // Only rule 2 gives cooperating units: no conflict there.
    #expect(t.cooperating == ["police"] && t.cooperatingOrigin == .rule(1))
    #expect(
      resolved.diagnostics == [
        Diagnostic(
          .error, .ruleConflict,
          "rule 1 [all tasks] (\(file):\(first)) and rule 2 [all tasks] give different lead units for task 1 (base-task); the first wins. Declare them on the task, or narrow a rule",
          at: at(file, first + 1))
      ])
  }

  @Test func aConflictOverManyTasksIsReportedOnceNamingThem() throws {
    let second = #line + 4
    let plan = testPlan(withRule: false) {
      Responsibilities {
        Rule(.all, lead: ["eeb"])
        Rule(.all, lead: ["air"])
      }
      chapter2 {
        Item(2, id: "second-task", "第二项任务。")
      }
    }
    let resolved = Resolver.resolve(plan.model)
    #expect(resolved.diagnostics.count == 1)
    let d = try #require(resolved.diagnostics.first)
    #expect(d.location == at(file, second))
    #expect(d.message.contains("for task 1 (base-task), task 2 (second-task) (2 in all)"))
  }

  @Test func deadlinesOnTheSameDayAgree() throws {
    let plan = testPlan(withRule: false) {
      Responsibilities {
        Rule(.all, lead: ["eeb"], due: .endOfYear(2020))
        Rule(.all, due: .on(2020, 12, 31))
      }
    }
    let resolved = Resolver.resolve(plan.model)
    #expect(resolved.diagnostics.isEmpty)
    #expect(try task("base-task", in: resolved).deadline == .endOfYear(2020))
  }

  @Test func keywordRulesThatDisagreeOnADeadlineConflict() throws {
    let line = #line + 5
    let plan = testPlan {
      Responsibilities {
        Rule(.keyword("基础"), due: .endOfQuarter(year: 2020, quarter: 2))
        Rule(.keyword("不相干"), due: .endOfQuarter(year: 2020, quarter: 1))
        Rule(.keyword("按时"), due: .endOfQuarter(year: 2020, quarter: 3))
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let t = try task("base-task", in: resolved)
    #expect(t.deadline == .endOfQuarter(year: 2020, quarter: 2) && t.deadlineOrigin == .rule(1))
    #expect(brief(resolved.diagnostics) == [report(.error, "rule-conflict", file, line)])
    #expect(resolved.diagnostics.first?.message.contains("give different deadlines") == true)
  }

  @Test func rulesThatAgreeDoNotConflict() throws {
    let plan = testPlan(withRule: false) {
      Responsibilities {
        Rule(.chapter("base"), lead: ["air"], cooperating: ["police", "transport"])
        Rule(.chapter("base"), lead: ["air"], cooperating: ["transport", "police"])
        Rule(.chapter("base"), due: .endOfQuarter(year: 2020, quarter: 4))
        Rule(.chapter("base"), due: .endOfQuarter(year: 2020, quarter: 4))
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let t = try task("base-task", in: resolved)
    // Cooperating units agree as a set; the first rule's order stands.
    #expect(t.cooperating == ["police", "transport"] && t.cooperatingOrigin == .rule(0))
    #expect(t.deadline == .endOfQuarter(year: 2020, quarter: 4) && t.deadlineOrigin == .rule(2))
    #expect(resolved.diagnostics == [])
  }

  @Test func rulesOfDifferentStepsNeverConflict() throws {
    let plan = testPlan {
      Responsibilities {
        Rule(.chapter("base"), lead: ["air"])
        Rule(.keyword("基础"), lead: ["water"])
      }
    }
    let resolved = Resolver.resolve(plan.model)
    #expect(try task("base-task", in: resolved).lead == ["water"])
    #expect(resolved.diagnostics == [])
  }

  @Test func aLeadAlsoListedAsCooperatingIsDroppedFromCooperating() throws {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "both", "双重身份。") {
          Lead("air")
        }
      }
      Responsibilities { Rule(.chapter("second"), cooperating: ["police", "air", "transport"]) }
    }
    let resolved = Resolver.resolve(plan.model)
    let t = try task("both", in: resolved)
    #expect(t.lead == ["air"])
    #expect(t.cooperating == ["police", "transport"])
    #expect(
      resolved.diagnostics == [
        Diagnostic(
          .warning, .leadAlsoCooperating,
          "task 2 (both) lists air as both lead and cooperating; kept as lead only",
          at: at(file, line))
      ])
  }

  // MARK: - targets

  @Test func figuresInheritTheirTasksOwners() throws {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "mobile", "深化移动源污染控制。") {
          Figure("taxi", "纯电动比例", .share(atLeast: 90, of: "新增巡游出租车"))
          Figure("ships", "抽检船舶燃油", .count(atLeast: 1000, "艘次"))
          Figure("trucks", "柴油货车抽检", .count(atLeast: 500, "辆"))
          Lead("air")
          Cooperating("transport", "police")
        }
      }
      Responsibilities {
        Rule(.target("ships"), lead: ["water"])
        Rule(.target("trucks"), lead: ["police"])
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let taxi = try target("taxi", in: resolved)
    #expect(taxi.taskID == "mobile")
    #expect(taxi.lead == ["air"] && taxi.cooperating == ["transport", "police"])
    #expect(taxi.origin == .task("mobile"))
    let ships = try target("ships", in: resolved)
    #expect(ships.lead == ["water"] && ships.origin == .rule(1))
    #expect(ships.cooperating == ["transport", "police"])
    // An inherited cooperating unit that leads the figure is not also cooperating.
    let trucks = try target("trucks", in: resolved)
    #expect(trucks.lead == ["police"] && trucks.cooperating == ["transport"])
    #expect(resolved.targets.map(\.target.id) == ["taxi", "ships", "trucks"])
  }

  @Test func figuresOfATaskResolvedByRulesInheritTheRuleOwners() throws {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "dust", "强化扬尘污染控制。") {
          Figure("sites", "工地扬尘检查", .count(atLeast: 100, "次"))
        }
      }
      Responsibilities { Rule(.keyword("扬尘"), lead: ["air"], cooperating: ["transport"]) }
    }
    let sites = try target("sites", in: Resolver.resolve(plan.model))
    #expect(sites.lead == ["air"] && sites.cooperating == ["transport"])
    #expect(sites.origin == .task("dust"))
  }

  @Test func targetRulesAndDeclaredOwnersOfPlanTargets() throws {
    let plan = testPlan {
      Targets {
        Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"))
        Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015), lead: ["water"])
        Target("orphan", "无人负责的指标", .atLeast(1, "个"))
      }
      Responsibilities {
        Rule(.target("pm25"), lead: ["air"], cooperating: ["transport", "air"])
        Rule(.target("cod"), lead: ["air"], cooperating: ["police"])
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let pm25 = try target("pm25", in: resolved)
    #expect(pm25.taskID == nil)
    #expect(pm25.lead == ["air"] && pm25.cooperating == ["transport"])
    #expect(pm25.origin == .rule(1))
    let cod = try target("cod", in: resolved)
    #expect(cod.lead == ["water"] && cod.origin == .declared)
    #expect(cod.cooperating == ["police"])
    // `.all` rules give tasks owners, not targets.
    let orphan = try target("orphan", in: resolved)
    #expect(orphan.lead == [] && orphan.cooperating == [] && orphan.origin == .defaulted)
    #expect(resolved.targets.map(\.target.id) == ["pm25", "cod", "orphan"])
  }

  @Test func planTargetsComeBeforeFiguresInDocumentOrder() {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Figure("f1", "一", .atLeast(1, "个")) }
        Item(3, id: "b", "乙。") { Figure("f2", "二", .atLeast(2, "个")) }
      }
      Targets { Target("t1", "指标", .atLeast(1, "个"), lead: ["air"]) }
    }
    let resolved = Resolver.resolve(plan.model)
    #expect(resolved.targets.map(\.target.id) == ["t1", "f1", "f2"])
    #expect(resolved.targets.map(\.taskID) == [nil, "a", "b"])
  }

  // MARK: - labels and paths

  @Test func continuousNumberingLabelsAreTheNumbers() {
    let resolved = Resolver.resolve(testPlan { chapter2 { Item(2, id: "b", "乙。") } }.model)
    #expect(resolved.tasks.map(\.label) == ["1", "2"])
  }

  @Test func perChapterLabels() {
    let plan = testPlan(numbering: .perChapter, withChapter: false) {
      Chapter(3, id: "c3", "第三章") {
        Item(1, id: "a", "甲。")
        Item(2, id: "b", "乙。")
      }
      Chapter(4, id: "c4", "第四章") {
        Item(1, id: "c", "丙。")
        Chapter(2, id: "c4-2", "第四章第二节") {
          Item(1, id: "d", "丁。")
          Item(2, id: "e", "戊。")
          Item(3, id: "f", "己。")
        }
      }
      Chapter(12, id: "c12", "第十二章") {
        Item(11, id: "g", "庚。")
      }
    }
    let resolved = Resolver.resolve(plan.model)
    #expect(
      resolved.tasks.map(\.label) == [
        "三(一)", "三(二)", "四(一)", "四(二)1", "四(二)2", "四(二)3", "十二(十一)",
      ])
  }

  @Test func chapterPathRunsFromTheInnermostSectionOutwards() throws {
    let plan = testPlan {
      chapter2 {
        Chapter(1, id: "s", "一节") {
          Chapter(1, id: "ss", "一小节") { Item(2, id: "deep", "深处。") }
        }
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let deep = try task("deep", in: resolved)
    #expect(deep.chapterPath == ["ss", "s", "second"])
    #expect(deep.chapterID == "ss" && deep.topChapterID == "second")
    let base = try task("base-task", in: resolved)
    #expect(base.chapterPath == ["base"])
  }

  // MARK: - the resolved plan

  @Test func originDescriptions() {
    #expect(Origin.declared.description == "declared")
    #expect(Origin.rule(0).description == "rule 1")
    #expect(Origin.rule(4).description == "rule 5")
    #expect(Origin.task("coal").description == "task coal")
    #expect(Origin.defaulted.description == "default")
  }

  @Test func responsibleUnitsFollowTheUnitListOrder() {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "b", "乙。") {
          Lead("police")
          Cooperating("air")
        }
      }
      Targets { Target("t", "指标", .atLeast(1, "个"), lead: ["transport"]) }
    }
    let resolved = Resolver.resolve(plan.model)
    #expect(resolved.responsibleUnits.map(\.id) == ["eeb", "air", "transport", "police"])
    #expect(resolved.tasks(for: "air").map(\.task.id) == ["b"])
    #expect(resolved.tasks(for: "eeb").map(\.task.id) == ["base-task"])
    #expect(resolved.tasks(for: "gov").isEmpty)
    #expect(resolved.targets(for: "transport").map(\.target.id) == ["t"])
    #expect(resolved.targets(for: "air").isEmpty)
  }

  @Test func aShareViewFindsItsWhole() throws {
    let plan = testPlan {
      Targets {
        Target(
          "boilers", "淘汰燃煤锅炉", .count(atLeast: 40, "台"), lead: ["eeb"], rollUp: .sum,
          shares: [
            Share("air", .count(atLeast: 25, "台")), Share("police", .count(atLeast: 15, "台")),
          ])
      }
    }
    let resolved = Resolver.resolve(plan.model)
    let share = try #require(resolved.targets(for: "air").first)
    #expect(share.shareUnit == "air")
    let whole = try #require(resolved.whole(of: share))
    #expect(whole.shareUnit == nil)
    #expect(whole.target.requirement.value == 40)
    #expect(whole.target.shares.count == 2)
    #expect(resolved.whole(of: whole) == nil)
  }

  @Test func theSamePlanAlwaysResolvesTheSameWay() {
    let plan = testPlan {
      Responsibilities {
        Rule(.all, lead: ["air"])
        Rule(.keyword("基础"), cooperating: ["police", "transport"])
      }
    }
    let a = Resolver.resolve(plan.model)
    let b = Resolver.resolve(plan.model)
    #expect(a.tasks == b.tasks)
    #expect(a.targets == b.targets)
    #expect(a.diagnostics == b.diagnostics)
    #expect(a.plan == plan.model)
  }
}
