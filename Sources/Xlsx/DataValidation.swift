internal import CXlsxWriter
import CalendarDays

/// A data validation: what Excel and WPS accept in a range of cells, the message shown when a
/// cell of it is selected and the alert (stop style: the entry is refused) shown for anything
/// else. Added with ``Worksheet/addValidation(_:rows:cols:)``.
///
/// Titles hold at most ``maximumTitleLength`` characters and messages
/// ``maximumMessageLength`` (Excel's limits, counted as Excel counts: UTF-16 units, so a
/// Chinese character is one); a message may contain line breaks. Empty texts are left out.
public struct DataValidation: Sendable, Hashable {
  /// What a cell accepts.
  public enum Rule: Sendable, Hashable {
    /// One of the values in `source` (a dropdown): one row or one column of a sheet of the
    /// same workbook, typically a hidden one (``Worksheet/hide()``). libxlsxwriter 1.1.4's
    /// inline lists overflow a buffer with Chinese text, so there is no inline list.
    case list(SheetRange)
    /// A number from `min` to `max` (both included; either order).
    case decimal(min: Double, max: Double)
    /// A whole number from `min` to `max` (both included; either order).
    case wholeNumber(min: Int, max: Int)
    /// A date from `from` to `through` (both included; either order).
    case date(from: Day, through: Day)
    /// Anything: only the input message is shown (one is required).
    case any
  }

  /// What the cells accept.
  public var rule: Rule
  /// The title of the message shown when a cell is selected.
  public var inputTitle: String?
  /// The message shown when a cell is selected (`请从下拉列表选择`).
  public var inputMessage: String?
  /// The title of the alert for a refused entry; nil for the application's name.
  public var errorTitle: String?
  /// The alert's text; nil for the application's default.
  public var errorMessage: String?
  /// Whether an empty cell is valid (Excel's "Ignore blank").
  public var allowsBlank: Bool

  /// A validation; everything but the rule optional.
  public init(
    _ rule: Rule, inputTitle: String? = nil, inputMessage: String? = nil,
    errorTitle: String? = nil, errorMessage: String? = nil, allowsBlank: Bool = true
  ) {
    self.rule = rule
    self.inputTitle = inputTitle
    self.inputMessage = inputMessage
    self.errorTitle = errorTitle
    self.errorMessage = errorMessage
    self.allowsBlank = allowsBlank
  }

  /// Excel's limit for an input or error title.
  public static let maximumTitleLength = 32
  /// Excel's limit for an input or error message.
  public static let maximumMessageLength = 255
}

