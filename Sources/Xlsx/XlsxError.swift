internal import CXlsxWriter

/// A failure while writing a workbook: which operation, libxlsxwriter's code and its message.
public struct XlsxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was being done (`write cell B3 of 大气处`, `close workbook exports/x.xlsx`).
  public var operation: String
  /// libxlsxwriter's `lxw_error` code, or -1 for a failure found on the Swift side.
  public var code: Int32
  public var message: String

  public init(operation: String, code: Int32 = -1, message: String) {
    self.operation = operation
    self.code = code
    self.message = message
  }

  public var description: String { "\(operation): \(message)" }
}

/// The one place a libxlsxwriter result is checked: anything but `LXW_NO_ERROR` throws an
/// ``XlsxError`` naming the operation.
@inline(__always)
func check(_ result: lxw_error, _ operation: @autoclosure () -> String) throws(XlsxError) {
  guard result != LXW_NO_ERROR else { return }
  let message = lxw_strerror(result).map { String(cString: $0) } ?? "libxlsxwriter error"
  throw XlsxError(operation: operation(), code: Int32(result.rawValue), message: message)
}
