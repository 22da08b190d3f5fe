import PlanModel
import Testing

@testable import Reports

@Suite struct LenientTests {
  @Test func numbersWhereTheMeaningIsClear() {
    #expect(Lenient.number("35") == 35)
    #expect(Lenient.number(" 35.5 ") == 35.5)
    #expect(Lenient.number("３５．５") == 35.5)
    #expect(Lenient.number("1,000") == 1000)
    #expect(Lenient.number("12,345.5") == 12345.5)
    #expect(Lenient.number("-2") == -2)
    #expect(Lenient.number("85%", percent: true) == 85)
    #expect(Lenient.number("８５％", percent: true) == 85)
  }

  @Test func notNumbers() {
    for text in ["三十", "35 微克", "1e3", "1,00", "3.5.1", "", "-", "85%", "--1", "1-2"] {
      #expect(Lenient.number(text) == nil, "\(text)")
    }
  }

  @Test func datesTypedAsText() {
    #expect(Lenient.day("2020-09-30") == Day(2020, 9, 30))
    #expect(Lenient.day("2020/9/3") == Day(2020, 9, 3))
    #expect(Lenient.day("2020.09.30") == Day(2020, 9, 30))
    #expect(Lenient.day("2020年9月30日") == Day(2020, 9, 30))
    #expect(Lenient.day("２０２０－０９－３０") == Day(2020, 9, 30))
    #expect(Lenient.day("2020-02-30") == nil)
    #expect(Lenient.day("九月底") == nil)
    #expect(Lenient.day("20-09-30") == nil)
  }

  @Test func excelSerials() {
    #expect(Lenient.day(serial: 44104) == Day(2020, 9, 30))
    #expect(Lenient.day(serial: 1) == Day(1900, 1, 1))
    #expect(Lenient.day(serial: 59) == Day(1900, 2, 28))
    #expect(Lenient.day(serial: 60) == nil)  // Excel's 1900-02-29
    #expect(Lenient.day(serial: 61) == Day(1900, 3, 1))
    #expect(Lenient.day(serial: 42642, dates1904: true) == Day(2020, 9, 30))
    // A time of day is dropped: the cell shows the date.
    #expect(Lenient.day(serial: 44104.5) == Day(2020, 9, 30))
    #expect(Lenient.day(serial: 44120.999) == Day(2020, 10, 16))
    #expect(Lenient.day(serial: 42642.25, dates1904: true) == Day(2020, 9, 30))
    #expect(Lenient.day(serial: 0) == nil)
    #expect(Lenient.day(serial: -1.5) == nil)
    #expect(Lenient.day(serial: .nan) == nil)
  }
}
