/// A calendar day as a workbook holds it: what a date cell shows, without its time of day.
///
/// Excel stores a date as a serial number, the count of days since the workbook's epoch, shown
/// through a date number format. ``init(serial:uses1904:)`` reads one, ``serial(uses1904:)``
/// writes one; both follow the rules below, the only place they are written down.
///
/// - The 1900 date system (the default): serial 1 is 1900-01-01 and 44196 is 2020-12-31.
///   Excel, copying Lotus 1-2-3, counts a 1900-02-29 that never was: serial 60, which is no
///   day here (reading it gives nil). Serials 1 to 59 are January and February 1900, and from
///   61 on every serial is one day later than a plain count would make it. Serial 0 (Excel's
///   1900-01-00) and negative serials are no day.
/// - The 1904 date system (a workbook whose `workbookPr` says `date1904="1"`, old Mac Excel):
///   serial 0 is 1904-01-01, with no such gap; a day is 1462 less than in the 1900 system.
/// - A fraction is a time of day. Reading rounds the serial to the millisecond, as Excel does,
///   and then drops the time: 44120.5 (noon) is 2020-10-16, 44196.999 999 999 is 2021-01-01.
///   Writing gives whole numbers (midnight).
/// - Days run from 1900-01-01 (1904-01-01) to 9999-12-31; anything else has no serial.
public struct ExcelDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, 1 to 9999 for a valid day (1900 or 1904 on for one with a serial).
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int
  /// The day of the month, 1 to 31.
  public var day: Int

  /// The day `year`-`month`-`day` (not checked: see ``isValid``), as PlanModel's `Day` is made.
  public init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether the day exists in the (proleptic Gregorian) calendar, years 1 to 9999.
  public var isValid: Bool {
    guard (1...9999).contains(year), (1...12).contains(month) else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1...days).contains(day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let text = String(n)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Earlier days first.
  public static func < (a: ExcelDay, b: ExcelDay) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  // MARK: - Serial numbers

  /// The largest serial of the 1900 system, 9999-12-31.
  static let last1900Serial = 2_958_465
  /// The largest serial of the 1904 system, 9999-12-31.
  static let last1904Serial = 2_957_003

  /// The day serial number `serial` shows, in the 1900 date system or (`uses1904`) the 1904
  /// one; nil for what is not a day from 1900-01-01 (1904-01-01) to 9999-12-31, Excel's
  /// phantom 1900-02-29 (serial 60) included. A fraction (time of day) is rounded to the
  /// millisecond and then dropped (see the type's rules).
  public init?(serial: Double, uses1904: Bool = false) {
    guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
    let milliseconds = Int64((serial * 86_400_000).rounded())
    let serialDay = Int(milliseconds / 86_400_000)
    // Days since 1970-01-01.
    let days: Int
    if uses1904 {
      guard serialDay <= Self.last1904Serial else { return nil }
      days = serialDay - 24_107
    } else {
      guard serialDay >= 1, serialDay != 60, serialDay <= Self.last1900Serial else { return nil }
      days = serialDay < 60 ? serialDay - 25_568 : serialDay - 25_569
    }
    self.init(daysSince1970: days)
  }

  /// The serial number of this day (midnight), in the 1900 date system or (`uses1904`) the
  /// 1904 one; nil for a day that is not valid or not from 1900-01-01 (1904-01-01) to
  /// 9999-12-31. 1900-02-28 is 59 and 1900-03-01 is 61: no day has Excel's phantom serial 60.
  public func serial(uses1904: Bool = false) -> Double? {
    guard isValid else { return nil }
    let days = daysSince1970
    if uses1904 {
      let serial = days + 24_107
      guard serial >= 0 else { return nil }
      return Double(serial)
    }
    let serial = days + 25_569
    guard serial >= 61 else {
      // January and February 1900 have no phantom day before them.
      return serial >= 2 ? Double(serial - 1) : nil
    }
    return Double(serial)
  }

  /// Days since 1970-01-01 (negative before); meaningful only for a valid day (Howard
  /// Hinnant's `days_from_civil`).
  public var daysSince1970: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = (month + 9) % 12
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The proleptic Gregorian day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
  public init(daysSince1970 days: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    self.init(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
