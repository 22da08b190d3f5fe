import Xlsx

/// Writes ``SheetLayout``s into a workbook, whole or row by row (``SheetStream``).
public enum SheetWriter {
  /// Adds `layout` as a worksheet of `workbook`: columns, rows and their heights, cells (merged
  /// where they span), print settings with the page breaks that keep blocks together. Returns
  /// the worksheet, for conditional formats and charts.
  @discardableResult
  public static func write(_ layout: SheetLayout, into workbook: Workbook) throws -> Worksheet {
    let sheet = try workbook.addWorksheet(layout.name)
    for (col, width) in layout.columns.enumerated() {
      try sheet.setColumn(col, width: width)
    }
    var filtered = false
    for (r, row) in layout.rows.enumerated() {
      try filter(layout.view, before: r, into: sheet, done: &filtered)
      try write(row.cells, height: row.height, at: r, into: sheet)
    }
    var page = layout.page
    page.pageBreaks = layout.pageBreaks()
    try sheet.setPage(page)
    try finish(layout.view, into: sheet, filtered: filtered)
    return sheet
  }

  /// Sets `view`'s autofilter on `sheet` before row `row` is written when the filter ends
  /// above it (a constant-memory sheet cannot set it once a row below has started).
  static func filter(
    _ view: SheetView, before row: Int, into sheet: Worksheet, done: inout Bool
  ) throws {
    guard !done, let range = view.autofilter, range.rows.upperBound < row else { return }
    try sheet.autofilter(rows: range.rows, cols: range.cols)
    done = true
  }

  /// Sets what is left of `view` when the sheet's rows are written: the frozen panes, and the
  /// autofilter unless `filtered`.
  static func finish(_ view: SheetView, into sheet: Worksheet, filtered: Bool) throws {
    var rest = view
    if filtered { rest.autofilter = nil }
    try sheet.setView(rest)
  }

  /// Adds a worksheet laid out by `rows` as it goes: `frame` gives its name, columns and print
  /// settings (its rows, if any, come first); each row `rows` appends is written at once, and
  /// the page breaks are set at the end. The same file as ``write(_:into:)`` of the whole
  /// layout, without holding it. Returns the worksheet.
  @discardableResult
  public static func stream(
    _ frame: SheetLayout, into workbook: Workbook, rows: (SheetStream) throws -> Void
  ) throws -> Worksheet {
    let stream = try SheetStream(frame, into: workbook)
    try rows(stream)
    try stream.finish()
    return stream.worksheet
  }

  /// Writes one row as row `r` of `sheet`: its height, then its cells.
  static func write(
    _ cells: [SheetLayout.Cell], height: Double, at r: Int, into sheet: Worksheet
  ) throws {
    try sheet.setRow(r, height: height)
    // Read in place: iterating the array would copy every cell (its text and style).
    try cells.withUnsafeBufferPointer { cells in
      for i in cells.indices {
        if cells[i].cols.count > 1 {
          let cell = cells[i]
          let text: String
          switch cell.value {
          case .text(let t): text = t
          case .blank: text = ""
          case .rich(let runs):
            try sheet.merge(rich: runs, rows: r...r, cols: cell.cols, style: cell.style)
            continue
          case .number, .date:
            throw XlsxError(
              operation: "merge \(CellReference.cell(row: r, col: cell.cols.lowerBound))",
              message: "only text can be merged")
          }
          try sheet.merge(text, rows: r...r, cols: cell.cols, style: cell.style)
          continue
        }
        let col = cells[i].cols.lowerBound
        if let file = cells[i].link, case .text(let t) = cells[i].value {
          try sheet.write(t, linkingTo: file, row: r, col: col, style: cells[i].style)
          continue
        }
        switch cells[i].value {
        case .text(let t): try sheet.write(t, row: r, col: col, style: cells[i].style)
        case .number(let n): try sheet.write(number: n, row: r, col: col, style: cells[i].style)
        case .date(let d): try sheet.write(day: d, row: r, col: col, style: cells[i].style)
        case .blank: try sheet.writeBlank(row: r, col: col, style: cells[i].style)
        case .rich(let runs): try sheet.write(rich: runs, row: r, col: col, style: cells[i].style)
        }
      }
    }
  }
}
