internal import CXlsxWriter

/// A rectangle of cells on a named worksheet, zero-based and inclusive: where a chart series
/// takes its values or categories.
public struct SheetRange: Sendable, Hashable {
  /// The worksheet's name as written (`指标状态`).
  public var sheet: String
  /// Zero-based rows, inclusive.
  public var rows: ClosedRange<Int>
  /// Zero-based columns, inclusive.
  public var cols: ClosedRange<Int>

  /// A range given by its rows and columns.
  public init(sheet: String, rows: ClosedRange<Int>, cols: ClosedRange<Int>) {
    self.sheet = sheet
    self.rows = rows
    self.cols = cols
  }

  /// Part of one column.
  public init(sheet: String, rows: ClosedRange<Int>, col: Int) {
    self.init(sheet: sheet, rows: rows, cols: col...col)
  }

  /// Part of one row.
  public init(sheet: String, row: Int, cols: ClosedRange<Int>) {
    self.init(sheet: sheet, rows: row...row, cols: cols)
  }

  /// A range given in A1 style (`B2:B13`, `$B$2:$B$13` or one cell, `B2`); nil when `a1` is
  /// not such a reference or lies outside Excel's grid.
  public init?(sheet: String, _ a1: String) {
    let parts = a1.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2,
      let first = Self.cell(parts[0]), let last = parts.count == 2 ? Self.cell(parts[1]) : first
    else { return nil }
    self.init(
      sheet: sheet, rows: min(first.row, last.row)...max(first.row, last.row),
      cols: min(first.col, last.col)...max(first.col, last.col))
  }

  /// The reference as it is written into the chart: the sheet name always quoted (any name is
  /// valid quoted; `2020` or `A1` unquoted would not be), `'指标状态'!$B$2:$B$13`.
  public var formula: String {
    var quoted = "'"
    for c in sheet {
      if c == "'" { quoted.append("'") }
      quoted.append(c)
    }
    let first = Self.absolute(row: rows.lowerBound, col: cols.lowerBound)
    let last = Self.absolute(row: rows.upperBound, col: cols.upperBound)
    return quoted + "'!" + (first == last ? first : first + ":" + last)
  }

  private static func absolute(row: Int, col: Int) -> String {
    guard ExcelGrid.contains(row: row, col: col) else { return "?" }
    return "$\(CellReference.column(col))$\(row + 1)"
  }

  /// `B2` or `$B$2` → zero-based row and column.
  private static func cell(_ text: Substring) -> (row: Int, col: Int)? {
    var rest = text
    if rest.first == "$" { rest = rest.dropFirst() }
    let letters = rest.prefix { $0.isASCII && $0.isLetter }
    rest = rest.dropFirst(letters.count)
    if rest.first == "$" { rest = rest.dropFirst() }
    guard (1...3).contains(letters.count), rest.first != "0",
      rest.allSatisfy({ $0.isASCII && $0.isNumber }), let row = Int(rest),
      (1...ExcelGrid.rowCount).contains(row)
    else { return nil }
    var col = 0
    for c in letters.uppercased().unicodeScalars { col = col * 26 + Int(c.value) - 64 }
    guard col <= ExcelGrid.colCount else { return nil }
    return (row - 1, col - 1)
  }
}

/// A native Excel chart, described as a value and placed with
/// ``Workbook/insertChart(_:into:row:col:width:height:)``. Each insertion makes a new chart
/// owned by the workbook, so one description can be inserted several times.
public struct Chart: Sendable, Hashable {
  /// The chart types.
  public enum Kind: Sendable, Hashable {
    /// Lines over categories (months).
    case line
    /// Vertical bars.
    case column
    /// Horizontal bars (categories down the side).
    case bar
  }

  /// Where the legend goes.
  public enum Legend: Sendable, Hashable { case none, right, left, top, bottom }

  /// The shape of a line series' points.
  public enum Marker: Sendable, Hashable {
    /// Excel picks one per series.
    case automatic
    case none, circle, square, diamond, triangle, x, star, plus
  }

  /// How a line is drawn.
  public enum Dash: Sendable, Hashable {
    case solid, dash, roundDot, squareDot, dashDot, longDash, longDashDot
  }

