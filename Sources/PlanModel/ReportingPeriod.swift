/// A month, quarter, half-year or year that progress is reported or units are ranked for:
/// `2020-09`, `2020Q3`, `2020H1`, `2020`.
public enum ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  case month(year: Int, month: Int)
  case quarter(year: Int, quarter: Int)
  /// 上半年 (1) or 下半年 (2).
  case half(year: Int, half: Int)
  case year(Int)

  /// Parses `YYYY-MM`, `YYYYQn`, `YYYYHn` or `YYYY`; nil for anything else (month 13,
  /// quarter 5…).
  public init?(parsing text: String) {
    let t = text.uppercased()
    if t.count == 4, t.allSatisfy(\.isASCII), t.allSatisfy(\.isNumber), let y = Int(t) {
      self = .year(y)
      return
    }
    if let h = t.firstIndex(of: "H") {
      guard let y = Int(t[..<h]), t[..<h].count == 4, let n = Int(t[t.index(after: h)...]),
        (1...2).contains(n)
      else { return nil }
      self = .half(year: y, half: n)
      return
    }
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
    case .half(let y, let h):
      DateRange(Day(y, h * 6 - 5, 1), Day.endOf(month: h * 6, year: y))
    case .year(let y): DateRange(Day(y, 1, 1), Day(y, 12, 31))
    }
  }

  /// The period before this one, of the same kind.
  public var previous: ReportingPeriod {
    switch self {
    case .month(let y, let m):
      m == 1 ? .month(year: y - 1, month: 12) : .month(year: y, month: m - 1)
    case .quarter(let y, let q):
      q == 1 ? .quarter(year: y - 1, quarter: 4) : .quarter(year: y, quarter: q - 1)
    case .half(let y, let h): h == 1 ? .half(year: y - 1, half: 2) : .half(year: y, half: 1)
    case .year(let y): .year(y - 1)
    }
  }

  /// The period after this one, of the same kind.
  public var next: ReportingPeriod {
    switch self {
    case .month(let y, let m):
      m == 12 ? .month(year: y + 1, month: 1) : .month(year: y, month: m + 1)
    case .quarter(let y, let q):
      q == 4 ? .quarter(year: y + 1, quarter: 1) : .quarter(year: y, quarter: q + 1)
    case .half(let y, let h): h == 2 ? .half(year: y + 1, half: 1) : .half(year: y, half: 2)
    case .year(let y): .year(y + 1)
    }
  }

  /// `2020-09`, `2020Q3`.
  public var description: String {
    switch self {
    case .month(let y, let m): "\(y)-\(m < 10 ? "0" : "")\(m)"
    case .quarter(let y, let q): "\(y)Q\(q)"
    case .half(let y, let h): "\(y)H\(h)"
    case .year(let y): "\(y)"
    }
  }

  /// `2020年9月`, `2020年第3季度`, `2020年上半年`, `2020年`.
  public var chinese: String {
    switch self {
    case .month(let y, let m): "\(y)年\(m)月"
    case .quarter(let y, let q): "\(y)年第\(q)季度"
    case .half(let y, let h): "\(y)年\(h == 1 ? "上" : "下")半年"
    case .year(let y): "\(y)年"
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
          debugDescription: "'\(text)' is not a period (YYYY-MM, YYYYQn, YYYYHn or YYYY)"))
    }
    self = p
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
