/// A plain-text table for the terminal, aligned by display width (a CJK character takes two
/// columns).
struct TextTable {
  var header: [String]
  var rightAligned: Set<Int> = []
  var rows: [[String]] = []

  init(header: [String], rightAligned: Set<Int> = []) {
    self.header = header
    self.rightAligned = rightAligned
  }

  mutating func add(_ row: [String]) { rows.append(row) }

  /// The table, one line per row, columns separated by two spaces; the last column is not
  /// padded.
  func render() -> String {
    let all = [header] + rows
    var widths = Array(repeating: 0, count: header.count)
    for row in all {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], displayWidth(cell))
      }
    }
    var out = ""
    for row in all {
      var line = ""
      for (i, cell) in row.enumerated() {
        let pad = String(repeating: " ", count: max(0, widths[i] - displayWidth(cell)))
        let last = i == row.count - 1
        if i > 0 { line += "  " }
        if rightAligned.contains(i) {
          line += pad + cell
        } else {
          line += last ? cell : cell + pad
        }
      }
      out += line + "\n"
    }
    return out
  }
}

/// Columns a string takes in a terminal: East Asian wide and full-width characters count two.
func displayWidth(_ s: String) -> Int {
  s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
}

/// Whether a scalar is East Asian wide or full-width (CJK, kana, hangul, full-width forms).
func isWide(_ s: Unicode.Scalar) -> Bool {
  switch s.value {
  case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x20000...0x3FFFD:
    return true
  default:
    return false
  }
}
