internal import CXlsxWriter

/// The font of one run of rich text. Name, size and colour left nil come from the cell's
/// ``CellStyle``; the flags are the run's own (a run in a bold cell is not bold unless
/// ``bold`` says so).
public struct FontStyle: Sendable, Hashable {
  /// The font's name (`宋体`), or nil for the cell's.
  public var name: String?
  /// Size in points, or nil for the cell's.
  public var size: Double?
  public var bold: Bool
  public var italic: Bool
  /// A single underline.
  public var underline: Bool
  public var strikethrough: Bool
  /// The colour as 0xRRGGBB (0 is black), or nil for the cell's font colour.
  public var color: UInt32?

  /// A font; by default the cell's name, size and colour, neither bold nor decorated.
  public init(
    name: String? = nil, size: Double? = nil, bold: Bool = false, italic: Bool = false,
    underline: Bool = false, strikethrough: Bool = false, color: UInt32? = nil
  ) {
    self.name = name
    self.size = size
    self.bold = bold
    self.italic = italic
    self.underline = underline
    self.strikethrough = strikethrough
    self.color = color
  }
}

/// One run of a rich text cell: text in one font.
public struct RichRun: Sendable, Hashable {
  public var text: String
  /// The run's font, or nil for the cell's own font (``CellStyle``'s name, size, bold and
  /// colour).
  public var font: FontStyle?

  /// A run of `text` in `font` (nil: the cell's font).
  public init(_ text: String, font: FontStyle? = nil) {
    self.text = text
    self.font = font
  }
}

extension Worksheet {
  /// The most runs one rich text cell holds once empty runs are dropped and neighbours in the
  /// same font merged: libxlsxwriter 1.1.4 counts fragments in a byte, refuses 255 and loops
  /// forever from 256.
  public static let maximumRichRuns = 254

  /// Writes text in several fonts into one cell; `style` is the cell's own format (borders,
  /// wrap, alignment, and the font of runs without one).
  ///
  /// Empty runs are dropped and neighbouring runs in the same font merged. When one run
  /// remains the cell is plain text in that run's font (the same bytes as
  /// ``write(_:row:col:style:)`` when it is the cell's font); when none remains it is a blank
  /// cell showing `style`. The whole text is held to ``maximumTextLength`` (libxlsxwriter also
  /// counts each run's XML markup, about 100 characters, and refuses beyond that); more than
  /// ``maximumRichRuns`` runs is an error.
  public func write(rich runs: [RichRun], row: Int, col: Int, style: CellStyle) throws(XlsxError) {
    let operation = "write \(at(row, col))"
    let sheet = try live(operation)
    let cell = try ExcelGrid.cell(row: row, col: col, operation)
    try refuseInConstantMemory("rich text", operation)
    switch try RichContent(runs, style: style, operation: operation) {
    case .blank:
      try writeBlank(row: row, col: col, style: style)
    case .plain(let text, let font) where !font.isDecorated:
      try write(text, row: row, col: col, style: font.applied(to: style))
    case .plain(let text, let font):
      let format = try decoratedFormat(style, font, operation)
      try check(
        worksheet_write_string(sheet, cell.row, cell.col, text, format), operation)
    case .rich(let fragments):
      let format = try workbook.format(style)
      try withRichString(fragments, operation) { list in
        worksheet_write_rich_string(sheet, cell.row, cell.col, list, format)
      }
    }
  }

  /// Merges a range and writes rich text into it (into its top-left cell, the one Excel shows),
  /// with the same rules as ``write(rich:row:col:style:)``.
  public func merge(
    rich runs: [RichRun], rows: ClosedRange<Int>, cols: ClosedRange<Int>, style: CellStyle
  ) throws(XlsxError) {
    let operation = "merge \(ExcelGrid.name(rows, cols)) of '\(name)'"
    let sheet = try live(operation)
    let range = try ExcelGrid.range(rows: rows, cols: cols, operation)
    try refuseInConstantMemory("rich text", operation)
    switch try RichContent(runs, style: style, operation: operation) {
    case .blank:
      try merge("", rows: rows, cols: cols, style: style)
    case .plain(let text, let font) where !font.isDecorated:
      try merge(text, rows: rows, cols: cols, style: font.applied(to: style))
    case .plain(let text, let font):
      let format = try decoratedFormat(style, font, operation)
      try check(
        worksheet_merge_range(
          sheet, range.first.row, range.first.col, range.last.row, range.last.col, text,
          format),
        operation)
    case .rich(let fragments):
      // The range is merged around an empty (blank) top-left cell, which the rich string then
      // replaces, with the same format.
      let format = try workbook.format(style)
      try check(
        worksheet_merge_range(
          sheet, range.first.row, range.first.col, range.last.row, range.last.col, "",
          format),
        operation)
      try withRichString(fragments, operation) { list in
        worksheet_write_rich_string(sheet, range.first.row, range.first.col, list, format)
      }
    }
  }

  /// A cell format of `style` whose font is `font`, with the italic, underline or
  /// strikethrough a ``CellStyle`` cannot say. Not cached (rare: a whole cell in one decorated
  /// run); libxlsxwriter writes one entry per distinct format anyway.
  private func decoratedFormat(
    _ style: CellStyle, _ font: ResolvedFont, _ operation: String
  ) throws(XlsxError) -> UnsafeMutablePointer<lxw_format> {
    let book = try workbook.live(operation)
    guard let format = workbook_add_format(book) else {
      throw XlsxError(operation: operation, message: "out of memory")
    }
    font.applied(to: style).apply(to: format)
    font.applyDecorations(to: format)
    return format
  }

