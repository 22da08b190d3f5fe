import PlanDSL
import PlanEngine
import Testing

private let file = "Tests/PlanEngineTests/ShareChecksTests.swift"

/// The checks of target shares (指标分解), each triggered by a small plan, with file:line.
@Suite struct ShareChecksTests {
  @Test func consistentSharesAreClean() {
    let plan = testPlan {
      Targets {
        Target(
          "boilers", "淘汰燃煤锅炉", .count(atLeast: 40, "台"), lead: ["eeb"], rollUp: .sum,
          shares: [
            Share("air", .count(atLeast: 25, "台")), Share("water", .count(atLeast: 15, "台")),
          ])
        Target(
          "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["eeb"], rollUp: .measured,
          shares: [Share("air", .atMost(38, "微克/立方米"))])
        Target(
          "no2", "NO2平均浓度", .atMost(40, "微克/立方米"), lead: ["eeb"], rollUp: .weighted,
          shares: [Share("air", .atMost(42, "微克/立方米"), weight: 2)])
      }
    }
    #expect(diagnostics(of: plan) == [])
  }

  @Test func aShareForAUnitCarryingTheWholeIsAWarningAtTheShare() {
    let line = #line + 5
    let plan = testPlan {
      Targets {
        Target(
          "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["eeb"], rollUp: .measured,
          shares: [Share("eeb", .atMost(38, "微克/立方米"))])
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.warning, "share-of-carrier", file, line)])
    #expect(found.first?.message.hasPrefix("eeb leads target pm25 (PM2.5平均浓度)") == true)
  }

  @Test func aShareForAnUnknownUnit() {
    let line = #line + 5
    let plan = testPlan {
      Targets {
        Target(
          "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["eeb"], rollUp: .measured,
          shares: [Share("qingcheng", .atMost(38, "微克/立方米"))])
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "unknown-unit", file, line)])
    #expect(found.first?.message.contains("share of target pm25") == true)
  }

  @Test func aShareWhoseUnitOrDirectionDiffersFromTheWhole() {
    let line = #line + 6
    let plan = testPlan {
      Targets {
        Target(
          "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["eeb"], rollUp: .measured,
          shares: [
            Share("air", .atLeast(38, "微克/立方米")), Share("water", .atMost(0.038, "毫克/立方米")),
          ])
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.error, "share-mismatch", file, line), report(.error, "share-mismatch", file, line),
      ])
  }

  @Test func sumSharesThatCannotAddUpToTheWhole() {
    let line = #line + 3
    let plan = testPlan {
      Targets {
        Target(
          "boilers", "淘汰燃煤锅炉", .count(atLeast: 40, "台"), lead: ["eeb"], rollUp: .sum,
          shares: [
            Share("air", .count(atLeast: 25, "台")), Share("water", .count(atLeast: 10, "台")),
          ])
      }
    }
    let found = diagnostics(of: plan)
    #expect(brief(found) == [report(.error, "shares-do-not-add-up", file, line)])
    #expect(
      found.first?.message
        == "the shares of target boilers (淘汰燃煤锅炉) add up to 35 台, less than the whole's ≥ 40 台")
  }

  @Test func aSumOfAtMostSharesMayNotExceedTheWhole() {
    let line = #line + 3
    let plan = testPlan {
      Targets {
        Target(
          "so2", "二氧化硫排放量", .count(atMost: 100, "吨"), lead: ["eeb"], rollUp: .sum,
          shares: [Share("air", .count(atMost: 60, "吨")), Share("water", .count(atMost: 50, "吨"))])
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "shares-do-not-add-up", file, line)])
  }

  @Test func aSumOfPercentageChangesIsRefused() {
    let line = #line + 3
    let plan = testPlan {
      Targets {
        Target(
          "cod", "化学需氧量排放量", .reduction(by: 12, against: 2015), lead: ["eeb"], rollUp: .sum,
          shares: [Share("air", .reduction(by: 12, against: 2015))])
      }
    }
    #expect(brief(diagnostics(of: plan)) == [report(.error, "share-sum-not-additive", file, line)])
  }

  @Test func sharesNeedARollUpWeightsAndOneSharePerUnit() {
    let line = #line + 3
    let plan = testPlan {
      Targets {
        Target(
          "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["eeb"],
          shares: [Share("air", .atMost(38, "微克/立方米"))])
        Target(
          "no2", "NO2平均浓度", .atMost(40, "微克/立方米"), lead: ["eeb"], rollUp: .weighted,
          shares: [
            Share("air", .atMost(42, "微克/立方米")), Share("air", .atMost(42, "微克/立方米"), weight: 1),
          ])
      }
    }
    #expect(
      brief(diagnostics(of: plan)) == [
        report(.error, "share-without-roll-up", file, line),
        report(.error, "share-duplicate", file, line + 6),
        report(.error, "share-missing-weight", file, line + 6),
      ])
  }
}

extension ShareChecksTests {
  @Test func aTargetCarriedOnlyByItsSharesHasAnOwner() {
    let plan = testPlan(withRule: true) {
      Targets {
        Target(
          "boilers", "淘汰燃煤锅炉", .count(atLeast: 40, "台"), rollUp: .sum,
          shares: [
            Share("air", .count(atLeast: 25, "台")), Share("water", .count(atLeast: 15, "台")),
          ])
      }
    }
    #expect(diagnostics(of: plan) == [])
  }
}

extension ShareChecksTests {
  @Test func aSplitFigureIsCheckedToo() throws {
    let line = #line + 4
    var model = testPlan {
      chapter2 {
        Item(2, id: "dust", "强化扬尘污染控制。") {
          Figure("sites", "工地检查", .count(atLeast: 100, "次"))
        }
      }
    }.model
    let c = try #require(model.chapters.firstIndex { $0.id == "second" })
    model.chapters[c].tasks[0].figures[0].rollUp = .sum
    model.chapters[c].tasks[0].figures[0].shares = [
      TargetShare(unit: "air", requirement: .count(atLeast: 60, "次"))
    ]
    let found = Checker.check(Resolver.resolve(model), source: .notChecked)
    #expect(brief(found) == [report(.error, "shares-do-not-add-up", file, line)])
  }
}
