/// How a worksheet prints.
public struct PageSetup: Sendable, Equatable {
  public enum Orientation: Sendable, Equatable { case portrait, landscape }

  /// Excel's paper code: 9 is A4 (without it Excel falls back to US Letter).
  public var paper: UInt8 = 9
  public var orientation: Orientation = .portrait
  /// Margins in inches.
  public var margins: (left: Double, right: Double, top: Double, bottom: Double) =
    (0.6, 0.6, 0.75, 0.75)
  public var centerHorizontally = true
  /// Fit to this many pages wide (0 = no limit); the height is left free.
  public var fitPagesWide: UInt16 = 1
  /// Rows (zero-based, inclusive) printed at the top of every page.
  public var repeatRows: ClosedRange<Int>?
  /// Footer text in Excel's header/footer codes (`&P`, `&N`); at most 255 bytes.
  public var footer: String?
  /// Rows (zero-based) that start a new page.
  public var pageBreaks: [Int] = []
  public var gridlinesHidden = true

  public init() {}

  public static func == (a: PageSetup, b: PageSetup) -> Bool {
    a.paper == b.paper && a.orientation == b.orientation && a.margins == b.margins
      && a.centerHorizontally == b.centerHorizontally && a.fitPagesWide == b.fitPagesWide
      && a.repeatRows == b.repeatRows && a.footer == b.footer && a.pageBreaks == b.pageBreaks
      && a.gridlinesHidden == b.gridlinesHidden
  }
}
