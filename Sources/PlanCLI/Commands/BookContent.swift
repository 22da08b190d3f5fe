import Books
import PlanEngine
import PlanModel
import Sheets
import XlsxReader

/// The content half of `planbook verify`: a book or overview read back and compared with what
/// the current plan exports for it (``Books/BookComparison``).
struct BookContent {
  /// A plan resolved once for all the books of it that one run verifies.
  struct Export {
    var resolved: ResolvedPlan
    var fingerprint: String
    var files: [String: String]
  }

  private var exports: [String: Export] = [:]

  /// The export of `plan` (fingerprint `fingerprint`), resolved on first use.
  mutating func export(_ plan: WorkPlan, fingerprint: String) -> Export {
    if let done = exports[plan.id] { return done }
    let resolved = Resolver.resolve(plan)
    let made = Export(
      resolved: resolved, fingerprint: fingerprint, files: BookExport.fileNames(resolved))
    exports[plan.id] = made
    return made
  }

  /// The sheets the export writes for a workbook of `kind` (`book`, `overview`) for `unit`
  /// (its `PlanBook.Unit`: `gz-eeb-air 广州市生态环境局大气环境管理处`), with the `PlanBook.Unit`
  /// it writes; nil when the plan has no book for that unit.
  static func expected(
    kind: String, unit: String?, in export: Export
  ) -> (sheets: [SheetLayout], unit: String)? {
    if kind == "overview" {
      let sheets = Overview.layouts(
        export.resolved, files: export.files, fingerprint: export.fingerprint)
      return (sheets, BookProperties.overviewUnit)
    }
    let id = unit.map { String($0.prefix { $0 != " " }) } ?? ""
    guard let owner = export.resolved.responsibleUnits.first(where: { $0.id == id }) else {
      return nil
    }
    let sheet = ResponsibilityBook.layout(
      unit: owner, in: export.resolved, fingerprint: export.fingerprint)
    return ([sheet], "\(owner.id) \(owner.name)")
  }

  /// The sheets of `book` as the comparison reads them: every cell with a value (a number in a
  /// date format as its day), and the footer.
  static func sheets(of book: XlsxFile) throws(XlsxReadError) -> [BookComparison.Sheet] {
    var out: [BookComparison.Sheet] = []
    for info in book.sheets {
      let (cells, formats) = try book.cellsAndFormats(sheet: info.name)
      var found: [BookComparison.Position: BookComparison.Found] = [:]
      for (reference, value) in cells {
        guard let position = BookComparison.Position(reference) else { continue }
        switch value.result {
        case .empty, .formula: continue
        case .text(let text): found[position] = .text(text)
        case .number(let n):
          if let day = book.day(of: value, format: formats[reference]) {
            found[position] = .date(Day(day.year, day.month, day.day))
          } else {
            found[position] = .number(n)
          }
        case .bool, .error: found[position] = .other(value.displayText)
        }
      }
      let footer = book.partText(info.part).flatMap(BookContent.footer(in:))
      out.append(BookComparison.Sheet(name: info.name, cells: found, footer: footer))
    }
    return out
  }

  /// The text of the first `oddFooter` element of a worksheet's XML (already checked
  /// well-formed by the reader), entities decoded; nil when there is none.
  static func footer(in xml: String) -> String? {
    var search = xml.startIndex..<xml.endIndex
    while let name = xml.range(of: "oddFooter", range: search) {
      search = name.upperBound..<xml.endIndex
      // The opening tag: `<oddFooter>` or `<x:oddFooter>`.
      guard let lt = xml[..<name.lowerBound].lastIndex(of: "<"),
        !xml[lt..<name.lowerBound].contains("/"),
        !xml[lt..<name.lowerBound].contains(where: \.isWhitespace),
        let gt = xml[name.upperBound...].firstIndex(of: ">")
      else { continue }
      if xml[..<gt].hasSuffix("/") { return "" }
      let start = xml.index(after: gt)
      guard let close = xml[start...].firstIndex(of: "<") else { return nil }
      return decoded(String(xml[start..<close]))
    }
    return nil
  }

  /// XML text with its entity and character references decoded.
  static func decoded(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";"),
        rest.distance(from: amp, to: semi) <= 10
      else {
        out += rest[amp...]
        return out
      }
      let name = rest[rest.index(after: amp)..<semi]
      let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
      if let n = named[String(name)] {
        out += n
      } else if name.hasPrefix("#x") || name.hasPrefix("#X"),
        let v = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(v)
      {
        out.unicodeScalars.append(s)
      } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let s = Unicode.Scalar(v) {
        out.unicodeScalars.append(s)
      } else {
        out += rest[amp...semi]
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}
