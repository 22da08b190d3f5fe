import CalendarDays
import Foundation
import Testing

struct DayTests {
  @Test func parsesAndPrintsISODates() {
    #expect(Day(parsing: "2020-06-30") == Day(2020, 6, 30))
    #expect(Day(2020, 6, 3).description == "2020-06-03")
    #expect(Day(parsing: "2020-02-30") == nil)
    #expect(Day(parsing: "2020-6-30") == nil)
    #expect(Day(parsing: "20200630") == nil)
  }

  @Test func knowsLeapYearsAndMonthEnds() {
    #expect(Day(2020, 2, 29).isValid)
    #expect(!Day(2019, 2, 29).isValid)
    #expect(!Day(2020, 13, 1).isValid)
    #expect(Day.endOf(month: 2, year: 2100) == Day(2100, 2, 28))
    #expect(Day.endOf(month: 2, year: 2000) == Day(2000, 2, 29))
  }

  @Test func countsDaysBetweenDates() {
    #expect(Day(1970, 1, 1).ordinal == 0)
    #expect(Day(2020, 1, 1).days(to: Day(2020, 12, 31)) == 365)
    #expect(Day(2020, 9, 30).days(to: Day(2020, 12, 31)) == 92)
    for n in stride(from: -800_000, through: 800_000, by: 9_973) {
      #expect(Day(ordinal: n).ordinal == n)
    }
    #expect(Day(ordinal: Day(2020, 3, 1).ordinal - 1) == Day(2020, 2, 29))
  }

  @Test func ordersChronologically() {
    #expect(Day(2019, 12, 31) < Day(2020, 1, 1))
    #expect(Day(2020, 2, 1) < Day(2020, 10, 1))
  }
}
