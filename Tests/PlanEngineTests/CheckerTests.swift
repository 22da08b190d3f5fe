import PlanDSL
import PlanEngine
import Testing

private let file = "Tests/PlanEngineTests/CheckerTests.swift"

// Each test adds one fault to the minimal valid plan of `testPlan` and expects exactly the
// diagnostics it causes: code, severity, and the file and line of the offending declaration.

@Suite struct CheckerTests {
  // MARK: - clean plans, all at once, order

  @Test func theMinimalPlanIsClean() {
    #expect(diagnostics(of: testPlan()) == [])
    #expect(
      diagnostics(of: testPlan(source: "seeds/test.txt"), source: .text(baseSourceText)) == [])
  }

  @Test func aFullerCleanPlanHasNoDiagnostics() {
    let plan = testPlan(weightTotal: 100, source: "seeds/test.txt") {
      Targets {
        Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), tolerance: 2, weight: 40)
        Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015), lead: ["water"])
        Target("other", "其他指标", .qualitative("达到省考核要求"), lead: ["eeb"])
      }
      chapter2 {
        Item(2, id: "dust", "强化扬尘污染控制。压实主体责任。") {
          Figure("sites", "工地检查", .count(atLeast: 100, "次"), weight: 5)
          Milestone("plan", "印发方案", due: .endOfQuarter(year: 2020, quarter: 1))
          Cooperating("transport")
          Due(.endOfHalf(year: 2020, half: 2))
          Weight(60)
        }
        Chapter(1, id: "second-a", "第一节") {
          Item(3, id: "diesel", "加强柴油货车监管。")
        }
      }
      Responsibilities {
        Rule(.target("pm25"), lead: ["air"])
        Rule(.keyword("扬尘"), lead: ["air"])
        Rule(.chapter("second-a"), lead: ["transport"], cooperating: ["police"])
      }
    }
    let source =
      baseSourceText + """
        二、第二章
        2.强化扬尘污染控制。压实主体责任。
        （一）第一节
        3.加强柴油货车监管。
        """
    #expect(diagnostics(of: plan, source: .text(source)) == [])
  }

  @Test func everyProblemIsReportedAtOnce() {
    let top = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("nobody") }
        Item(3, id: "b", "乙。") { Due(.on(2020, 2, 30)) }
        Item(3, id: "c", "丙。")
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.error, "unknown-unit", file, top),
        report(.error, "invalid-date", file, top + 1),
        report(.error, "duplicate-task-number", file, top + 2),
      ])
  }

  @Test func diagnosticsComeSortedByFileAndLine() {
    let top = #line + 2
    let plan = testPlan {
      Responsibilities { Rule(.keyword("无此关键词"), lead: ["eeb"]) }
      Targets { Target("orphan", "无人负责", .atLeast(1, "个")) }
      chapter2 {
        Item(2, id: "x", "甲。") { Lead("nobody") }
      }
      Organisation { Unit("lost", "迷路的单位", kind: .other, parent: "nowhere") }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.warning, "rule-matches-nothing", file, top),
        report(.warning, "target-without-owner", file, top + 1),
        report(.error, "unknown-unit", file, top + 3),
        report(.error, "unknown-unit", file, top + 5),
      ])
  }

  @Test func sortedOrdersByFileLineSeverityCodeMessageAndDropsDuplicates() {
    func d(
      _ s: Diagnostic.Severity, _ code: Diagnostic.Code, _ message: String, _ f: String?, _ l: Int
    )
      -> Diagnostic
    {
      Diagnostic(s, code, message, at: f.map { Location(file: $0, line: l) })
    }
    // By the code's text, not its place in `Diagnostic.Code` (empty-id is declared first).
    let input = [
      d(.warning, .emptyID, "m", "plans/b.swift", 10),
      d(.error, .unitCycle, "m", "plans/b.swift", 10),
      d(.error, .assessmentInvalid, "m", "plans/b.swift", 9),
      d(.error, .assessmentInvalid, "m", "plans/a.swift", 200),
      d(.warning, .assessmentInvalid, "y", "plans/b.swift", 10),
      d(.warning, .assessmentInvalid, "x", "plans/b.swift", 10),
      d(.error, .sourceNotFound, "m", nil, 0),
      d(.error, .assessmentInvalid, "m", "plans/b.swift", 9),
    ]
    #expect(
      Checker.sorted(input) == [
        d(.error, .sourceNotFound, "m", nil, 0),
        d(.error, .assessmentInvalid, "m", "plans/a.swift", 200),
        d(.error, .assessmentInvalid, "m", "plans/b.swift", 9),
        d(.error, .unitCycle, "m", "plans/b.swift", 10),
        d(.warning, .assessmentInvalid, "x", "plans/b.swift", 10),
        d(.warning, .assessmentInvalid, "y", "plans/b.swift", 10),
        d(.warning, .emptyID, "m", "plans/b.swift", 10),
      ])
  }

  // MARK: - owners

  @Test func missingLead() {
    let line = #line + 2
    let plan = testPlan(withRule: false) {
      Responsibilities { Rule(.chapter("base"), lead: ["eeb"]) }
      chapter2 { Item(2, id: "orphan", "治理扬尘。") }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "missing-lead", file, line + 1)])
  }

  @Test func anEmptyLeadDeclarationIsAMissingLead() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "nobody", "无人牵头。") { Lead() }
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "missing-lead", file, line)])
  }

  @Test func unknownUnitInATaskLead() throws {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "typo", "错字。") { Lead("aire") }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-unit", file, line)])
    #expect(found.first?.message == "unknown unit “aire” (lead of task 2); did you mean air?")
  }

  @Test func unknownUnitInATasksCooperatingUnits() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "typo", "错字。") { Cooperating("police", "polise") }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-unit", file, line)])
    #expect(
      found.first?.message.hasPrefix("unknown unit “polise” (cooperating unit of task 2)") == true)
  }

  @Test func unknownUnitInARuleNamedByItsNameInsteadOfItsID() {
    let line = #line + 2
    let plan = testPlan {
      Responsibilities { Rule(.chapter("base"), cooperating: ["测试市公安局"]) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-unit", file, line)])
    #expect(
      found.first?.message
        == "unknown unit “测试市公安局” (cooperating unit in rule 2); “测试市公安局” is the name of unit police: refer to units by id"
    )
  }

  @Test func unknownIssuer() {
    let line = #line + 1
    let plan = testPlan(issuer: "eeeb")
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-unit", file, line)])
    #expect(found.first?.message == "unknown unit “eeeb” (issuer); did you mean eeb?")
  }

  @Test func unknownUnitAsAParentOrATargetOwner() {
    let top = #line + 2
    let plan = testPlan {
      Organisation { Unit("branch", "分局", kind: .directUnit, parent: "eebb") }
      Targets { Target("pm25", "PM2.5", .atMost(35, "微克/立方米"), lead: ["aire"]) }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.error, "unknown-unit", file, top),
        report(.error, "unknown-unit", file, top + 1),
      ])
    #expect(found.map { $0.message.contains("(parent of branch)") } == [true, false])
    #expect(found.map { $0.message.contains("(lead of target pm25)") } == [false, true])
  }

  @Test func targetWithoutOwner() {
    let line = #line + 2
    let plan = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米")) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.warning, "target-without-owner", file, line)])
    #expect(found.first?.message.contains("no rule .target(\"pm25\")") == true)
  }

  @Test func aTargetRuleGivesATargetAnOwner() {
    let plan = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米")) }
      Responsibilities { Rule(.target("pm25"), lead: ["air"]) }
    }
    #expect(diagnostics(of: plan) == [])
  }

  @Test func leadAlsoCooperating() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "both", "兼任。") {
          Lead("air")
          Cooperating("air", "police")
        }
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.warning, "lead-also-cooperating", file, line)])
  }

  @Test func unitCycle() {
    let top = #line + 3
    let plan = testPlan {
      Organisation {
        Unit("a", "甲", kind: .other, parent: "b")
        Unit("b", "乙", kind: .other, parent: "a")
        Unit("c", "丙", kind: .other, parent: "a")
        Unit("self", "自己", kind: .other, parent: "self")
      }
    }
    let found = diagnostics(of: plan)
    // `c` hangs below the loop but is not part of it.
    #expect(
      brief(found) == [
        report(.error, "unit-cycle", file, top),
        report(.error, "unit-cycle", file, top + 1),
        report(.error, "unit-cycle", file, top + 3),
      ])
    #expect(found.first?.message == "unit a is its own ancestor (parent chain loops)")
  }

  // MARK: - rules

  @Test func ruleConflict() {
    let line = #line + 4
    let plan = testPlan {
      Responsibilities {
        Rule(.chapter("base"), lead: ["air"])
        Rule(.chapter("base"), lead: ["water"])
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "rule-conflict", file, line)])
  }

  @Test func unknownChapterInARule() {
    let line = #line + 2
    let plan = testPlan {
      Responsibilities { Rule(.chapter("bases"), lead: ["air"]) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-chapter", file, line)])
    #expect(found.first?.message == "rule 2 names unknown chapter “bases”; did you mean base?")
  }

  @Test func unknownTargetInARule() {
    let line = #line + 3
    let plan = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["air"]) }
      Responsibilities { Rule(.target("pm2.5"), lead: ["air"]) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-target", file, line)])
    #expect(found.first?.message == "rule 2 names unknown target “pm2.5”; did you mean pm25?")
  }

  @Test func aTargetRuleMayNameATasksFigure() {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "t", "乙。") { Figure("ships", "船舶", .count(atLeast: 1, "艘次")) }
      }
      Responsibilities { Rule(.target("ships"), lead: ["water"]) }
    }
    #expect(diagnostics(of: plan) == [])
  }

  @Test func ruleMatchesNothing() {
    let top = #line + 3
    let plan = testPlan {
      Responsibilities {
        Rule(.keyword("海洋"), lead: ["eeb"])
        Rule(.keyword(""), lead: ["eeb"])
        Rule(.keyword("基础"), lead: ["eeb"])
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.warning, "rule-matches-nothing", file, top),
        report(.warning, "rule-matches-nothing", file, top + 1),
      ])
  }

  @Test func ruleDecidesNothing() {
    let line = #line + 2
    let plan = testPlan {
      Responsibilities { Rule(.chapter("base")) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.warning, "rule-decides-nothing", file, line)])
    #expect(
      found.first?.message == "rule 2 [chapter base] gives no lead, cooperating units or deadline")
  }

  // MARK: - dates

  @Test func invalidDateOfATaskDeadline() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "feb", "二月。") { Due(.on(2020, 2, 30)) }
        Item(3, id: "leap", "闰日。") { Due(.on(2020, 2, 29)) }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "invalid-date", file, line)])
    #expect(found.first?.message == "the deadline of task 2, 2020-02-30, is not a valid date")
  }

  @Test func invalidDateOfAMilestone() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "steps", "分步。") {
          Milestone("q5", "第五季度", due: .endOfQuarter(year: 2020, quarter: 5))
        }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "invalid-date", file, line)])
    #expect(found.first?.message == "milestone q5, 2020年第5季度末, is not a valid date")
  }

  @Test func invalidDateOfARuleATargetPeriodAndAHalf() {
    let top = #line + 3
    let plan = testPlan {
      Responsibilities {
        Rule(.chapter("base"), due: .endOfMonth(year: 2020, month: 13))
        Rule(.keyword("基础"), due: .endOfHalf(year: 2020, half: 3))
      }
      Targets {
        Target(
          "backwards", "倒置的时段", .atLeast(1, "个"),
          period: .period(name: "秋冬季", DateRange(Day(2020, 12, 1), Day(2020, 10, 1))),
          lead: ["air"])
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.error, "invalid-date", file, top),
        report(.error, "invalid-date", file, top + 1),
        report(.error, "invalid-date", file, top + 4),
      ])
  }

  @Test func invalidPlanPeriod() {
    let line = #line + 1
    let plan = testPlan(period: DateRange(Day(2020, 12, 31), Day(2020, 1, 1)))
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "invalid-date", file, line)])
    #expect(
      found.first?.message
        == "the plan's period 2020-12-31…2020-01-01 is not a valid range of days")
  }

  @Test func deadlineOutsidePeriodOfATask() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "late", "拖延。") { Due(.on(2021, 1, 15)) }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "deadline-outside-period", file, line)])
    #expect(
      found.first?.message
        == "the deadline of task 2, 2021-01-15, falls outside the plan's period 2020-01-01…2020-12-31"
    )
  }

  @Test func deadlineOutsidePeriodOfAMilestone() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "early", "提前。") {
          Milestone("last-year", "去年完成", due: .endOfYear(2019))
        }
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "deadline-outside-period", file, line)])
  }

  @Test func deadlineOutsidePeriodOfARule() {
    let line = #line + 2
    let plan = testPlan {
      Responsibilities { Rule(.chapter("base"), due: .endOfYear(2021)) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "deadline-outside-period", file, line)])
    #expect(found.first?.message.hasPrefix("the deadline of rule 2, 2021年底, falls outside") == true)
  }

  @Test func aPeriodStartingBeforeThePlanIsOutsideIt() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "winter", "秋冬季攻坚。") {
          Figure(
            "winter-checks", "秋冬季抽检", .count(atLeast: 10, "次"),
            period: .period(name: "秋冬季", DateRange(Day(2019, 10, 1), Day(2020, 3, 31))))
        }
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "deadline-outside-period", file, line)])
  }

  @Test func milestoneAfterDeadline() {
    let top = #line + 5
    let plan = testPlan {
      chapter2 {
        Item(2, id: "steps", "分步实施。") {
          Due(.endOfHalf(year: 2020, half: 1))
          Milestone("late", "三季度完成", due: .endOfQuarter(year: 2020, quarter: 3))
          Milestone("on-time", "六月底完成", due: .endOfMonth(year: 2020, month: 6))
        }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.warning, "milestone-after-deadline", file, top)])
    #expect(
      found.first?.message
        == "milestone late is due 2020-09-30, after its task 2's deadline 2020-06-30")
  }

  @Test func milestoneAfterADeadlineFromARule() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "steps", "分步实施。") {
          Milestone("late", "年底完成", due: .on(2020, 12, 1))
        }
      }
      Responsibilities { Rule(.chapter("second"), due: .endOfMonth(year: 2020, month: 11)) }
    }
    #expect(
      brief(diagnostics(of: plan)) == [report(.warning, "milestone-after-deadline", file, line)])
  }

  // MARK: - numbers

  @Test func duplicateTaskNumber() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。")
        Item(2, id: "b", "乙。")
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "duplicate-task-number", file, line)])
    #expect(
      found.first?.message
        == "task number 2 is used twice in the plan; first at \(file):\(line - 1)")
  }

  @Test func missingTaskNumber() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(3, id: "c", "丙。")
        Item(5, id: "e", "戊。")
      }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.error, "missing-task-number", file, line),
        report(.error, "missing-task-number", file, line + 1),
      ])
    #expect(
      found.map(\.message) == [
        "task number 2 is missing in the plan (numbers run 1…5)",
        "task number 4 is missing in the plan (numbers run 1…5)",
      ])
  }

  @Test func duplicateChapterNumber() {
    let line = #line + 2
    let plan = testPlan {
      Chapter(1, id: "again", "又一个第一章") { Item(2, id: "b", "乙。") }
    }
    #expect(
      brief(diagnostics(of: plan)) == [report(.error, "duplicate-chapter-number", file, line)])
  }

  @Test func missingChapterNumber() {
    let line = #line + 2
    let plan = testPlan {
      Chapter(3, id: "third", "第三章") { Item(2, id: "b", "乙。") }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "missing-chapter-number", file, line)])
    #expect(
      found.first?.message == "chapter number 2 is missing among the chapters (numbers run 1…3)")
  }

  @Test func sectionNumbersRunInsideTheirChapter() {
    let top = #line + 3
    let plan = testPlan {
      chapter2 {
        Chapter(1, id: "s1", "第一节") { Item(2, id: "b", "乙。") }
        Chapter(3, id: "s3", "第三节") { Item(3, id: "c", "丙。") }
        Chapter(3, id: "s3b", "又一个第三节") { Item(4, id: "d", "丁。") }
      }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.error, "missing-chapter-number", file, top + 1),
        report(.error, "duplicate-chapter-number", file, top + 2),
      ])
    #expect(
      found.first?.message == "chapter number 2 is missing in chapter second (numbers run 1…3)")
  }

  @Test func perChapterNumberingRestartsAndSharesNumbersWithSections() {
    let plan = testPlan(numbering: .perChapter) {
      chapter2 {
        Item(1, id: "a", "甲。")
        Chapter(2, id: "s", "第二节") {
          Item(1, id: "s-a", "节甲。")
          Item(2, id: "s-b", "节乙。")
        }
        Item(3, id: "c", "丙。")
      }
    }
    #expect(diagnostics(of: plan) == [])
  }

  @Test func perChapterNumberingFindsRepeatsAndGapsInAChapter() {
    let top = #line + 4
    let plan = testPlan(numbering: .perChapter) {
      chapter2 {
        Item(1, id: "a", "甲。")
        Item(1, id: "b", "乙。")
        Item(3, id: "c", "丙。")
      }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.error, "duplicate-task-number", file, top),
        report(.error, "missing-task-number", file, top + 1),
      ])
    #expect(found.last?.message == "task number 2 is missing in chapter second (numbers run 1…3)")
  }

  @Test func emptyChapter() {
    let top = #line + 3
    let plan = testPlan {
      chapter2 {
        Chapter(1, id: "empty-section", "空节") {}
        Item(2, id: "b", "乙。")
      }
      Chapter(3, id: "empty", "空章") {}
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.warning, "empty-chapter", file, top),
        report(.warning, "empty-chapter", file, top + 3),
      ])
    #expect(found.last?.message == "chapter empty has no tasks")
  }

  // MARK: - ids

  @Test func duplicateTaskID() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "same", "甲。")
        Item(3, id: "same", "乙。")
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "duplicate-id", file, line)])
    #expect(
      found.first?.message == "task id “same” is declared twice; first at \(file):\(line - 1)")
  }

  @Test func duplicateIDOfATargetAndAFigure() {
    let line = #line + 4
    let plan = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["air"]) }
      chapter2 {
        Item(2, id: "t", "乙。") { Figure("pm25", "PM2.5", .atMost(30, "微克/立方米")) }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "duplicate-id", file, line)])
    #expect(
      found.first?.message == "target id “pm25” is declared twice; first at \(file):\(line - 2)")
  }

  @Test func duplicateIDOfAUnit() {
    let line = #line + 2
    let plan = testPlan {
      Organisation { Unit("air", "另一个大气处", kind: .division) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "duplicate-id", file, line)])
    #expect(
      found.first?.message.hasPrefix(
        "unit id “air” is declared twice; first at Tests/PlanEngineTests/TestSupport.swift:")
        == true)
  }

  @Test func duplicateIDOfAChapterOrSection() {
    let top = #line + 2
    let plan = testPlan {
      Chapter(2, id: "base", "又一个基础") {
        Chapter(1, id: "base", "基础节") { Item(2, id: "b", "乙。") }
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.error, "duplicate-id", file, top),
        report(.error, "duplicate-id", file, top + 1),
      ])
  }

  @Test func duplicateIDOfAMilestone() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Milestone("start", "启动", due: .endOfMonth(year: 2020, month: 3)) }
        Item(3, id: "b", "乙。") { Milestone("start", "启动", due: .endOfMonth(year: 2020, month: 3)) }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "duplicate-id", file, line)])
    #expect(found.first?.message.hasPrefix("milestone id “start” is declared twice") == true)
  }

  @Test func emptyID() {
    let line = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "", "无名。")
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "empty-id", file, line)])
  }

  // MARK: - targets

  /// The plan with one target `x` (led by `air`) requiring `requirement`.
  private func plan(
    _ requirement: Requirement, tolerance: Double? = nil, line: Int = #line
  ) -> Plan {
    testPlan {
      Targets {
        Target(
          "x", "某指标", requirement, tolerance: tolerance, lead: ["air"], file: #filePath, line: line)
      }
    }
  }

  @Test func targetMissingUnit() {
    let line = #line + 1
    let found = diagnostics(of: plan(.atMost(35, "")))
    #expect(brief(found) == [report(.error, "target-missing-unit", file, line)])
    #expect(found.first?.message == "target x (某指标) has no unit (微克/立方米, %, 台, 艘次…)")
    let blank = #line + 1
    let blankUnit = plan(.count(atLeast: 3, "  "))
    #expect(
      brief(diagnostics(of: blankUnit)) == [report(.error, "target-missing-unit", file, blank)])
    let none = #line + 1
    let noUnit = plan(Requirement(measure: .count, direction: .atLeast, value: 3))
    #expect(brief(diagnostics(of: noUnit)) == [report(.error, "target-missing-unit", file, none)])
  }

  @Test func targetMissingDirection() {
    let line = #line
    let found = diagnostics(of: plan(Requirement(measure: .level, value: 35, unit: "微克/立方米")))
    #expect(brief(found) == [report(.error, "target-missing-direction", file, line + 1)])
    #expect(found.first?.message.hasPrefix("target x (某指标) has no direction") == true)
  }

  @Test func targetMissingDirectionIsTheOnlyComplaint() {
    let line = #line + 1
    let found = diagnostics(of: plan(Requirement(measure: .change)))
    #expect(brief(found) == [report(.error, "target-missing-direction", file, line)])
  }

  @Test func targetMissingValue() {
    let line = #line + 1
    let found = diagnostics(of: plan(Requirement(measure: .count, direction: .atLeast, unit: "台")))
    #expect(brief(found) == [report(.error, "target-missing-value", file, line)])
    #expect(found.first?.message == "target x (某指标) has no value")
  }

  @Test func targetMissingText() {
    let line = #line + 1
    let found = diagnostics(of: plan(.qualitative("")))
    #expect(brief(found) == [report(.error, "target-missing-text", file, line)])
    let none = #line + 1
    let missing = diagnostics(of: plan(Requirement(measure: .qualitative)))
    #expect(brief(missing) == [report(.error, "target-missing-text", file, none)])
  }

  @Test func targetBadDirection() {
    let line = #line + 2
    let change = diagnostics(
      of: plan(
        Requirement(measure: .change, direction: .atMost, value: 10, unit: "%", baseYear: 2015)))
    #expect(brief(change) == [report(.error, "target-bad-direction", file, line)])
    #expect(
      change.first?.message
        == "target x (某指标) is a change against a base year, so its direction must be decrease or increase, not atMost"
    )
    let level = #line + 2
    let found = diagnostics(
      of: plan(Requirement(measure: .level, direction: .decrease, value: 5, unit: "%")))
    #expect(brief(found) == [report(.error, "target-bad-direction", file, level)])
    #expect(
      found.first?.message
        == "target x (某指标) is a level, so its direction must be atMost, atLeast or equal, not decrease"
    )
  }

  @Test func reductionMissingBaseYear() {
    let line = #line + 1
    let found = diagnostics(of: plan(.reduction(by: 10, against: nil)))
    #expect(brief(found) == [report(.error, "reduction-missing-base-year", file, line)])
    #expect(
      found.first?.message
        == "target x (某指标) is a reduction of 10 % but names no base year (against: 2015)")
    let increase = diagnostics(of: plan(.increase(by: 2.5, against: nil)))
    #expect(
      increase.first?.message.contains("is an increase of 2.5 % but names no base year") == true)
  }

  @Test func negativeTolerance() {
    let line = #line + 1
    let found = diagnostics(of: plan(.atMost(35, "微克/立方米"), tolerance: -1))
    #expect(brief(found) == [report(.error, "negative-tolerance", file, line)])
    #expect(diagnostics(of: plan(.atMost(35, "微克/立方米"), tolerance: 0)) == [])
  }

  @Test func figuresAreCheckedLikeTargets() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "t", "乙。") {
          Figure("f", "某数字", .count(atLeast: 5, ""))
        }
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "target-missing-unit", file, line)])
  }

  // MARK: - weights

  @Test func weightTotalMismatch() {
    let line = #line + 1
    let plan = testPlan(weightTotal: 100) {
      Targets { Target("pm25", "PM2.5", .atMost(35, "微克/立方米"), weight: 40, lead: ["air"]) }
      chapter2 {
        Item(2, id: "b", "乙。") { Weight(30) }
        Item(3, id: "c", "丙。") { Weight(20) }
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "weight-total-mismatch", file, line)])
    #expect(
      found.first?.message
        == "weights add up to 90 (targets 40 + tasks 50), but the plan declares a total of 100")
  }

  @Test func weightsThatAddUpAreFine() {
    let plan = testPlan(weightTotal: 1) {
      chapter2 {
        Item(2, id: "b", "乙。") { Weight(0.1) }
        Item(3, id: "c", "丙。") { Weight(0.2) }
        Item(4, id: "d", "丁。") { Weight(0.7) }
      }
    }
    #expect(diagnostics(of: plan) == [])
  }

  @Test func withoutADeclaredTotalWeightsAreNotAdded() {
    let plan = testPlan {
      chapter2 { Item(2, id: "b", "乙。") { Weight(30) } }
    }
    #expect(diagnostics(of: plan) == [])
  }

  // MARK: - texts

  @Test func emptyText() {
    let line = #line + 3
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 {
        Item(2, id: "blank", " \n\u{3000}")
      }
    }
    let source = baseSourceText + "二、第二章\n"
    let found = diagnostics(of: plan, source: .text(source))
    #expect(brief(found) == [report(.error, "empty-text", file, line)])
    #expect(found.first?.message == "task 2 (blank) has no text")
    #expect(brief(diagnostics(of: plan)) == [report(.error, "empty-text", file, line)])
  }

  @Test func sourceNotFound() {
    let line = #line + 1
    let plan = testPlan(source: "seeds/missing.txt")
    let found = diagnostics(
      of: plan, source: .unreadable(reason: "no file at /repo/seeds/missing.txt"))
    #expect(brief(found) == [report(.error, "source-not-found", file, line)])
    #expect(
      found.first?.message
        == "the source document seeds/missing.txt cannot be read: no file at /repo/seeds/missing.txt"
    )
  }

  @Test func notCheckedSkipsTheTranscriptionCheck() {
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 { Item(2, id: "b", "源文件里没有的文字。") }
    }
    #expect(diagnostics(of: plan, source: .notChecked) == [])
  }

  // MARK: - hostile input: ids, numbers, characters, names

  @Test func idsThatAreNotSafeFileNamesAreErrorsAtTheirDeclarations() {
    let top = #line + 2
    let plan = testPlan {
      Organisation { Unit("Air", "另一处", short: "另一处", kind: .division) }
      Targets { Target("pm2.5", "PM2.5", .atMost(35, "微克/立方米"), lead: ["air"]) }
      Chapter(2, id: "../second", "第二章") {
        Item(2, id: "a/b", "乙。") {
          Figure("-f", "锅炉", .count(atLeast: 1, "台"))
          Milestone(".m", "印发", due: .endOfQuarter(year: 2020, quarter: 1))
        }
        Item(3, id: String(repeating: "k", count: 65), "丙。")
        Item(4, id: String(repeating: "k", count: 64), "丁。")
        Item(5, id: "0-ok-9", "戊。")
      }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [0, 1, 2, 3, 4, 5, 7].map { report(.error, "invalid-id", file, top + $0) })
    #expect(
      found.map(\.message)[3]
        == "task id “a/b” is not a valid id: an id has 1–64 characters of a–z, 0–9 and '-', beginning with a letter or digit"
    )
    #expect(found.map(\.message)[4].hasPrefix("target id “-f” is not a valid id"))
    #expect(found.map(\.message)[5].hasPrefix("milestone id “.m” is not a valid id"))
  }

  @Test func aPlanIDThatLeavesItsFolderIsAnError() {
    var model = testPlan().model
    model.id = "../../../../elsewhere/pb-escape"
    let found = Checker.check(Resolver.resolve(model), source: .notChecked)
    #expect(found.map(\.code.rawValue) == ["invalid-id"])
    #expect(found.first?.location == model.location)
    #expect(
      found.first?.message.hasPrefix(
        "plan id “../../../../elsewhere/pb-escape” is not a valid id") == true)
    // A control character in an id is shown escaped, never raw.
    model.id = "x\u{1B}[2J"
    let escaped = Checker.check(Resolver.resolve(model), source: .notChecked)
    #expect(escaped.first?.message.hasPrefix("plan id “x\\u{1B}[2J” is not a valid id") == true)
  }

  @Test func aHugeOrNonPositiveNumberIsOneErrorEach() {
    let top = #line + 3
    let plan = testPlan {
      chapter2 {
        Item(2, id: "b", "乙。")
        Item(2_147_483_648, id: "huge", "巨。")
        Item(0, id: "zero", "零。")
        Item(-3, id: "minus", "负。")
      }
      Chapter(2_147_483_648, id: "far", "远章") { Item(3, id: "c", "丙。") }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [1, 2, 3, 5].map { report(.error, "number-out-of-range", file, top + $0) })
    #expect(
      found.first?.message
        == "task number 2147483648 is out of range in the plan (numbers run from 1 to at most 9999)"
    )
    #expect(
      found.last?.message
        == "chapter number 2147483648 is out of range among the chapters (numbers run from 1 to at most 9999)"
    )
  }

  @Test func aGapIsOneErrorHoweverLong() {
    let line = #line + 4
    let plan = testPlan {
      chapter2 {
        Item(2, id: "b", "乙。")
        Item(9_999, id: "last", "末。")
        Item(5, id: "e", "戊。")
      }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found) == [
        report(.error, "missing-task-number", file, line),
        report(.error, "missing-task-number", file, line),
      ])
    #expect(
      found.map(\.message) == [
        "task numbers 3–4 are missing in the plan (numbers run 1…9999)",
        "task numbers 6–9998 are missing in the plan (numbers run 1…9999)",
      ])
  }

  @Test func twentyThousandCopiesOfATaskAreEachReportedAtTheirOwnLine() {
    let copies = 20_000
    let plan = testPlan {
      chapter2 {
        for k in 0..<copies { Item(2, id: "copy", "乙。", line: 100_000 + k) }
      }
    }
    let found = diagnostics(of: plan)
    let lines = Set((1..<copies).map { 100_000 + $0 })
    #expect(found.count == 2 * (copies - 1))
    let numbers = found.filter { $0.code == .duplicateTaskNumber }
    #expect(Set(numbers.compactMap(\.location?.line)) == lines)
    #expect(
      numbers.allSatisfy {
        $0.message == "task number 2 is used twice in the plan; first at \(file):100000"
      })
    let ids = found.filter { $0.code == .duplicateID }
    #expect(Set(ids.compactMap(\.location?.line)) == lines)
  }

  @Test func charactersAWorkbookCannotCarryAreErrorsWhereverTheyAre() {
    let top = #line + 3
    let plan = testPlan {
      Organisation {
        Unit("odd", "奇怪\u{1}单位", short: "奇\u{1}", kind: .division)
      }
      Targets { Target("t", "指标\u{FFFF}", .atMost(1, "个\u{0}"), lead: ["air"]) }
      chapter2 {
        Item(2, id: "b", "乙\u{FFFE}。") {
          Milestone("m", "步\u{1B}[2J", due: .endOfYear(2020))
        }
        Item(3, id: "c", "丙\t丙\n丙\r\n丙。")
      }
      Responsibilities { Rule(.keyword("乙\u{FFFE}"), lead: ["air"]) }
    }
    let found = diagnostics(of: plan)
    #expect(
      brief(found)
        == [0, 0, 2, 2, 4, 5, 9].map { report(.error, "invalid-character", file, top + $0) })
    let messages = Set(found.map(\.message))
    let xml =
      "XML 1.0 has no control characters but tab, line feed and carriage return, and no U+FFFE or U+FFFF"
    #expect(
      messages.contains(
        "the short name of unit odd holds U+0001 (character 2), which a workbook cannot carry: \(xml)"
      ))
    #expect(
      messages.contains(
        "the text of task 2 (b) holds U+FFFE (character 2), which a workbook cannot carry: \(xml)"))
    #expect(messages.contains { $0.hasPrefix("the unit of target t holds U+0000 (character 2)") })
    #expect(messages.contains { $0.hasPrefix("the title of milestone m holds U+001B") })
    #expect(messages.contains { $0.hasPrefix("the match of rule 2 holds U+FFFE") })
    #expect(messages.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test func twoUnitsWithOneShortNameAreAnError() {
    let line = #line + 2
    let plan = testPlan {
      Organisation { Unit("air2", "测试市生态环境局大气环境二处", short: "大气处", kind: .division) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "duplicate-short-name", file, line)])
    #expect(
      found.first?.message.hasPrefix(
        "units air and air2 have the same short name “大气处” (first at Tests/PlanEngineTests/TestSupport.swift:"
      ) == true)
  }

  /// Books carry “id name” in the document property `PlanBook.Unit`, which holds 255
  /// characters (counted as Unicode scalars, as libxlsxwriter counts them).
  @Test func aUnitNameTooLongForItsBooksPropertyIsAnError() {
    let line = #line + 4
    let plan = testPlan {
      Organisation {
        Unit("long", String(repeating: "长", count: 250), short: "长一", kind: .division)
        Unit("longer", String(repeating: "长", count: 249), short: "长二", kind: .division)
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "too-long-for-workbook", file, line)])
    #expect(
      found.first?.message
        == "unit longer's full name has 249 characters; its books carry “id name” in a document property, which holds at most 255 characters, so the name may have at most 248"
    )
    var model = testPlan().model
    model.title = String(repeating: "题", count: 256)
    model.version = String(repeating: "v", count: 255)
    let title = Checker.check(Resolver.resolve(model), source: .notChecked)
    #expect(title.map(\.code.rawValue) == ["too-long-for-workbook"])
    #expect(title.first?.message.hasPrefix("the plan's title has 256 characters") == true)
  }

  // MARK: - signing

  @Test func aDeclaredSigningChainIsClean() {
    let plan = testPlan {
      Signatures {
        PartyA("eeb", for: .kind(.division))
        PartyA("gov", for: .kind(.department))
        Notice(for: .unit("police"))
        Signatory("eeb", "局长")
      }
    }
    #expect(diagnostics(of: plan) == [])
  }

  @Test func theIssuerNeverSignsWithItself() {
    // `eeb` leads the base task: by the declaration it would be both 甲方 and 乙方.
    let line = #line + 2
    let plan = testPlan {
      Signatures { PartyA("eeb", for: .kind(.department)) }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "self-signed", file, line)])
    #expect(found.first?.message.hasPrefix("eeb (市生态环境局) would sign its own book") == true)
    // Without a declaration the issuer is sent a notice, never a book signed with itself.
    let plain = testPlan().model
    #expect(plain.unit("eeb").map { plain.document(for: $0) } == .notice)
    #expect(plain.unit("air").map { plain.document(for: $0) } == .book(partyA: "eeb"))
  }

  @Test func aSigningDeclarationNamesDeclaredUnitsAndEachScopeOnce() {
    let line = #line + 3
    let plan = testPlan {
      Signatures {
        PartyA("city", for: .unit("air"), .unit("nobody"))
        Notice(for: .unit("air"))
        Signatory("ghost", "处长")
        PartyA("gov", for: .kind(.department))
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.error, "unknown-unit", file, line),
        report(.error, "unknown-unit", file, line),
        report(.error, "signing-conflict", file, line + 1),
        report(.error, "unknown-unit", file, line + 2),
      ])
  }

  @Test func aReportDayIsADayEveryMonthHas() {
    let line = #line + 1
    let plan = testPlan { Assessment(reportDay: 31) }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "assessment-invalid", file, line)])
  }
}
