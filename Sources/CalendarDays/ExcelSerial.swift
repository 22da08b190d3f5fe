/// A day as a workbook holds it: a date cell shows a ``Day``, without its time of day.
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
extension Day {
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
    self.init(ordinal: days)
  }

  /// The serial number of this day (midnight), in the 1900 date system or (`uses1904`) the
  /// 1904 one; nil for a day that is not valid or not from 1900-01-01 (1904-01-01) to
  /// 9999-12-31. 1900-02-28 is 59 and 1900-03-01 is 61: no day has Excel's phantom serial 60.
  public func serial(uses1904: Bool = false) -> Double? {
    guard isValid else { return nil }
    let days = ordinal
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
}
