/// When a task, milestone or rule's tasks are due: a day, the end of a calendar month, quarter,
/// half or year, or a named period (秋冬季) given as a range of days.
///
/// JSON: an object with `kind` (`date`, `endOfMonth`, `endOfQuarter`, `endOfHalf`, `endOfYear`,
/// `period`) and that kind's fields (`date`; `year` with `month`, `quarter` or `half`; `name`,
/// `from`, `to`).
public enum Deadline: Sendable, Hashable, Codable, CustomStringConvertible {
  /// A given day.
  case date(Day)
  /// The last day of a month (1...12).
  case endOfMonth(year: Int, month: Int)
  /// The last day of a quarter (1...4).
  case endOfQuarter(year: Int, quarter: Int)
  /// The last day of a half year (1...2).
  case endOfHalf(year: Int, half: Int)
  /// 31 December.
  case endOfYear(Int)
  /// A named period such as 秋冬季; due at its last day.
  case period(name: String, DateRange)

  /// A given day (shorthand for `.date(Day(year, month, day))`).
  public static func on(_ year: Int, _ month: Int, _ day: Int) -> Deadline {
    .date(Day(year, month, day))
  }

  /// The day the deadline falls on; `nil` when its fields are out of range (month 13, quarter 5…).
  public var dueDay: Day? {
    let day: Day
    switch self {
    case .date(let d): day = d
    case .endOfMonth(let y, let m):
      guard (1...12).contains(m) else { return nil }
      day = Day.endOf(month: m, year: y)
    case .endOfQuarter(let y, let q):
      guard (1...4).contains(q) else { return nil }
      day = Day.endOf(month: q * 3, year: y)
    case .endOfHalf(let y, let h):
      guard (1...2).contains(h) else { return nil }
      day = Day.endOf(month: h * 6, year: y)
    case .endOfYear(let y): day = Day(y, 12, 31)
    case .period(_, let range):
      guard range.start.isValid, range.start <= range.end else { return nil }
      day = range.end
    }
    return day.isValid ? day : nil
  }

  /// How people read it: `2020-06-30`, `2020年6月底`, `2020年第3季度末`, `2020年上半年`,
  /// `2020年底`, `秋冬季（2020-10-01…2020-12-31）`.
  public var description: String {
    switch self {
    case .date(let d): return d.description
    case .endOfMonth(let y, let m): return "\(y)年\(m)月底"
    case .endOfQuarter(let y, let q): return "\(y)年第\(q)季度末"
    case .endOfHalf(let y, let h): return h == 1 ? "\(y)年上半年" : "\(y)年下半年"
    case .endOfYear(let y): return "\(y)年底"
    case .period(let name, let r): return "\(name)（\(r)）"
    }
  }

  private enum Kind: String, Codable {
    case date, endOfMonth, endOfQuarter, endOfHalf, endOfYear, period
  }

  private enum CodingKeys: String, CodingKey {
    case kind, date, year, month, quarter, half, name, from, to
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    switch try c.decode(Kind.self, forKey: .kind) {
    case .date: self = .date(try c.decode(Day.self, forKey: .date))
    case .endOfMonth:
      self = .endOfMonth(
        year: try c.decode(Int.self, forKey: .year), month: try c.decode(Int.self, forKey: .month))
    case .endOfQuarter:
      self = .endOfQuarter(
        year: try c.decode(Int.self, forKey: .year),
        quarter: try c.decode(Int.self, forKey: .quarter))
    case .endOfHalf:
      self = .endOfHalf(
        year: try c.decode(Int.self, forKey: .year), half: try c.decode(Int.self, forKey: .half))
    case .endOfYear: self = .endOfYear(try c.decode(Int.self, forKey: .year))
    case .period:
      self = .period(
        name: try c.decode(String.self, forKey: .name),
        DateRange(try c.decode(Day.self, forKey: .from), try c.decode(Day.self, forKey: .to)))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .date(let d):
      try c.encode(Kind.date, forKey: .kind)
      try c.encode(d, forKey: .date)
    case .endOfMonth(let y, let m):
      try c.encode(Kind.endOfMonth, forKey: .kind)
      try c.encode(y, forKey: .year)
      try c.encode(m, forKey: .month)
    case .endOfQuarter(let y, let q):
      try c.encode(Kind.endOfQuarter, forKey: .kind)
      try c.encode(y, forKey: .year)
      try c.encode(q, forKey: .quarter)
    case .endOfHalf(let y, let h):
      try c.encode(Kind.endOfHalf, forKey: .kind)
      try c.encode(y, forKey: .year)
      try c.encode(h, forKey: .half)
    case .endOfYear(let y):
      try c.encode(Kind.endOfYear, forKey: .kind)
      try c.encode(y, forKey: .year)
    case .period(let name, let r):
      try c.encode(Kind.period, forKey: .kind)
      try c.encode(name, forKey: .name)
      try c.encode(r.start, forKey: .from)
      try c.encode(r.end, forKey: .to)
    }
  }
}
