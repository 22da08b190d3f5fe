import Foundation
import PlanModel
import Sheets
import Xlsx

/// A workbook read back compared with what the export would write now: `planbook verify`
/// catches a book whose cells were edited after it was exported, even though its fingerprint
/// still names the current plan.
///
/// The comparison is of what a reader sees: each cell's value (text, number, date), the sheet
/// names and the printed footer. Styles, widths, heights and merges are not compared. Rows are
/// aligned first (a longest common subsequence of the rows' contents), so a deleted or added
/// row is reported once, not as a change to every row after it. Each difference is named as the
/// book prints it: the section (`一、责任目标`), the row of its table, the column's header, the
/// cell (`08-大气处.xlsx: 一、责任目标 row 3: 目标值 130, plan says 135 (E12)`).
///
/// The found workbook is untrusted: any content compares without trapping, and the work is
/// bounded (rows are aligned exactly only while the edited stretch is small; a larger one is
/// compared row by row).
public enum BookComparison {
  /// What a cell read back holds, as the comparison sees it.
  public enum Found: Sendable, Equatable {
    case text(String)
    case number(Double)
    /// A number shown through a date format.
    case date(Day)
    /// Anything else (a boolean, an error value), as the cell shows it.
    case other(String)
  }

  /// A sheet read back: its name, its non-empty cells by zero-based row and column, and its
  /// footer (nil when it has none).
  public struct Sheet: Sendable {
    public var name: String
    public var cells: [Position: Found]
    public var footer: String?

    public init(name: String, cells: [Position: Found], footer: String?) {
      self.name = name
      self.cells = cells
      self.footer = footer
    }
  }

