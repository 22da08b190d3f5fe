import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import SafeFiles
import Sheets
import Xlsx

/// Writes a plan's responsibility books and its overview into a folder.
///
/// All or nothing: every workbook is first written into a hidden staging folder inside the
/// output folder; only when all of them succeeded are they moved into place (a rename each),
/// so a failed export changes nothing. Books are written in parallel, one per core; each book's
/// bytes depend only on the plan, so the result equals a serial run.
public enum BookExport {
  /// One workbook to write.
  public struct Book: Sendable {
    /// The unit the book is for; nil for the overview.
    public var unit: OrgUnit?
    /// The file's name (`07-大气处.xlsx`, `00-总览.xlsx`).
    public var fileName: String
  }

  /// The name of the overview workbook.
  public static let overviewFileName = "00-总览.xlsx"

  /// The name of the PDF printed from a workbook (`07-大气处.pdf` beside `07-大气处.xlsx`).
  public static func pdfName(_ fileName: String) -> String {
    (fileName.hasSuffix(".xlsx") ? String(fileName.dropLast(5)) : fileName) + ".pdf"
  }

  /// The books of `resolved`: one per responsible unit (a 责任书, or a 告知书 for a unit outside
  /// the signing chain; none for a unit the plan's signing declaration gives no document),
  /// numbered in the plan's unit order (the number stays the same when only some units are
  /// exported), then the overview. `units` (ids) limits the books; the overview is always
  /// included.
  public static func books(_ resolved: ResolvedPlan, units: [String]? = nil) -> [Book] {
    var books: [Book] = []
    for book in BookFileNames.books(of: resolved.responsibleUnits, in: resolved.plan)
    where units?.contains(book.unit.id) ?? true {
      books.append(Book(unit: book.unit, fileName: book.fileName))
    }
    books.append(Book(unit: nil, fileName: overviewFileName))
    return books
  }

  /// Exports into `folder` (created if missing) and returns the paths written, in book order.
  ///
  /// The books are written into a staging folder beside `folder` and the two are exchanged
  /// in one step (``SafeFiles/SetFolder``): a reader of the folder sees the complete old set
  /// or the complete new one; a failed or killed export changes nothing; a second export into
  /// the same folder waits for the first (`notice` says so). Files of the folder that are not
  /// books being written are kept, except those `dropping` names (it is called with the
  /// folder's path while the folder is locked; a missing folder is not called for).
  ///
  /// With `pdf`, each workbook is also printed to PDF beside it (`07-大气处.pdf`) by
  /// LibreOffice (``PDFRenderer``), inside the same staging step: the workbooks and their
  /// PDFs are swapped in together, all or nothing, and each PDF must have the pages the layout
  /// computed. A missing LibreOffice is refused before anything is written. Without `pdf`,
  /// the PDFs an earlier `pdf` export wrote for the books being written are removed with the
  /// old set (they would no longer match their books).
  public static func export(
    _ resolved: ResolvedPlan, to folder: String, units: [String]? = nil, parallel: Bool = true,
    pdf: Bool = false,
    dropping: (String) throws -> Set<String> = { _ in [] },
    notice: (String) -> Void = { _ in }
  ) throws -> [String] {
    try checkLengths(resolved.plan)
    let soffice: String?
    do throws(PDFRenderer.Failure) {
      soffice = pdf ? try PDFRenderer.locate() : nil
    } catch {
      throw ExportError(error.message)
    }
    let fingerprint: String
    do {
      fingerprint = try resolved.plan.fingerprint()
    } catch {
      throw ExportError("cannot fingerprint the plan (its snapshot cannot be written): \(error)")
    }
    let books = books(resolved, units: units)
    let files = fileNames(resolved)
    let pdfs = books.map { pdfName($0.fileName) }
    let names = pdf ? zip(books, pdfs).flatMap { [$0.fileName, $1] } : books.map(\.fileName)
    do {
      let outcome = try SetFolder.replace(
        folder, names: names,
        dropping: { folder in
          var dropped = try dropping(folder)
          if !pdf {
            // PDFs of these books that PlanBook wrote earlier would no longer match them.
            let listed = try SetFolder.list(in: folder)
            dropped.formUnion(pdfs.filter(listed.contains))
          }
          return dropped
        }, notice: notice
      ) { staging in
        let errors = Slots<Failure>(count: books.count)
        let pages = Slots<Int>(count: books.count)
        let writeOne: @Sendable (Int) -> Void = { i in
          let book = books[i]
          let path = URL(fileURLWithPath: staging).appendingPathComponent(book.fileName).path
          do {
            pages.set(
              i,
              try BookExport.write(
                book, of: resolved, fingerprint: fingerprint, files: files, to: path))
          } catch let error as XlsxError where error.operation.hasPrefix("write workbook ") {
            // The file itself failed (a full disk): the staging path means nothing to a user.
            errors.set(i, Failure(book: book.fileName, reason: error.message, whole: true))
          } catch {
            errors.set(i, Failure(book: book.fileName, reason: "\(error)", whole: false))
          }
        }
        if parallel {
          DispatchQueue.concurrentPerform(iterations: books.count, execute: writeOne)
        } else {
          for i in books.indices { writeOne(i) }
        }
        let failures = errors.all
        guard failures.isEmpty else {
          throw ExportError(Failure.lines(failures, folder: folder).joined(separator: "\n"))
        }
        if let soffice {
          do throws(PDFRenderer.Failure) {
            _ = try PDFRenderer.render(
              books.map { URL(fileURLWithPath: staging).appendingPathComponent($0.fileName).path },
              pages: pages.all, in: staging, soffice: soffice,
              created: resolved.plan.period.start, parallel: parallel)
          } catch {
            throw ExportError(error.message)
          }
        }
      }
      if !outcome.wholeSet {
        notice(
          "\(folder) could not be replaced as a whole on its file system; the books were moved "
            + "into it one at a time")
      }
      return outcome.written
    } catch let error as FileError {
      throw ExportError(error.description)
    }
  }

