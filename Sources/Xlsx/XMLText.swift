/// Text an xlsx file can hold. Its parts are XML 1.0, which has no way to write most control
/// characters: C0 controls other than tab, line feed and carriage return (NUL included) and
/// the non-characters U+FFFE and U+FFFF. libxlsxwriter 1.1.4 writes them raw into document
/// properties, sheet names, rich text and charts, and the file then opens nowhere (openpyxl,
/// LibreOffice and Excel all refuse it). The bridge refuses them wherever a string goes to
/// libxlsxwriter, as a last line of defence behind `planbook check`.
enum XMLText {
  /// Throws an ``XlsxError`` for `operation` naming `what` (`the text`, `the title`) and the
  /// first character XML 1.0 cannot carry, with its position (1-based, in characters).
  static func check(
    _ text: String, _ what: @autoclosure () -> String,
    _ operation: @autoclosure () -> String
  ) throws(XlsxError) {
    guard !isWritable(text) else { return }
    var position = 0
    for scalar in text.unicodeScalars {
      position += 1
      guard !isWritable(scalar) else { continue }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      throw XlsxError(
        operation: operation(),
        message:
          "\(what()) holds the control character \(code) at character \(position), which an "
          + "xlsx file cannot hold (of the control characters only tab, line feed and carriage "
          + "return can be written)")
    }
  }

  /// Whether every character of `text` can be written. Looks at the UTF-8 bytes: a byte
  /// below 0x20 other than tab, LF and CR, or EF BF BE/BF (U+FFFE, U+FFFF).
  static func isWritable(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        if b < 0x20 {
          if b != 0x09 && b != 0x0A && b != 0x0D { return false }
        } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
          return false
        }
        i += 1
      }
      return true
    }
  }

  /// Whether one character can be written.
  static func isWritable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0..<0x20, 0xFFFE, 0xFFFF: false
    default: true
    }
  }
}
