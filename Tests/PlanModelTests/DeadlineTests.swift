import Foundation
import PlanJSON
import PlanModel
import Testing

struct DeadlineTests {
  @Test func fallsOnTheLastDayOfItsPeriod() {
    #expect(Deadline.on(2020, 6, 30).dueDay == Day(2020, 6, 30))
    #expect(Deadline.endOfMonth(year: 2020, month: 2).dueDay == Day(2020, 2, 29))
    #expect(Deadline.endOfQuarter(year: 2020, quarter: 3).dueDay == Day(2020, 9, 30))
    #expect(Deadline.endOfHalf(year: 2020, half: 1).dueDay == Day(2020, 6, 30))
    #expect(Deadline.endOfYear(2020).dueDay == Day(2020, 12, 31))
    let autumn = Deadline.period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31)))
    #expect(autumn.dueDay == Day(2020, 12, 31))
  }

  @Test func hasNoDayWhenItsFieldsAreOutOfRange() {
    #expect(Deadline.on(2020, 2, 30).dueDay == nil)
    #expect(Deadline.endOfMonth(year: 2020, month: 13).dueDay == nil)
    #expect(Deadline.endOfQuarter(year: 2020, quarter: 5).dueDay == nil)
    #expect(Deadline.endOfHalf(year: 2020, half: 0).dueDay == nil)
    #expect(Deadline.period(name: "x", DateRange(Day(2020, 12, 1), Day(2020, 1, 1))).dueDay == nil)
  }

  @Test func readsTheWayPlansWriteIt() {
    #expect(Deadline.endOfQuarter(year: 2020, quarter: 3).description == "2020年第3季度末")
    #expect(Deadline.endOfHalf(year: 2020, half: 1).description == "2020年上半年")
    #expect(Deadline.endOfYear(2020).description == "2020年底")
  }

  @Test func roundTripsThroughJSON() throws {
    let all: [Deadline] = [
      .on(2020, 6, 30), .endOfMonth(year: 2020, month: 9), .endOfQuarter(year: 2020, quarter: 2),
      .endOfHalf(year: 2020, half: 2), .endOfYear(2020),
      .period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31))),
    ]
    let text = try CanonicalJSON.encode(all)
    #expect(text.contains(#""kind": "endOfQuarter""#))
    #expect(text.contains(#""from": "2020-10-01""#))
    let back = try JSONDecoder().decode([Deadline].self, from: Data(text.utf8))
    #expect(back == all)
  }
}
