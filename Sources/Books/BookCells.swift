import PlanEngine
import PlanModel
import Sheets

/// Cells the books and the overview show alike.
enum BookCells {
  /// A requirement in four columns from `col`: direction (不高于…), value (a number), unit and
  /// base year; a qualitative one as its text merged across the four.
  /// `aspirational`: a 力争 target, whose direction reads `力争不低于` (a qualitative one
  /// `力争…`).
  static func requirement(
    _ r: Requirement, from col: Int, aspirational: Bool = false
  ) -> [SheetLayout.Cell] {
    let S = BookStyles.self
    let striving = aspirational ? "力争" : ""
    let asText: [SheetLayout.Cell] = [.init(col...(col + 3), .text(striving + r.summary), S.text)]
    let value: Double
    switch r.kind {
    case .qualitative?: return asText
    case .level(_, let v, _)?, .count(_, let v, _)?, .share(_, let v, _, _)?,
      .change(_, let v, _, _)?:
      value = v
    case nil:
      // Incomplete (the checker's error): in columns when it has a value.
      guard r.measure != .qualitative, let v = r.value else { return asText }
      value = v
    }
    return [
      .init(col, .text(striving + BookText.direction(r)), S.centered),
      .init(col + 1, .number(value), S.number(value)),
      .init(col + 2, .text(r.unit ?? ""), S.centered),
      r.baseYear.map { .init(col + 3, .number(Double($0)), S.number(1)) }
        ?? .init(col + 3, .text("—"), S.centered),
    ]
  }

  /// A weight (分值), or a dash when there is none.
  static func weight(_ weight: Double?, col: Int) -> SheetLayout.Cell {
    weight.map { .init(col, .number($0), BookStyles.number($0)) }
      ?? .init(col, .text("—"), BookStyles.centered)
  }

  /// A task's deadline as a date (its description when the deadline has no valid day).
  static func deadline(_ t: ResolvedTask, col: Int) -> SheetLayout.Cell {
    t.dueDay.map { .init(col, .date($0), BookStyles.date) }
      ?? .init(col, .text(t.deadline.description), BookStyles.centered)
  }

  /// `columns` with the first (the task number) widened to show the longest of `labels` on one
  /// line (`四(二)4` when numbering restarts per chapter), taking the room from the second
  /// (the text), so the total width — and the page — stays the same.
  static func numberColumn(_ columns: [Double], fitting labels: [String]) -> [Double] {
    let widest =
      labels.map {
        TextMetrics.columnWidth(fitting: $0, fontSize: BookStyles.bodySize)
      }.max() ?? 0
    let extra = min(max(0, widest - columns[0]), 5)
    var out = columns
    out[0] += extra
    out[1] -= extra
    return out
  }
}
