import PlanModel
import Testing

@testable import Review

/// A split target's shares and roll-up compared (`ShareChange`): what each change says, and
/// which are high-risk (a share's requirement, added or removed: its holder's book row).
@Suite struct ShareChangeTests {
  static func target(rollUp: RollUp?, _ shares: [TargetShare]) -> PlanTarget {
    var t = PlanTarget(id: "boilers", name: "淘汰燃煤锅炉", requirement: .atLeast(40, "台"))
    t.rollUp = rollUp
    t.shares = shares
    return t
  }

  static let names = ["east": "东区", "west": "西区", "south": "南区"]

  @Test func eachChangeOfAShareOrTheRollUpIsOneSetting() {
    let old = Self.target(
      rollUp: .sum,
      [
        TargetShare(unit: "east", requirement: .atLeast(25, "台")),
        TargetShare(unit: "west", requirement: .atLeast(15, "台")),
      ])
    let new = Self.target(
      rollUp: .weighted,
      [
        TargetShare(unit: "east", requirement: .atLeast(25, "台"), weight: 3),
        TargetShare(unit: "south", requirement: .atLeast(15, "台"), weight: 1),
      ])
    let changes = ShareChange.compare(old, new, names: Self.names)
    let settings = changes.compactMap { c -> Setting? in
      if case .setting(let s) = c { s } else { nil }
    }
    #expect(settings.count == changes.count)
    #expect(
      settings.map { "\($0.field)|\($0.label)|\($0.from ?? "无")|\($0.to ?? "无")" } == [
        "rollUp|汇总方式|合计|加权平均",
        "shares.weight|东区分解权重|无|3",
        "shares|南区分解指标|无|≥ 15 台",
        "shares|西区分解指标|≥ 15 台|无",
      ])
    #expect(settings.allSatisfy { $0.area == .shares })
    #expect(changes.map(\.isHighRisk) == [false, false, true, true])
    #expect(changes.map(\.code) == Array(repeating: "sharesChanged", count: 4))
    #expect(changes.first?.chinese == "指标分解调整")
  }

  @Test func unchangedSharesSayNothing() {
    let t = Self.target(rollUp: .sum, [TargetShare(unit: "east", requirement: .atLeast(40, "台"))])
    #expect(ShareChange.compare(t, t, names: Self.names).isEmpty)
  }
}
