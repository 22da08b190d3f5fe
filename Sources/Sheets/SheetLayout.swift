import PlanModel
import Xlsx

/// A worksheet laid out but not yet written: columns, rows with their cells and computed
/// heights, print settings. Layouts are plain values, so they are built and tested without a
/// file; ``SheetWriter`` writes them.
public struct SheetLayout: Sendable {
  /// What a cell holds.
  public enum Value: Sendable, Equatable {
    case text(String)
    case number(Double)
    case date(Day)
    case blank
    /// Text in runs of their own fonts (the changed fragments of a revision).
    case rich([RichRun])
  }

  /// A cell, merged across `cols` when it spans more than one column.
  public struct Cell: Sendable {
    public var cols: ClosedRange<Int>
    public var value: Value
    public var style: CellStyle
    /// A file, relative to the workbook's folder, that the cell's text links to (a one-column
    /// text cell only).
    public var link: String?

    public init(_ cols: ClosedRange<Int>, _ value: Value, _ style: CellStyle) {
      self.cols = cols
      self.value = value
      self.style = style
    }

    public init(_ col: Int, _ value: Value, _ style: CellStyle) {
      self.init(col...col, value, style)
    }
  }

  /// A row and its height in points.
  public struct Row: Sendable {
    public var cells: [Cell]
    public var height: Double
  }

  public var name: String
  /// Column widths in Excel's character units.
  public var columns: [Double]
  public var rows: [Row] = []
  public var page = PageSetup()
  /// Frozen header rows and an autofilter (on screen only).
  public var view = SheetView()
  /// Row ranges that must print on one page (a signature block, a heading with its table's
  /// first row); the first row of a range that would straddle a page starts a new page.
  public var keepTogether: [ClosedRange<Int>] = []
  /// The page breaks, once fixed by ``repeatingHeaders(of:)`` (which writes rows of its own at
  /// them); nil while they are computed from the rows.
  public var fixedBreaks: [Int]?

  /// A table of the sheet whose header rows print again at the top of every page its body
  /// continues on.
  public struct Table: Sendable, Equatable {
    public var header: ClosedRange<Int>
    public var body: ClosedRange<Int>

    public init(header: ClosedRange<Int>, body: ClosedRange<Int>) {
      self.header = header
      self.body = body
    }
  }

  public init(name: String, columns: [Double]) {
    self.name = name
    self.columns = columns
  }

  /// The next row's index.
  public var nextRow: Int { rows.count }

  /// The pixel width of the columns `cols` together.
  public func pixels(_ cols: ClosedRange<Int>) -> Double {
    if cols.count == 1 { return TextMetrics.pixels(columnWidth: columns[cols.lowerBound]) }
    return cols.reduce(0) { $0 + TextMetrics.pixels(columnWidth: columns[$1]) }
  }

  /// The printed width of all columns, in points.
  public var widthInPoints: Double { pixels(0...(columns.count - 1)) * 0.75 }

  /// Appends a row whose height fits its tallest cell (wrapped text measured against the
  /// cell's merged width), at least `minHeight`. A row that would exceed Excel's 409 points is
  /// continued on further rows: its longest text is split between them and the other cells
  /// are written on the first. Returns the range of rows added.
  @discardableResult
  public mutating func append(_ cells: [Cell], minHeight: Double = 0) -> ClosedRange<Int> {
    let first = rows.count
    rows.append(contentsOf: measure(cells, minHeight: minHeight))
    return first...(rows.count - 1)
  }

  /// Keeps `rows` on one page (appends to ``keepTogether``).
  public mutating func keep(_ rows: ClosedRange<Int>) { keepTogether.append(rows) }

  /// The rows ``append(_:minHeight:)`` adds for `cells`: one, or more when the text is taller
  /// than a row can be.
  func measure(_ cells: [Cell], minHeight: Double) -> [Row] {
    if let height = height(of: cells, minHeight: minHeight) {
      return [Row(cells: cells, height: height)]
    }
    return continued(cells, minHeight: minHeight)
  }

