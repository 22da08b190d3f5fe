import PlanDSL
import PlanEngine
import Testing

private let file = "Tests/PlanEngineTests/ParentChecksTests.swift"

/// The city plan: `pm25` (≤ 35, air's share ≤ 33), `boilers` (≥ 40: air 25, water 15), `cod`
/// (−14.7 % against 2015, not split), `autumn` (秋冬季 PM2.5, measured Oct–Dec).
private let city = testPlan {
  Targets {
    Target(
      "pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["eeb"], rollUp: .measured,
      shares: [Share("air", .atMost(33, "微克/立方米"))])
    Target(
      "boilers", "淘汰燃煤锅炉", .count(atLeast: 40, "台"), lead: ["eeb"], rollUp: .sum,
      shares: [Share("air", .count(atLeast: 25, "台")), Share("water", .count(atLeast: 15, "台"))])
    Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015), lead: ["eeb"])
    Target(
      "autumn", "秋冬季PM2.5平均浓度", .atMost(45, "微克/立方米"),
      period: .period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31))),
      lead: ["eeb"])
  }
}

/// A district plan under `test-2020`, the plan of `unit`, declared on the caller's line.
private func district(
  parent: String? = "test-2020", as unit: String? = "air", period: DateRange = .year(2020),
  line: Int = #line, @ListBuilder<Target> _ targets: () -> [Target]
) -> Plan {
  let targets = targets()
  return Plan(
    "district-2020", title: "2020年测试区生态环境保护工作计划", issuer: "d-eeb", period: period,
    parent: parent, as: unit, file: #filePath, line: line
  ) {
    Organisation {
      Unit("d-eeb", "测试区生态环境分局", short: "区分局", kind: .department) {
        Unit("d-air", "测试区生态环境分局大气股", short: "大气股", kind: .division)
      }
    }
    Targets { for t in targets { t } }
    Chapter(1, id: "base", "基础工作") { Item(1, id: "base-task", "做好基础工作。") }
    Responsibilities { Rule(.all, lead: ["d-air"]) }
  }
}

private func check(_ child: Plan, parent: Plan? = city) -> [Diagnostic] {
  ParentChecks.check(child.model, parent: parent?.model)
}

/// The parent checks, each triggered by a small district plan, with file:line.
@Suite struct ParentChecksTests {
  @Test func aChildAsStrictAsItsParentIsClean() {
    let child = district {
      Target(
        "pm25", "PM2.5平均浓度", .atMost(32, "微克/立方米"), lead: ["d-air"],
        implements: "test-2020/pm25")
      Target(
        "boilers", "淘汰燃煤锅炉", .count(atLeast: 25, "台"), lead: ["d-air"],
        implements: "test-2020/boilers@air")
      Target(
        "cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), lead: ["d-air"],
        implements: "test-2020/cod")
    }
    #expect(check(child) == [])
    // The child plan is a valid plan on its own too.
    #expect(diagnostics(of: child) == [])
  }