extension Worksheet {
  /// Adds a data validation to a range of this sheet (zero-based rows and columns, inclusive).
  /// Ranges of one sheet's validations should not overlap (Excel applies one per cell).
  ///
  /// Throws when the workbook is closed, the range is outside the sheet, a list's source is
  /// not one row or column of a sheet of this workbook, a bound is not a number or date Excel
  /// can hold, an `.any` validation has no input message, or a text is too long, starts with
  /// `=` (libxlsxwriter would drop it) or holds a control character other than a line break.
  public func addValidation(
    _ validation: DataValidation, rows: ClosedRange<Int>, cols: ClosedRange<Int>
  ) throws(XlsxError) {
    let operation = "add a validation to \(ExcelGrid.name(rows, cols)) of '\(name)'"
    let sheet = try live(operation)
    let range = try ExcelGrid.range(rows: rows, cols: cols, operation)
    // libxlsxwriter copies every string during the call; the arena keeps them alive until then.
    let strings = CStringArena()
    var v = lxw_data_validation()
    v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
    // Its booleans are three-valued: 0 is the default (on), so "off" must be said.
    v.ignore_blank = UInt8(
      (validation.allowsBlank ? LXW_VALIDATION_DEFAULT : LXW_VALIDATION_OFF).rawValue)
    func text(_ s: String?, _ what: String, _ limit: Int) throws(XlsxError) -> String? {
      guard let s, !s.isEmpty else { return nil }
      try Self.checkValidationText(s, what, limit, operation)
      return s
    }
    let title = DataValidation.maximumTitleLength
    let message = DataValidation.maximumMessageLength
    let inputTitle = try text(validation.inputTitle, "input title", title)
    let inputMessage = try text(validation.inputMessage, "input message", message)
    v.input_title = strings.copy(inputTitle)
    v.input_message = strings.copy(inputMessage)
    v.error_title = strings.copy(try text(validation.errorTitle, "error title", title))
    v.error_message = strings.copy(try text(validation.errorMessage, "error message", message))

    let between = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
    switch validation.rule {
    case .list(let source):
      try checkListSource(source, operation)
      v.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
      v.value_formula = strings.copy(source.formula)
    case .decimal(let a, let b):
      guard a.isFinite, b.isFinite else {
        throw XlsxError(operation: operation, message: "\(a)…\(b) are not numbers")
      }
      v.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
      v.criteria = between
      v.minimum_number = Swift.min(a, b)
      v.maximum_number = Swift.max(a, b)
    case .wholeNumber(let a, let b):
      // Whole numbers Excel holds exactly (15 digits).
      let limit = 999_999_999_999_999
      guard (-limit...limit).contains(a), (-limit...limit).contains(b) else {
        throw XlsxError(
          operation: operation, message: "\(a)…\(b) is beyond Excel's 15-digit whole numbers")
      }
      v.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
      v.criteria = between
      v.minimum_number = Double(Swift.min(a, b))
      v.maximum_number = Double(Swift.max(a, b))
    case .date(let a, let b):
      var serials: [Double] = []
      for day in [a, b] {
        guard let serial = day.serial() else {
          throw XlsxError(operation: operation, message: "\(day) is not a date Excel holds")
        }
        serials.append(serial)
      }
      // Serial numbers (1900 system), as libxlsxwriter would make of the days.
      v.validate = UInt8(LXW_VALIDATION_TYPE_DATE_NUMBER.rawValue)
      v.criteria = between
      v.minimum_number = serials.min() ?? 0
      v.maximum_number = serials.max() ?? 0
    case .any:
      // libxlsxwriter silently drops an "any" validation without a message.
      guard inputTitle != nil || inputMessage != nil else {
        throw XlsxError(
          operation: operation, message: "a validation of any value needs an input message")
      }
      v.validate = UInt8(LXW_VALIDATION_TYPE_ANY.rawValue)
    }
    let result = withExtendedLifetime(strings) {
      worksheet_data_validation_range(
        sheet, range.first.row, range.first.col, range.last.row, range.last.col, &v)
    }
    try check(result, operation)
  }

  /// A list's source: one row or column, inside the grid, of a sheet of this workbook.
  private func checkListSource(_ source: SheetRange, _ operation: String) throws(XlsxError) {
    let reference = "\(ExcelGrid.name(source.rows, source.cols)) of '\(source.sheet)'"
    _ = try ExcelGrid.range(rows: source.rows, cols: source.cols, operation)
    guard source.rows.count == 1 || source.cols.count == 1 else {
      throw XlsxError(
        operation: operation,
        message: "the list's source \(reference) must be one row or one column")
    }
    let book = try workbook.live(operation)
    guard workbook_get_worksheet_by_name(book, source.sheet) != nil else {
      throw XlsxError(
        operation: operation,
        message: "the list's source sheet '\(source.sheet)' is not a worksheet of this workbook")
    }
  }

  /// A title or message: within `limit` UTF-16 units (Excel's count; libxlsxwriter counts
  /// code points, never more), not starting with `=` (libxlsxwriter strips one, as from a
  /// formula), no control character but a line break (it escapes only `\n`; others would make
  /// the file unreadable or turn into spaces).
  private static func checkValidationText(
    _ text: String, _ what: String, _ limit: Int, _ operation: String
  ) throws(XlsxError) {
    let length = text.utf16.count
    guard length <= limit else {
      throw XlsxError(
        operation: operation,
        message: "the \(what) is \(length) characters long; Excel allows at most \(limit)")
    }
    guard !text.hasPrefix("=") else {
      throw XlsxError(
        operation: operation,
        message: "the \(what) starts with '=', which libxlsxwriter would drop")
    }
    let bad = text.unicodeScalars.first {
      ($0.value < 0x20 && $0 != "\n") || $0.value == 0xFFFE || $0.value == 0xFFFF
    }
    if let bad {
      throw XlsxError(
        operation: operation,
        message:
          "the \(what) contains the control character U+"
          + "\(String(bad.value, radix: 16, uppercase: true)); only line breaks are allowed")
    }
  }
}
