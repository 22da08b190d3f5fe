import Xlsx

/// Writes ``SheetLayout``s into a workbook.
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
    for (r, row) in layout.rows.enumerated() {
      try sheet.setRow(r, height: row.height)
      for cell in row.cells {
        if cell.cols.count > 1 {
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
        let col = cell.cols.lowerBound
        switch cell.value {
        case .text(let t): try sheet.write(t, row: r, col: col, style: cell.style)
        case .number(let n): try sheet.write(number: n, row: r, col: col, style: cell.style)
        case .date(let d): try sheet.write(day: d, row: r, col: col, style: cell.style)
        case .blank: try sheet.writeBlank(row: r, col: col, style: cell.style)
        case .rich(let runs): try sheet.write(rich: runs, row: r, col: col, style: cell.style)
        }
      }
    }
    var page = layout.page
    page.pageBreaks = layout.pageBreaks()
    try sheet.setPage(page)
    return sheet
  }
}