  /// The height of a row of `cells`, or nil when it must be continued on further rows.
  func height(of cells: [Cell], minHeight: Double) -> Double? {
    var tallest = minHeight
    for cell in cells { tallest = max(tallest, height(of: cell)) }
    let height = SheetLayout.wholePixels(tallest)
    guard height > TextMetrics.maximumRowHeight else { return height }
    // Nothing to continue on another row (rich text): as tall as Excel allows.
    return longestText(cells) == nil ? TextMetrics.maximumRowHeight : nil
  }

  /// The rows of cells too tall for one row: the longest text split between them.
  private func continued(_ cells: [Cell], minHeight: Double) -> [Row] {
    guard let (index, text) = longestText(cells) else {
      return [Row(cells: cells, height: TextMetrics.maximumRowHeight)]
    }
    let cell = cells[index]
    let maxLines = Int(
      (TextMetrics.maximumRowHeight - TextMetrics.verticalPadding)
        / (cell.style.fontSize * TextMetrics.lineSpacing))
    let chunks = split(text, pixels: pixels(cell.cols), fontSize: cell.style.fontSize, maxLines)
    var rows: [Row] = []
    for (n, chunk) in chunks.enumerated() {
      var rowCells: [Cell]
      if n == 0 {
        rowCells = cells
        rowCells[index].value = .text(chunk)
      } else {
        // Continuation: the text goes on; the other cells are blank with the same borders.
        rowCells = cells.map { Cell($0.cols, .blank, $0.style) }
        rowCells[index].value = .text(chunk)
      }
      let h = rowCells.map { self.height(of: $0) }.max() ?? minHeight
      rows.append(
        Row(cells: rowCells, height: SheetLayout.wholePixels(min(h, TextMetrics.maximumRowHeight))))
    }
    return rows
  }

  /// `points` rounded up to whole pixels (0.75 pt at 96 dpi), so a reader that rounds row
  /// heights to pixels lays the rows out exactly as computed here.
  static func wholePixels(_ points: Double) -> Double { (points / 0.75).rounded(.up) * 0.75 }

  /// The height a cell needs.
  func height(of cell: Cell) -> Double {
    let size = cell.style.fontSize
    let text: String
    switch cell.value {
    case .text(let t): text = t
    case .rich(let runs): text = runs.map(\.text).joined()
    default: return TextMetrics.rowHeight(lines: 1, fontSize: size)
    }
    guard cell.style.wrap else {
      return TextMetrics.rowHeight(lines: text.split(separator: "\n").count, fontSize: size)
    }
    let lines = TextMetrics.lines(text, pixels: pixels(cell.cols), fontSize: size)
    return TextMetrics.rowHeight(lines: lines, fontSize: size)
  }

  private func longestText(_ cells: [Cell]) -> (Int, String)? {
    var best: (Int, String)?
    for (i, c) in cells.enumerated() {
      if case .text(let t) = c.value, c.style.wrap, t.count > (best?.1.count ?? -1) {
        best = (i, t)
      }
    }
    return best
  }