  /// A cell's zero-based row and column.
  public struct Position: Sendable, Hashable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
      self.row = row
      self.col = col
    }

    /// The position of an A1 reference (`E12`), or nil when `reference` is not one within
    /// a sheet's bounds (XFD1048576).
    public init?(_ reference: String) {
      var col = 0
      var row = 0
      var letters = 0
      var digits = 0
      for u in reference.utf8 {
        switch u {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
          guard digits == 0, letters < 3 else { return nil }
          col = col * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1
          letters += 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          guard letters > 0, digits < 7 else { return nil }
          row = row * 10 + Int(u - UInt8(ascii: "0"))
          digits += 1
        case UInt8(ascii: "$"):
          continue
        default:
          return nil
        }
      }
      guard letters > 0, digits > 0, (1...16_384).contains(col), (1...1_048_576).contains(row)
      else { return nil }
      self.init(row: row - 1, col: col - 1)
    }

    /// `E12`.
    public var reference: String { CellReference.cell(row: row, col: col) }
  }

  /// One way a workbook differs from what the plan exports.
  public struct Difference: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
      /// A cell holds another value than the plan's.
      case changed
      /// A row of the plan's book is not in the workbook.
      case missingRow = "missing-row"
      /// A row of the workbook is not in the plan's book.
      case addedRow = "added-row"
      /// A sheet of the plan's book is not in the workbook.
      case missingSheet = "missing-sheet"
      /// A sheet of the workbook is not in the plan's book.
      case addedSheet = "added-sheet"
      /// A sheet has another name than the plan's.
      case sheetName = "sheet-name"
      /// The printed footer differs.
      case footer
      /// A document property (`PlanBook.Unit`) differs.
      case property
    }

    public var kind: Kind
    /// The sheet (as the plan names it, when it has it); nil for a document property.
    public var sheet: String?
    /// The cell (`E12`): where the workbook has it, or where the plan's row would be.
    public var cell: String?
    /// The section and row as the book prints them (`一、责任目标 row 4`).
    public var place: String?
    /// The header of the cell's column (`目标值`).
    public var column: String?
    /// What the workbook shows; nil when it has nothing there.
    public var found: String?
    /// What the plan's book shows; nil when it has nothing there.
    public var expected: String?
    /// The whole sentence (`一、责任目标 row 3: 目标值 130, plan says 135 (E12)`).
    public var message: String

    /// A difference of `kind`; the fields that do not apply are nil.
    public init(
      kind: Kind, sheet: String?, cell: String? = nil, place: String? = nil,
      column: String? = nil, found: String? = nil, expected: String? = nil, message: String
    ) {
      self.kind = kind
      self.sheet = sheet
      self.cell = cell
      self.place = place
      self.column = column
      self.found = found
      self.expected = expected
      self.message = message
    }
  }

  /// The differences of `found` from `expected` (the sheets the export lays out now), in sheet
  /// and row order. At most `limit` are returned; the count is of all of them.
  public static func compare(
    expected: [SheetLayout], found: [Sheet], limit: Int = 1000
  ) -> (differences: [Difference], count: Int) {
    var out = Collector(limit: limit)
    // Sheets by name; the ones left over paired in order (a renamed sheet), then the rest.
    var unmatched = Array(found.indices)
    var pairs: [(Int, Int?)] = []
    for (e, layout) in expected.enumerated() {
      if let i = unmatched.firstIndex(where: { found[$0].name == layout.name }) {
        pairs.append((e, unmatched.remove(at: i)))
      } else {
        pairs.append((e, nil))
      }
    }
    for (n, pair) in pairs.enumerated() where pair.1 == nil {
      guard !unmatched.isEmpty else { break }
      pairs[n].1 = unmatched.removeFirst()
    }
    for (e, f) in pairs {
      let layout = expected[e]
      guard let f else {
        out.add(
          Difference(
            kind: .missingSheet, sheet: layout.name, expected: layout.name,
            message: "sheet “\(shown(layout.name))” is missing"))
        continue
      }
      let sheet = found[f]
      if sheet.name != layout.name {
        out.add(
          Difference(
            kind: .sheetName, sheet: layout.name, found: sheet.name, expected: layout.name,
            message: "sheet “\(shown(sheet.name))”: named so in the book, the plan names it "
              + "“\(shown(layout.name))”"))
      }
      SheetComparison(layout: layout, sheet: sheet).compare(into: &out)
    }
    for f in unmatched {
      out.add(
        Difference(
          kind: .addedSheet, sheet: found[f].name, found: found[f].name,
          message: "sheet “\(shown(found[f].name))” is not in the plan's book"))
    }
    return (out.kept, out.count)
  }

  /// Differences kept up to a limit, and counted beyond it.
  struct Collector {
    var limit: Int
    var kept: [Difference] = []
    var count = 0

    mutating func add(_ d: Difference) {
      count += 1
      if kept.count < limit { kept.append(d) }
    }
  }

  /// A header or footer as it prints: its left, centre and right parts, each trimmed, joined
  /// with ` | `; fonts, sizes and styles left out, the page number as `{page}`, the page count
  /// as `{pages}` (`| 第 {page} 页 共 {pages} 页 | guangzhou-2020 · 6d149f59c22a`).
  public static func printed(footer: String) -> String {
    var parts = ["", "", ""]
    var part = 1
    var chars = Array(footer)[...]
    while let c = chars.popFirst() {
      guard c == "&", let code = chars.popFirst() else {
        parts[part].append(c)
        continue
      }
      switch code {
      case "L": part = 0
      case "C": part = 1
      case "R": part = 2
      case "P": parts[part] += "{page}"
      case "N": parts[part] += "{pages}"
      case "D": parts[part] += "{date}"
      case "T": parts[part] += "{time}"
      case "F": parts[part] += "{file}"
      case "A": parts[part] += "{sheet}"
      case "&": parts[part] += "&"
      case "\"":
        // A font: &"name,style".
        while let f = chars.popFirst(), f != "\"" {}
      case "0"..."9":
        // A font size: digits.
        while let d = chars.first, d.isASCII, d.isNumber { chars.removeFirst() }
      default:
        // Bold, italic, underline, strike, super- and subscript toggles.
        continue
      }
    }
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ")
  }

  // MARK: - Values as shown

  /// A value's key for comparing: equal keys show the same.
  static func key(_ value: SheetLayout.Value) -> String? {
    switch value {
    case .text(let t): t.isEmpty ? nil : "t" + t
    case .rich(let runs):
      runs.isEmpty ? nil : "t" + runs.map(\.text).joined()
    case .number(let n): "n" + number(n)
    case .date(let d): "d" + d.description
    case .blank: nil
    }
  }

  static func key(_ value: Found) -> String? {
    switch value {
    case .text(let t): t.isEmpty ? nil : "t" + t
    case .number(let n): "n" + number(n)
    case .date(let d): "d" + d.description
    case .other(let s): s.isEmpty ? nil : "o" + s
    }
  }

  /// A number as a book holds and shows it: `13`, `28.5`. libxlsxwriter writes a number with
  /// 16 significant digits (`%.16G`), so a computed 1.7999999999999998 is stored as 1.8: both
  /// sides are taken to 16 digits before they are compared.
  static func number(_ n: Double) -> String {
    let stored = n.isFinite ? Double(String(format: "%.16G", n)) ?? n : n
    return stored == stored.rounded() && abs(stored) < 1e15
      ? String(Int64(stored)) : String(stored)
  }

  /// A key as a reader sees it: a number or a date plain, text in quotes, at most `width`
  /// characters (longer text is cut around `focus`, the offset where it differs).
  static func shown(key: String?, focus: Int = 0, width: Int = 40) -> String {
    guard let key, let tag = key.first else { return "empty" }
    let body = String(key.dropFirst())
    switch tag {
    case "n", "o": return body
    case "d":
      guard let day = Day(parsing: body) else { return body }
      return "\(day.year)年\(day.month)月\(day.day)日"
    default: return "“\(excerpt(body, around: focus, width: width))”"
    }
  }

  /// A name from a workbook, cut to 60 characters with line breaks shown as ↵.
  static func shown(_ name: String) -> String { excerpt(name, around: 0, width: 60) }

  /// At most `width` characters of `text` around character `focus`, `…` where cut; line
  /// breaks shown as ↵.
  static func excerpt(_ text: String, around focus: Int, width: Int) -> String {
    let chars = Array(text)
    var start = 0
    var end = chars.count
    if chars.count > width {
      start = max(0, min(focus - width / 4, chars.count - width))
      end = min(chars.count, start + width)
    }
    let body = String(chars[start..<end]).replacingOccurrences(of: "\n", with: "↵")
    return (start > 0 ? "…" : "") + body + (end < chars.count ? "…" : "")
  }

  /// The offset of the first character where two keys' texts differ.
  static func firstDifference(_ a: String?, _ b: String?) -> Int {
    guard let a, let b else { return 0 }
    var n = 0
    for (x, y) in zip(a.dropFirst(), b.dropFirst()) {
      if x != y { break }
      n += 1
    }
    return n
  }
}