  /// One series: its values and how it looks.
  public struct Series: Sendable, Hashable {
    /// The name in the legend (`PM2.5`, `限值`); nil for Excel's `Series1`.
    public var name: String?
    /// The numbers, one row or one column.
    public var values: SheetRange
    /// The category labels along the axis (months, units), one row or one column.
    public var categories: SheetRange?
    /// The colour as 0xRRGGBB: the line of a line series, the fill of a bar.
    public var color: UInt32?
    /// A line series' point markers; nil for the chart's default (none on line charts).
    public var marker: Marker?
    /// Marker size, 2–72 (with `marker` nil, Excel's automatic markers at this size).
    public var markerSize: Int?
    /// The dash of the line (a bar's border).
    public var dash: Dash?
    /// The width of the line (a bar's border) in points.
    public var lineWidth: Double?
    /// Shows each point's value as a label.
    public var showsValues: Bool
    /// The number format of those labels (`0.0%`).
    public var valueFormat: String?

    /// A series of `values`, optionally named, with categories and a look.
    public init(
      name: String? = nil, values: SheetRange, categories: SheetRange? = nil,
      color: UInt32? = nil, marker: Marker? = nil, markerSize: Int? = nil, dash: Dash? = nil,
      lineWidth: Double? = nil, showsValues: Bool = false, valueFormat: String? = nil
    ) {
      self.name = name
      self.values = values
      self.categories = categories
      self.color = color
      self.marker = marker
      self.markerSize = markerSize
      self.dash = dash
      self.lineWidth = lineWidth
      self.showsValues = showsValues
      self.valueFormat = valueFormat
    }
  }

  /// An axis: its title and, for the value axis, bounds and number format.
  public struct Axis: Sendable, Hashable {
    /// The axis title (`月份`, `浓度`).
    public var title: String?
    /// The lowest value shown (value axis only).
    public var min: Double?
    /// The highest value shown (value axis only).
    public var max: Double?
    /// The number format of the labels (`0%`).
    public var numberFormat: String?
    /// Label every n-th category (category axis only; 1 labels every one, where a reader would
    /// otherwise skip labels it finds crowded). Nil: the reader decides.
    public var labelEvery: Int?
    /// Categories (or values) in reverse order: on a bar chart the first category at the top.
    /// The other axis then still crosses at the far end (the bottom), where it was.
    public var reversed: Bool
    /// The size in points of the axis labels; nil: the reader's default (about 10).
    public var labelFontSize: Double?

    /// An axis; everything optional.
    public init(
      title: String? = nil, min: Double? = nil, max: Double? = nil, numberFormat: String? = nil,
      labelEvery: Int? = nil, reversed: Bool = false, labelFontSize: Double? = nil
    ) {
      self.title = title
      self.min = min
      self.max = max
      self.numberFormat = numberFormat
      self.labelEvery = labelEvery
      self.reversed = reversed
      self.labelFontSize = labelFontSize
    }
  }

  /// Line, column or bar.
  public var kind: Kind
  /// The title above the chart (Chinese is fine), or none.
  public var title: String?
  /// The series, drawn in this order; at least one.
  public var series: [Series]
  /// The axis of the categories: along the bottom of line and column charts, up the side of
  /// bar charts.
  public var categoryAxis: Axis
  /// The axis of the values.
  public var valueAxis: Axis
  /// Where the legend goes (`.none` for no legend).
  public var legend: Legend
  /// The chart's description for screen readers.
  public var altText: String?

  /// A chart of `kind` with `series`; Excel's defaults for everything not given.
  public init(
    _ kind: Kind, title: String? = nil, series: [Series], categoryAxis: Axis = Axis(),
    valueAxis: Axis = Axis(), legend: Legend = .right, altText: String? = nil
  ) {
    self.kind = kind
    self.title = title
    self.series = series
    self.categoryAxis = categoryAxis
    self.valueAxis = valueAxis
    self.legend = legend
    self.altText = altText
  }

  /// libxlsxwriter's default chart width, in pixels.
  public static let defaultWidth = 480
  /// libxlsxwriter's default chart height, in pixels.
  public static let defaultHeight = 288
}

