import PlanEngine
import PlanModel
import Testing

@testable import Tracking

/// Issue 16, item 2: the whole of a split target by its roll-up nature.
@Suite struct ShareRollUpTests {
  static func plan(_ rollUp: RollUp, weights: [Double?] = [nil, nil]) -> ResolvedPlan {
    TrackingFixtures.plan(targets: [
      PlanTarget(
        id: "pm25", name: "PM2.5平均浓度", requirement: .atMost(35, "微克/立方米"),
        responsibility: Responsibility(lead: ["boss"]),
        shares: [
          TargetShare(unit: "air", requirement: .atMost(38, "微克/立方米"), weight: weights[0]),
          TargetShare(unit: "water", requirement: .atMost(33, "微克/立方米"), weight: weights[1]),
        ], rollUp: rollUp)
    ])
  }

  static func row(_ v: Double, by unit: String) -> ProgressEntry {
    ProgressEntry(
      kind: .target, id: "pm25", value: v, unit: "微克/立方米", basis: .ytd, reporter: unit,
      date: Day(2020, 6, 30))
  }

  static let rows = [row(40, by: "air"), row(30, by: "water")]

  @Test func aWeightedWholeIsTheWeightedMeanOfItsShares() {
    let s = TrackingFixtures.evaluate(
      Self.plan(.weighted, weights: [1, 3]), Self.rows, asOf: Day(2020, 6, 30))
    #expect(s.targets.map(\.target.shareUnit) == [nil, "air", "water"])
    #expect(s.targets.map(\.measured) == [32.5, 40, 30])
    #expect(s.targets.map(\.status) == [.met, .notMet, .met])
    #expect(s.targets[0].explanation.hasPrefix("由各分解单位数值加权平均："))
  }

  @Test func aMeasuredWholeTakesOnlyItsOwnValue() {
    let none = TrackingFixtures.evaluate(Self.plan(.measured), Self.rows, asOf: Day(2020, 6, 30))
    #expect(none.targets.map(\.measured) == [nil, 40, 30])
    #expect(none.targets[0].status == .noData)
    let own = TrackingFixtures.evaluate(
      Self.plan(.measured), Self.rows + [Self.row(36, by: "boss")], asOf: Day(2020, 6, 30))
    #expect(own.targets.map(\.measured) == [36, 40, 30])
  }

  @Test func eachShareIsScoredForItsUnitAndTalliedOnce() {
    let s = TrackingFixtures.evaluate(
      Self.plan(.weighted, weights: [1, 3]), Self.rows, asOf: Day(2020, 6, 30))
    let air = s.units.first { $0.unit.id == "air" }
    #expect(air?.lead.targets[.notMet] == 1)
    let boss = s.units.first { $0.unit.id == "boss" }
    #expect(boss?.lead.targets[.met] == 1)
    #expect(s.total.targets.values.reduce(0, +) == 1)
  }
}
