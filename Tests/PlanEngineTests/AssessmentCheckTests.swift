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
    return diagnostics(of: plan).map(\.code)
  }

  @Test func aValidAssessmentHasNoProblems() {
    #expect(
      codes {
        Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)
        Bonus(.doneEarly(task: "base-task"), points: 1)
        Veto(.targetNotMet("pm25"), cap: "不合格")
      } == [])
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
    let unknown = try #require(found.first { $0.code == "assessment-unknown-target" })
    #expect(unknown.message == "a veto names target 'pm25', which the plan does not have")
    #expect(unknown.location?.file.hasSuffix("AssessmentCheckTests.swift") == true)
    let grade = try #require(found.first { $0.code == "assessment-unknown-grade" })
    #expect(
      grade.message == "a veto caps the grade at '特优', which is not a grade (grades: 优秀、良好、合格、不合格)")
  }
}