  /// Splits `text` into pieces of at most `maxLines` wrapped lines each.
  private func split(
    _ text: String, pixels: Double, fontSize: Double, _ maxLines: Int
  )
    -> [String]
  {
    var pieces: [String] = []
    var current = ""
    for c in text {
      let candidate = current + String(c)
      if !current.isEmpty,
        TextMetrics.lines(candidate, pixels: pixels, fontSize: fontSize) > maxLines
      {
        pieces.append(current)
        current = String(c)
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }

  /// The printable height of a page in points, for `page`'s margins on A4 portrait or
  /// landscape, less 6 points to spare.
  public var printableHeight: Double {
    let paper = page.orientation == .portrait ? 842.0 : 595.0
    return paper - (page.margins.top + page.margins.bottom) * 72 - 6
  }

  /// The printable width of a page in points.
  public var printableWidth: Double {
    let paper = page.orientation == .portrait ? 595.0 : 842.0
    return paper - (page.margins.left + page.margins.right) * 72
  }

  /// Every page break (``fixedBreaks`` when fixed), so no ``keepTogether`` range is split: rows fill a page; a row that
  /// does not fit starts the next one, and so does a range that would straddle two pages; the
  /// repeated rows take their room at the top of every page after the one they first appear on.
  ///
  /// Every break is returned, not only the forced ones, and written as a manual break: a
  /// reader that prints smaller than computed (LibreOffice without Calibri's metrics measures
  /// columns wider and scales the page down to fit its width) then still breaks exactly here,
  /// instead of moving rows up and splitting a block.
  public func pageBreaks() -> [Int] { fixedBreaks ?? pageBreaks(heights: rows.map(\.height)) }

  /// The page breaks of rows `heights` tall, with this layout's columns, print settings and
  /// ``keepTogether`` ranges (the rows themselves need not be kept: see ``SheetStream``).
  func pageBreaks(heights: [Double]) -> [Int] {
    paginate(heights: heights, tables: []).map(\.row)
  }

  /// Every page break of rows `heights` tall, and the table (an index into `tables`) whose
  /// header the page starting there repeats, if any: a page that starts inside a table's body
  /// has the header's room taken at its top.
  func paginate(heights: [Double], tables: [Table]) -> [(row: Int, table: Int?)] {
    let scale = min(1, printableWidth / max(widthInPoints, 1))
    let pageHeight = printableHeight / scale
    func height(_ r: ClosedRange<Int>) -> Double {
      r.reduce(0) { $0 + ($1 < heights.count ? heights[$1] : 0) }
    }
    let repeatHeight = page.repeatRows.map(height) ?? 0
    var breaks: [(row: Int, table: Int?)] = []
    var used = 0.0
    var pageStart = 0
    // The longest range starting at each row.
    var groups: [Int: ClosedRange<Int>] = [:]
    for g in keepTogether where groups[g.lowerBound].map({ $0.count < g.count }) ?? true {
      groups[g.lowerBound] = g
    }
    for row in heights.indices {
      var needed = heights[row]
      if let group = groups[row] { needed = height(group) }
      if used + needed > pageHeight, row > pageStart {
        let table = tables.firstIndex { $0.body.contains(row) && $0.header.upperBound < row }
        breaks.append((row, table))
        pageStart = row
        let repeats = page.repeatRows.map { $0.upperBound < row } ?? false
        used = (repeats ? repeatHeight : 0) + (table.map { height(tables[$0].header) } ?? 0)
      }
      used += heights[row]
    }
    return breaks
  }

  /// This layout paginated with each table's header written again as the first rows of every
  /// page its body continues on (a reader repeats only one range of rows on every page; these
  /// repeat only where a table goes on). The page breaks are fixed (``fixedBreaks``): each
  /// page that continues a table starts with its header copy, directly followed by a row of
  /// its body; ``keepTogether`` ranges move with their rows.
  public func repeatingHeaders(of tables: [Table]) -> SheetLayout {
    guard !tables.isEmpty else { return self }
    let breaks = paginate(heights: rows.map(\.height), tables: tables)
    var out = self
    out.rows = []
    out.rows.reserveCapacity(rows.count + breaks.count)
    var index: [Int] = []  // the new index of each row
    index.reserveCapacity(rows.count)
    var fixed: [Int] = []
    var next = 0
    for (r, row) in rows.enumerated() {
      if next < breaks.count, breaks[next].row == r {
        fixed.append(out.rows.count)
        if let t = breaks[next].table { out.rows += rows[tables[t].header] }
        next += 1
      }
      index.append(out.rows.count)
      out.rows.append(row)
    }
    out.keepTogether = keepTogether.compactMap { g in
      guard g.lowerBound < index.count else { return nil }
      return index[g.lowerBound]...index[min(g.upperBound, index.count - 1)]
    }
    out.fixedBreaks = fixed
    return out
  }
}
