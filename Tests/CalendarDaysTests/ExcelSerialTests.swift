import CalendarDays
import Foundation
import Testing

/// The one Excel serial conversion, both ways: the 1900 system with its phantom 1900-02-29,
/// the 1904 system, fractions, and the range of days a workbook holds.
struct ExcelSerialTests {
  @Test(arguments: [
    (1.0, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (366, "1900-12-31"),
    (367, "1901-01-01"), (36_526, "2000-01-01"), (36_585, "2000-02-29"),
    (43_891, "2020-03-01"), (44_012, "2020-06-30"), (44_196, "2020-12-31"),
    (44_196.75, "2020-12-31"), (44_196.999_999_999, "2021-01-01"), (2_958_465, "9999-12-31"),
  ])
  func serialsOfThe1900System(serial: Double, day: String) {
    #expect(Day(serial: serial)?.description == day)
  }

  /// Serial 60 is Excel's 1900-02-29, a day that never was; 0 is its 1900-01-00.
  @Test(arguments: [60, 0, 0.4, -1, 2_958_466, .nan, .infinity, -.infinity])
  func serialsThatAreNoDay(serial: Double) {
    #expect(Day(serial: serial) == nil)
  }

  @Test func serialsOfThe1904System() {
    func day(_ serial: Double) -> String? {
      Day(serial: serial, uses1904: true)?.description
    }
    #expect(day(0) == "1904-01-01")
    #expect(day(59) == "1904-02-29")
    #expect(day(42_734) == "2020-12-31", "1462 days less than in the 1900 system")
    #expect(day(2_957_003) == "9999-12-31")
    #expect(day(2_957_004) == nil)
    #expect(day(-1) == nil)
  }

  /// Every 997th serial from 61 on agrees with Foundation's Gregorian calendar, and so does
  /// the same day in the 1904 system (1462 less) from 1904 on.
  @Test func serialsAgreeWithFoundation() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    for serial in stride(from: 61, through: 2_958_465, by: 997) {
      let date = Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400)
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      let expected = Day(
        try #require(parts.year), try #require(parts.month), try #require(parts.day))
      #expect(Day(serial: Double(serial)) == expected, "serial \(serial)")
      if serial >= 1462 {
        #expect(
          Day(serial: Double(serial - 1462), uses1904: true) == expected,
          "1904 serial \(serial - 1462)")
      }
    }
  }

  @Test func daysCompareAndPrint() {
    let day = Day(2020, 6, 30)
    #expect(day.description == "2020-06-30")
    #expect(Day(987, 1, 2).description == "0987-01-02")
    #expect(day < Day(2020, 7, 1))
    #expect(!(day < day))
  }

  /// Writing: whole serials, 59 for 1900-02-28 and 61 for 1900-03-01 (60 is no day), the 1904
  /// system 1462 less; days outside 1900 (1904) to 9999 or not in the calendar have none.
  @Test func serialsOfDays() {
    func serial(_ y: Int, _ m: Int, _ d: Int, uses1904: Bool = false) -> Double? {
      Day(y, m, d).serial(uses1904: uses1904)
    }
    #expect(serial(1900, 1, 1) == 1)
    #expect(serial(1900, 2, 28) == 59)
    #expect(serial(1900, 3, 1) == 61)
    #expect(serial(2020, 12, 31) == 44_196)
    #expect(serial(9999, 12, 31) == 2_958_465)
    #expect(serial(1899, 12, 31) == nil)
    #expect(serial(1900, 2, 29) == nil)
    #expect(serial(2020, 2, 30) == nil)
    #expect(serial(10_000, 1, 1) == nil)
    #expect(serial(1904, 1, 1, uses1904: true) == 0)
    #expect(serial(2020, 12, 31, uses1904: true) == 42_734)
    #expect(serial(1903, 12, 31, uses1904: true) == nil)
  }

  /// Every day with a serial reads back from it, in both systems.
  @Test func serialsRoundTrip() throws {
    for days in stride(from: -25_567, through: 2_932_896, by: 331) {
      let day = Day(ordinal: days)
      #expect(day.ordinal == days)
      let serial = try #require(day.serial(), "\(day)")
      #expect(Day(serial: serial) == day, "\(day)")
      if let serial1904 = day.serial(uses1904: true) {
        #expect(Day(serial: serial1904, uses1904: true) == day, "\(day)")
        #expect(serial - serial1904 == 1462)
      }
    }
  }

  @Test func validDays() {
    #expect(Day(2020, 2, 29).isValid)
    #expect(!Day(1900, 2, 29).isValid)
    #expect(!Day(2020, 13, 1).isValid)
    #expect(!Day(2020, 4, 31).isValid)
    #expect(!Day(0, 1, 1).isValid)
  }
}
