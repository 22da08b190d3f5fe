import Foundation
import PlanModel
import Sheets

/// What people type, read where the meaning is clear: numbers stored as text, full-width
/// digits (３５), thousands separators, a trailing %, dates typed as text in the usual forms,
/// stray spaces. Anything else is left for the caller to report.
enum Lenient {
  /// `text` with full-width ASCII turned half-width (３５．５ → 35.5), ideographic spaces
  /// turned spaces, and surrounding whitespace removed.
  static func normalized(_ text: String) -> String {
    var out = ""
    for s in text.unicodeScalars {
      switch s.value {
      case 0xFF01...0xFF5E:
        out.unicodeScalars.append(Unicode.Scalar(s.value - 0xFEE0) ?? s)
      case 0x3000: out.append(" ")
      default: out.unicodeScalars.append(s)
      }
    }
    return out.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A number from text: `35`, ` 35.5 `, `３５`, `1,000`, `-2`, `85%` (85 with `percent`);
  /// nil when it is not one (`三十`, `35 微克`, `1e3`).
  static func number(_ text: String, percent: Bool = false) -> Double? {
    var t = normalized(text)
    if percent, t.hasSuffix("%") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
    // Thousands separators only in their proper places (1,000 or 12,345.6).
    if t.contains(",") {
      let parts = t.split(separator: ".", maxSplits: 1)
      let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
      let first = groups.first.map { $0.hasPrefix("-") ? $0.dropFirst() : $0 } ?? ""
      guard (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return nil }
      t = groups.joined() + (parts.count > 1 ? "." + parts[1] : "")
    }
    guard !t.isEmpty,
      t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
      t.filter({ $0 == "." }).count <= 1, t.dropFirst().allSatisfy({ $0 != "-" }),
      let v = Double(t), v.isFinite
    else { return nil }
    return v
  }

  /// A day from text: `2020-09-30`, `2020/9/30`, `2020.9.30`, `2020年9月30日`, full-width
  /// digits; nil otherwise (or when the day does not exist).
  static func day(_ text: String) -> Day? { Day(typed: text) }

  /// The day an Excel serial number shows (1900 date system, with Excel's phantom 29 February
  /// 1900; the 1904 system when `dates1904`). A time of day is dropped, as the cell shows the
  /// date alone: 44120.5 (noon) is 2020-10-16. `Day(serial:uses1904:)` (module
  /// CalendarDays) does the arithmetic.
  static func day(serial: Double, dates1904: Bool = false) -> Day? {
    Day(serial: serial, uses1904: dates1904)
  }
}