  @Test func aChildLooserThanItsShareOrTheWholeIsAnError() {
    let line = #line + 2
    let child = district {
      Target("pm25", "PM2.5平均浓度", .atMost(36, "微克/立方米"), implements: "test-2020/pm25")
      Target("boilers", "淘汰燃煤锅炉", .count(atLeast: 20, "台"), implements: "test-2020/boilers")
      Target("cod", "化学需氧量排放量", .reduction(by: 12, against: 2015), implements: "test-2020/cod")
    }
    let found = check(child)
    #expect(
      brief(found) == [
        report(.error, "looser-than-parent", file, line),
        report(.error, "looser-than-parent", file, line + 1),
        report(.error, "looser-than-parent", file, line + 2),
      ])
    #expect(
      found[0].message
        == "target pm25 (PM2.5平均浓度) asks for ≤ 36 微克/立方米, looser than test-2020's share of air in pm25 (≤ 33 微克/立方米)"
    )
    #expect(found[1].message.contains("≥ 20 台") && found[1].message.contains("(≥ 25 台)"))
    #expect(
      found[2].message.contains("较2015年 −12 %")
        && found[2].message.contains("test-2020's target cod (较2015年 −14.7 %)"))
  }

  @Test func unlikeRequirementsCannotBeCompared() {
    let line = #line + 2
    let child = district {
      Target("pm25", "PM2.5平均浓度", .atMost(0.033, "毫克/立方米"), implements: "test-2020/pm25")
      Target("cod", "化学需氧量排放量", .reduction(by: 15, against: 2016), implements: "test-2020/cod")
    }
    #expect(
      brief(check(child))
        == [
          report(.error, "parent-requirement-mismatch", file, line),
          report(.error, "parent-requirement-mismatch", file, line + 1),
          report(.warning, "parent-share-not-implemented", file, line - 1),
        ].sorted())
  }

  @Test func implementingWhatTheParentDoesNotHave() {
    let line = #line + 2
    let child = district {
      Target("pm25", "PM2.5平均浓度", .atMost(33, "微克/立方米"), implements: "test-2020/pm26")
      Target("cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), implements: "test-2020/cod@air")
      Target(
        "boilers", "淘汰燃煤锅炉", .count(atLeast: 15, "台"), implements: "test-2020/boilers@water")
    }
    let found = check(child).filter { $0.severity == .error }
    #expect(
      brief(found) == [
        report(.error, "parent-unknown-target", file, line),
        report(.error, "parent-unknown-share", file, line + 1),
        report(.error, "parent-other-unit", file, line + 2),
      ])
    #expect(found[0].message.contains("has no target or figure pm26 (did you mean pm25?)"))
    #expect(found[1].message.contains("has no share for air (it is not split)"))
  }

  @Test func aShareOfTheUnitThatNoChildTargetImplementsIsAWarning() {
    let line = #line + 1
    let child = district {
      Target("cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), implements: "test-2020/cod")
    }
    let found = check(child)
    #expect(
      brief(found) == [
        report(.warning, "parent-share-not-implemented", file, line),
        report(.warning, "parent-share-not-implemented", file, line),
      ])
    #expect(
      found.contains { $0.message.contains("a share of target pm25 (PM2.5平均浓度, ≤ 33 微克/立方米)") })
    #expect(found.contains { $0.message.contains("a share of target boilers") })
  }

  @Test func aUnitTheParentDoesNotHave() {
    let line = #line + 1
    let child = district(as: "aire") {
      Target("cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), implements: "test-2020/cod")
    }
    let found = check(child)
    #expect(brief(found) == [report(.error, "parent-unknown-unit", file, line)])
    #expect(found.first?.message.contains("(did you mean air?)") == true)
  }

  @Test func periodsOutsideTheParentsAreErrors() {
    let line = #line + 1
    let child = district(period: DateRange(Day(2020, 7, 1), Day(2021, 6, 30))) {
      Target(
        "autumn", "秋冬季PM2.5平均浓度", .atMost(44, "微克/立方米"),
        period: .period(name: "秋冬季", DateRange(Day(2020, 9, 1), Day(2020, 12, 31))),
        implements: "test-2020/autumn")
    }
    let found = check(child).filter { $0.code == .parentPeriodMismatch }
    #expect(
      brief(found) == [
        report(.error, "parent-period-mismatch", file, line),
        report(.error, "parent-period-mismatch", file, line + 1),
      ])
    #expect(found[1].message.contains("outside test-2020's target autumn (2020-10-01…2020-12-31)"))
  }

  @Test func implementsNeedsTheDeclaredParent() {
    let line = #line + 2
    let orphan = district(parent: nil, as: nil) {
      Target("cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), implements: "test-2020/cod")
    }
    #expect(brief(check(orphan)) == [report(.error, "implements-without-parent", file, line)])
    let other = district {
      Target("cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), implements: "other-2020/cod")
      Target("so2", "二氧化硫排放量", .reduction(by: 15, against: 2015), implements: "cod")
    }
    #expect(
      brief(check(other)).filter { !$0.contains("warning") } == [
        report(.error, "implements-other-plan", file, line + 4),
        report(.error, "implements-invalid", file, line + 5),
      ])
  }
}

extension ParentChecksTests {
  @Test func aPlanThatIsItsOwnParent() {
    let line = #line + 1
    let child = district(parent: "district-2020") {
      Target(
        "cod", "化学需氧量排放量", .reduction(by: 15, against: 2015),
        implements: "district-2020/cod")
    }
    #expect(
      brief(check(child, parent: child)) == [report(.error, "parent-cycle", file, line)])
  }
}
