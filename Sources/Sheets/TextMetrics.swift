/// How much room text takes when printed: Excel and libxlsxwriter have no autofit, and other
/// tools count a Chinese character as half its width, so PlanBook measures text itself.
///
/// Calibrated against what LibreOffice prints (what `export --pdf` and the print tests use),
/// measured with `pdftotext -bbox` from its PDFs with the fonts `scripts/test-setup` installs:
/// 宋体 is set in Noto Sans CJK (Chinese, full-width punctuation: one em) and DejaVu Sans
/// (Latin letters, digits, ASCII punctuation: ``latinWidths``). Widths are given in pixels at
/// 96 dpi, the unit Excel's column widths are defined in: a column `w` characters wide is
/// `w × 7 + 5` pixels in Excel; LibreOffice measures the same column about 6 % wider
/// (``columnScale``: Carlito's digit, its stand-in for Calibri, is 7.4 pixels, not 7), and
/// wraps inside it less ``horizontalPadding``. Lines are filled greedily as LibreOffice does:
/// Chinese breaks between any two characters, a Latin word only at its spaces.
public enum TextMetrics {
  /// Points per line of text, as a multiple of the font size: Noto Sans CJK's ascent and
  /// descent (1.448 em), the line pitch LibreOffice prints Chinese at (measured: 15.19 points
  /// at 10.5 pt, 17.40 at 12 pt). Latin-only lines print closer (DejaVu Sans, 1.164 em); rows
  /// are sized for Chinese.
  public static let lineSpacing = 1.45
  /// Padding inside a cell, top and bottom together, in points.
  public static let verticalPadding = 5.0
  /// Points of width LibreOffice gives a column per Excel pixel (a column of `w` characters,
  /// `w × 7 + 5` Excel pixels, measures `0.793 × (w × 7 + 5)` points; measured from w = 5
  /// to 60).
  public static let columnScale = 0.793
  /// Padding inside a cell, left and right together, in points (measured: 2.0; no margin is
  /// kept beyond it: a column 17 wide holds eight 12-point characters with 0.3 points to
  /// spare).
  public static let horizontalPadding = 2.0
  /// The tallest row Excel allows, in points.
  public static let maximumRowHeight = 409.0

  /// The room a line has in a cell `pixels` wide (Excel pixels, padding included), in pixels
  /// at 96 dpi (the unit of ``width(of:fontSize:)``).
  public static func room(pixels: Double) -> Double {
    max(1, (pixels * columnScale - horizontalPadding) * 4 / 3)
  }

  /// DejaVu Sans' advance widths, in ems, of the printable ASCII characters U+0020–U+007E:
  /// what LibreOffice sets Latin text of a 宋体 cell in.
  static let latinWidths: [Double] = [
    0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318,
    0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
    0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575,
    0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635,
    0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500, 0.500,
    0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974,
    0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
    0.636, 0.337, 0.636, 0.838,
  ]

  /// The pixel width of a column `units` characters wide.
  public static func pixels(columnWidth units: Double) -> Double { (units * 7 + 5).rounded() }

  /// Whether `c` takes a full em.
  public static func isFullWidth(_ c: Unicode.Scalar) -> Bool { isFullWidth(c.value) }

