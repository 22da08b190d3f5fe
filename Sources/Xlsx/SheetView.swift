/// How a worksheet behaves on screen: header rows that stay in view while scrolling, and an
/// autofilter (a filter button on each header cell). Neither prints.
public struct SheetView: Sendable, Equatable {
  /// A block of cells, zero-based and inclusive.
  public struct Range: Sendable, Equatable {
    public var rows: ClosedRange<Int>
    public var cols: ClosedRange<Int>

    public init(rows: ClosedRange<Int>, cols: ClosedRange<Int>) {
      self.rows = rows
      self.cols = cols
    }
  }

  /// The rows above this one stay in view while scrolling (0: none frozen).
  public var frozenRows = 0
  /// The columns left of this one stay in view (0: none frozen).
  public var frozenColumns = 0
  /// The filtered table: its first row holds the filter buttons, the rest is filtered. Rows
  /// below it (a totals row) are never hidden by a filter.
  public var autofilter: Range?

  public init() {}
}
