import ExcelDates
import PlanModel
import Sheets
import Testing

/// PlanModel's `Day` and ExcelDates' `ExcelDay` convert into each other field by field.
struct ExcelDayConversionTests {
  @Test func daysConvertBothWays() {
    let day = Day(2020, 9, 30)
    #expect(day.excelDay == ExcelDay(2020, 9, 30))
    #expect(Day(day.excelDay) == day)
    #expect(day.excelDay.description == day.description)
    #expect(Day(2020, 2, 30).excelDay.serial() == nil)
  }
}
