internal import CXlsxWriter
import CalendarDays
import Foundation

/// An xlsx workbook being written. Only ``write(to:properties:build:)`` makes one, and it lives
/// for the duration of the `build` closure: afterwards it and its worksheets are closed, and
/// any use throws.
///
/// The file appears at its path only when everything succeeded: libxlsxwriter writes to a
/// temporary name beside the target (so a missing folder, a full disk or a failed cell leaves
/// nothing behind) and the finished file is renamed into place. libxlsxwriter's own temporary
/// files go to the target's folder (its `tmpdir` option); `LC_NUMERIC` is "C" on the writing
/// thread throughout.
///
/// In ``Mode/constantMemory`` libxlsxwriter keeps only the current row: each worksheet must be
/// written top to bottom (see ``Worksheet``), and memory stays flat however long the sheet.
public final class Workbook {
  /// How libxlsxwriter holds the cells until the file is closed.
  public enum Mode: Sendable {
    /// Every cell is kept until close; cells may be written in any order. Strings are shared
    /// (each distinct text stored once). Charts, which read the cells they plot, need this.
    case normal
    /// Each row is written out as soon as a later one is started (`constant_memory`): rows
    /// strictly top to bottom, merges within one row, no rich text; strings are written inline
    /// in their cells. Memory stays flat whatever the sheet's length.
    case constantMemory
  }

  /// How this workbook is written.
  public let mode: Mode
  /// The file being written (the final path, not the temporary one).
  public let path: String
  private var handle: UnsafeMutablePointer<lxw_workbook>?
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  /// The styles used last and their formats (at most ``recentStyles``, replaced in turn): a
  /// layout uses a handful of styles over and over, and comparing a few (their strings
  /// usually share storage) is cheaper than hashing one.
  private var recentStyles: [CellStyle] = []
  private var recentFormats: [UnsafeMutablePointer<lxw_format>] = []
  private var nextRecent = 0
  private var sheets: [Worksheet] = []
  private let strings = CStringArena()

  private init(path: String, handle: UnsafeMutablePointer<lxw_workbook>, mode: Mode) {
    self.path = path
    self.handle = handle
    self.mode = mode
  }

  /// Whether the workbook can still be written to.
  public var isOpen: Bool { handle != nil }

  /// Writes a workbook to `path`: `build` adds worksheets and cells; on success the complete
  /// file replaces anything at `path`. On any error — from libxlsxwriter or thrown by `build` —
  /// the error is rethrown and no file (complete or partial) is left at `path` or beside it.
  /// `mode` chooses how libxlsxwriter holds the cells (normal unless said otherwise).
  public static func write(
    to path: String, properties: DocumentProperties, mode: Mode = .normal,
    build: (Workbook) throws -> Void
  ) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let temporary =
      url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(UUID().uuidString).partial"
      ).path
    var moved = false
    // Whatever failed, nothing is left beside the target (a plain unlink: after a rename there
    // is nothing to remove, and Foundation would build an error to say so, for every book).
    defer { if !moved { unlink(temporary) } }
    // libxlsxwriter's own stderr lines are held back while it works (``LibraryOutput``): its
    // failures come back as errors.
    try LibraryOutput.shared.silencing {
      try make(
        temporary, for: path, in: folder, properties: properties, mode: mode, build: build)
    }
    guard rename(temporary, path) == 0 else {
      throw XlsxError(
        operation: "move the finished workbook to \(path)",
        message: XlsxError.sentence(errno: errno))
    }
    moved = true
  }

  /// Makes the workbook at `temporary` (for `path`), builds and closes it.
  private static func make(
    _ temporary: String, for path: String, in folder: String, properties: DocumentProperties,
    mode: Mode, build: (Workbook) throws -> Void
  ) throws {
    try withCNumericLocale {
      let strings = CStringArena()
      var options = lxw_workbook_options(
        constant_memory: mode == .constantMemory ? 1 : 0, tmpdir: strings.copy(folder), use_zip64: 0
      )
      errno = 0
      guard let raw = workbook_new_opt(temporary, &options) else {
        throw XlsxError(
          operation: "create workbook \(path)",
          message: errno == 0 ? "libxlsxwriter refused" : XlsxError.sentence(errno: errno))
      }
      let workbook = Workbook(path: path, handle: raw, mode: mode)
      do {
        try workbook.setProperties(properties)
        try build(workbook)
      } catch {
        workbook.discard()
        throw error
      }
      try workbook.close()
    }
  }

  /// Adds a worksheet. `name` must already be valid (see ``SheetNames``).
  public func addWorksheet(_ name: String) throws(XlsxError) -> Worksheet {
    let handle = try live("add worksheet \(name)")
    try XMLText.check(name, "the sheet name", "add worksheet '\(name)'")
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
    // Read once: each access to a class's stored array is checked for exclusivity.
    let styles = recentStyles
    for i in styles.indices where styles[i] == style { return recentFormats[i] }
    let f: UnsafeMutablePointer<lxw_format>
    if let known = formats[style] {
      f = known
    } else {
      let handle = try live("add a cell format")
      try XMLText.check(style.fontName, "the font name", "add a cell format")
      if let numberFormat = style.numberFormat {
        try XMLText.check(numberFormat, "the number format", "add a cell format")
      }
      guard let made = workbook_add_format(handle) else {
        throw XlsxError(operation: "add a cell format", message: "out of memory")
      }
      style.apply(to: made)
      formats[style] = made
      f = made
    }
    if recentStyles.count < Self.recentStyles {
      recentStyles.append(style)
      recentFormats.append(f)
    } else {
      recentStyles[nextRecent] = style
      recentFormats[nextRecent] = f
      nextRecent = (nextRecent + 1) % Self.recentStyles
    }
    return f
  }

  /// How many styles ``format(_:)`` remembers as recently used.
  private static let recentStyles = 8

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
    let standard: [(String, String?)] = [
      ("the title", p.title), ("the subject", p.subject), ("the author", p.author),
      ("the company", p.company), ("the comments", p.comments),
    ]
    for (what, text) in standard {
      guard let text else { continue }
      try XMLText.check(text, what, "set document properties")
    }
    for (name, value) in p.custom {
      try XMLText.check(name, "the name", "set custom property \(name)")
      try XMLText.check(value, "the value", "set custom property \(name)")
    }
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
    props.created = time_t(p.created.ordinal * 86_400)
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
    // libxlsxwriter leaves errno as the system set it for a failed file or zip operation.
    errno = 0
    let result = workbook_close(handle)
    let reason = errno
    guard result != LXW_NO_ERROR else { return }
    throw XlsxError(closing: result, errno: reason, operation: "write workbook \(path)")
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
