internal import CXlsxWriter
import Foundation

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

  /// The system's sentence for `errno` (`strerror`), starting lower-case as it follows the
  /// operation: "no space left on device", "permission denied".
  static func sentence(errno code: Int32) -> String {
    let text = strerror(code).map { String(cString: $0) } ?? "system error \(code)"
    guard let first = text.first, text.dropFirst().first?.isLowercase ?? true else { return text }
    return first.lowercased() + text.dropFirst()
  }

  /// A failed `workbook_close`: for the failures libxlsxwriter says come from the system
  /// (creating the file or its temporary files, zip file operations) the system's reason —
  /// a full disk says "no space left on device" — and otherwise libxlsxwriter's message.
  init(closing result: lxw_error, errno code: Int32, operation: String) {
    let fromSystem: [lxw_error] = [
      LXW_ERROR_CREATING_XLSX_FILE, LXW_ERROR_CREATING_TMPFILE, LXW_ERROR_ZIP_FILE_OPERATION,
      LXW_ERROR_ZIP_PARAMETER_ERROR, LXW_ERROR_ZIP_BAD_ZIP_FILE, LXW_ERROR_ZIP_INTERNAL_ERROR,
    ]
    let library = lxw_strerror(result).map { String(cString: $0) } ?? "libxlsxwriter error"
    let message: String
    if fromSystem.contains(result), code != 0 {
      message = Self.sentence(errno: code)
    } else {
      message = library
    }
    self.init(operation: operation, code: Int32(result.rawValue), message: message)
  }
}

/// The one place a libxlsxwriter result is checked: anything but `LXW_NO_ERROR` throws an
/// ``XlsxError`` naming the operation.
@inline(__always)
func check(_ result: lxw_error, _ operation: @autoclosure () -> String) throws(XlsxError) {
  guard result != LXW_NO_ERROR else { return }
  let message = lxw_strerror(result).map { String(cString: $0) } ?? "libxlsxwriter error"
  throw XlsxError(operation: operation(), code: Int32(result.rawValue), message: message)
}
