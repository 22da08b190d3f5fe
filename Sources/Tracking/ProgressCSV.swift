import Foundation
import PlanModel

/// Progress rows written in the report format (docs/progress-format.md): the header, then one
/// line per entry, fields quoted when they hold a comma, a quote or a line break. The writer
/// beside the reader (``ProgressFile``): what it writes, the strict parser reads back.
public enum ProgressCSV {
  /// `entries` as the lines of a report file (no comments, no trailing newline).
  public static func lines(_ entries: [ProgressEntry]) -> [String] {
    [ProgressFile.columns.joined(separator: ",")] + entries.map(line)
  }

  /// One entry's line.
  public static func line(_ e: ProgressEntry) -> String {
    let basis: String
    switch e.kind {
    case .base: basis = e.baseYear.map(String.init) ?? ""
    case .finding: basis = e.findingSource?.chinese ?? ""
    default: basis = e.basis?.rawValue ?? ""
    }
    return [
      e.kind.rawValue, e.id, e.value.map { decimal($0) ?? Requirement.format($0) } ?? "",
      e.unit ?? "", basis,
      e.lagging ? "滞后" : e.state?.chinese ?? e.finding?.chinese ?? "",
      e.percent.map(Requirement.format) ?? "",
      e.reporter,
      e.date.description, ProgressFile.noteField(e.note), e.preparer, e.reviewer,
    ].map(quote).joined(separator: ",")
  }

  /// The plain decimal `value` is written as (`-?[0-9]+(\.[0-9]+)?`, what the strict reader
  /// reads back to the same value): `28.4`, `0.00001`; nil for a value that has none, 10^15 or
  /// more in size, or not finite.
  public static func decimal(_ value: Double) -> String? {
    guard value.isFinite, abs(value) < 1e15 else { return nil }
    let text = Requirement.format(value)
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
    // A small number, 1e-05 or -1.5e-07: move the point.
    guard let exponent = Int(text[text.index(after: e)...]), exponent < 0 else { return nil }
    let mantissa = text[..<e]
    let negative = mantissa.hasPrefix("-")
    let digits = mantissa.filter(\.isNumber)
    let integerDigits = (negative ? mantissa.dropFirst() : mantissa[...]).prefix { $0 != "." }.count
    let zeros = String(repeating: "0", count: max(0, -exponent - integerDigits))
    var fraction = zeros + digits
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return (negative ? "-" : "") + "0." + fraction
  }

  /// A field, quoted when it must be.
  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
