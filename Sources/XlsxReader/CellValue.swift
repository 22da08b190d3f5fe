/// What a cell holds, as the sheet stores it (styles and number formats are not applied).
public enum CellValue: Sendable, Hashable {
  /// A cell that is there (styled, or part of a merged range) but has no value.
  case empty
  /// Text: a shared string (rich-text runs joined), an inline string, or a formula's string
  /// result.
  case text(String)
  /// A number, dates included (as serial numbers: `Day(serial:uses1904:)` turns them into days, and
  /// ``XlsxFile/cellFormats(sheet:)`` tells which cells show dates).
  case number(Double)
  /// `TRUE` or `FALSE`.
  case bool(Bool)
  /// An error value such as `#DIV/0!`.
  case error(String)
  /// A formula (without the leading `=`) and the result the writer cached, `.empty` if none.
  indirect case formula(String, result: CellValue)

  /// The value as text: text as it is, a number without a needless `.0` (`35`, `61.5`),
  /// `TRUE`/`FALSE`, the error code, a formula's cached result; `""` for an empty cell.
  public var displayText: String {
    switch self {
    case .empty: ""
    case .text(let text): text
    case .number(let n):
      n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    case .bool(let b): b ? "TRUE" : "FALSE"
    case .error(let code): code
    case .formula(_, let result): result.displayText
    }
  }

  /// The formula, when the cell has one.
  public var formula: String? {
    if case .formula(let formula, _) = self { return formula }
    return nil
  }

  /// The value, or a formula's cached result.
  public var result: CellValue {
    if case .formula(_, let result) = self { return result }
    return self
  }
}

/// The core document properties (`docProps/core.xml`), those that are present.
public struct CoreProperties: Sendable, Hashable {
  /// `dc:title`.
  public var title: String?
  /// `dc:subject`.
  public var subject: String?
  /// `dc:creator`: the author.
  public var creator: String?
  /// `cp:keywords`.
  public var keywords: String?
  /// `dc:description`: the comments.
  public var description: String?
  /// `cp:lastModifiedBy`.
  public var lastModifiedBy: String?
  /// `dcterms:created`, as written (W3CDTF: `2020-03-01T08:00:00Z`).
  public var created: String?
  /// `dcterms:modified`, as written.
  public var modified: String?

  /// Properties with the given values.
  public init(
    title: String? = nil, subject: String? = nil, creator: String? = nil,
    keywords: String? = nil, description: String? = nil, lastModifiedBy: String? = nil,
    created: String? = nil, modified: String? = nil
  ) {
    self.title = title
    self.subject = subject
    self.creator = creator
    self.keywords = keywords
    self.description = description
    self.lastModifiedBy = lastModifiedBy
    self.created = created
    self.modified = modified
  }
}

/// One sheet of the workbook, as `xl/workbook.xml` lists it.
public struct SheetInfo: Sendable, Hashable {
  /// The name on the tab.
  public var name: String
  /// `visible`, `hidden` or `veryHidden`.
  public var state: String
  /// The part that holds it: `xl/worksheets/sheet1.xml`.
  public var part: String

  /// Whether the sheet is hidden (`hidden` or `veryHidden`).
  public var isHidden: Bool { state != "visible" }
}
