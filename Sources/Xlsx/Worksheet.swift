internal import CXlsxWriter
import CalendarDays

/// A worksheet of an open ``Workbook``. Rows and columns are zero-based. Every call throws an
/// ``XlsxError`` naming the cell once the workbook is closed or when libxlsxwriter refuses.
///
/// There is deliberately no way to write a formula: text is always text, even `=SUM(A1)`,
/// `+86…`, `-5 %` or `@unit`.
///
/// In a ``Workbook/Mode/constantMemory`` workbook rows go strictly top to bottom (cells of a
/// row in any order), a merge stays within one row, and rich text is refused: each such misuse
/// throws, naming the cell, before libxlsxwriter is called.
public final class Worksheet {
  /// The sheet's name as written.
  public let name: String
  /// Only used while `handle` is set: a sheet kept past `Workbook.write` outlives its workbook.
  unowned let workbook: Workbook
  /// The workbook's path, for errors after it is gone.
  private let workbookPath: String
  var handle: UnsafeMutablePointer<lxw_worksheet>?
  /// Whether the workbook is written in constant memory (rows top to bottom).
  private let constantMemory: Bool
  /// The style last written in each of the first columns and its format (nil: none yet).
  /// Read for every cell, compared in place; only ``format(_:col:)`` touches them, never
  /// re-entrantly, so the runtime's exclusivity checks (a third of the lookup) are left out.
  @exclusivity(unchecked) private var columnStyles: [CellStyle] = []
  @exclusivity(unchecked) private var columnFormats: [UnsafeMutablePointer<lxw_format>?] = []
  /// Constant-memory mode only: the row written last (-1 before the first).
  private var currentRow = -1

  /// The most characters (Unicode scalars) a cell holds.
  public static let maximumTextLength = 32_767

