import CalendarDays

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An xlsx workbook read safely: its properties, its sheets and their cells.
///
/// ``open(_:limits:)`` reads the whole file within the caps of ``ReadLimits``, checks the zip
/// archive, and checks every XML part (`.xml`, `.rels`) it holds: UTF-8, well-formed, with no
/// DOCTYPE or ENTITY declaration. Whatever is wrong, it throws one ``XlsxReadError`` naming the
/// file and the part; it never traps and never loops on hostile input.
///
/// ```swift
/// let book = try XlsxFile.open("exports/guangzhou-2020/03-大气处.xlsx")
/// book.customProperties["PlanBook.PlanID"]  // "guangzhou-2020"
/// try book.cells(sheet: book.sheetNames[0])["A1"]?.displayText
/// ```
public struct XlsxFile: Sendable {
  /// The file as it was given.
  public let path: String
  /// The custom document properties (`docProps/custom.xml`) by name, each value as text
  /// (`vt:lpwstr`, `vt:i4`, `vt:bool`, `vt:r8`, `vt:filetime` … as written); empty when the
  /// workbook has none.
  public let customProperties: [String: String]
  /// The core document properties (`docProps/core.xml`); all nil when the part is absent.
  public let coreProperties: CoreProperties
  /// The sheets in workbook order.
  public let sheets: [SheetInfo]
  /// The names of every entry in the archive, in archive order.
  public let partNames: [String]
  /// Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`, old Mac
  /// workbooks) rather than 1900: pass it to `Day(serial:uses1904:)` (module CalendarDays).
  public let uses1904Dates: Bool

  /// The XML parts read, by lowercased name.
  private let parts: [String: [UInt8]]
  private let sharedStrings: [String]
  /// The styles part (`xl/styles.xml`), as the workbook's relationships name it.
  private let stylesPart: String
  /// The caps the file was opened with; ``ReadLimits/maxCells`` applies as sheets are read.
  private let limits: ReadLimits

  /// The sheet names in workbook order, hidden sheets included.
  public var sheetNames: [String] { sheets.map(\.name) }

  /// Opens and checks the workbook at `path`.
  public init(path: String, limits: ReadLimits = .default) throws(XlsxReadError) {
    self = try XlsxFile.open(path, limits: limits)
  }

  /// Opens and checks the workbook at `path`, within `limits`.
  public static func open(
    _ path: String, limits: ReadLimits = .default
  )
    throws(XlsxReadError) -> XlsxFile
  {
    let bytes = try readFile(path, limits: limits)
    return try XlsxFile(path: path, bytes: bytes, limits: limits)
  }

  /// The text of an XML part (`xl/styles.xml`), found without regard to case; nil when the
  /// archive has no such XML part.
  public func partText(_ name: String) -> String? {
    parts[name.lowercased()].map { String(decoding: $0, as: UTF8.self) }
  }

  /// The cells of the sheet named `sheet`, keyed by reference (`A1`). Cells that are present
  /// without a value (styled, or inside a merged range) are ``CellValue/empty``.
  ///
  /// A sheet with more than ``ReadLimits/maxCells`` cells throws ``XlsxReadError/Kind/tooLarge``
  /// as soon as the scan passes the cap.
  public func cells(sheet: String) throws(XlsxReadError) -> [String: CellValue] {
    try read(sheet: sheet).cells
  }

  /// The merged ranges of the sheet named `sheet` (`A1:F1`), in the order the sheet lists them.
  public func mergedRanges(sheet: String) throws(XlsxReadError) -> [String] {
    try read(sheet: sheet).merged
  }

  /// The number format of each cell of the sheet named `sheet` that has one other than
  /// General, keyed by reference (`D5`: `yyyy-mm-dd`): the code `xl/styles.xml` defines for the
  /// cell's style, or the code of a built-in format (``XlsxDate/builtinFormat(_:)``; built-in
  /// ids not known are left out, as General). With ``XlsxDate/isDateFormat(_:)`` it tells a
  /// date typed into a date cell from a number.
  ///
  /// A cell whose style (`s`) is not one of the workbook's cell formats throws
  /// ``XlsxReadError/Kind/invalidContent``; in a workbook without a styles part every cell is
  /// General.
  public func cellFormats(sheet: String) throws(XlsxReadError) -> [String: String] {
    try cellsAndFormats(sheet: sheet).formats
  }

