internal import CXlsxWriter

/// A conditional format: a rule Excel evaluates for every cell of a range, added with
/// ``Workbook/addConditionalFormat(_:to:rows:cols:)``. Rules on the same cells are evaluated in
/// the order they were added.
///
/// A highlight's ``CellStyle`` becomes a differential format: Excel applies only its font
/// colour, bold, fill and border over the cell's own style (font name, size, alignment and
/// number format are ignored).
public struct ConditionalFormat: Sendable, Hashable {
  /// What a highlighted cell is compared with.
  public enum Condition: Sendable, Hashable {
    /// The cell's text is exactly this (Excel compares case-insensitively). The right rule for
    /// status classes: `达标` does not also colour `预计达标` or `基本达标`.
    case textEquals(String)
    /// The cell's text contains this anywhere (case-insensitively; `*`, `?` and `~` are
    /// matched literally). `达标` also matches `预计达标`, `基本达标` and `未完全达标`.
    case textContains(String)
    /// The cell's number equals this.
    case equal(Double)
    /// The cell's number differs from this.
    case notEqual(Double)
    /// The cell's number is greater than this.
    case greaterThan(Double)
    /// The cell's number is greater than or equal to this.
    case greaterThanOrEqual(Double)
    /// The cell's number is less than this.
    case lessThan(Double)
    /// The cell's number is less than or equal to this.
    case lessThanOrEqual(Double)
    /// The cell's number lies between the two, both included.
    case between(Double, Double)
    /// The cell's number lies outside the two.
    case notBetween(Double, Double)
  }

  /// Where a data bar or colour scale puts its low end, its midpoint or its high end.
  public enum Point: Sendable, Hashable {
    /// The range's own lowest value at the low end, its highest at the high end, the 50th
    /// percentile at the midpoint.
    case automatic
    /// A fixed number (`0` and `1` for fractions shown as percentages).
    case number(Double)
    /// A percentage (0–100) of the way from the range's lowest to its highest value.
    case percent(Double)
    /// A percentile (0–100) of the range's values.
    case percentile(Double)
  }

  /// One colour of a colour scale and where it sits.
  public struct Stop: Sendable, Hashable {
    /// Where the colour sits.
    public var point: Point
    /// 0xRRGGBB.
    public var color: UInt32

    /// `color` (0xRRGGBB) at `point`.
    public init(_ point: Point, color: UInt32) {
      self.point = point
      self.color = color
    }
  }

  /// The kinds of rule.
  public enum Kind: Sendable, Hashable {
    /// Cells meeting the condition show the style.
    case highlight(Condition, style: CellStyle)
    /// A bar in each cell, its length the cell's value placed between `low` and `high`.
    case dataBar(color: UInt32, low: Point, high: Point)
    /// A background colour blended between two or three stops.
    case colorScale(low: Stop, mid: Stop?, high: Stop)
  }

  /// The rule.
  public var kind: Kind
  /// When the rule applies, later rules on the same cells are not evaluated.
  public var stopIfTrue: Bool

  /// A rule of any kind.
  public init(_ kind: Kind, stopIfTrue: Bool = false) {
    self.kind = kind
    self.stopIfTrue = stopIfTrue
  }

  /// Cells meeting `condition` show `style` (its font colour, bold, fill and border).
  public static func highlight(
    _ condition: Condition, style: CellStyle, stopIfTrue: Bool = false
  ) -> ConditionalFormat {
    ConditionalFormat(.highlight(condition, style: style), stopIfTrue: stopIfTrue)
  }

  /// A data bar in each cell; `low` and `high` fix the ends (`.number(0)`, `.number(1)` for
  /// fractions shown as percentages), by default the range's own lowest and highest values.
  public static func dataBar(
    color: UInt32 = 0x638EC6, low: Point = .automatic, high: Point = .automatic
  ) -> ConditionalFormat {
    ConditionalFormat(.dataBar(color: color, low: low, high: high))
  }

  /// A two-colour scale (`mid` nil) or a three-colour one.
  public static func colorScale(low: Stop, mid: Stop? = nil, high: Stop) -> ConditionalFormat {
    ConditionalFormat(.colorScale(low: low, mid: mid, high: high))
  }

