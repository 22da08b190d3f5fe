import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/ResponsibilitiesTests.swift"

/// The rules of a plan holding only `content`.
private func rules(
  @ListBuilder<any PlanContent> _ content: () -> [any PlanContent]
) -> [ResponsibilityRule] {
  Plan("p", title: "计划", issuer: "eeb", period: .year(2020), content).model.rules
}

@Suite struct ResponsibilitiesTests {
  @Test func rulesLowerWithTheirMatchFieldsAndLines() {
    let first = #line + 3
    let lowered = rules {
      Responsibilities {
        Rule(.all, lead: ["office"], due: .endOfYear(2020))
        Rule(.chapter("party"), lead: ["party"])
        Rule(.keyword("扬尘"), lead: ["air"], cooperating: ["housing"])
        Rule(.target("pm25"), lead: ["air"], cooperating: ["transport", "police"])
        Rule(.keyword("秋冬季"), due: .endOfQuarter(year: 2020, quarter: 4))
      }
    }
    #expect(
      lowered == [
        ResponsibilityRule(
          match: .all, responsibility: Responsibility(lead: ["office"], deadline: .endOfYear(2020)),
          location: at(file, first)),
        ResponsibilityRule(
          match: .chapter("party"), responsibility: Responsibility(lead: ["party"]),
          location: at(file, first + 1)),
        ResponsibilityRule(
          match: .keyword("扬尘"),
          responsibility: Responsibility(lead: ["air"], cooperating: ["housing"]),
          location: at(file, first + 2)),
        ResponsibilityRule(
          match: .target("pm25"),
          responsibility: Responsibility(lead: ["air"], cooperating: ["transport", "police"]),
          location: at(file, first + 3)),
        ResponsibilityRule(
          match: .keyword("秋冬季"),
          responsibility: Responsibility(deadline: .endOfQuarter(year: 2020, quarter: 4)),
          location: at(file, first + 4)),
      ])
  }

  @Test func aRuleWithNothingDecidedLowersWithAnEmptyResponsibility() {
    let lowered = rules { Responsibilities { Rule(.all) } }
    #expect(lowered.map(\.responsibility.isEmpty) == [true])
  }

  @Test func emptyListsAreKeptApartFromNil() {
    let lowered = rules { Responsibilities { Rule(.chapter("c"), lead: [], cooperating: []) } }
    #expect(
      lowered.first?.responsibility == Responsibility(lead: [], cooperating: [], deadline: nil))
    #expect(lowered.first?.responsibility.isEmpty == false)
  }

  @Test func severalListsAppendInOrderWithForAndIf() {
    let keywords = ["扬尘", "柴油"]
    let withDefault = false
    let lowered = rules {
      Responsibilities {
        for k in keywords {
          Rule(.keyword(k), lead: ["air"])
        }
        if withDefault {
          Rule(.all, lead: ["office"])
        }
      }
      Responsibilities { Rule(.target("pm25"), lead: ["air"]) }
    }
    #expect(lowered.map(\.match) == [.keyword("扬尘"), .keyword("柴油"), .target("pm25")])
  }
}
