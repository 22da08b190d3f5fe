import PlanModel

/// Text an xlsx file can hold. Its parts are XML 1.0, which has no way to write most control
/// characters: C0 controls other than tab, line feed and carriage return (NUL included) and
/// the non-characters U+FFFE and U+FFFF. libxlsxwriter 1.1.4 writes them raw into document
/// properties, sheet names, rich text and charts, and the file then opens nowhere (openpyxl,
/// LibreOffice and Excel all refuse it). The bridge refuses them wherever a string goes to
/// libxlsxwriter, as a last line of defence behind `planbook check`.
enum XMLText {
  /// Throws an ``XlsxError`` for `operation` naming `what` (`the text`, `the title`) and the
  /// first character XML 1.0 cannot carry (``PlanModel/XMLCharacters``, the rule `planbook
  /// check` applies too), with its position (1-based, in characters).
  static func check(
    _ text: String, _ what: @autoclosure () -> String,
    _ operation: @autoclosure () -> String
  ) throws(XlsxError) {
    guard let bad = XMLCharacters.firstForbidden(in: text) else { return }
    throw XlsxError(
      operation: operation(),
      message:
        "\(what()) holds the control character \(XMLCharacters.name(bad.scalar)) at character "
        + "\(bad.position), which an xlsx file cannot hold (of the control characters only tab, "
        + "line feed and carriage return can be written)")
  }

  /// Whether every character of `text` can be written.
  static func isWritable(_ text: String) -> Bool { XMLCharacters.firstForbidden(in: text) == nil }
}