/// One sheet compared: rows aligned, then cell by cell.
struct SheetComparison {
  typealias Difference = BookComparison.Difference
  typealias Position = BookComparison.Position

  let layout: SheetLayout
  let sheet: BookComparison.Sheet

  /// Where a row of the layout stands: its section and, in a table, its row number and the
  /// table's column headers.
  struct Place {
    var section: String?
    var headers: [Int: String]
    /// 1 for a table's first row after its header; nil outside a table.
    var ordinal: Int?
    /// The text of the row's first cell under a `编号` header (a task's number).
    var number: String?
    var isHeader = false

    /// `一、责任目标 row 4`, `二、重点任务 row 3 (编号 17)`, `title block`.
    var name: String {
      let section = section ?? "title block"
      if isHeader { return "\(section) header" }
      guard let ordinal else { return section }
      return "\(section) row \(ordinal)" + (number.map { " (编号 \($0))" } ?? "")
    }
  }

  /// A row's non-empty cells: column → key, and the layout's cells by first column.
  struct Row {
    var index: Int
    var keys: [(col: Int, key: String)]
    var signature: String { keys.map { "\($0.col)\u{1}\($0.key)" }.joined(separator: "\u{2}") }
  }

  func compare(into out: inout BookComparison.Collector) {
    let places = self.places()
    let expected: [Row] = layout.rows.enumerated().compactMap { i, row in
      let keys = row.cells.compactMap { c in
        BookComparison.key(c.value).map { (col: c.cols.lowerBound, key: $0) }
      }.sorted { $0.col < $1.col }
      return keys.isEmpty ? nil : Row(index: i, keys: keys)
    }
    var byRow: [Int: [(col: Int, key: String)]] = [:]
    for (p, value) in sheet.cells {
      if let key = BookComparison.key(value) { byRow[p.row, default: []].append((p.col, key)) }
    }
    let found: [Row] = byRow.keys.sorted().map { r in
      Row(index: r, keys: (byRow[r] ?? []).sorted { $0.col < $1.col })
    }
    let pairs = Alignment.align(expected.map(\.signature), found.map(\.signature))
    // Walk the alignment: matched rows are equal; each stretch between is paired by content.
    var e = 0
    var f = 0
    for (me, mf) in pairs + [(expected.count, found.count)] {
      if me > e || mf > f {
        stretch(
          Array(expected[e..<me]), Array(found[f..<mf]), places: places,
          after: f > 0 ? found[f - 1].index : (e > 0 ? expected[e - 1].index : -1),
          previous: e > 0 ? expected[e - 1].index : nil, into: &out)
      }
      e = me + 1
      f = mf + 1
    }
    if let footer = layout.page.footer {
      let want = BookComparison.printed(footer: footer)
      let have = sheet.footer.map(BookComparison.printed(footer:))
      if want != have {
        let focus = BookComparison.firstDifference("t" + want, have.map { "t" + $0 })
        let found = have.map { BookComparison.shown(key: "t" + $0, focus: focus, width: 60) }
        out.add(
          Difference(
            kind: .footer, sheet: layout.name, place: "footer", found: have, expected: want,
            message: "\(layout.name) footer: \(found ?? "none"), plan says "
              + BookComparison.shown(key: "t" + want, focus: focus, width: 60)))
      }
    }
  }

