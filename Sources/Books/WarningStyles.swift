import Sheets
import Tracking
import Xlsx

/// The cells of the three-colour warnings (三色预警) in the dashboard and the supervision
/// notices: filled with the colour and holding its word (绿, 蓝, 黄, 红), so a page printed in
/// black and white still says it.
enum WarningStyles {
  /// The fill of each colour: light enough for black text to read on it.
  static let fills: [WarningColour: UInt32] = [
    .green: 0xC6EFCE, .blue: 0x9BC2E6, .yellow: 0xFFE699, .red: 0xFF7C80,
  ]

  /// A centred, bordered cell filled with `colour`.
  static func style(_ colour: WarningColour) -> CellStyle {
    var style = BookStyles.centered
    style.bold = true
    style.fill = fills[colour]
    return style
  }

  /// The cell of `colour` in column `col`, or `—` without a colour.
  static func cell(_ colour: WarningColour?, col: Int) -> SheetLayout.Cell {
    guard let colour else { return .init(col, .text("—"), BookStyles.centered) }
    return .init(col, .text(colour.chinese), style(colour))
  }
}
