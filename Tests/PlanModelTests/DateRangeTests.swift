import PlanModel
import Testing

struct DateRangeTests {
  @Test func aYearHoldsItsLastDayAndNotTheNext() {
    #expect(DateRange.year(2020).contains(Day(2020, 12, 31)))
    #expect(!DateRange.year(2020).contains(Day(2021, 1, 1)))
  }
}
