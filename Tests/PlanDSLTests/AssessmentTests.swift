import PlanDSL
import PlanJSON
import Testing

@Suite struct AssessmentDSLTests {
  func plan(@ListBuilder<any PlanContent> _ content: () -> [any PlanContent]) -> Plan {
    Plan("p", title: "T", issuer: "i", period: .year(2020), content)
  }

  @Test func lowersIntoTheRules() throws {
    let p = plan {
      Assessment(defaultPoints: 2, cooperatingShare: 0.5, bonusCap: 3) {
        Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)
        Bonus(.doneEarly(task: nil), points: 1, reason: "提前完成")
        Veto(.targetNotMet("pm25"), cap: "合格")
        GradeBand("好", atLeast: 80)
        GradeBand("差", atLeast: 0)
      }
    }
    let rules = try #require(p.model.assessment)
    #expect(rules.defaultPoints == 2)
    #expect(rules.cooperatingShare == 0.5)
    #expect(rules.bonusCap == 3)
    // Declared deductions and grades replace the defaults.
    #expect(rules.deductions == [Deduction(.shortfall(target: "pm25", per: 1), points: 0.5)])
    #expect(rules.grades.map(\.name) == ["好", "差"])
    #expect(rules.bonuses.count == 1)
    #expect(rules.vetoes.first?.cap == "合格")
    #expect(rules.location?.file.hasSuffix("AssessmentTests.swift") == true)
    #expect(p.problems.isEmpty)
  }

  @Test func aspirationalScoringLowers() throws {
    let bonus = try #require(plan { Assessment { Aspirational(bonus: 2) } }.model.assessment)
    #expect(bonus.aspirational == .bonus(points: 2))
    let ordinary = try #require(plan { Assessment { Aspirational(.ordinary) } }.model.assessment)
    #expect(ordinary.aspirational == .ordinary)
    // Without a declaration: nil in the model (no key in the snapshot), scored by the default.
    let none = try #require(plan { Assessment(total: 10) }.model.assessment)
    #expect(none.aspirational == nil)
    #expect(none.aspirationalScoring == .bonus(points: nil))
  }

  @Test func anEmptyBlockKeepsTheDefaults() throws {
    let rules = try #require(plan { Assessment(total: 10) }.model.assessment)
    #expect(rules.total == 10)
    #expect(rules.deductions == AssessmentRules.defaultDeductions)
    #expect(rules.grades == AssessmentRules.defaultGrades)
  }

  @Test func twoAssessmentsAreAProblem() {
    let p = plan {
      Assessment(total: 10)
      Assessment(total: 20)
    }
    #expect(p.model.assessment?.total == 10)
    #expect(p.problems.map(\.code.rawValue) == ["duplicate-declaration"])
  }

  @Test func theRulesSurviveTheSnapshot() throws {
    let p = plan {
      Assessment { Veto(.taskOverdue(nil), cap: "不合格", reason: "逾期") }
    }
    let text = try PlanSnapshot.encode(p.model)
    let back = try PlanSnapshot.decode(text, path: "x.json")
    #expect(back.assessment?.vetoes == p.model.assessment?.vetoes)
    #expect(back.assessment?.deductions == AssessmentRules.defaultDeductions)
  }
}

@Suite struct AssessmentFindingsAndGroupsDSLTests {
  @Test func findingsAndRankingGroupsLower() throws {
    let p = Plan("p", title: "T", issuer: "i", period: .year(2020)) {
      Assessment(findings: .thirdParty) {
        RankingGroup("各区", kinds: [.district])
        RankingGroup("市直部门", kinds: [.department], units: ["msa"])
      }
    }
    let rules = try #require(p.model.assessment)
    #expect(rules.findingUse == .thirdParty)
    #expect(rules.rankingGroups?.map(\.name) == ["各区", "市直部门"])
    #expect(rules.rankingGroups?.last?.units == ["msa"])
    // Without the setting, targets are scored by the computed class.
    let plain = Plan("q", title: "T", issuer: "i", period: .year(2020)) { Assessment() }
    #expect(plain.model.assessment?.findingUse == .computed)
    #expect(plain.model.assessment?.rankingGroups == nil)
  }
}