  /// The longest text a condition compares with: Excel's limit for a text in a formula.
  public static let maximumTextLength = 255
}

extension Workbook {
  /// Adds a conditional format to a range of `sheet` (zero-based rows and columns, inclusive).
  /// Throws when the workbook is closed, `sheet` is not one of its worksheets, the range or a
  /// value is out of bounds, or libxlsxwriter refuses.
  public func addConditionalFormat(
    _ format: ConditionalFormat, to sheet: Worksheet, rows: ClosedRange<Int>,
    cols: ClosedRange<Int>
  ) throws(XlsxError) {
    let operation = "add a conditional format to \(ExcelGrid.name(rows, cols)) of '\(sheet.name)'"
    let handle = try sheetHandle(sheet, operation)
    let range = try ExcelGrid.range(rows: rows, cols: cols, operation)
    let strings = CStringArena()
    var options = lxw_conditional_format()
    options.stop_if_true = format.stopIfTrue ? 1 : 0
    switch format.kind {
    case .highlight(let condition, let style):
      try Self.describe(
        condition, at: CellReference.cell(row: rows.lowerBound, col: cols.lowerBound),
        into: &options, strings: strings, operation)
      options.format = try self.format(style)
    case .dataBar(let color, let low, let high):
      options.type = UInt8(LXW_CONDITIONAL_DATA_BAR.rawValue)
      options.bar_color = try Self.color(color, operation)
      try Self.set(
        low, end: .low, rule: &options.min_rule_type, value: &options.min_value, operation)
      try Self.set(
        high, end: .high, rule: &options.max_rule_type, value: &options.max_value, operation)
    case .colorScale(let low, let mid, let high):
      options.type = UInt8(
        (mid == nil ? LXW_CONDITIONAL_2_COLOR_SCALE : LXW_CONDITIONAL_3_COLOR_SCALE).rawValue)
      options.min_color = try Self.color(low.color, operation)
      try Self.set(
        low.point, end: .low, rule: &options.min_rule_type, value: &options.min_value, operation)
      if let mid {
        options.mid_color = try Self.color(mid.color, operation)
        try Self.set(
          mid.point, end: .mid, rule: &options.mid_rule_type, value: &options.mid_value,
          operation)
      }
      options.max_color = try Self.color(high.color, operation)
      try Self.set(
        high.point, end: .high, rule: &options.max_rule_type, value: &options.max_value,
        operation)
    }
    // libxlsxwriter copies the strings; the arena keeps them alive through the call.
    let result = withExtendedLifetime(strings) {
      worksheet_conditional_format_range(
        handle, range.first.row, range.first.col, range.last.row, range.last.col, &options)
    }
    try check(result, operation)
  }

  /// Fills in the type, criteria and values of a highlight.
  private static func describe(
    _ condition: ConditionalFormat.Condition, at topLeft: String,
    into options: inout lxw_conditional_format, strings: CStringArena, _ operation: String
  ) throws(XlsxError) {
    options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
    func compare(_ criteria: lxw_conditional_criteria, _ value: Double) throws(XlsxError) {
      options.criteria = UInt8(criteria.rawValue)
      options.value = try number(value, operation)
    }
    func range(_ criteria: lxw_conditional_criteria, _ a: Double, _ b: Double) throws(XlsxError) {
      options.criteria = UInt8(criteria.rawValue)
      options.min_value = try number(Swift.min(a, b), operation)
      options.max_value = try number(Swift.max(a, b), operation)
    }
    switch condition {
    case .textEquals(let text):
      // A text criterion is an Excel string literal: quoted, inner quotes doubled.
      options.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
      options.value_string = strings.copy(try literal(text, operation))
    case .textContains(let text):
      // Written as a formula, not libxlsxwriter's text rule: 1.1.4 cuts that rule's formula
      // at 63 bytes (about a dozen Chinese characters), mid-character, and does not escape
      // quotes. SEARCH takes `*`, `?` and `~` as wildcards; `~` makes them literal.
      var escaped = ""
      for c in text {
        if c == "*" || c == "?" || c == "~" { escaped.append("~") }
        escaped.append(c)
      }
      options.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
      options.value_string = strings.copy(
        "NOT(ISERROR(SEARCH(\(try literal(escaped, operation, checking: text)),\(topLeft))))")
    case .equal(let v): try compare(LXW_CONDITIONAL_CRITERIA_EQUAL_TO, v)
    case .notEqual(let v): try compare(LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO, v)
    case .greaterThan(let v): try compare(LXW_CONDITIONAL_CRITERIA_GREATER_THAN, v)
    case .greaterThanOrEqual(let v):
      try compare(LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO, v)
    case .lessThan(let v): try compare(LXW_CONDITIONAL_CRITERIA_LESS_THAN, v)
    case .lessThanOrEqual(let v): try compare(LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO, v)
    case .between(let a, let b): try range(LXW_CONDITIONAL_CRITERIA_BETWEEN, a, b)
    case .notBetween(let a, let b): try range(LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN, a, b)
    }
  }

