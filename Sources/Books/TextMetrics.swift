/// How much room text takes when printed: Excel and libxlsxwriter have no autofit, and other
/// tools count a Chinese character as half its width, so PlanBook measures text itself.
///
/// Widths are in pixels at 96 dpi, the unit Excel's column widths are defined in: a column
/// `w` characters wide is `w × 7 + 5` pixels (the default font's digit is 7 pixels). A
/// full-width character (汉字, full-width punctuation) is one em wide; Latin letters and digits
/// are about half an em in a Chinese font (wider for capitals and `m`/`w`). Estimates err on the
/// wide side, and wrapping keeps a margin, so text is never cut off even where the reader's
/// font is a little wider than ours.
public enum TextMetrics {
  /// Points per line of text, as a multiple of the font size: LibreOffice sets Noto Sans CJK
  /// (what it substitutes for 宋体) at 1.45 (measured from its PDFs); SimSun in Excel needs
  /// less.
  public static let lineSpacing = 1.45
  /// Padding inside a cell, top and bottom together, in points.
  public static let verticalPadding = 5.0
  /// Padding inside a cell, left and right together, in pixels.
  public static let horizontalPadding = 8.0
  /// The share of a cell's inner width wrapping may fill: room for a reader's wider font and
  /// for 避头尾 (a line may not start with `，` or `。`, so a character moves down).
  public static let fill = 0.95
  /// The tallest row Excel allows, in points.
  public static let maximumRowHeight = 409.0

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
    if isFullWidth(v) { return em }
    switch v {
    case 0x20: return em * 0.3  // space
    // i l j I . , : ; ' | !
    case 0x69, 0x6C, 0x6A, 0x49, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x7C, 0x21: return em * 0.35
    // m w M W @ % &
    case 0x6D, 0x77, 0x4D, 0x57, 0x40, 0x25, 0x26: return em * 0.9
    case 0x41...0x5A: return em * 0.72  // other capitals
    default: return em * 0.58
    }
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
    var counter = LineCounter(room: max(1, (pixels - horizontalPadding) * fill))
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
          spaces += em * 0.3
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

  /// The narrowest column, in character units, that shows `text` on one line at `fontSize`.
  public static func columnWidth(fitting text: String, fontSize: Double) -> Double {
    let widest =
      text.split(separator: "\n").map { width(of: $0, fontSize: fontSize) }.max() ?? 0
    let needed = widest / fill + horizontalPadding
    return ((needed - 5) / 7 * 4).rounded(.up) / 4
  }
}