  /// Calls `write` with libxlsxwriter's NULL-terminated fragment list. libxlsxwriter renders
  /// the fragments into the shared string's XML during the call and keeps no pointer to them:
  /// their formats (made outside the workbook) and C strings are freed afterwards.
  private func withRichString(
    _ fragments: [RichContent.Fragment], _ operation: String,
    _ write: (UnsafeMutablePointer<UnsafeMutablePointer<lxw_rich_string_tuple>?>) -> lxw_error
  ) throws(XlsxError) {
    var formats: [ResolvedFont: UnsafeMutablePointer<lxw_format>] = [:]
    defer { for format in formats.values { lxw_format_free(format) } }
    let strings = CStringArena()
    let tuples = UnsafeMutablePointer<lxw_rich_string_tuple>.allocate(
      capacity: fragments.count)
    defer { tuples.deallocate() }
    var list: [UnsafeMutablePointer<lxw_rich_string_tuple>?] = []
    for (i, fragment) in fragments.enumerated() {
      let format: UnsafeMutablePointer<lxw_format>
      if let known = formats[fragment.font] {
        format = known
      } else {
        guard let made = lxw_format_new() else {
          throw XlsxError(operation: operation, message: "out of memory")
        }
        formats[fragment.font] = made
        fragment.font.apply(to: made)
        format = made
      }
      guard let text = strings.copy(Self.escapingControlCharacters(fragment.text)) else {
        throw XlsxError(operation: operation, message: "out of memory")
      }
      (tuples + i).initialize(to: lxw_rich_string_tuple(format: format, string: text))
      list.append(tuples + i)
    }
    list.append(nil)
    let result = withExtendedLifetime(strings) { write(&list) }
    do throws(XlsxError) {
      try check(result, operation)
    } catch {
      guard error.code == Int32(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED.rawValue) else { throw error }
      throw XlsxError(
        operation: error.operation, code: error.code,
        message: "\(error.message) (libxlsxwriter counts a rich text's formatting markup too)")
    }
  }

  /// Control characters as Excel's `_xHHHH_`, as libxlsxwriter does for plain text but not for
  /// rich text fragments (1.1.4 writes them raw: XML no reader accepts, or, for a carriage
  /// return, one that reads it as a line feed). Those XML cannot hold at all are refused
  /// before (``XMLText``): what is left to escape here is the carriage return.
  static func escapingControlCharacters(_ text: String) -> String {
    func escaped(_ s: Unicode.Scalar) -> Bool {
      (0x01...0x08).contains(s.value) || (0x0B...0x1F).contains(s.value)
    }
    guard text.unicodeScalars.contains(where: escaped) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if escaped(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// A run's font with the cell's name, size and colour filled in: what libxlsxwriter writes.
struct ResolvedFont: Hashable {
  var name: String
  var size: Double
  var bold: Bool
  var italic = false
  var underline = false
  var strikethrough = false
  var color: UInt32?

  init(_ font: FontStyle?, cell: CellStyle) {
    name = font?.name ?? cell.fontName
    size = font?.size ?? cell.fontSize
    bold = font?.bold ?? cell.bold
    if let font {
      italic = font.italic
      underline = font.underline
      strikethrough = font.strikethrough
    }
    color = (font?.color ?? cell.fontColor).map { $0 & 0xFF_FFFF }
  }

  /// Whether it has what a ``CellStyle`` cannot say.
  var isDecorated: Bool { italic || underline || strikethrough }

  /// `style` with this font's name, size, bold and colour.
  func applied(to style: CellStyle) -> CellStyle {
    var style = style
    style.fontName = name
    style.fontSize = size
    style.bold = bold
    style.fontColor = color
    return style
  }

  /// Sets the whole font on a fresh format (a rich string fragment's).
  func apply(to format: UnsafeMutablePointer<lxw_format>) {
    format_set_font_name(format, name)
    format_set_font_size(format, size)
    if bold { format_set_bold(format) }
    if let color { format_set_font_color(format, lxwColor(color)) }
    applyDecorations(to: format)
  }

  func applyDecorations(to format: UnsafeMutablePointer<lxw_format>) {
    if italic { format_set_italic(format) }
    if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
    if strikethrough { format_set_font_strikeout(format) }
  }
}

/// What rich runs come to once empty runs are dropped and equal neighbours merged.
enum RichContent {
  struct Fragment {
    var text: String
    var font: ResolvedFont
  }

  case blank
  case plain(String, ResolvedFont)
  case rich([Fragment])

  init(_ runs: [RichRun], style: CellStyle, operation: String) throws(XlsxError) {
    var fragments: [Fragment] = []
    for (index, run) in runs.enumerated() {
      // NUL (where a C string would end) and the other control characters XML cannot hold.
      try XMLText.check(run.text, "the text of run \(index + 1)", operation)
      if let name = run.font?.name {
        try XMLText.check(name, "the font name of run \(index + 1)", operation)
      }
      let text = run.text
      guard !text.isEmpty else { continue }
      let font = ResolvedFont(run.font, cell: style)
      if let last = fragments.last, last.font == font {
        fragments[fragments.count - 1].text += text
      } else {
        fragments.append(Fragment(text: text, font: font))
      }
    }
    try Worksheet.checkLength(fragments.map(\.text).joined(), operation)
    switch fragments.count {
    case 0: self = .blank
    case 1: self = .plain(fragments[0].text, fragments[0].font)
    case ...Worksheet.maximumRichRuns: self = .rich(fragments)
    default:
      throw XlsxError(
        operation: operation,
        message:
          "the rich text has \(fragments.count) runs; a cell holds at most "
          + "\(Worksheet.maximumRichRuns)")
    }
  }
}
