internal import CXlsxWriter

/// What users may still do on a protected worksheet (``Worksheet/protect(password:options:)``).
/// The defaults are Excel's: select any cell and edit the unlocked ones (``CellStyle/unlocked``),
/// nothing else — no formatting (so no unhiding or resizing of columns and rows), no inserting
/// or deleting of rows and columns, no sorting or filtering, no editing of objects.
public struct SheetProtection: Sendable, Hashable {
  /// Locked cells can be selected (and copied).
  public var selectLockedCells: Bool
  /// Unlocked cells can be selected. Without it nothing can be entered.
  public var selectUnlockedCells: Bool
  /// Cells can be formatted.
  public var formatCells: Bool
  /// Columns can be formatted, resized, hidden and unhidden.
  public var formatColumns: Bool
  /// Rows can be formatted, resized, hidden and unhidden.
  public var formatRows: Bool
  /// Columns can be inserted.
  public var insertColumns: Bool
  /// Rows can be inserted.
  public var insertRows: Bool
  /// Hyperlinks can be inserted.
  public var insertHyperlinks: Bool
  /// Columns can be deleted.
  public var deleteColumns: Bool
  /// Rows can be deleted.
  public var deleteRows: Bool
  /// Ranges can be sorted.
  public var sort: Bool
  /// Autofilters can be used.
  public var autofilter: Bool
  /// Pivot tables can be used.
  public var pivotTables: Bool
  /// Drawing objects (charts, comments) can be edited.
  public var editObjects: Bool
  /// Scenarios can be edited.
  public var editScenarios: Bool

  /// Excel's defaults: cells selectable, unlocked cells editable, everything else protected.
  public init(
    selectLockedCells: Bool = true, selectUnlockedCells: Bool = true, formatCells: Bool = false,
    formatColumns: Bool = false, formatRows: Bool = false, insertColumns: Bool = false,
    insertRows: Bool = false, insertHyperlinks: Bool = false, deleteColumns: Bool = false,
    deleteRows: Bool = false, sort: Bool = false, autofilter: Bool = false,
    pivotTables: Bool = false, editObjects: Bool = false, editScenarios: Bool = false
  ) {
    self.selectLockedCells = selectLockedCells
    self.selectUnlockedCells = selectUnlockedCells
    self.formatCells = formatCells
    self.formatColumns = formatColumns
    self.formatRows = formatRows
    self.insertColumns = insertColumns
    self.insertRows = insertRows
    self.insertHyperlinks = insertHyperlinks
    self.deleteColumns = deleteColumns
    self.deleteRows = deleteRows
    self.sort = sort
    self.autofilter = autofilter
    self.pivotTables = pivotTables
    self.editObjects = editObjects
    self.editScenarios = editScenarios
  }

  /// The longest password libxlsxwriter 1.1.4 hashes as Excel does: from the 24th character on
  /// its 16-bit hash loses bits (24 letters already hash wrongly; 24 digits happen not to).
  public static let maximumPasswordLength = 23

  /// libxlsxwriter's options. Its fields other than the two `no_select_…` ones *allow* what
  /// they name (1 writes `formatCells="0"`: not protected), despite its header's "Prevent …".
  var options: lxw_protection {
    func flag(_ b: Bool) -> UInt8 { b ? 1 : 0 }
    var o = lxw_protection()
    o.no_select_locked_cells = flag(!selectLockedCells)
    o.no_select_unlocked_cells = flag(!selectUnlockedCells)
    o.format_cells = flag(formatCells)
    o.format_columns = flag(formatColumns)
    o.format_rows = flag(formatRows)
    o.insert_columns = flag(insertColumns)
    o.insert_rows = flag(insertRows)
    o.insert_hyperlinks = flag(insertHyperlinks)
    o.delete_columns = flag(deleteColumns)
    o.delete_rows = flag(deleteRows)
    o.sort = flag(sort)
    o.autofilter = flag(autofilter)
    o.pivot_tables = flag(pivotTables)
    o.objects = flag(editObjects)
    o.scenarios = flag(editScenarios)
    return o
  }

