/// A problem found in a plan: where, how bad, a stable code and a plain message.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
  }

  public var severity: Severity
  /// A stable code (`missing-lead`); see the engine's README for the list.
  public var code: String
  public var message: String
  public var location: SourceLocation?

  public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation?)
  {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
  }

  /// `plans/guangzhou_2020.swift:120: error: missing-lead: task 13 …`
  public var description: String {
    let at = location.map { "\($0): " } ?? ""
    return "\(at)\(severity.rawValue): \(code): \(message)"
  }
}
