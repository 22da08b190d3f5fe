import PlanModel
import Testing

@testable import Tracking

@Suite struct TallyUnitTests {
  typealias F = TrackingFixtures

  @Test func theBulletinsSentence() {
    var t = Tally(kind: .targets, group: "环境质量", count: 26)
    t.targets = [.met: 11, .projected: 1, .nearlyMet: 6, .notMet: 8]
    #expect(t.chinese == "26项指标：达标11项、预计达标1项、基本达标6项、未达标8项")
    t.selfAssessment = [.met: 11, .notMet: 2]
    #expect(t.findings(.selfAssessment) == "自评：达标11项、未达标2项（26项中13项有自评）")
    #expect(t.findings(.thirdParty) == nil)
  }

  @Test func targetsFiguresAndTasksApartAndGroupsInOrder() {
    var targets = F.defaultTargets
    targets[0].group = "环境质量"
    targets[1].group = "污染减排"
    targets[2].group = "环境质量"
    let plan = F.plan(targets: targets)
    let status = Evaluator.evaluate(
      plan,
      reports: [
        F.report(
          "2020-09",
          [
            F.value("pm25", 30, "微克/立方米", on: Day(2020, 9, 30)),
            ProgressEntry(
              kind: .finding, id: "pm25", reporter: "air", date: Day(2020, 9, 30)
            ).with(.selfAssessment, .met),
          ])
      ], asOf: Day(2020, 9, 30))
    let tallies = status.tallies
    #expect(tallies.map(\.group) == ["环境质量", "污染减排", Tally.otherGroup, nil])
    #expect(tallies.map(\.kind) == [.targets, .targets, .targets, .tasks])
    #expect(tallies.map(\.count) == [2, 1, 1, 4])
    #expect(tallies[0].chinese == "2项指标：达标1项、无数据1项")
    #expect(tallies[0].selfAssessment == [.met: 1])
    #expect(tallies[3].chinese.hasPrefix("4项任务："))
  }
}

extension ProgressEntry {
  /// The entry as a finding of `source` giving `status`.
  func with(_ source: FindingSource, _ status: TargetStatus) -> ProgressEntry {
    var e = self
    e.findingSource = source
    e.finding = status
    return e
  }
}
