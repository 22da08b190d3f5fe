import PlanModel

/// One problem in a progress report file: where it is and what was found against what is
/// expected.
public struct ProgressIssue: Sendable, Hashable, CustomStringConvertible {
  /// The file, as it was named to the parser.
  public var file: String
  /// 1-based; 0 when the problem concerns the whole file (its name, its size).
  public var line: Int
  /// 1-based, counting Unicode scalars (a Chinese character is one column); 0 when unknown.
  public var column: Int
  /// What was found and what is expected.
  public var message: String

  /// Creates an issue.
  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// The file and line, for tools that track locations without columns.
  public var location: SourceLocation { SourceLocation(file: file, line: line) }

  /// `file:line:column: message`; `file:line: message` without a column; `file: message` for
  /// the whole file. One line: control characters from the file (or its name) are shown as
  /// `\u{1B}` (``TerminalText``), never printed raw.
  public var description: String {
    var at = TerminalText.escaped(file)
    if line > 0 {
      at += ":\(line)"
      if column > 0 { at += ":\(column)" }
    }
    return "\(at): \(TerminalText.escaped(message))"
  }
}

/// Why progress reports were rejected: every problem found, in file and line order. A file with
/// any problem is rejected whole, and a folder with any rejected file loads nothing.
public struct ProgressError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Every problem found, never empty when thrown.
  public var issues: [ProgressIssue]

  /// Creates an error from its issues.
  public init(issues: [ProgressIssue]) {
    self.issues = issues
  }

  /// One issue per line.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
