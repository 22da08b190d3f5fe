internal import CXlsxWriter

/// How a cell looks: a plain value, turned into one libxlsxwriter format per distinct style
/// (``Workbook`` caches them), so layouts describe styles instead of managing format handles.
public struct CellStyle: Sendable, Hashable {
  public enum Horizontal: Sendable, Hashable { case general, left, center, right }
  public enum Vertical: Sendable, Hashable { case top, center, bottom }

  /// The font's name (`宋体`).
  public var fontName: String
  /// Size in points.
  public var fontSize: Double
  public var bold: Bool
  public var horizontal: Horizontal
  public var vertical: Vertical
  /// Wraps text at the column edge (row heights must then be computed: Excel does not autofit).
  public var wrap: Bool
  /// A thin border on all four sides.
  public var border: Bool
  /// An Excel number format (`0.0`, `yyyy"年"m"月"d"日"`), or nil for General.
  public var numberFormat: String?
  /// A fill colour as 0xRRGGBB, or nil.
  public var fill: UInt32?
  /// The font's colour as 0xRRGGBB (0 is black), or nil for the automatic colour.
  public var fontColor: UInt32?
  /// An input cell: left editable when its sheet is protected
  /// (``Worksheet/protect(password:options:)``). Every cell is locked by default, as in Excel;
  /// an unprotected sheet ignores locking.
  public var unlocked: Bool
  /// A single underline (a link's look, with a blue ``fontColor``).
  public var underline: Bool

  public init(
    fontName: String = "宋体", fontSize: Double = 11, bold: Bool = false,
    horizontal: Horizontal = .general, vertical: Vertical = .center, wrap: Bool = false,
    border: Bool = false, numberFormat: String? = nil, fill: UInt32? = nil,
    fontColor: UInt32? = nil, unlocked: Bool = false, underline: Bool = false
  ) {
    self.fontName = fontName
    self.fontSize = fontSize
    self.bold = bold
    self.horizontal = horizontal
    self.vertical = vertical
    self.wrap = wrap
    self.border = border
    self.numberFormat = numberFormat
    self.fill = fill
    self.fontColor = fontColor
    self.unlocked = unlocked
    self.underline = underline
  }

  /// Equal when every property is: the flags and numbers are compared before the strings, so
  /// the few styles of a sheet tell each other apart cheaply (``Workbook`` compares a cell's
  /// style with the ones it used last).
  public static func == (a: CellStyle, b: CellStyle) -> Bool {
    a.fontSize == b.fontSize && a.bold == b.bold && a.horizontal == b.horizontal
      && a.vertical == b.vertical && a.wrap == b.wrap && a.border == b.border
      && a.fill == b.fill && a.fontColor == b.fontColor && a.unlocked == b.unlocked
      && a.underline == b.underline
      && a.fontName == b.fontName && a.numberFormat == b.numberFormat
  }

  /// Applies this style to a fresh libxlsxwriter format. Used as a conditional format, the
  /// same format becomes a differential one: libxlsxwriter then writes only the font colour,
  /// bold, the fill and the border (Excel ignores font name, size and alignment there).
  func apply(to format: UnsafeMutablePointer<lxw_format>) {
    format_set_font_name(format, fontName)
    format_set_font_size(format, fontSize)
    if bold { format_set_bold(format) }
    switch horizontal {
    case .general: break
    case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    switch vertical {
    case .top: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    case .center: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    case .bottom: format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
    }
    if wrap { format_set_text_wrap(format) }
    if border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
    if let numberFormat { format_set_num_format(format, numberFormat) }
    if let fill {
      format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(format, lxw_color_t(fill))
    }
    if let fontColor { format_set_font_color(format, lxwColor(fontColor)) }
    if unlocked { format_set_unlocked(format) }
    if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
  }
}

/// libxlsxwriter's colour for 0xRRGGBB: it reads 0 as "unset", and writes black for its own
/// `LXW_COLOR_BLACK` (0x1000000) instead.
func lxwColor(_ rgb: UInt32) -> lxw_color_t {
  rgb & 0xFF_FFFF == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb & 0xFF_FFFF)
}