  init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
    self.workbook = workbook
    self.workbookPath = workbook.path
    self.constantMemory = workbook.mode == .constantMemory
    self.handle = handle
    self.name = name
  }

  func live(
    _ operation: @autoclosure () -> String
  ) throws(XlsxError)
    -> UnsafeMutablePointer<lxw_worksheet>
  {
    // The workbook clears every sheet's handle when it closes: a handle means it is open.
    guard let handle else {
      throw XlsxError(
        operation: operation(), message: "the workbook \(workbookPath) is already closed")
    }
    return handle
  }

  func at(_ row: Int, _ col: Int) -> String {
    "\(ExcelGrid.name(row: row, col: col)) of '\(name)'"
  }

  /// The format of `style` for a cell in column `col`: the workbook's, remembered per column
  /// (a table's column keeps its style row after row, so one comparison usually finds it).
  func format(
    _ style: CellStyle, col: Int
  ) throws(XlsxError) -> UnsafeMutablePointer<lxw_format> {
    if col < columnFormats.count, let known = columnFormats[col], columnStyles[col] == style {
      return known
    }
    let format = try workbook.format(style)
    if col < Self.rememberedColumns {
      if col >= columnFormats.count {
        let more = col + 1 - columnFormats.count
        columnStyles.append(contentsOf: repeatElement(style, count: more))
        columnFormats.append(contentsOf: repeatElement(nil, count: more))
      }
      columnStyles[col] = style
      columnFormats[col] = format
    }
    return format
  }

  /// How many columns ``format(_:col:)`` remembers a style for.
  private static let rememberedColumns = 64

  /// In constant-memory mode, moves on to `row`, refusing a row above the current one
  /// (libxlsxwriter has already written it out).
  func advance(
    to row: Int, _ operation: @autoclosure () -> String
  ) throws(XlsxError) {
    guard constantMemory else { return }
    guard row >= currentRow else {
      throw XlsxError(
        operation: operation(),
        message:
          "row \(row + 1) comes after row \(currentRow + 1) was started; a constant-memory sheet "
          + "is written top to bottom")
    }
    currentRow = row
  }

  /// In constant-memory mode, refuses what needs the cells kept until the workbook is closed.
  func refuseInConstantMemory(
    _ what: String, _ operation: @autoclosure () -> String
  ) throws(XlsxError) {
    guard constantMemory else { return }
    throw XlsxError(
      operation: operation(), message: "\(what) cannot be written in constant-memory mode")
  }

  /// Writes text as text (a shared string), never as a formula or a number.
  public func write(_ text: String, row: Int, col: Int, style: CellStyle) throws(XlsxError) {
    let sheet = try live("write \(at(row, col))")
    let cell = try ExcelGrid.cell(row: row, col: col, "write \(at(row, col))")
    try Self.checkLength(text, "write \(at(row, col))")
    try XMLText.check(text, "the text", "write \(at(row, col))")
    try advance(to: row, "write \(at(row, col))")
    let format = try format(style, col: col)
    // `withCString` lends the string's own bytes (a short one on the stack); passing `text`
    // directly would copy it to the heap for every cell.
    let status = text.withCString {
      worksheet_write_string(sheet, cell.row, cell.col, $0, format)
    }
    try check(status, "write \(at(row, col))")
  }

  /// Writes a number.
  public func write(number: Double, row: Int, col: Int, style: CellStyle) throws(XlsxError) {
    let sheet = try live("write \(at(row, col))")
    let cell = try ExcelGrid.cell(row: row, col: col, "write \(at(row, col))")
    guard number.isFinite else {
      throw XlsxError(operation: "write \(at(row, col))", message: "\(number) is not a number")
    }
    try advance(to: row, "write \(at(row, col))")
    let format = try format(style, col: col)
    try check(
      worksheet_write_number(sheet, cell.row, cell.col, number, format),
      "write \(at(row, col))")
  }

  /// Writes a date as a real Excel date: its serial number in the 1900 date system
  /// (`Day.serial`), shown through `style`'s number format.
  public func write(day: Day, row: Int, col: Int, style: CellStyle) throws(XlsxError) {
    let sheet = try live("write \(at(row, col))")
    let cell = try ExcelGrid.cell(row: row, col: col, "write \(at(row, col))")
    guard let serial = day.serial() else {
      throw XlsxError(operation: "write \(at(row, col))", message: "\(day) is not a valid date")
    }
    try advance(to: row, "write \(at(row, col))")
    let format = try format(style, col: col)
    try check(
      worksheet_write_number(sheet, cell.row, cell.col, serial, format),
      "write \(at(row, col))")
  }

  /// Writes an empty cell that still shows `style` (borders, fill).
  public func writeBlank(row: Int, col: Int, style: CellStyle) throws(XlsxError) {
    let sheet = try live("write \(at(row, col))")
    let cell = try ExcelGrid.cell(row: row, col: col, "write \(at(row, col))")
    try advance(to: row, "write \(at(row, col))")
    let format = try format(style, col: col)
    try check(
      worksheet_write_blank(sheet, cell.row, cell.col, format),
      "write \(at(row, col))")
  }

  /// Merges a range and writes `text` into it.
  public func merge(
    _ text: String, rows: ClosedRange<Int>, cols: ClosedRange<Int>, style: CellStyle
  ) throws(XlsxError) {
    let operation = "merge \(ExcelGrid.name(rows, cols)) of '\(name)'"
    let sheet = try live(operation)
    let range = try ExcelGrid.range(rows: rows, cols: cols, operation)
    try Self.checkLength(text, operation)
    try XMLText.check(text, "the text", operation)
    if constantMemory, rows.count > 1 {
      throw XlsxError(
        operation: operation,
        message: "a constant-memory sheet merges within one row (this range spans \(rows.count))")
    }
    try advance(to: rows.lowerBound, operation)
    let format = try format(style, col: cols.lowerBound)
    let status = text.withCString {
      worksheet_merge_range(
        sheet, range.first.row, range.first.col, range.last.row, range.last.col, $0, format)
    }
    try check(status, operation)
  }

  /// Writes `text` as a link to the file `file`, a name relative to this workbook's folder
  /// (`08-大气处.xlsx`), so the link still works when the folder is copied or mailed whole.
  /// The cell holds `text` (always as text) in `style`; give the style a blue, underlined
  /// font to look like a link.
  ///
  /// libxlsxwriter 1.1.4 keeps the links until the workbook is closed (in constant memory
  /// too: a few bytes a link). It would read a `:` in the name as an absolute path
  /// (`file:///…`), cut the name at `#`, keep `%41` as an escape, and show a `/` in the text as
  /// `\`: a `:` or `\` in the name and a `/` in the text are refused, and `#` and `%` are
  /// escaped (`%23`, `%25`) so the name arrives as given.
  public func write(
    _ text: String, linkingTo file: String, row: Int, col: Int, style: CellStyle
  ) throws(XlsxError) {
    let operation = "write the link \(at(row, col))"
    let sheet = try live(operation)
    let cell = try ExcelGrid.cell(row: row, col: col, operation)
    try Self.checkLength(text, operation)
    try XMLText.check(text, "the text", operation)
    try XMLText.check(file, "the file name", operation)
    guard !file.isEmpty, !file.contains(":"), !file.contains("\\") else {
      throw XlsxError(
        operation: operation,
        message: "'\(file)' is not a file name relative to the workbook (no ':' or '\\')")
    }
    guard !text.contains("/") else {
      throw XlsxError(
        operation: operation,
        message: "libxlsxwriter 1.1.4 would show the '/' of a link's text as '\\'")
    }
    var escaped = ""
    for c in file.unicodeScalars {
      switch c {
      case "%": escaped += "%25"
      case "#": escaped += "%23"
      default: escaped.unicodeScalars.append(c)
      }
    }
    // Excel's limit for a link, which 1.1.4 checks after adding nothing to a relative name.
    guard escaped.unicodeScalars.count <= 2079 else {
      throw XlsxError(
        operation: operation, message: "the link is longer than Excel's 2,079 characters")
    }
    try advance(to: row, operation)
    let format = try format(style, col: col)
    let status = "external:\(escaped)".withCString { url in
      text.withCString { worksheet_write_url_opt(sheet, cell.row, cell.col, url, format, $0, nil) }
    }
    try check(status, operation)
  }

  /// Keeps the rows above `rows` and the columns left of `columns` in view while scrolling
  /// (`rows: 2` freezes a title and a header row).
  public func freezePanes(rows: Int, columns: Int = 0) throws(XlsxError) {
    let operation = "freeze the panes of '\(name)' at \(ExcelGrid.name(row: rows, col: columns))"
    let sheet = try live(operation)
    let cell = try ExcelGrid.cell(row: rows, col: columns, operation)
    worksheet_freeze_panes(sheet, cell.row, cell.col)
  }

  /// Adds an autofilter over `rows` × `cols`: filter buttons on the first row, the rest
  /// filtered. In constant memory it must be set while the range's last row is the current
  /// one or later (1.1.4 refuses a range that ends above the current row).
  public func autofilter(rows: ClosedRange<Int>, cols: ClosedRange<Int>) throws(XlsxError) {
    let operation = "add an autofilter on \(ExcelGrid.name(rows, cols)) of '\(name)'"
    let sheet = try live(operation)
    let range = try ExcelGrid.range(rows: rows, cols: cols, operation)
    if constantMemory, rows.upperBound < currentRow {
      throw XlsxError(
        operation: operation,
        message:
          "row \(currentRow + 1) was started; a constant-memory sheet sets an autofilter before "
          + "the rows below it")
    }
    try check(
      worksheet_autofilter(sheet, range.first.row, range.first.col, range.last.row, range.last.col),
      operation)
  }

  /// Applies ``SheetView``: frozen panes and the autofilter.
  public func setView(_ view: SheetView) throws(XlsxError) {
    if view.frozenRows > 0 || view.frozenColumns > 0 {
      try freezePanes(rows: view.frozenRows, columns: view.frozenColumns)
    }
    if let filter = view.autofilter {
      try autofilter(rows: filter.rows, cols: filter.cols)
    }
  }

  /// Sets a column's width in Excel's character units.
  public func setColumn(_ col: Int, width: Double) throws(XlsxError) {
    let operation = "set the width of column \(ExcelGrid.name(col: col)) of '\(name)'"
    let sheet = try live(operation)
    let column = try ExcelGrid.col(col, operation)
    try check(worksheet_set_column(sheet, column, column, width, nil), operation)
  }

  /// Sets a row's height in points.
  public func setRow(_ row: Int, height: Double) throws(XlsxError) {
    let operation = "set the height of row \(ExcelGrid.name(row: row)) of '\(name)'"
    let sheet = try live(operation)
    let first = try ExcelGrid.row(row, operation)
    try advance(to: row, operation)
    try check(worksheet_set_row(sheet, first, height, nil), operation)
  }

  /// Applies print settings.
  public func setPage(_ page: PageSetup) throws(XlsxError) {
    let sheet = try live("set up printing of '\(name)'")
    worksheet_set_paper(sheet, page.paper)
    switch page.orientation {
    case .portrait: worksheet_set_portrait(sheet)
    case .landscape: worksheet_set_landscape(sheet)
    }
    worksheet_set_margins(
      sheet, page.margins.left, page.margins.right, page.margins.top, page.margins.bottom)
    if page.centerHorizontally { worksheet_center_horizontally(sheet) }
    if page.fitPagesWide > 0 { worksheet_fit_to_pages(sheet, page.fitPagesWide, 0) }
    if page.gridlinesHidden { worksheet_gridlines(sheet, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)) }
    if let rows = page.repeatRows {
      let operation = "repeat rows \(ExcelGrid.name(rows: rows)) of '\(name)'"
      let range = try ExcelGrid.range(rows: rows, cols: 0...0, operation)
      try check(worksheet_repeat_rows(sheet, range.first.row, range.last.row), operation)
    }
    if let footer = page.footer {
      try XMLText.check(footer, "the footer", "set the footer of '\(name)'")
      try check(worksheet_set_footer(sheet, footer), "set the footer of '\(name)'")
    }
    if !page.pageBreaks.isEmpty {
      // A zero-terminated array of row numbers; row 0 would end it, and is never a break.
      var breaks: [lxw_row_t] = []
      for row in page.pageBreaks where row != 0 {
        breaks.append(
          try ExcelGrid.row(
            row, "set a page break before row \(ExcelGrid.name(row: row)) of '\(name)'"))
      }
      breaks.append(0)
      try check(
        worksheet_set_h_pagebreaks(sheet, &breaks), "set the page breaks of '\(name)'")
    }
  }

  static func checkLength(
    _ text: String, _ operation: @autoclosure () -> String
  )
    throws(XlsxError)
  {
    // UTF-8 never has fewer bytes than scalars: short texts need no count.
    guard text.utf8.count > maximumTextLength else { return }
    let length = text.unicodeScalars.count
    guard length <= maximumTextLength else {
      throw XlsxError(
        operation: operation(),
        message:
          "the text is \(length) characters long; a cell holds at most \(maximumTextLength)")
    }
  }
}