extension Workbook {
  /// Inserts `chart` into `sheet` with its top-left corner at the cell `row`, `col`
  /// (zero-based), `width` × `height` pixels. Every sheet a series refers to must already be a
  /// worksheet of this workbook (its cells may still be written later: the chart reads them
  /// when the workbook is closed). Throws when the workbook is closed, `sheet` is not one of
  /// its worksheets, the description is invalid, or libxlsxwriter refuses.
  public func insertChart(
    _ chart: Chart, into sheet: Worksheet, row: Int, col: Int,
    width: Int = Chart.defaultWidth, height: Int = Chart.defaultHeight
  ) throws(XlsxError) {
    let operation = "insert a chart at \(ExcelGrid.name(row...row, col...col)) of '\(sheet.name)'"
    let handle = try sheetHandle(sheet, operation)
    try sheet.refuseInConstantMemory("a chart (it reads the cells it plots at close)", operation)
    let cell = try ExcelGrid.cell(row: row, col: col, operation)
    guard width > 0, height > 0, width <= 100_000, height <= 100_000 else {
      throw XlsxError(operation: operation, message: "a chart of \(width) × \(height) pixels")
    }
    try validate(chart, operation)
    let book = try live(operation)

    guard let made = workbook_add_chart(book, Self.type(chart.kind)) else {
      throw XlsxError(operation: operation, message: "libxlsxwriter could not make the chart")
    }
    if let title = chart.title { chart_title_set_name(made, title) }
    for (index, series) in chart.series.enumerated() {
      try add(series, number: index + 1, to: made, kind: chart.kind, operation)
    }
    // libxlsxwriter's x axis is the category axis except on bar charts, where it is the value
    // axis (the horizontal one).
    let x = made.pointee.x_axis
    let y = made.pointee.y_axis
    let (categoryAxis, valueAxis) = chart.kind == .bar ? (y, x) : (x, y)
    if let categoryAxis { Self.apply(chart.categoryAxis, to: categoryAxis) }
    if let valueAxis { Self.apply(chart.valueAxis, to: valueAxis) }
    chart_legend_set_position(made, Self.position(chart.legend))

    let strings = CStringArena()
    var options = lxw_chart_options()
    options.x_scale = Double(width) / Double(Chart.defaultWidth)
    options.y_scale = Double(height) / Double(Chart.defaultHeight)
    options.description = strings.copy(chart.altText)
    // libxlsxwriter copies the description; the arena keeps it alive through the call.
    let result = withExtendedLifetime(strings) {
      worksheet_insert_chart_opt(handle, cell.row, cell.col, made, &options)
    }
    try check(result, operation)
  }