  /// Checks a password: printable ASCII, at most ``maximumPasswordLength`` characters.
  static func check(password: String, _ operation: String) throws(XlsxError) {
    let length = password.unicodeScalars.count
    guard length <= maximumPasswordLength else {
      throw XlsxError(
        operation: operation,
        message:
          "the password is \(length) characters long; at most \(maximumPasswordLength) are "
          + "hashed correctly (libxlsxwriter 1.1.4 hashes longer ones wrongly: Excel would not "
          + "accept the password)")
    }
    // libxlsxwriter hashes the UTF-8 bytes as signed chars; Excel hashes the characters in the
    // reader's code page: no non-ASCII password matches.
    guard password.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
      throw XlsxError(
        operation: operation,
        message:
          "the password must be printable ASCII (libxlsxwriter 1.1.4 hashes other characters "
          + "differently from Excel and WPS)")
    }
  }
}

extension Worksheet {
  /// Protects the sheet: locked cells (every cell whose ``CellStyle`` is not
  /// ``CellStyle/unlocked``) cannot be changed, and `options` says what else users may do (by
  /// default select cells and edit the unlocked ones; no formatting, so hidden columns stay
  /// hidden; no inserting or deleting rows or columns).
  ///
  /// A `password` (nil or empty for none) is stored as Excel's 16-bit hash: it keeps honest
  /// users from unprotecting by mistake, not a determined one. At most
  /// ``SheetProtection/maximumPasswordLength`` printable ASCII characters (libxlsxwriter
  /// 1.1.4 hashes longer or non-ASCII passwords wrongly). A sheet is protected once: a second
  /// call throws. Sheet protection does not stop users unhiding a hidden sheet (that needs
  /// workbook protection, which libxlsxwriter 1.1.4 lacks); protect the hidden sheet too so its
  /// cells stay as written.
  public func protect(
    password: String? = nil, options: SheetProtection = SheetProtection()
  ) throws(XlsxError) {
    let operation = "protect '\(name)'"
    let sheet = try live(operation)
    let password = password.flatMap { $0.isEmpty ? nil : $0 }
    if let password { try SheetProtection.check(password: password, operation) }
    // libxlsxwriter would overwrite the options but keep an earlier password's hash.
    guard sheet.pointee.protection.is_configured == 0 else {
      throw XlsxError(operation: operation, message: "the sheet is already protected")
    }
    var lxwOptions = options.options
    worksheet_protect(sheet, password, &lxwOptions)
  }

  /// Hides the sheet (a sheet of dropdown lists, say); its cells can still be referred to.
  /// The active sheet — the first, as this bridge never activates another — cannot be hidden:
  /// libxlsxwriter 1.1.4 would silently show it anyway.
  public func hide() throws(XlsxError) {
    let operation = "hide '\(name)'"
    let sheet = try live(operation)
    let book = try workbook.live(operation)
    guard sheet.pointee.index != book.pointee.active_sheet else {
      throw XlsxError(
        operation: operation,
        message:
          "it is the active (first) sheet, which Excel shows on opening; libxlsxwriter would "
          + "leave it visible")
    }
    worksheet_hide(sheet)
  }

  /// Sets a column's width in Excel's character units and hides it when `hidden` (a column of
  /// keys for reading the sheet back, say; on a protected sheet users cannot unhide it unless
  /// ``SheetProtection/formatColumns``). The width is what the column shows once unhidden.
  /// With `hidden` false this is ``setColumn(_:width:)``, byte for byte. The last call for a
  /// column wins (libxlsxwriter keeps one setting per column).
  public func setColumn(_ col: Int, width: Double, hidden: Bool) throws(XlsxError) {
    guard hidden else { return try setColumn(col, width: width) }
    let operation = "hide column \(ExcelGrid.name(col: col)) of '\(name)'"
    let sheet = try live(operation)
    let column = try ExcelGrid.col(col, operation)
    guard width.isFinite, width >= 0 else {
      throw XlsxError(operation: operation, message: "\(width) is not a column width")
    }
    var options = lxw_row_col_options(hidden: 1, level: 0, collapsed: 0)
    try check(
      worksheet_set_column_opt(sheet, column, column, width, nil, &options),
      operation)
  }
}
