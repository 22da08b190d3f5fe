/// Text from a file (a plan, a snapshot, a workbook, a progress report, a file name) made safe
/// to print on a terminal: a control character in it could otherwise repaint the screen (an
/// escape sequence such as `ESC [2K`, erase the line), return to the start of the line and
/// overwrite it (`\r`), or start a line that looks like our own output (`\n…current`).
public enum TerminalText {
  /// `text` with every character that moves the cursor, starts an escape sequence or reorders
  /// what is shown written as visible `\u{1B}`-style text: the C0 controls (tab, line feed
  /// and carriage return included: a message is one line), DEL, the C1 controls (U+0080–
  /// U+009F; U+009B starts a sequence like ESC [), the line and paragraph separators (U+2028,
  /// U+2029) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
  /// U+2066–U+2069), which make a line read other than it is, and the non-characters U+FFFE
  /// and U+FFFF. Everything else is kept as it is; text without such characters comes back
  /// unchanged. With `limit`, text longer than that many characters is cut and ends in `…`.
  /// Apply it to the data, never to our own colour codes.
  public static func escaped(_ text: String, limit: Int? = nil) -> String {
    if limit.map({ text.unicodeScalars.count <= $0 }) ?? true,
      !text.unicodeScalars.contains(where: isEscaped)
    {
      return text
    }
    var out = ""
    var shown = 0
    for scalar in text.unicodeScalars {
      if let limit, shown == limit {
        out += "…"
        break
      }
      shown += 1
      if isEscaped(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether ``escaped(_:)`` writes `scalar` as `\u{…}`.
  public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF:
      true
    default: false
    }
  }
}
