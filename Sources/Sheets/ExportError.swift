/// A failure of an export (books, templates, notices), naming the plan element or file at
/// fault.
public struct ExportError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, for the user.
  public var message: String
  /// A failure saying `message`.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}
