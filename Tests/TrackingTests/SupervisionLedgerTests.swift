import PlanModel
import Testing

@testable import Tracking

/// Issue 19 (3): the ledger as a file: canonical JSON, read back, checked.
@Suite struct SupervisionLedgerTests {
  typealias F = TrackingFixtures

  @Test func theLedgerReadsBackAndRefusesAnotherPlan() throws {
    let reports = [
      F.report("2020-07", [F.task("a", .inProgress, 30, on: Day(2020, 7, 20))])
    ]
    let ledger = try SupervisorTests.round(reports, Day(2020, 7, 31), SupervisionLedger(plan: "t"))
      .ledger
    let text = try ledger.text()
    let back = try SupervisionLedger.parse(Array(text.utf8), path: "s.json", plan: "t")
    #expect(back == ledger)
    #expect(text.contains("\"number\": \"督办〔2020〕1号\""))
    #expect(throws: LedgerError.self) {
      try SupervisionLedger.parse(Array(text.utf8), path: "s.json", plan: "other")
    }
    #expect(throws: LedgerError.self) {
      try SupervisionLedger.parse(Array("{}".utf8), path: "s.json", plan: "t")
    }
  }
}