  /// `text` as an Excel string literal (`"达标"`, `"a""b"`); `checking` is the text whose
  /// length counts (before any escaping).
  private static func literal(
    _ text: String, _ operation: String, checking original: String? = nil
  ) throws(XlsxError) -> String {
    let length = (original ?? text).utf16.count
    guard length <= ConditionalFormat.maximumTextLength else {
      throw XlsxError(
        operation: operation,
        message:
          "the text is \(length) characters long; a condition compares at most "
          + "\(ConditionalFormat.maximumTextLength)")
    }
    try XMLText.check(text, "the text", operation)
    var quoted = "\""
    for c in text {
      if c == "\"" { quoted.append("\"") }
      quoted.append(c)
    }
    return quoted + "\""
  }

  private static func number(_ value: Double, _ operation: String) throws(XlsxError) -> Double {
    guard value.isFinite else {
      throw XlsxError(operation: operation, message: "\(value) is not a number")
    }
    return value
  }

  /// A colour checked to be 0xRRGGBB.
  static func color(
    _ rgb: UInt32, _ operation: @autoclosure () -> String
  ) throws(XlsxError)
    -> lxw_color_t
  {
    guard rgb <= 0xFF_FFFF else {
      throw XlsxError(
        operation: operation(), message: "colour \(String(rgb, radix: 16)) is not 0xRRGGBB")
    }
    return lxwColor(rgb)
  }

  private enum End { case low, mid, high }

  /// One end (or the middle) of a data bar or colour scale.
  private static func set(
    _ point: ConditionalFormat.Point, end: End, rule: inout UInt8, value: inout Double,
    _ operation: String
  ) throws(XlsxError) {
    func percentage(_ v: Double) throws(XlsxError) -> Double {
      guard v.isFinite, (0...100).contains(v) else {
        throw XlsxError(operation: operation, message: "\(v) is not a percentage from 0 to 100")
      }
      return v
    }
    switch point {
    case .automatic:
      switch end {
      case .low: rule = UInt8(LXW_CONDITIONAL_RULE_TYPE_MINIMUM.rawValue)
      case .high: rule = UInt8(LXW_CONDITIONAL_RULE_TYPE_MAXIMUM.rawValue)
      case .mid:
        rule = UInt8(LXW_CONDITIONAL_RULE_TYPE_PERCENTILE.rawValue)
        value = 50
      }
    case .number(let v):
      rule = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
      value = try number(v, operation)
    case .percent(let v):
      rule = UInt8(LXW_CONDITIONAL_RULE_TYPE_PERCENT.rawValue)
      value = try percentage(v)
    case .percentile(let v):
      rule = UInt8(LXW_CONDITIONAL_RULE_TYPE_PERCENTILE.rawValue)
      value = try percentage(v)
    }
  }

  /// The live handle of `sheet`, checked to be a worksheet of this open workbook.
  func sheetHandle(
    _ sheet: Worksheet, _ operation: @autoclosure () -> String
  ) throws(XlsxError) -> UnsafeMutablePointer<lxw_worksheet> {
    let book = try live(operation())
    guard let handle = sheet.handle else {
      throw XlsxError(
        operation: operation(), message: "the worksheet '\(sheet.name)' is already closed")
    }
    guard workbook_get_worksheet_by_name(book, sheet.name) == handle else {
      throw XlsxError(
        operation: operation(), message: "'\(sheet.name)' is not a worksheet of \(path)")
    }
    return handle
  }
}