  /// What one workbook holds: its sheets and its document properties.
  public static func content(
    _ book: Book, of resolved: ResolvedPlan, fingerprint: String, files: [String: String]
  ) -> (sheets: [SheetLayout], properties: DocumentProperties) {
    let sheets: [SheetLayout]
    if let unit = book.unit {
      sheets = [ResponsibilityBook.layout(unit: unit, in: resolved, fingerprint: fingerprint)]
    } else {
      sheets = Overview.layouts(resolved, files: files, fingerprint: fingerprint)
    }
    return (sheets, properties(book, of: resolved, fingerprint: fingerprint))
  }

  /// A workbook's document properties: title, the plan's identity and fingerprint, the unit.
  public static func properties(
    _ book: Book, of resolved: ResolvedPlan, fingerprint: String
  ) -> DocumentProperties {
    let plan = resolved.plan
    let title =
      book.unit.map {
        let kind = plan.document(for: $0) == .notice ? BookText.noticeTitle : BookText.bookTitle
        return "\(plan.title) \(kind)（\($0.name)）"
      } ?? "\(plan.title) 总览"
    return BookProperties.document(
      plan, title: title,
      comments: "PlanBook \(plan.id) \(WorkPlan.shortFingerprint(fingerprint))",
      unit: book.unit.map { "\($0.id) \($0.name)" } ?? BookProperties.overviewUnit,
      kind: book.unit == nil ? "overview" : "book", fingerprint: fingerprint)
  }

  /// The file name of each unit's book, by unit id (the overview's 单位索引 lists them).
  public static func fileNames(_ resolved: ResolvedPlan) -> [String: String] {
    Dictionary(
      books(resolved).compactMap { b in b.unit.map { ($0.id, b.fileName) } },
      uniquingKeysWith: { a, _ in a })
  }

  /// Writes one workbook, in constant memory (rows go out as they are made): a book from its
  /// layout, the overview streamed sheet by sheet, so a plan of any size takes flat memory.
  /// Returns the number of pages it prints on, as computed.
  @discardableResult
  public static func write(
    _ book: Book, of resolved: ResolvedPlan, fingerprint: String, files: [String: String],
    to path: String
  ) throws -> Int {
    let properties = properties(book, of: resolved, fingerprint: fingerprint)
    var pages = 0
    try Workbook.write(to: path, properties: properties, mode: .constantMemory) { workbook in
      if let unit = book.unit {
        let layout = ResponsibilityBook.layout(unit: unit, in: resolved, fingerprint: fingerprint)
        try SheetWriter.write(layout, into: workbook)
        pages = layout.pageBreaks().count + 1
      } else {
        pages = try Overview.write(
          resolved, files: files, fingerprint: fingerprint, into: workbook)
      }
    }
    return pages
  }

  /// Refuses, before anything is written, a plan with text longer than a cell holds, naming
  /// the task or target.
  static func checkLengths(_ plan: WorkPlan) throws {
    let limit = Worksheet.maximumTextLength
    func check(_ text: String, _ what: @autoclosure () -> String) throws {
      let n = text.unicodeScalars.count
      guard n <= limit else {
        throw ExportError(
          "\(what()): the text is \(n) characters long; a spreadsheet cell holds at most \(limit)")
      }
    }
    for t in plan.allTasks {
      try check(t.text, "task \(t.number) (\(t.id))")
      for m in t.milestones {
        try check(m.title, "milestone \(m.id) of task \(t.number) (\(t.id))")
      }
    }
    for t in plan.targets {
      try check(t.name, "target \(t.id)")
      try check(t.requirement.summary, "target \(t.id)")
    }
    try check(plan.title, "the plan's title")
    try check(plan.assessmentMethod ?? "", "the plan's assessment method (考核方式)")
    for (i, c) in (plan.clauses ?? []).enumerated() {
      try check(c.text, "clause \(i + 1) (\(c.section.rawValue))")
    }
  }
}

/// Why one book could not be written.
struct Failure: Sendable {
  var book: String
  var reason: String
  /// Whether the file as a whole failed (a full disk), not something in it.
  var whole: Bool

  /// One line per distinct reason a whole file failed (`16-应急处.xlsx and 27 other books
  /// could not be written into exports/x: no space left on device`: the same sentence once,
  /// not once per book), and one per failure inside a book, in book order.
  static func lines(_ failures: [Failure], folder: String) -> [String] {
    var lines: [String] = []
    var done: Set<String> = []
    for f in failures {
      guard f.whole else {
        lines.append("\(f.book): \(f.reason)")
        continue
      }
      guard done.insert(f.reason).inserted else { continue }
      let others = failures.filter { $0.whole && $0.reason == f.reason }.count - 1
      let who =
        others == 0
        ? f.book : "\(f.book) and \(others) other \(others == 1 ? "book" : "books")"
      lines.append("\(who) could not be written into \(folder): \(f.reason)")
    }
    return lines
  }
}

/// Values from parallel writers, one slot per book, read in book order.
private final class Slots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    slots[i] = value
  }

  /// The values set, in book order.
  var all: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