  /// Everything libxlsxwriter would only warn about (or write wrongly) is an error here,
  /// before the chart is made.
  private func validate(_ chart: Chart, _ operation: String) throws(XlsxError) {
    func fail(_ message: String) -> XlsxError {
      XlsxError(operation: operation, message: message)
    }
    let book = try live(operation)
    guard !chart.series.isEmpty else { throw fail("a chart needs at least one series") }
    var texts: [(String, String?)] = [
      ("the title", chart.title), ("the category axis title", chart.categoryAxis.title),
      ("the value axis title", chart.valueAxis.title), ("the description", chart.altText),
    ]
    for axis in [chart.categoryAxis, chart.valueAxis] {
      for bound in [axis.min, axis.max] {
        if let bound, !bound.isFinite { throw fail("axis bound \(bound) is not a number") }
      }
    }
    if chart.categoryAxis.min != nil || chart.categoryAxis.max != nil {
      throw fail("only the value axis takes a minimum and maximum")
    }
    if chart.valueAxis.labelEvery != nil {
      throw fail("only the category axis labels every n-th category")
    }
    if let every = chart.categoryAxis.labelEvery, !(1...65_535).contains(every) {
      throw fail("labels every \(every) categories: not from 1 to 65535")
    }
    for axis in [chart.categoryAxis, chart.valueAxis] {
      if let size = axis.labelFontSize, !(size.isFinite && size >= 1 && size <= 400) {
        throw fail("an axis label size of \(size) points: not from 1 to 400")
      }
    }
    if let min = chart.valueAxis.min, let max = chart.valueAxis.max, min >= max {
      throw fail("the value axis runs from \(min) to \(max)")
    }
    for (index, series) in chart.series.enumerated() {
      let label = "series \(index + 1)"
      texts.append(("the name of \(label)", series.name))
      for (part, range) in [("values", series.values), ("categories", series.categories)] {
        guard let range else { continue }
        _ = try ExcelGrid.range(rows: range.rows, cols: range.cols, operation)
        guard range.rows.count == 1 || range.cols.count == 1 else {
          throw fail("the \(part) of \(label), \(range.formula), are not one row or column")
        }
        guard workbook_get_worksheet_by_name(book, range.sheet) != nil else {
          throw fail(
            "the \(part) of \(label) refer to '\(range.sheet)', not a worksheet of this workbook")
        }
      }
      if let color = series.color { _ = try Self.color(color, operation) }
      if chart.kind != .line, series.marker != nil || series.markerSize != nil {
        throw fail("\(label) has markers, which only line series show")
      }
      if let size = series.markerSize, !(2...72).contains(size) {
        throw fail("the marker size of \(label), \(size), is not from 2 to 72")
      }
      if let width = series.lineWidth, !(width.isFinite && width > 0 && width <= 1_000) {
        throw fail("the line width of \(label), \(width), is not a width in points")
      }
    }
    for (what, text) in texts {
      guard let text else { continue }
      // libxlsxwriter takes a name starting with "=" as a formula.
      guard !text.hasPrefix("=") else { throw fail("\(what) \"\(text)\" starts with \"=\"") }
      try XMLText.check(text, what, operation)
    }
    var formats: [(String, String?)] = [
      ("the category axis number format", chart.categoryAxis.numberFormat),
      ("the value axis number format", chart.valueAxis.numberFormat),
    ]
    for (index, series) in chart.series.enumerated() {
      formats.append(("the value format of series \(index + 1)", series.valueFormat))
    }
    for case (let what, let format?) in formats { try XMLText.check(format, what, operation) }
  }

  /// Adds one series. A sheet name with an apostrophe goes through libxlsxwriter's row and
  /// column setters (it quotes and doubles the apostrophe, and finds the sheet again for the
  /// chart's cached values); any other name through a formula we quote ourselves, because
  /// those setters leave `2020` or `A1` unquoted, which Excel cannot read.
  private func add(
    _ series: Chart.Series, number: Int, to chart: UnsafeMutablePointer<lxw_chart>,
    kind: Chart.Kind, _ operation: String
  ) throws(XlsxError) {
    func formula(_ range: SheetRange?) -> String? {
      guard let range, !range.sheet.contains("'") else { return nil }
      return "=" + range.formula
    }
    let made: UnsafeMutablePointer<lxw_chart_series>? = chart_add_series(
      chart, formula(series.categories), formula(series.values))
    guard let made else {
      throw XlsxError(operation: operation, message: "libxlsxwriter could not add series \(number)")
    }
    if let c = series.categories, c.sheet.contains("'") {
      let r = try ExcelGrid.range(rows: c.rows, cols: c.cols, operation)
      chart_series_set_categories(
        made, c.sheet, r.first.row, r.first.col, r.last.row, r.last.col)
    }
    let v = series.values
    if v.sheet.contains("'") {
      let r = try ExcelGrid.range(rows: v.rows, cols: v.cols, operation)
      chart_series_set_values(made, v.sheet, r.first.row, r.first.col, r.last.row, r.last.col)
    }
    if let name = series.name { chart_series_set_name(made, name) }

    let color = try series.color.map { rgb throws(XlsxError) in try Self.color(rgb, operation) }
    if kind != .line, let color {
      var fill = lxw_chart_fill()
      fill.color = color
      chart_series_set_fill(made, &fill)
    }
    if (kind == .line && color != nil) || series.dash != nil || series.lineWidth != nil {
      var line = lxw_chart_line()
      if let color { line.color = color }
      if let dash = series.dash { line.dash_type = Self.dash(dash) }
      if let width = series.lineWidth { line.width = Float(width) }
      chart_series_set_line(made, &line)
    }
    if let marker = series.marker { chart_series_set_marker_type(made, Self.marker(marker)) }
    if let size = series.markerSize { chart_series_set_marker_size(made, UInt8(size)) }
    if kind == .line, let color, let marker = series.marker, marker != .none {
      var fill = lxw_chart_fill()
      fill.color = color
      chart_series_set_marker_fill(made, &fill)
      var line = lxw_chart_line()
      line.color = color
      chart_series_set_marker_line(made, &line)
    }
    if series.showsValues {
      chart_series_set_labels(made)
      if let format = series.valueFormat { chart_series_set_labels_num_format(made, format) }
    }
  }

