internal import CXlsxWriter

/// Excel's grid, and the one bounds check every row and column passes before it becomes
/// libxlsxwriter's unsigned `lxw_row_t` (32 bits) or `lxw_col_t` (16 bits): a negative row
/// or a column of 65,536 would trap in the conversion, and one past the grid would make
/// libxlsxwriter refuse with a bare "index out of range". Here either is an ``XlsxError``
/// naming the cell.
enum ExcelGrid {
  /// Rows of a sheet (zero-based: 0…1,048,575).
  static let rowCount = 1_048_576
  /// Columns of a sheet (zero-based: 0…16,383, A…XFD).
  static let colCount = 16_384

  /// A cell as libxlsxwriter's types.
  struct Cell {
    var row: lxw_row_t
    var col: lxw_col_t
  }

  /// A range as libxlsxwriter's types, first and last cell.
  struct Range {
    var first: Cell
    var last: Cell
  }

  /// The check: `row` and `col` (zero-based) as libxlsxwriter's types, or an error naming the
  /// cell and what lies outside the sheet.
  static func cell(
    row: Int, col: Int, _ operation: @autoclosure () -> String
  ) throws(XlsxError) -> Cell {
    guard row >= 0, row < rowCount, col >= 0, col < colCount else {
      throw XlsxError(
        operation: operation(),
        message:
          "the cell at row \(row), column \(col) (counted from 0) is outside the sheet, which "
          + "has rows 0–\(rowCount - 1) and columns 0–\(colCount - 1) (A–XFD)")
    }
    return Cell(row: lxw_row_t(row), col: lxw_col_t(col))
  }

  /// A range's corners through ``cell(row:col:_:)``.
  static func range(
    rows: ClosedRange<Int>, cols: ClosedRange<Int>, _ operation: @autoclosure () -> String
  ) throws(XlsxError) -> Range {
    Range(
      first: try cell(row: rows.lowerBound, col: cols.lowerBound, operation()),
      last: try cell(row: rows.upperBound, col: cols.upperBound, operation()))
  }

  /// A row alone (a row height, a page break) through ``cell(row:col:_:)``.
  static func row(
    _ row: Int, _ operation: @autoclosure () -> String
  ) throws(XlsxError)
    -> lxw_row_t
  {
    try cell(row: row, col: 0, operation()).row
  }

  /// A column alone (a width) through ``cell(row:col:_:)``.
  static func col(
    _ col: Int, _ operation: @autoclosure () -> String
  ) throws(XlsxError)
    -> lxw_col_t
  {
    try cell(row: 0, col: col, operation()).col
  }

  /// Whether a cell lies on the grid.
  static func contains(row: Int, col: Int) -> Bool {
    row >= 0 && row < rowCount && col >= 0 && col < colCount
  }

  /// `B2`, or `row -1, column 3` for a cell off the grid (never traps, whatever the numbers).
  static func name(row: Int, col: Int) -> String {
    contains(row: row, col: col)
      ? CellReference.cell(row: row, col: col) : "row \(row), column \(col)"
  }

  /// `5` (one-based, as Excel shows it) for row 4, or `-1 (counted from 0)` off the grid.
  static func name(row: Int) -> String {
    row >= 0 && row < rowCount ? "\(row + 1)" : "\(row) (counted from 0)"
  }

  /// `2–3` (one-based) for rows 1…2, or the zero-based numbers off the grid.
  static func name(rows: ClosedRange<Int>) -> String {
    guard rows.lowerBound >= 0, rows.upperBound < rowCount else {
      return "\(rows.lowerBound)…\(rows.upperBound) (counted from 0)"
    }
    return "\(rows.lowerBound + 1)–\(rows.upperBound + 1)"
  }

  /// `C`, or `70000 (counted from 0)` off the grid.
  static func name(col: Int) -> String {
    col >= 0 && col < colCount ? CellReference.column(col) : "\(col) (counted from 0)"
  }

  /// `B2:B13`, or `B2` for one cell; the numbers for a range off the grid.
  static func name(_ rows: ClosedRange<Int>, _ cols: ClosedRange<Int>) -> String {
    guard contains(row: rows.lowerBound, col: cols.lowerBound),
      contains(row: rows.upperBound, col: cols.upperBound)
    else {
      return "rows \(rows.lowerBound)…\(rows.upperBound), columns "
        + "\(cols.lowerBound)…\(cols.upperBound)"
    }
    if rows.lowerBound == rows.upperBound, cols.lowerBound == cols.upperBound {
      return CellReference.cell(row: rows.lowerBound, col: cols.lowerBound)
    }
    return CellReference.range(
      firstRow: rows.lowerBound, firstCol: cols.lowerBound, lastRow: rows.upperBound,
      lastCol: cols.upperBound)
  }
}
