/// A month or a quarter that progress is reported or units are ranked for: `2020-09`, `2020Q3`.
public enum ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  case month(year: Int, month: Int)
  case quarter(year: Int, quarter: Int)

  /// Parses `YYYY-MM` or `YYYYQn`; nil for anything else (month 13, quarter 5…).
  public init?(parsing text: String) {
    let t = text.uppercased()
    if let q = t.firstIndex(of: "Q") {
      guard let y = Int(t[..<q]), t[..<q].count == 4, let n = Int(t[t.index(after: q)...]),
        (1...4).contains(n)
      else { return nil }
      self = .quarter(year: y, quarter: n)
      return
    }
    let parts = t.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]),
      let m = Int(parts[1]), (1...12).contains(m)
    else { return nil }
    self = .month(year: y, month: m)
  }

  /// The days the period covers.
  public var range: DateRange {
    switch self {
    case .month(let y, let m): DateRange(Day(y, m, 1), Day.endOf(month: m, year: y))
    case .quarter(let y, let q):
      DateRange(Day(y, q * 3 - 2, 1), Day.endOf(month: q * 3, year: y))
    }
  }

  /// The period before this one, of the same kind.
  public var previous: ReportingPeriod {
    switch self {
    case .month(let y, let m):
      m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
    case .quarter(let y, let q):
      q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
    }
  }

  /// `2020-09`, `2020Q3`.
  public var description: String {
    switch self {
    case .month(let y, let m): "\(y)-\(m < 10 ? "0" : "")\(m)"
    case .quarter(let y, let q): "\(y)Q\(q)"
    }
  }

  /// `2020年9月`, `2020年第3季度`.
  public var chinese: String {
    switch self {
    case .month(let y, let m): "\(y)年\(m)月"
    case .quarter(let y, let q): "\(y)年第\(q)季度"
    }
  }

  public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool {
    (a.range.end, a.range.start) < (b.range.end, b.range.start)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let p = ReportingPeriod(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "'\(text)' is not a period (YYYY-MM or YYYYQn)"))
    }
    self = p
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