  /// ``cells(sheet:)`` and ``cellFormats(sheet:)`` of the sheet named `sheet` from one read of
  /// it.
  public func cellsAndFormats(
    sheet: String
  ) throws(XlsxReadError) -> (cells: [String: CellValue], formats: [String: String]) {
    var formats: [String?] = []
    var styleCount: Int?
    if let bytes = parts[stylesPart.lowercased()] {
      do {
        formats = try StylesReader.cellFormats(bytes, limit: limits.maxCells)
      } catch {
        throw XlsxFile.failure(
          error, path: path, part: stylesPart, bytes: bytes, owner: "the workbook")
      }
      // Style 0, the default, is there even when <cellXfs> is empty.
      styleCount = max(formats.count, 1)
    }
    let contents = try read(sheet: sheet, styleCount: styleCount)
    var out: [String: String] = [:]
    for (reference, style) in contents.styles {
      if style < formats.count, let format = formats[style] { out[reference] = format }
    }
    // Cells without a style have style 0, which is General but for odd workbooks.
    if let format = formats.first ?? nil {
      for reference in contents.cells.keys where contents.styles[reference] == nil {
        out[reference] = format
      }
    }
    return (contents.cells, out)
  }

  /// The day a cell shows when it holds a number (or a formula's number) and `format` is a
  /// date format (``XlsxDate/isDateFormat(_:)``), in this workbook's date system; nil for any
  /// other cell. `format` is the cell's entry in ``cellFormats(sheet:)``.
  public func day(of value: CellValue?, format: String?) -> Day? {
    guard case .number(let serial) = value?.result, let format, XlsxDate.isDateFormat(format)
    else { return nil }
    return Day(serial: serial, uses1904: uses1904Dates)
  }

  // MARK: - Reading

  private func error(
    _ kind: XlsxReadError.Kind, _ message: String, part: String? = nil
  ) -> XlsxReadError {
    XlsxReadError(path: path, kind: kind, part: part, message: message)
  }

  private func read(
    sheet name: String, styleCount: Int? = nil
  ) throws(XlsxReadError) -> SheetReader.Contents {
    guard let sheet = sheets.first(where: { $0.name == name }) else {
      let known = sheets.map { "“\(SafeText.printable($0.name))”" }.joined(separator: ", ")
      throw error(
        .unknownSheet,
        "no sheet named “\(SafeText.printable(name))”; the sheets are "
          + (known.isEmpty ? "none" : known))
    }
    guard let bytes = parts[sheet.part.lowercased()] else {
      throw error(
        .missingPart, "the part of sheet “\(SafeText.printable(name))” is missing",
        part: sheet.part)
    }
    do {
      return try SheetReader.sheet(
        bytes, sharedStrings: sharedStrings, limit: limits.maxCells, styleCount: styleCount)
    } catch {
      throw XlsxFile.failure(
        error, path: path, part: sheet.part, bytes: bytes,
        owner: "the sheet “\(SafeText.printable(name))”")
    }
  }

  /// The error for a sheet, the shared strings or the styles that could not be read; `owner`
  /// (`the sheet “填报”`, `the workbook`) is what holds too many of something.
  static func failure(
    _ failure: SheetFailure, path: String, part: String, bytes: [UInt8], owner: String
  ) -> XlsxReadError {
    switch failure {
    case .xml(let problem):
      return xmlError(problem, path: path, part: part, bytes: bytes)
    case .content(let problem):
      let (line, column) = XMLScanner.lineAndColumn(of: problem.offset, in: bytes)
      return XlsxReadError(
        path: path, kind: .invalidContent, part: part, line: line, column: column,
        message: problem.message)
    case .tooMany(let limit, let what):
      return XlsxReadError(
        path: path, kind: .tooLarge, part: part,
        message: "\(owner) has more than \(limit) \(what) (the limit); a report workbook has "
          + "far fewer")
    }
  }

  /// The error for an XML problem of `part`, with its line and column.
  static func xmlError(
    _ problem: XMLProblem, path: String, part: String, bytes: [UInt8]
  )
    -> XlsxReadError
  {
    let (line, column) = XMLScanner.lineAndColumn(of: problem.offset, in: bytes)
    return XlsxReadError(
      path: path, kind: problem.isDeclaration ? .forbiddenDeclaration : .malformedXML,
      part: part, line: line, column: column,
      message: (problem.isDeclaration ? "refused: " : "malformed XML: ") + problem.message)
  }

