import Xlsx

/// A sheet written row by row as it is laid out: each row is measured like a ``SheetLayout``'s
/// and written at once, and only its height is kept (8 bytes a row) for the page breaks, which
/// are set when the sheet is finished. With a ``Workbook/Mode/constantMemory`` workbook a
/// sheet of any length is written in flat memory.
///
/// Made by ``SheetWriter/stream(_:into:rows:)``, which finishes it. The file is the same as
/// ``SheetWriter/write(_:into:)`` of the layout with the same rows.
public final class SheetStream: SheetRows {
  public typealias Failure = any Error

  /// Name, columns, print settings and ``SheetLayout/keepTogether``; never any rows. Read for
  /// every row and never re-entrantly, so the runtime's exclusivity checks are left out (and
  /// with them a copy of the layout per row).
  @exclusivity(unchecked) private var frame: SheetLayout
  @exclusivity(unchecked) private var heights: [Double] = []
  /// The worksheet being written.
  public let worksheet: Worksheet

  init(_ frame: SheetLayout, into workbook: Workbook) throws {
    self.frame = frame
    self.frame.rows = []
    worksheet = try workbook.addWorksheet(frame.name)
    for (col, width) in frame.columns.enumerated() {
      try worksheet.setColumn(col, width: width)
    }
    for row in frame.rows {
      try SheetWriter.write(row.cells, height: row.height, at: heights.count, into: worksheet)
      heights.append(row.height)
    }
  }

  public var columns: [Double] { frame.columns }

  public var page: PageSetup {
    get { frame.page }
    set { frame.page = newValue }
  }

  public var view: SheetView {
    get { frame.view }
    set { frame.view = newValue }
  }

  /// Whether the autofilter has been set on the worksheet.
  private var filtered = false

  public var nextRow: Int { heights.count }

  @discardableResult
  public func append(
    _ cells: [SheetLayout.Cell], minHeight: Double
  ) throws -> ClosedRange<Int> {
    let first = heights.count
    try SheetWriter.filter(frame.view, before: first, into: worksheet, done: &filtered)
    if let height = frame.height(of: cells, minHeight: minHeight) {
      try SheetWriter.write(cells, height: height, at: first, into: worksheet)
      heights.append(height)
      return first...first
    }
    for row in frame.measure(cells, minHeight: minHeight) {
      try SheetWriter.write(row.cells, height: row.height, at: heights.count, into: worksheet)
      heights.append(row.height)
    }
    return first...(heights.count - 1)
  }

  public func keep(_ rows: ClosedRange<Int>) { frame.keep(rows) }

  /// The page breaks of the rows so far, as ``SheetLayout/pageBreaks()`` computes them.
  public func pageBreaks() -> [Int] { frame.pageBreaks(heights: heights) }

  /// Applies the print settings with the page breaks.
  func finish() throws {
    var page = frame.page
    page.pageBreaks = pageBreaks()
    try worksheet.setPage(page)
    try SheetWriter.finish(frame.view, into: worksheet, filtered: filtered)
  }
}