  /// Whether the scalar `v` takes a full em.
  @inline(__always)
  static func isFullWidth(_ v: UInt32) -> Bool {
    // The common cases first: Latin text, then the unified ideographs.
    if v < 0x1100 { return v == 0x00B1 || v == 0x00D7 || v == 0x00F7 }
    if v >= 0x4E00 && v <= 0x9FFF { return true }
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    case 0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x2103, 0x2160...0x217F, 0x2460...0x24FF,
      0x2190...0x21FF, 0x2264, 0x2265, 0x2212:
      // Dashes, quotes, ℃, Roman numerals, circled numbers, arrows, ≤ ≥ − (and ± × ÷ above)
      // in a Chinese font are set full width.
      return true
    default:
      return false
    }
  }

  /// The width of one character in pixels at `fontSize` points.
  public static func width(of c: Unicode.Scalar, fontSize: Double) -> Double {
    width(of: c.value, em: fontSize * 4 / 3)
  }

  /// The width of the scalar `v` for an em of `em` pixels.
  @inline(__always)
  static func width(of v: UInt32, em: Double) -> Double {
    if v >= 0x20 && v < 0x7F { return em * latinWidths[Int(v - 0x20)] }
    if isFullWidth(v) { return em }
    // Other Latin, Greek (μ), superscripts: about a DejaVu digit.
    return em * 0.64
  }

  /// The width of `text` on one line, in pixels.
  public static func width(of text: some StringProtocol, fontSize: Double) -> Double {
    text.unicodeScalars.reduce(0) { $0 + width(of: $1, fontSize: fontSize) }
  }

  /// How many lines `text` takes in a cell `pixels` wide (the cell's whole width, padding
  /// included) when wrapped: explicit line breaks are kept; Chinese breaks between any two
  /// characters, a run of Latin letters and digits only at its spaces (or, when longer than a
  /// line, anywhere).
  public static func lines(_ text: String, pixels: Double, fontSize: Double) -> Int {
    if let n = text.utf8.withContiguousStorageIfAvailable({
      lines(utf8: $0, pixels: pixels, fontSize: fontSize)
    }) {
      return n
    }
    var text = text  // not stored contiguously (bridged): made so
    return text.withUTF8 { lines(utf8: $0, pixels: pixels, fontSize: fontSize) }
  }

  /// ``lines(_:pixels:fontSize:)`` over the text's UTF-8 bytes (valid UTF-8, as a `String`'s).
  ///
  /// One pass, decoding as it goes: a full-width character is a unit of its own; a run of
  /// spaces and a run of other characters (a Latin word, a number) each move as a whole. At
  /// most one run is pending at a time; a word is kept as its width and the offset where it
  /// began (its characters are measured again only when it must be broken).
  static func lines(
    utf8 bytes: UnsafeBufferPointer<UInt8>, pixels: Double, fontSize: Double
  )
    -> Int
  {
    var counter = LineCounter(room: room(pixels: pixels))
    let em = fontSize * 4 / 3
    var spaces = 0.0
    var word = 0.0
    var wordStart = -1
    var i = 0
    while i < bytes.count {
      let start = i
      let lead = bytes[i]
      // The common case first: a unified ideograph U+5000–U+9FFF (lead byte E5–E9) with
      // nothing pending, placed without decoding it.
      if lead >= 0xE5 && lead <= 0xE9 && wordStart < 0 && spaces == 0 {
        i += 3
        if counter.used + em <= counter.room {
          counter.used += em
        } else {
          counter.place(word: em) { [em] }
        }
        continue
      }
      let v = scalar(bytes, at: &i)
      if v == 0x0A || v == 0x20 || isFullWidth(v) {
        if wordStart >= 0 {
          counter.place(word: word) { widths(bytes, wordStart..<start, em: em) }
          word = 0
          wordStart = -1
        }
        if v == 0x20 {
          spaces += em * latinWidths[0]
        } else {
          if spaces > 0 {
            counter.place(spaces: spaces)
            spaces = 0
          }
          if v == 0x0A {
            counter.newParagraph()
          } else {
            counter.place(word: em) { [em] }
          }
        }
      } else {
        if spaces > 0 {
          counter.place(spaces: spaces)
          spaces = 0
        }
        if wordStart < 0 { wordStart = start }
        word += width(of: v, em: em)
      }
    }
    counter.place(spaces: spaces)
    if wordStart >= 0 {
      counter.place(word: word) { widths(bytes, wordStart..<bytes.count, em: em) }
    }
    return max(counter.total + counter.lines, 1)
  }

  /// Decodes the scalar starting at `bytes[i]` of valid UTF-8 and moves `i` past it.
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32 {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 {
      i += 1
      return b0
    }
    // Continuation bytes of valid UTF-8; one past the end only for a malformed tail.
    func next(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k] & 0x3F) : 0 }
    if b0 < 0xE0 {
      defer { i += 2 }
      return (b0 & 0x1F) << 6 | next(1)
    }
    if b0 < 0xF0 {
      defer { i += 3 }
      return (b0 & 0x0F) << 12 | next(1) << 6 | next(2)
    }
    defer { i += 4 }
    return (b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
  }

  /// The widths of the characters in `bytes[range]`, for an em of `em` pixels.
  static func widths(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, em: Double
  )
    -> [Double]
  {
    var out: [Double] = []
    var i = range.lowerBound
    while i < range.upperBound { out.append(width(of: scalar(bytes, at: &i), em: em)) }
    return out
  }

  /// Greedy line filling, run by run.
  struct LineCounter {
    let room: Double
    var total = 0
    var lines = 1
    var used = 0.0

    init(room: Double) { self.room = room }

    /// Places a run of spaces `width` wide (nothing when 0). Spaces that do not fit end the
    /// line and vanish, however many there are.
    mutating func place(spaces width: Double) {
      guard width > 0 else { return }
      if used + width <= room {
        used += width
      } else {
        lines += 1
        used = 0
      }
    }

    /// Places a word `width` wide: on this line, else on the next, else (longer than a line)
    /// broken anywhere between its characters, whose widths `characters` gives (only asked
    /// then: the common case never looks at the word again).
    mutating func place(word width: Double, characters: () -> [Double]) {
      if used + width <= room {
        used += width
      } else if width <= room {
        lines += 1
        used = width
      } else {
        breakAnywhere(characters())
      }
    }

    /// A run longer than a line: broken anywhere.
    mutating func breakAnywhere(_ widths: [Double]) {
      for cw in widths {
        if used + cw > room {
          lines += 1
          used = 0
        }
        used += cw
      }
    }

    mutating func newParagraph() {
      total += lines
      lines = 1
      used = 0
    }
  }

  /// The height in points of a row showing `lines` lines at `fontSize`.
  public static func rowHeight(lines: Int, fontSize: Double) -> Double {
    (Double(lines) * fontSize * lineSpacing + verticalPadding).rounded(.up)
  }

  /// The narrowest column, in character units, that shows `text` on one line at `fontSize`
  /// (each of its lines, when it has several), in Excel and in LibreOffice.
  public static func columnWidth(fitting text: String, fontSize: Double) -> Double {
    let widest =
      text.split(separator: "\n").map { width(of: $0, fontSize: fontSize) }.max() ?? 0
    // LibreOffice: room(pixels) ≥ widest; Excel: 7 pixels a unit and 5 of padding, less room
    // for the text than LibreOffice gives (its columns are narrower): the wider of the two.
    let pixels = max(
      ((widest * 3 / 4) + horizontalPadding) / columnScale, widest + 5 + 4)
    return ((pixels - 5) / 7 * 4).rounded(.up) / 4
  }
}