  /// The whole file, if it is a regular file within the size cap. Opened without blocking, so
  /// a FIFO cannot hang the reader.
  static func readFile(_ path: String, limits: ReadLimits) throws(XlsxReadError) -> [UInt8] {
    func failure(_ kind: XlsxReadError.Kind, _ message: String) -> XlsxReadError {
      XlsxReadError(path: path, kind: kind, message: message)
    }
    func reason(_ code: Int32) -> String {
      switch code {
      case ENOENT: "no such file"
      case EACCES: "permission denied"
      case EISDIR: "a directory, not an xlsx file"
      default: String(cString: strerror(code))
      }
    }
    let fd = POSIXFile.openForReading(path)
    guard fd >= 0 else { throw failure(.unreadable, "cannot open: \(reason(errno))") }
    defer { POSIXFile.close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure(.unreadable, "cannot read: \(reason(errno))") }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw failure(.unreadable, "a directory, not an xlsx file")
    default: throw failure(.unreadable, "not a regular file")
    }
    let size = Int(info.st_size)
    guard size <= limits.maxFileSize else {
      throw failure(
        .tooLarge,
        "the file is \(sizeText(size)); the limit is \(sizeText(limits.maxFileSize))")
    }
    // Read at most one byte more than the cap, in case the file grows meanwhile.
    var bytes = [UInt8](repeating: 0, count: min(size, limits.maxFileSize) + 1)
    var count = 0
    while count < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer in
        POSIXFile.read(fd, into: buffer, from: count)
      }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw failure(.unreadable, "cannot read: \(reason(errno))")
      }
      if n == 0 { break }
      count += n
    }
    guard count <= limits.maxFileSize else {
      throw failure(.tooLarge, "the file is over the limit of \(sizeText(limits.maxFileSize))")
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  // MARK: - The package

  private init(path: String, bytes: [UInt8], limits: ReadLimits) throws(XlsxReadError) {
    var package = try OfficePackage(
      path: path, bytes: bytes, limits: limits, what: "an xlsx workbook")
    let zip = package.zip
    func failure(
      _ kind: XlsxReadError.Kind, _ message: String, part: String? = nil
    )
      -> XlsxReadError
    {
      XlsxReadError(path: path, kind: kind, part: part, message: message)
    }

    // Every XML part, each within what is left of the total.
    var parts: [String: [UInt8]] = [:]
    for entry in zip.entries where !entry.isDirectory {
      let lower = entry.name.lowercased()
      guard lower.hasSuffix(".xml") || lower.hasSuffix(".rels") else { continue }
      parts[lower] = try package.read(entry)
    }

    func tree(_ part: String) throws(XlsxReadError) -> XMLNode? {
      guard let data = parts[part.lowercased()] else { return nil }
      do {
        return try XMLNode.parse(data)
      } catch {
        throw XlsxFile.xmlError(error, path: path, part: part, bytes: data)
      }
    }

    // The package relationships: where the workbook and the properties are.
    let packageRelations = try Relationships(tree("_rels/.rels"), source: "", part: "_rels/.rels")
      .resolve(path: path)
    let workbookPart =
      packageRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    guard let workbook = try tree(workbookPart) else {
      throw failure(
        .missingPart,
        "no \(SafeText.printable(workbookPart)): a zip archive, but not a complete xlsx workbook")
    }
    guard workbook.localName == "workbook" else {
      throw failure(
        .invalidContent,
        "the main part is <\(SafeText.printable(workbook.name))>, not a workbook "
          + "(a Word or PowerPoint file?)", part: workbookPart)
    }

    let relationsPart = Relationships.partFor(workbookPart)
    let relationsTree = try tree(relationsPart)
    let workbookRelations = try Relationships(
      relationsTree, source: workbookPart, part: relationsPart
    ).resolve(path: path)

    var sheets: [SheetInfo] = []
    var names: Set<String> = []
    var targets: [String: String] = [:]
    for relation in workbookRelations where targets[relation.id] == nil {
      targets[relation.id] = relation.target
    }
    for sheet in workbook.child("sheets")?.children("sheet") ?? [] {
      guard let name = sheet.tag.attribute("name"), !name.isEmpty else {
        throw failure(.invalidContent, "a <sheet> without a name", part: workbookPart)
      }
      guard names.insert(name).inserted else {
        throw failure(
          .invalidContent, "two sheets are named “\(SafeText.printable(name))”",
          part: workbookPart)
      }
      guard relationsTree != nil else {
        throw failure(
          .missingPart, "the workbook's relationships are missing, so its sheets cannot be found",
          part: relationsPart)
      }
      guard let id = sheet.tag.prefixedAttribute("id"),
        let target = targets[id]
      else {
        throw failure(
          .invalidContent,
          "sheet “\(SafeText.printable(name))” has no relationship to a part",
          part: workbookPart)
      }
      guard parts[target.lowercased()] != nil else {
        throw failure(
          .missingPart,
          "sheet “\(SafeText.printable(name))” should be in this part, which the archive lacks",
          part: target)
      }
      sheets.append(
        SheetInfo(name: name, state: sheet.tag.attribute("state") ?? "visible", part: target))
    }

    let stringsPart =
      workbookRelations.first { $0.type.hasSuffix("/sharedStrings") }?.target
      ?? "xl/sharedStrings.xml"
    var sharedStrings: [String] = []
    if let data = parts[stringsPart.lowercased()] {
      do {
        sharedStrings = try SheetReader.sharedStrings(data, limit: limits.maxCells)
      } catch {
        throw XlsxFile.failure(
          error, path: path, part: stringsPart, bytes: data, owner: "the workbook")
      }
    }

    var custom: [String: String] = [:]
    let customPart =
      packageRelations.first { $0.type.hasSuffix("/custom-properties") }?.target
      ?? "docProps/custom.xml"
    if let root = try tree(customPart) {
      for property in root.children("property") {
        guard let name = property.tag.attribute("name"), custom[name] == nil else { continue }
        custom[name] = property.children.first?.text ?? property.text
      }
    }

    var core = CoreProperties()
    let corePart =
      packageRelations.first { $0.type.hasSuffix("/core-properties") }?.target
      ?? "docProps/core.xml"
    if let root = try tree(corePart) {
      func value(_ local: String) -> String? { root.child(local)?.text }
      core = CoreProperties(
        title: value("title"), subject: value("subject"), creator: value("creator"),
        keywords: value("keywords"), description: value("description"),
        lastModifiedBy: value("lastModifiedBy"), created: value("created"),
        modified: value("modified"))
    }

    let date1904 = workbook.child("workbookPr")?.tag.attribute("date1904")
    self.uses1904Dates = date1904 == "1" || date1904 == "true"
    self.stylesPart =
      workbookRelations.first { $0.type.hasSuffix("/styles") }?.target ?? "xl/styles.xml"
    self.limits = limits
    self.path = path
    self.customProperties = custom
    self.coreProperties = core
    self.sheets = sheets
    self.partNames = zip.entries.map(\.name)
    self.parts = parts
    self.sharedStrings = sharedStrings
  }
}

