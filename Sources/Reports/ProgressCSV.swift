import Foundation
import PlanModel
import Tracking

/// Progress rows written in the report format (docs/progress-format.md): the header, then one
/// line per entry, fields quoted when they hold a comma, a quote or a line break.
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
    default: basis = e.basis?.rawValue ?? ""
    }
    return [
      e.kind.rawValue, e.id, e.value.map(Requirement.format) ?? "", e.unit ?? "", basis,
      e.state?.chinese ?? "", e.percent.map(Requirement.format) ?? "", e.reporter,
      e.date.description, e.note,
    ].map(quote).joined(separator: ",")
  }

  /// A field, quoted when it must be.
  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
