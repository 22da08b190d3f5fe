import PlanDSL
import PlanEngine
import Testing

@Suite struct AssessmentCheckTests {
  func codes(@ListBuilder<any AssessmentContent> _ parts: () -> [any AssessmentContent]) -> [String]
  {
    let plan = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["air"]) }
      Assessment(parts)
    }
    return diagnostics(of: plan).map(\.code.rawValue)
  }

  @Test func aValidAssessmentHasNoProblems() {
    #expect(
      codes {
        Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)
        Bonus(.doneEarly(task: "base-task"), points: 1)
        Veto(.targetNotMet("pm25"), cap: "不合格")
      } == [])
  }

  /// 力争 targets met earn a bonus: one of 0 or less points (or not a number) is no bonus.
  @Test func anAspirationalBonusMustBeAbove0() {
    for points in [0, -2, Double.infinity] {
      #expect(codes { Aspirational(bonus: points) } == ["assessment-invalid"], "\(points)")
    }
    #expect(codes { Aspirational(bonus: 2) } == [])
    #expect(codes { Aspirational(.ordinary) } == [])
  }

  /// Points a deduction takes or a bonus gives are above 0: 0 does nothing, and a negative
  /// deduction would reward failing.
  @Test func deductionAndBonusPointsMustBeAbove0() {
    #expect(
      codes { Deduction(.shortfall(target: "pm25", per: 1), points: -0.5) } == [
        "assessment-invalid"
      ])
    #expect(codes { Bonus(.doneEarly(task: "base-task"), points: 0) } == ["assessment-invalid"])
    #expect(
      codes { Bonus(.exceeded(target: "pm25", per: 1, max: 0), points: 1) } == [
        "assessment-invalid"
      ])
  }

  @Test func unknownTargetsTasksAndGrades() {
    #expect(
      codes { Deduction(.shortfall(target: "pm10", per: 1), points: 0.5) } == [
        "assessment-unknown-target"
      ])
    #expect(
      codes { Bonus(.exceeded(target: "so2", per: 1, max: 2), points: 1) } == [
        "assessment-unknown-target"
      ])
    #expect(codes { Bonus(.doneEarly(task: "nope"), points: 1) } == ["assessment-unknown-task"])
    #expect(codes { Veto(.taskOverdue("nope"), cap: "合格") } == ["assessment-unknown-task"])
    #expect(codes { Veto(.targetNotMet("pm25"), cap: "特优") } == ["assessment-unknown-grade"])
  }

  @Test func outOfRangeValues() {
    #expect(codes { Deduction(.taskClass(.behind)) } == ["assessment-invalid"])
    #expect(codes { Deduction(.taskClass(.behind), share: 1.5) } == ["assessment-invalid"])
    #expect(
      codes { Deduction(.shortfall(target: nil, per: 0), points: 1) } == ["assessment-invalid"])
    #expect(
      codes {
        GradeBand("合格", atLeast: 60)
        GradeBand("优秀", atLeast: 90)
      } == ["assessment-invalid"])
  }

  @Test func theMessageNamesTheFault() throws {
    let plan = testPlan {
      Assessment { Veto(.targetNotMet("pm25"), cap: "特优") }
    }
    let found = diagnostics(of: plan)
    let unknown = try #require(found.first { $0.code == .assessmentUnknownTarget })
    #expect(unknown.message == "a veto names target 'pm25', which the plan does not have")
    #expect(unknown.location?.file.hasSuffix("AssessmentCheckTests.swift") == true)
    let grade = try #require(found.first { $0.code == .assessmentUnknownGrade })
    #expect(
      grade.message == "a veto caps the grade at '特优', which is not a grade (grades: 优秀、良好、合格、不合格)")
  }
}

/// Issue 14: the report deductions, freshness and a target's data source are checked.
@Suite struct ReportingCheckTests {
  func codes(
    reportDay: Int? = nil, freshness: Int? = nil,
    @ListBuilder<any AssessmentContent> _ parts: () -> [any AssessmentContent]
  ) -> [String] {
    let plan = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["air"]) }
      Assessment(reportDay: reportDay, freshness: freshness, parts)
    }
    return diagnostics(of: plan).map(\.code.rawValue)
  }

  @Test func reportDeductionsTakePointsAndNeedAReportDay() {
    #expect(codes(reportDay: 5) { Deduction(.missingReport, points: 1) } == [])
    #expect(codes(reportDay: 5) { Deduction(.lateReport, points: 0.5) } == [])
    #expect(codes { Deduction(.missingReport, points: 1) } == ["assessment-invalid"])
    #expect(codes(reportDay: 5) { Deduction(.lateReport, share: 0.5) } == ["assessment-invalid"])
  }

  @Test func freshnessIsAtLeastAMonth() {
    #expect(codes(freshness: 1) { Deduction(.taskClass(.behind), share: 0.5) } == [])
    #expect(
      codes(freshness: 0) { Deduction(.taskClass(.behind), share: 0.5) } == ["assessment-invalid"])
  }

  @Test func aDataSourceIsAUnitOfThePlan() {
    let known = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["air"], source: "air") }
    }
    #expect(!diagnostics(of: known).map(\.code.rawValue).contains("unknown-unit"))
    #expect(known.model.targets.first?.source == "air")
    let unknown = testPlan {
      Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["air"], source: "lab") }
    }
    let problems = diagnostics(of: unknown)
    #expect(problems.contains { $0.message.contains("data source of target pm25") })
  }
}
