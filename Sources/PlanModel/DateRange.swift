/// An inclusive range of days: a plan's period, a named period such as 秋冬季.
public struct DateRange: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The first day.
  public var start: Day
  /// The last day (inclusive).
  public var end: Day

  public init(_ start: Day, _ end: Day) {
    self.start = start
    self.end = end
  }

  /// A calendar year, 1 January to 31 December.
  public static func year(_ year: Int) -> DateRange {
    DateRange(Day(year, 1, 1), Day(year, 12, 31))
  }

  /// Whether `day` falls within the range.
  public func contains(_ day: Day) -> Bool { start <= day && day <= end }

  /// `2020-01-01…2020-12-31`.
  public var description: String { "\(start)…\(end)" }
}
