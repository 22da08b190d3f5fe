/// A strict RFC 4180 tokenizer that remembers where every field starts.
///
/// Fields are separated by commas and records by line breaks (LF, CRLF or a lone CR). A field
/// may be enclosed in double quotes; inside quotes a quote is written twice (`""`) and commas
/// and line breaks are part of the field (a line break inside a field becomes `\n`, whatever the
/// file uses). A line that starts with `#` is a comment record, taken whole and not tokenized.
///
/// Positions are 1-based lines and columns; a column counts Unicode scalars (a Chinese
/// character is one column). Malformed quoting is reported as a ``Problem`` and the record is
/// marked ``Record/malformed``; the tokenizer then carries on, so every problem of a file is
/// found in one pass.
enum CSV {
  /// A 1-based line and column.
  struct Position: Sendable, Hashable, Comparable, CustomStringConvertible {
    var line: Int
    var column: Int

    static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }

    /// `line:column`.
    var description: String { "\(line):\(column)" }
  }

  /// One field: its text (unquoted, `""` undoubled) and where it starts (its opening quote
  /// when quoted).
  struct Field: Sendable, Hashable {
    var text: String
    var position: Position
    var quoted: Bool
  }

  /// One record: a row of fields, or a comment line.
  struct Record: Sendable, Hashable {
    /// The fields; a comment has one field, the whole line (with its `#`).
    var fields: [Field]
    /// Where the record starts.
    var start: Position
    /// Just after its last character (where its line break or the end of the text is).
    var end: Position
    /// A line starting with `#`.
    var isComment: Bool
    /// Whether the tokenizer reported a problem inside the record.
    var malformed: Bool

    /// An empty line, or a row whose fields are all empty and unquoted (`,,,`).
    var isBlank: Bool { !isComment && fields.allSatisfy { $0.text.isEmpty && !$0.quoted } }
  }

  /// A quoting error.
  struct Problem: Sendable, Hashable {
    var position: Position
    var message: String
  }

  /// The records of `text` and the quoting errors found in it.
  static func parse(_ text: String) -> (records: [Record], problems: [Problem]) {
    var reader = Reader(Array(text.unicodeScalars))
    return reader.read()
  }

  /// The state of one pass over the text.
  private struct Reader {
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    var column = 1
    var records: [Record] = []
    var problems: [Problem] = []

    init(_ scalars: [Unicode.Scalar]) { s = scalars }

    var position: Position { Position(line: line, column: column) }

    /// Whether a line break starts at `i`.
    func atLineBreak() -> Bool { i < s.count && (s[i] == "\n" || s[i] == "\r") }

    /// Consumes one scalar that is not a line break.
    mutating func advance() {
      i += 1
      column += 1
    }

    /// Consumes a line break (CRLF counts as one).
    mutating func consumeLineBreak() {
      if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
      i += 1
      line += 1
      column = 1
    }

    mutating func read() -> (records: [Record], problems: [Problem]) {
      while i < s.count {
        let start = position
        if s[i] == "#" {
          var text = String.UnicodeScalarView()
          while i < s.count, !atLineBreak() {
            text.append(s[i])
            advance()
          }
          let end = position
          if atLineBreak() { consumeLineBreak() }
          records.append(
            Record(
              fields: [Field(text: String(text), position: start, quoted: false)], start: start,
              end: end, isComment: true, malformed: false))
          continue
        }
        let before = problems.count
        var fields: [Field] = []
        while true {
          fields.append(readField())
          if i < s.count, s[i] == "," {
            advance()
            continue
          }
          break
        }
        let end = position
        if atLineBreak() { consumeLineBreak() }
        records.append(
          Record(
            fields: fields, start: start, end: end, isComment: false,
            malformed: problems.count > before))
      }
      return (records, problems)
    }

    /// Reads one field, leaving `i` at the comma, line break or end that follows it.
    mutating func readField() -> Field {
      let start = position
      var text = String.UnicodeScalarView()
      guard i < s.count, s[i] == "\"" else {
        var reported = false
        while i < s.count, s[i] != ",", !atLineBreak() {
          if s[i] == "\"", !reported {
            reported = true
            problems.append(
              Problem(
                position: position,
                message:
                  "a '\"' inside a field that does not start with a quote (enclose the whole "
                  + "field in double quotes and write the quote as \"\")"))
          }
          text.append(s[i])
          advance()
        }
        return Field(text: String(text), position: start, quoted: false)
      }
      advance()
      var closed = false
      while i < s.count {
        if s[i] == "\"" {
          if i + 1 < s.count, s[i + 1] == "\"" {
            text.append("\"")
            advance()
            advance()
            continue
          }
          advance()
          closed = true
          break
        }
        if atLineBreak() {
          text.append("\n")
          consumeLineBreak()
        } else {
          text.append(s[i])
          advance()
        }
      }
      guard closed else {
        problems.append(
          Problem(
            position: start,
            message:
              "the quoted field that starts here is never closed (a closing '\"' is missing; "
              + "the rest of the file was read as part of it)"))
        return Field(text: String(text), position: start, quoted: true)
      }
      if i < s.count, s[i] != ",", !atLineBreak() {
        problems.append(
          Problem(
            position: position,
            message:
              "unexpected '\(s[i].escaped(asASCII: false))' after the closing quote of a field "
              + "(a field ends at its closing quote; write a quote inside a quoted field as \"\")"
          ))
        while i < s.count, s[i] != ",", !atLineBreak() {
          text.append(s[i])
          advance()
        }
      }
      return Field(text: String(text), position: start, quoted: true)
    }
  }
}
