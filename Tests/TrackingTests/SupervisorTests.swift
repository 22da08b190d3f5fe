import PlanEngine
import PlanModel
import Testing

@testable import Tracking

/// Issue 19 (2, 3): notices, escalation and the ledger, month by month.
@Suite struct SupervisorTests {
  typealias F = TrackingFixtures

  /// The round of `day` from `reports` and `ledger`.
  static func round(
    _ reports: [ProgressReport], _ day: Day, _ ledger: SupervisionLedger
  ) throws -> SupervisionRound {
    let plan = F.plan()
    let status = Evaluator.evaluate(plan, reports: reports, asOf: day)
    let colours = ColourHistory.build(plan, reports: reports, asOf: day, current: status)
    return try Supervisor.supervise(plan, status: status, colours: colours, ledger: ledger)
  }

  @Test func escalatedWhenNotActedOnNeverIssuedTwice() throws {
    // Only a (大气处) lags: 30 % at the end of July (序时进度 58 %), and nothing more until
    // September, when it reports 60 %.
    var reports = [
      F.report(
        "2020-07",
        ColourHistoryTests.quiet.filter { $0.id != "a" } + [
          F.task("a", .inProgress, 30, on: Day(2020, 7, 20)),
          F.task("b", .done, 100, on: Day(2020, 6, 1)),
        ])
    ]
    let july = try Self.round(reports, Day(2020, 7, 31), SupervisionLedger(plan: "t"))
    #expect(july.notices.count == 1)
    let first = try #require(july.notices.first)
    #expect(first.number == "督办〔2020〕1号")
    #expect(first.unit == "air")
    #expect(first.issuer == "boss")
    #expect(first.replyBy == Day(2020, 8, 10))
    #expect(first.items.map(\.item) == [ColourItem(.task, "a")])
    #expect(first.items.first?.colour == .yellow)
    #expect(first.items.first?.percent == 30)
    #expect(first.items.first?.expected == 58.2)

    // Before the reply day: no notice again.
    reports.append(F.report("2020-08", []))
    let early = try Self.round(reports, Day(2020, 8, 5), july.ledger)
    #expect(early.notices.isEmpty)
    #expect(early.ledger == july.ledger)

    // After it, no progress: one level up, numbered on.
    let august = try Self.round(reports, Day(2020, 8, 31), july.ledger)
    let second = try #require(august.notices.first)
    #expect(august.notices.count == 1)
    #expect(second.number == "督办〔2020〕2号")
    #expect(second.items.first?.colour == .red)
    #expect(second.items.first?.found == .yellow)
    #expect(second.items.first?.escalates == "督办〔2020〕1号")
    #expect(second.items.first?.escalation == "督办〔2020〕1号（黄色）督办后至反馈时限未见进展，提级督办（红色）")
    #expect(august.ledger.notices.map(\.number) == ["督办〔2020〕1号", "督办〔2020〕2号"])

    // The same day again: the same notices, the ledger as it was.
    let again = try Self.round(reports, Day(2020, 8, 31), august.ledger)
    #expect(again.reissued)
    #expect(again.notices == august.notices)
    #expect(again.ledger == august.ledger)
    #expect(try again.ledger.text() == august.ledger.text())

    // Progress by September (still 欠进度): acted on, no new notice.
    reports.append(F.report("2020-09", [F.task("a", .inProgress, 60, on: Day(2020, 9, 20))]))
    let september = try Self.round(reports, Day(2020, 9, 30), august.ledger)
    #expect(september.notices.isEmpty)

    // Supervision runs forward: an earlier day is refused.
    #expect(throws: LedgerError.self) {
      try Self.round(reports, Day(2020, 7, 15), august.ledger)
    }
  }
}
