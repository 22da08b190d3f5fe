import Foundation

/// Dates and months as people type them (issue 14, item 11): `2020-09-30`, `2020-9-30`,
/// `2020/9/30`, `2020.9.30`, `2020年9月30日`, full-width digits, spaces around; months the same
/// way (`2020-9`, `2020/09`, `2020年9月`). The strict forms (`Day(parsing:)`,
/// `ReportingPeriod(parsing:)`) stay what files use.
extension Day {
  /// A day typed in any of the usual forms; nil when it is none or does not exist.
  public init?(typed text: String) {
    guard let parts = TypedDate.parts(text), parts.count == 3, parts[0].count == 4,
      (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(y, m, d)
    guard isValid else { return nil }
  }
}

extension ReportingPeriod {
  /// A period in its strict form (`2020-09`, `2020Q3`, `2020H1`, `2020`), as its Chinese
  /// name (`2020年第3季度`, `2020年上半年`, `2020年`), or a month typed in any of the usual forms
  /// (`2020-9`, `2020/9`, `2020.9`, `2020年9月`); nil otherwise.
  public init?(typed text: String) {
    let t = TypedDate.halfWidth(text)
    if let strict = ReportingPeriod(parsing: t) {
      self = strict
      return
    }
    if let found = TypedDate.chinesePeriod(t) {
      self = found
      return
    }
    guard let parts = TypedDate.parts(t), parts.count == 2, parts[0].count == 4,
      (1...2).contains(parts[1].count), let y = Int(parts[0]), let m = Int(parts[1]),
      (1...12).contains(m)
    else { return nil }
    self = .month(year: y, month: m)
  }
}

enum TypedDate {
  /// Full-width digits and punctuation as ASCII, ideographic spaces as spaces, trimmed.
  static func halfWidth(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      switch s.value {
      case 0xFF01...0xFF5E: out.append(Unicode.Scalar(s.value - 0xFEE0) ?? s)
      case 0x3000: out.append(" ")
      default: out.append(s)
      }
    }
    var t = String(out)
    while t.first?.isWhitespace == true { t.removeFirst() }
    while t.last?.isWhitespace == true { t.removeLast() }
    return t
  }

  /// `2020年`, `2020年第3季度` (or `2020年3季度`, `2020年第三季度`), `2020年上半年`.
  static func chinesePeriod(_ t: String) -> ReportingPeriod? {
    guard let nian = t.firstIndex(of: "年"), let y = Int(t[..<nian]), t[..<nian].count == 4
    else { return nil }
    var rest = String(t[t.index(after: nian)...]).replacingOccurrences(of: " ", with: "")
    if rest.isEmpty || rest == "全年" || rest == "度" { return .year(y) }
    if rest == "上半年" { return .half(year: y, half: 1) }
    if rest == "下半年" { return .half(year: y, half: 2) }
    guard rest.hasSuffix("季度") else { return nil }
    rest.removeLast(2)
    if rest.hasPrefix("第") { rest.removeFirst() }
    let numerals: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4]
    guard let q = numerals[rest] else { return nil }
    return .quarter(year: y, quarter: q)
  }

  /// The digit groups of a typed date or month, separated by `-`, `/`, `.` or 年/月(/日);
  /// nil when anything else is in it.
  static func parts(_ text: String) -> [Substring]? {
    var t = halfWidth(text)
    if t.hasSuffix("日") || t.hasSuffix("号") { t.removeLast() }
    if t.hasSuffix("月") && t.contains("年") { t.removeLast() }
    var normal = ""
    for c in t {
      switch c {
      case "年", "月", "/", ".", "-": normal.append("-")
      case " ": continue
      default:
        guard c.isASCII, c.isNumber else { return nil }
        normal.append(c)
      }
    }
    return normal.split(separator: "-", omittingEmptySubsequences: false)
  }
}