  /// Reports a stretch of rows that did not match: rows paired by the cells they share, the
  /// rest missing or added.
  private func stretch(
    _ expected: [Row], _ found: [Row], places: [Place], after: Int, previous: Int?,
    into out: inout BookComparison.Collector
  ) {
    let pairs = Alignment.pairBySimilarity(expected.map(\.keys), found.map(\.keys))
    var e = 0
    var f = 0
    var lastFound = after
    for (pe, pf) in pairs + [(expected.count, found.count)] {
      while e < pe {
        missing(expected[e], at: lastFound + 1, place: places[expected[e].index], into: &out)
        e += 1
      }
      while f < pf {
        let prior = e > 0 ? expected[e - 1].index : previous
        added(found[f], place: prior.map { places[$0] }, into: &out)
        lastFound = found[f].index
        f += 1
      }
      guard pe < expected.count, pf < found.count else { break }
      changed(expected[pe], found[pf], place: places[expected[pe].index], into: &out)
      lastFound = found[pf].index
      e = pe + 1
      f = pf + 1
    }
  }

  private func changed(
    _ expected: Row, _ found: Row, place: Place, into out: inout BookComparison.Collector
  ) {
    let want = Dictionary(expected.keys.map { ($0.col, $0.key) }, uniquingKeysWith: { a, _ in a })
    let have = Dictionary(found.keys.map { ($0.col, $0.key) }, uniquingKeysWith: { a, _ in a })
    for col in Set(want.keys).union(have.keys).sorted() where want[col] != have[col] {
      let cell = Position(row: found.index, col: col).reference
      let focus = BookComparison.firstDifference(want[col], have[col])
      let header = place.headers[col]
      let shownFound = BookComparison.shown(key: have[col], focus: focus)
      let shownWant = BookComparison.shown(key: want[col], focus: focus)
      out.add(
        Difference(
          kind: .changed, sheet: layout.name, cell: cell, place: place.name, column: header,
          found: have[col].map { String($0.dropFirst()) },
          expected: want[col].map { String($0.dropFirst()) },
          message: "\(place.name): \(header.map { $0 + " " } ?? "")\(shownFound), plan says "
            + "\(shownWant) (\(cell))"))
    }
  }

  private func missing(
    _ row: Row, at index: Int, place: Place, into out: inout BookComparison.Collector
  ) {
    let cell = Position(row: max(0, index), col: 0).reference
    out.add(
      Difference(
        kind: .missingRow, sheet: layout.name, cell: cell, place: place.name,
        expected: row.keys.map { String($0.key.dropFirst()) }.joined(separator: " | "),
        message: "\(place.name) is missing: \(describe(row, headers: place.headers)) (\(cell))"))
  }

  private func added(_ row: Row, place: Place?, into out: inout BookComparison.Collector) {
    let cell = Position(row: row.index, col: row.keys.first?.col ?? 0).reference
    let section = place.map { $0.section ?? "title block" } ?? "title block"
    let headers = place?.headers ?? [:]
    out.add(
      Difference(
        kind: .addedRow, sheet: layout.name, cell: cell, place: section,
        found: row.keys.map { String($0.key.dropFirst()) }.joined(separator: " | "),
        message: "\(section): a row the plan does not have: \(describe(row, headers: headers)) "
          + "(\(cell))"))
  }

  /// A row's first cells as a reader sees them: `序号 3, 指标 “PM2.5…”, …`.
  private func describe(_ row: Row, headers: [Int: String]) -> String {
    let parts = row.keys.prefix(3).map { c in
      (headers[c.col].map { $0 + " " } ?? "") + BookComparison.shown(key: c.key, width: 24)
    }
    return parts.joined(separator: ", ") + (row.keys.count > 3 ? ", …" : "")
  }

  /// The place of every row of the layout.
  private func places() -> [Place] {
    // The overview's sheets have no headings: a sheet is its own section.
    var current = Place(
      section: layout.rows.contains(where: isHeading) ? nil : layout.name, headers: [:])
    var out: [Place] = []
    for row in layout.rows {
      if isHeading(row) {
        current = Place(section: text(row.cells.first), headers: [:])
        out.append(current)
      } else if isHeader(row) {
        current.headers = [:]
        for c in row.cells {
          for col in c.cols {
            current.headers[col] = text(c).replacingOccurrences(of: "\n", with: "")
          }
        }
        current.ordinal = 0
        var header = current
        header.isHeader = true
        header.ordinal = nil
        out.append(header)
      } else if let n = current.ordinal {
        current.ordinal = n + 1
        var place = current
        if current.headers[0] == "编号", let first = row.cells.first(where: { $0.cols == 0...0 }) {
          let label = text(first)
          place.number = label.isEmpty ? nil : label
        }
        out.append(place)
      } else {
        out.append(current)
      }
    }
    return out
  }

