internal import CXlsxWriter
import Foundation
import PlanModel

/// An xlsx workbook being written. Only ``write(to:properties:build:)`` makes one, and it lives
/// for the duration of the `build` closure: afterwards it and its worksheets are closed, and
/// any use throws.
///
/// The file appears at its path only when everything succeeded: libxlsxwriter writes to a
/// temporary name beside the target (so a missing folder, a full disk or a failed cell leaves
/// nothing behind) and the finished file is renamed into place. libxlsxwriter's own temporary
/// files go to the target's folder (its `tmpdir` option); `LC_NUMERIC` is "C" on the writing
/// thread throughout.
public final class Workbook {
  /// The file being written (the final path, not the temporary one).
  public let path: String
  private var handle: UnsafeMutablePointer<lxw_workbook>?
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  private var sheets: [Worksheet] = []
  private let strings = CStringArena()

  private init(path: String, handle: UnsafeMutablePointer<lxw_workbook>) {
    self.path = path
    self.handle = handle
  }

  /// Whether the workbook can still be written to.
  public var isOpen: Bool { handle != nil }

  /// Writes a workbook to `path`: `build` adds worksheets and cells; on success the complete
  /// file replaces anything at `path`. On any error — from libxlsxwriter or thrown by `build` —
  /// the error is rethrown and no file (complete or partial) is left at `path` or beside it.
  public static func write(
    to path: String, properties: DocumentProperties, build: (Workbook) throws -> Void
  ) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temporary =
      url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(UUID().uuidString).partial"
      ).path
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    try withCNumericLocale {
      let strings = CStringArena()
      var options = lxw_workbook_options(
        constant_memory: 0, tmpdir: strings.copy(folder), use_zip64: 0)
      guard let raw = workbook_new_opt(temporary, &options) else {
        throw XlsxError(operation: "create workbook \(path)", message: "libxlsxwriter refused")
      }
      let workbook = Workbook(path: path, handle: raw)
      do {
        try workbook.setProperties(properties)
        try build(workbook)
      } catch {
        workbook.discard()
        throw error
      }
      try workbook.close()
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      throw XlsxError(operation: "move the finished workbook to \(path)", message: reason)
    }
  }

  /// Adds a worksheet. `name` must already be valid (see ``SheetNames``).
  public func addWorksheet(_ name: String) throws(XlsxError) -> Worksheet {
    let handle = try live("add worksheet \(name)")
    try check(workbook_validate_sheet_name(handle, name), "add worksheet '\(name)'")
    guard let sheet = workbook_add_worksheet(handle, name) else {
      throw XlsxError(operation: "add worksheet '\(name)'", message: "libxlsxwriter refused")
    }
    let worksheet = Worksheet(workbook: self, handle: sheet, name: name)
    sheets.append(worksheet)
    return worksheet
  }

  /// The libxlsxwriter format for `style`, made once per workbook.
  func format(_ style: CellStyle) throws(XlsxError) -> UnsafeMutablePointer<lxw_format> {
    if let f = formats[style] { return f }
    let handle = try live("add a cell format")
    guard let f = workbook_add_format(handle) else {
      throw XlsxError(operation: "add a cell format", message: "out of memory")
    }
    style.apply(to: f)
    formats[style] = f
    return f
  }

  /// The live handle, or an error naming `operation` when the workbook is closed.
  func live(
    _ operation: @autoclosure () -> String
  ) throws(XlsxError) -> UnsafeMutablePointer<lxw_workbook> {
    guard let handle else {
      throw XlsxError(
        operation: operation(), message: "the workbook \(path) is already closed")
    }
    return handle
  }

  private func setProperties(_ p: DocumentProperties) throws(XlsxError) {
    let handle = try live("set document properties")
    var props = lxw_doc_properties()
    props.title = strings.copy(p.title)
    props.subject = strings.copy(p.subject)
    props.author = strings.copy(p.author)
    props.company = strings.copy(p.company)
    props.comments = strings.copy(p.comments)
    guard p.created.isValid else {
      throw XlsxError(
        operation: "set document properties", message: "invalid created date \(p.created)")
    }
    // Midnight UTC of the day: fixed by the caller, never the clock.
    props.created = time_t((p.created.ordinal - Day(1970, 1, 1).ordinal) * 86_400)
    try check(workbook_set_properties(handle, &props), "set document properties")
    for (name, value) in p.custom {
      try check(
        workbook_set_custom_property_string(handle, name, value),
        "set custom property \(name)")
    }
  }

  private func close() throws(XlsxError) {
    let handle = try live("close workbook")
    self.handle = nil
    for sheet in sheets { sheet.handle = nil }
    try check(workbook_close(handle), "write workbook \(path)")
  }

  /// Frees the workbook without writing it.
  private func discard() {
    guard let handle else { return }
    self.handle = nil
    for sheet in sheets { sheet.handle = nil }
    lxw_workbook_free(handle)
  }
}

/// C strings that must outlive the libxlsxwriter calls they were passed to.
final class CStringArena {
  private var pointers: [UnsafeMutablePointer<CChar>] = []

  func copy(_ s: String?) -> UnsafeMutablePointer<CChar>? {
    guard let s, let p = strdup(s) else { return nil }
    pointers.append(p)
    return p
  }

  deinit { for p in pointers { free(p) } }
}
