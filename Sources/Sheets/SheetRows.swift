import Xlsx

/// Where a layout's rows go as they are made: kept in a ``SheetLayout`` (to test, or to write
/// later) or written at once by a ``SheetStream``. A sheet builder written against this
/// protocol (``Overview``) makes both from the same code.
public protocol SheetRows {
  /// What appending can throw: `Never` for a ``SheetLayout``, the writer's errors for a
  /// ``SheetStream``.
  associatedtype Failure: Error
  /// Column widths in Excel's character units.
  var columns: [Double] { get }
  /// Print settings (applied when the sheet is finished).
  var page: PageSetup { get set }
  /// Frozen rows and the autofilter. An autofilter is set once its last row is appended and
  /// before the next row is (a constant-memory sheet cannot set it later).
  var view: SheetView { get set }
  /// The next row's index.
  var nextRow: Int { get }
  /// Appends a row measured to fit its cells, at least `minHeight` points tall (more rows
  /// when the text is taller than a row can be); returns the rows added.
  @discardableResult
  mutating func append(
    _ cells: [SheetLayout.Cell], minHeight: Double
  ) throws(Failure) -> ClosedRange<Int>
  /// Keeps `rows` on one page. The range may end at a row not yet appended (a heading kept
  /// with the row after it).
  mutating func keep(_ rows: ClosedRange<Int>)
}

extension SheetRows {
  /// Appends a row measured to fit its cells.
  @discardableResult
  public mutating func append(_ cells: [SheetLayout.Cell]) throws(Failure) -> ClosedRange<Int> {
    try append(cells, minHeight: 0)
  }
}

extension SheetLayout: SheetRows {
  public typealias Failure = Never
}