  private func isHeading(_ row: SheetLayout.Row) -> Bool {
    !row.cells.isEmpty && row.cells.allSatisfy { $0.style == BookStyles.heading }
  }

  private func isHeader(_ row: SheetLayout.Row) -> Bool {
    !row.cells.isEmpty && row.cells.allSatisfy { $0.style == BookStyles.header }
  }

  private func text(_ cell: SheetLayout.Cell?) -> String {
    guard let cell, let key = BookComparison.key(cell.value) else { return "" }
    return String(key.dropFirst())
  }
}

/// Row alignment within bounded work.
enum Alignment {
  /// The largest table the exact alignment fills (rows × rows of an unmatched stretch).
  static let budget = 4_000_000

  /// Pairs of equal elements of `a` and `b`, in order: a longest common subsequence when the
  /// stretch between the common prefix and suffix is within ``budget``, else the elements
  /// equal at the same offset in that stretch.
  static func align(_ a: [String], _ b: [String]) -> [(Int, Int)] {
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix,
      a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    var pairs = (0..<prefix).map { ($0, $0) }
    let ma = Array(a[prefix..<(a.count - suffix)])
    let mb = Array(b[prefix..<(b.count - suffix)])
    if ma.count * mb.count <= budget {
      pairs += lcs(ma, mb).map { ($0.0 + prefix, $0.1 + prefix) }
    } else {
      pairs += zip(ma, mb).enumerated().filter { $0.element.0 == $0.element.1 }.map {
        ($0.offset + prefix, $0.offset + prefix)
      }
    }
    pairs += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }
    return pairs
  }

  /// A longest common subsequence of `a` and `b`, as pairs of indices.
  static func lcs(_ a: [String], _ b: [String]) -> [(Int, Int)] {
    weighted(a.count, b.count) { a[$0] == b[$1] ? 1 : 0 }
  }

  /// Rows of a stretch paired by the cells they share (most shared cells in all, in order), a
  /// row with the same columns filled counting as sharing a little; rows sharing nothing stay
  /// unpaired. A stretch over 2,500 pairs is paired in order.
  static func pairBySimilarity(
    _ a: [[(col: Int, key: String)]], _ b: [[(col: Int, key: String)]]
  ) -> [(Int, Int)] {
    guard a.count * b.count <= 2_500 else { return (0..<min(a.count, b.count)).map { ($0, $0) } }
    let cells = (a.map(Set.init(cells:)), b.map(Set.init(cells:)))
    let columns = (a.map { $0.map(\.col) }, b.map { $0.map(\.col) })
    return weighted(a.count, b.count) {
      cells.0[$0].intersection(cells.1[$1]).count * 2 + (columns.0[$0] == columns.1[$1] ? 1 : 0)
    }
  }

  /// A monotone matching of `0..<n` with `0..<m` of greatest total weight, pairs of weight 0
  /// left out.
  static func weighted(_ n: Int, _ m: Int, weight: (Int, Int) -> Int) -> [(Int, Int)] {
    guard n > 0, m > 0 else { return [] }
    // best[i][j]: the best total for a[i...] and b[j...]; one flat table.
    let w = m + 1
    var best = [Int32](repeating: 0, count: (n + 1) * w)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        let here = weight(i, j)
        let take = here > 0 ? Int32(here) + best[(i + 1) * w + j + 1] : 0
        best[i * w + j] = max(take, best[(i + 1) * w + j], best[i * w + j + 1])
      }
    }
    var pairs: [(Int, Int)] = []
    var i = 0
    var j = 0
    while i < n, j < m {
      let here = weight(i, j)
      if here > 0, best[i * w + j] == Int32(here) + best[(i + 1) * w + j + 1] {
        pairs.append((i, j))
        i += 1
        j += 1
      } else if best[i * w + j] == best[(i + 1) * w + j] {
        i += 1
      } else {
        j += 1
      }
    }
    return pairs
  }
}

extension Set where Element == String {
  /// A row's cells as `column·key` strings.
  init(cells: [(col: Int, key: String)]) {
    self.init(cells.map { "\($0.col)\u{1}\($0.key)" })
  }
}
