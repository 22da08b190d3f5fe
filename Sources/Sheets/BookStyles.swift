import Xlsx

/// The styles of the books and the overview: 宋体 throughout (the font of official documents;
/// readers without it substitute their own Chinese font), body text at 10.5 pt (五号).
public enum BookStyles {
  /// The font of every cell.
  public static let font = "宋体"
  /// The size of body text, in points (五号).
  public static let bodySize = 10.5

  /// A document's title: 18 pt, bold, centred.
  public static let title = CellStyle(
    fontName: font, fontSize: 18, bold: true, horizontal: .center, wrap: true)
  /// A line under the title: 14 pt, centred.
  public static let subtitle = CellStyle(
    fontName: font, fontSize: 14, horizontal: .center, wrap: true)
  /// A party's line (甲方, 乙方, 致): 12 pt.
  public static let party = CellStyle(
    fontName: font, fontSize: 12, horizontal: .left, wrap: true)
  /// A paragraph of running text: 12 pt, top-aligned.
  public static let paragraph = CellStyle(
    fontName: font, fontSize: 12, horizontal: .left, vertical: .top, wrap: true)
  /// A section heading (一、责任目标): 12 pt, bold.
  public static let heading = CellStyle(
    fontName: font, fontSize: 12, bold: true, horizontal: .left, wrap: true)
  /// A table's header cell: bold, centred, bordered, filled blue-grey.
  public static let header = CellStyle(
    fontName: font, fontSize: bodySize, bold: true, horizontal: .center, wrap: true,
    border: true, fill: 0xD9E1F2)
  /// A chapter row inside a table: bold, bordered, filled light grey.
  public static let chapter = CellStyle(
    fontName: font, fontSize: bodySize, bold: true, horizontal: .left, wrap: true,
    border: true, fill: 0xF2F2F2)
  /// Body text in a table: left-aligned, top, wrapped, bordered.
  public static let text = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .left, vertical: .top, wrap: true,
    border: true)
  /// Body text in a table, centred.
  public static let centered = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, wrap: true,
    border: true)
  /// A date as `2020年12月31日`, centred in a table.
  public static let date = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, border: true,
    numberFormat: "yyyy\"年\"m\"月\"d\"日\"")
  /// A date as `2020-09-30`, for the narrower columns of the dashboard.
  public static let isoDate = CellStyle(
    fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, border: true,
    numberFormat: "yyyy-mm-dd")
  /// A table's 小计/合计 label, right-aligned beside its number.
  public static let subtotal = CellStyle(
    fontName: font, fontSize: bodySize, bold: true, horizontal: .right, vertical: .top, wrap: true,
    border: true)
  /// A signature line: 12 pt, no border.
  public static let signature = CellStyle(
    fontName: font, fontSize: 12, horizontal: .left, vertical: .top, wrap: true)

  /// A number cell showing exactly the decimals the value has (35 → `0`, 61.5 → `0.0`).
  public static func number(_ value: Double) -> CellStyle {
    var style = CellStyle(
      fontName: font, fontSize: bodySize, horizontal: .center, vertical: .top, border: true)
    style.numberFormat = numberFormat(value)
    return style
  }

  /// `0`, `0.0`, `0.00`… for the decimals `value` needs (at most 4).
  public static func numberFormat(_ value: Double) -> String {
    var decimals = 0
    var v = abs(value)
    while decimals < 4, (v - v.rounded()).magnitude > 1e-9 {
      v *= 10
      decimals += 1
    }
    return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
  }
}
