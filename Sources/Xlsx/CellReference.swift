/// A1-style names for cells and ranges, for error messages and tests.
public enum CellReference {
  /// The column letters of a zero-based column (0 → A, 26 → AA).
  public static func column(_ col: Int) -> String {
    var n = col + 1
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.append(Character(UnicodeScalar(UInt8(65 + r))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }

  /// `B3` for zero-based row 2, column 1.
  public static func cell(row: Int, col: Int) -> String { "\(column(col))\(row + 1)" }

  /// `A1:H1`.
  public static func range(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) -> String {
    "\(cell(row: firstRow, col: firstCol)):\(cell(row: lastRow, col: lastCol))"
  }
}