  private static func apply(_ axis: Chart.Axis, to handle: UnsafeMutablePointer<lxw_chart_axis>) {
    if let title = axis.title { chart_axis_set_name(handle, title) }
    if let format = axis.numberFormat { chart_axis_set_num_format(handle, format) }
    if let min = axis.min { chart_axis_set_min(handle, min) }
    if let max = axis.max { chart_axis_set_max(handle, max) }
    if let every = axis.labelEvery { chart_axis_set_interval_unit(handle, UInt16(every)) }
    if axis.reversed {
      chart_axis_set_reverse(handle)
      // The other axis crosses this one at its far end, so it stays where it was drawn.
      chart_axis_set_crossing_max(handle)
    }
    if let size = axis.labelFontSize {
      var font = lxw_chart_font()
      font.size = size
      chart_axis_set_num_font(handle, &font)
    }
  }

  private static func type(_ kind: Chart.Kind) -> UInt8 {
    switch kind {
    case .line: UInt8(LXW_CHART_LINE.rawValue)
    case .column: UInt8(LXW_CHART_COLUMN.rawValue)
    case .bar: UInt8(LXW_CHART_BAR.rawValue)
    }
  }

  private static func position(_ legend: Chart.Legend) -> UInt8 {
    switch legend {
    case .none: UInt8(LXW_CHART_LEGEND_NONE.rawValue)
    case .right: UInt8(LXW_CHART_LEGEND_RIGHT.rawValue)
    case .left: UInt8(LXW_CHART_LEGEND_LEFT.rawValue)
    case .top: UInt8(LXW_CHART_LEGEND_TOP.rawValue)
    case .bottom: UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)
    }
  }

  private static func marker(_ marker: Chart.Marker) -> UInt8 {
    switch marker {
    case .automatic: UInt8(LXW_CHART_MARKER_AUTOMATIC.rawValue)
    case .none: UInt8(LXW_CHART_MARKER_NONE.rawValue)
    case .circle: UInt8(LXW_CHART_MARKER_CIRCLE.rawValue)
    case .square: UInt8(LXW_CHART_MARKER_SQUARE.rawValue)
    case .diamond: UInt8(LXW_CHART_MARKER_DIAMOND.rawValue)
    case .triangle: UInt8(LXW_CHART_MARKER_TRIANGLE.rawValue)
    case .x: UInt8(LXW_CHART_MARKER_X.rawValue)
    case .star: UInt8(LXW_CHART_MARKER_STAR.rawValue)
    case .plus: UInt8(LXW_CHART_MARKER_PLUS.rawValue)
    }
  }

  private static func dash(_ dash: Chart.Dash) -> UInt8 {
    switch dash {
    case .solid: UInt8(LXW_CHART_LINE_DASH_SOLID.rawValue)
    case .dash: UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
    case .roundDot: UInt8(LXW_CHART_LINE_DASH_ROUND_DOT.rawValue)
    case .squareDot: UInt8(LXW_CHART_LINE_DASH_SQUARE_DOT.rawValue)
    case .dashDot: UInt8(LXW_CHART_LINE_DASH_DASH_DOT.rawValue)
    case .longDash: UInt8(LXW_CHART_LINE_DASH_LONG_DASH.rawValue)
    case .longDashDot: UInt8(LXW_CHART_LINE_DASH_LONG_DASH_DOT.rawValue)
    }
  }
}
