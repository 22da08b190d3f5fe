import Glibc

/// A file operation that failed: the path and why, as a sentence a person can act on
/// (`exports/x/2020-10.csv: is a folder`, `…: no space left on device`).
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file or folder at fault.
  public var path: String
  /// Why, in plain words (from `strerror`, first letter lower-case).
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// The error of the last failed system call (`errno`) on `path`.
  init(path: String, errno code: Int32, doing action: String? = nil) {
    self.path = path
    let text = FileError.sentence(errno: code)
    self.reason = action.map { "cannot \($0): \(text)" } ?? text
  }

  public var description: String { "\(path): \(reason)" }

  /// `strerror` as a sentence fragment: `no space left on device`.
  static func sentence(errno code: Int32) -> String {
    let text = String(cString: strerror(code))
    guard let first = text.first else { return "error \(code)" }
    return first.lowercased() + text.dropFirst()
  }
}
