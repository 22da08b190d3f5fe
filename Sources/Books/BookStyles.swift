import Xlsx

/// The styles of the books and the overview: 宋体 throughout (the font of official documents;
/// readers without it substitute their own Chinese font), body text at 10.5 pt (五号).
enum BookStyles {
  static let font = "宋体"
  static let bodySize = 10.5

  static let title = CellStyle(
    fontName: font, fontSize: 18, bold: true, horizontal: .center, wrap: true)
  static let subtitle = CellStyle(
    fontName: font, fontSize: 14, horizontal: .center, wrap: true)
  static let party = CellStyle(
    fontName: font, fontSize: 12, horizontal: .left, wrap: true)
  static let paragraph = CellStyle(
    fontName: font, fontSize: 12, horizontal: .left, vertical: .top, wrap: true)
  static let heading = CellStyle(
    fontName: font, fontSize: 12, bold: true, horizontal: .left, wrap: true)
  static let header = CellStyle(
    fontName: font, fontSize: bodySize, bold: true, horizontal: .center, wrap: true,
    border: true, fill: 0xD9E1F2)
  static let chapter = CellStyle(
    fontName: font, fontSize: bodySize, bold: true, horizontal: .left, wrap: true,
    border: true, fill: 0xF2F2F2)
  static let text = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .left, vertical: .top, wrap: true,
    border: true)
  static let centered = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, wrap: true,
    border: true)
  static let date = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, border: true,
    numberFormat: "yyyy\"年\"m\"月\"d\"日\"")
  /// A date as `2020-09-30`, for the narrower columns of the dashboard.
  static let isoDate = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, border: true,
    numberFormat: "yyyy-mm-dd")
  /// A table's 小计/合计 label, right-aligned beside its number.
  static let subtotal = CellStyle(
    fontName: font, fontSize: bodySize, bold: true, horizontal: .right, vertical: .top, wrap: true,
    border: true)
  static let signature = CellStyle(
    fontName: font, fontSize: 12, horizontal: .left, vertical: .top, wrap: true)

  /// A number cell showing exactly the decimals the value has (35 → `0`, 61.5 → `0.0`).
  static func number(_ value: Double) -> CellStyle {
    var style = CellStyle(
      fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, border: true)
    style.numberFormat = numberFormat(value)
    return style
  }

  /// `0`, `0.0`, `0.00`… for the decimals `value` needs (at most 4).
  static func numberFormat(_ value: Double) -> String {
    var decimals = 0
    var v = abs(value)
    while decimals < 4, (v - v.rounded()).magnitude > 1e-9 {
      v *= 10
      decimals += 1
    }
    return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
  }
}
