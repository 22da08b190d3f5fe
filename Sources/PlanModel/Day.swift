internal import ExcelDates

/// A calendar day (no time, no time zone), written `YYYY-MM-DD` in JSON.
///
/// A `Day` may hold an impossible date such as 2020-02-30 (a plan author's typo); the engine
/// reports it (`invalid-date`) instead of trapping. Use ``isValid`` before date arithmetic.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  /// Creates a day; the values are not checked (see ``isValid``).
  public init(_ year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`; `nil` when the text is not of that shape or the date does not exist.
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(y, m, d)
    guard isValid else { return nil }
  }

  /// Whether the day exists in the (proleptic Gregorian) calendar.
  public var isValid: Bool { CivilCalendar.isValid(year: year, month: month, day: day) }

  /// `YYYY-MM-DD`.
  public var description: String { CivilCalendar.text(year: year, month: month, day: day) }

  public static func < (a: Day, b: Day) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Whether `year` is a leap year.
  public static func isLeap(_ year: Int) -> Bool { CivilCalendar.isLeap(year) }

  /// The number of days in a month (0 for a month outside 1...12).
  public static func daysIn(month: Int, year: Int) -> Int {
    CivilCalendar.daysIn(month: month, year: year)
  }

  /// The last day of a month.
  public static func endOf(month: Int, year: Int) -> Day {
    Day(year, month, daysIn(month: month, year: year))
  }

  /// Days since 1970-01-01 (negative before); meaningful only for a valid day.
  public var ordinal: Int { CivilCalendar.daysSince1970(year: year, month: month, day: day) }

  /// The day `ordinal` days after 1970-01-01.
  public init(ordinal: Int) {
    let (year, month, day) = CivilCalendar.day(daysSince1970: ordinal)
    self.init(year, month, day)
  }

  /// The number of days from `self` to `other` (positive when `other` is later).
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let day = Day(json: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "expected a date YYYY-MM-DD, got '\(text)'"))
    }
    self = day
  }

  /// A day as JSON writes it: three numbers joined by `-` (not checked further; see
  /// ``isValid``).
  init?(json text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(y, m, d)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