/// The relationships of one part (`_rels/.rels`, `xl/_rels/workbook.xml.rels`).
struct Relationships {
  struct Relation {
    var id: String
    var type: String
    /// The target part, resolved against the source part's folder: `xl/worksheets/sheet1.xml`.
    var target: String
  }

  private let tree: XMLNode?
  private let source: String
  private let part: String

  init(_ tree: XMLNode?, source: String, part: String) {
    self.tree = tree
    self.source = source
    self.part = part
  }

  /// The relationships part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
  static func partFor(_ part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
    return part[..<slash] + "/_rels/" + part[part.index(after: slash)...] + ".rels"
  }

  /// The internal relationships, targets resolved; an empty list when there is no part.
  func resolve(path: String) throws(XlsxReadError) -> [Relation] {
    guard let tree else { return [] }
    var relations: [Relation] = []
    for node in tree.children("Relationship") where node.tag.attribute("TargetMode") != "External" {
      guard let id = node.tag.attribute("Id"), let type = node.tag.attribute("Type"),
        let target = node.tag.attribute("Target")
      else {
        throw XlsxReadError(
          path: path, kind: .invalidContent, part: part,
          message: "a relationship without Id, Type or Target")
      }
      guard let resolved = Relationships.resolve(target, from: source) else {
        throw XlsxReadError(
          path: path, kind: .invalidContent, part: part,
          message: "relationship \(SafeText.printable(id)) points outside the package: "
            + SafeText.printable(target))
      }
      relations.append(Relation(id: id, type: type, target: resolved))
    }
    return relations
  }

  /// `target` resolved against the folder of `source` (`""` for the package root), with `.`
  /// and `..` removed; nil if it climbs above the root.
  static func resolve(_ target: String, from source: String) -> String? {
    var segments: [Substring] = []
    if !target.hasPrefix("/") {
      segments = source.split(separator: "/", omittingEmptySubsequences: true)
      if !segments.isEmpty { segments.removeLast() }
    }
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..":
        guard !segments.isEmpty else { return nil }
        segments.removeLast()
      default: segments.append(segment)
      }
    }
    let joined = segments.joined(separator: "/")
    return joined.isEmpty ? nil : joined
  }
}

/// The system calls the reader makes, outside ``XlsxFile`` whose members would shadow them.
private enum POSIXFile {
  /// Opens read-only and without blocking (a FIFO with no writer would block forever).
  static func openForReading(_ path: String) -> Int32 { open(path, O_RDONLY | O_NONBLOCK) }

  static func close(_ fd: Int32) { _ = systemClose(fd) }

  /// Reads into `buffer` from `offset` on; the count read, 0 at the end, -1 on error.
  static func read(
    _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, from offset: Int
  )
    -> Int
  {
    guard let base = buffer.baseAddress, offset < buffer.count else { return 0 }
    return systemRead(fd, base + offset, buffer.count - offset)
  }
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
