/// The characters an xlsx file can carry. Workbooks are XML 1.0, which has no way to write the
/// C0 control characters other than tab, line feed and carriage return, nor U+FFFE and U+FFFF
/// (lone surrogates cannot occur in a Swift `String`; a snapshot that escapes one is refused
/// when it is read).
public enum XMLCharacters {
  /// Whether XML 1.0 can carry `scalar`.
  @inline(__always) public static func allows(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return true
    case 0..<0x20, 0xFFFE, 0xFFFF: return false
    default: return true
    }
  }

  /// The first character of `text` that XML 1.0 cannot carry, with its position (counted in
  /// Unicode scalars from 1), and how many such characters `text` holds; `nil` when there are
  /// none.
  public static func firstForbidden(
    in text: String
  ) -> (
    scalar: Unicode.Scalar, position: Int, count: Int
  )? {
    // Most text is plain: look at the bytes first. A forbidden scalar is a byte below 0x20 or
    // the UTF-8 form of U+FFFE/U+FFFF (EF BF BE, EF BF BF).
    var suspicious = false
    for byte in text.utf8 where byte < 0x20 || byte == 0xEF {
      suspicious = true
      break
    }
    guard suspicious else { return nil }
    var first: (Unicode.Scalar, Int)?
    var count = 0
    for (i, scalar) in text.unicodeScalars.enumerated() where !allows(scalar) {
      count += 1
      if first == nil { first = (scalar, i + 1) }
    }
    guard let first else { return nil }
    return (first.0, first.1, count)
  }

  /// `U+0001`, the way messages name a character.
  public static func name(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `text` safe to print in a message: ``TerminalText/escaped(_:limit:)`` (control
  /// characters, U+FFFE/U+FFFF and the like written as `\u{…}`), cut to `limit` characters.
  public static func visible(_ text: String, limit: Int = 80) -> String {
    TerminalText.escaped(text, limit: limit)
  }
}
