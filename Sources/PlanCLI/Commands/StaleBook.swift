import Books
import Foundation
import Sheets
import XlsxReader

/// Books an earlier export left in a folder that the latest export of the same plan did not
/// write: a unit that no longer has a book, a unit renamed or renumbered. They would otherwise
/// be printed and signed beside the current ones.
///
/// A file counts only when its own document properties say it is a PlanBook book or overview of
/// this plan (`PlanBook.PlanID`); anything else in the folder — other plans' books, other
/// workbooks, files that cannot be read — is never touched.
struct StaleBook {
  var path: String
  /// `PlanBook.Unit` of the book (`gz-eeb-air 大气处`, or 总览).
  var unit: String

  var fileName: String { URL(fileURLWithPath: path).lastPathComponent }

  /// The books of `planID` in `folder` whose names are not among `expected` (the names of
  /// the plan's books now), by file name.
  static func find(in folder: String, planID: String, expected: [String]) throws -> [StaleBook] {
    let current = Set(expected)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw CLIError.unreadable(folder)
    }
    var stale: [StaleBook] = []
    for name in names.sorted()
    where name.lowercased().hasSuffix(".xlsx") && !name.hasPrefix(".") && !current.contains(name) {
      let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
      guard let book = try? XlsxFile.open(path),
        book.customProperties[BookProperties.planID] == planID,
        let kind = book.customProperties[BookProperties.kind], kind == "book" || kind == "overview"
      else { continue }
      stale.append(StaleBook(path: path, unit: book.customProperties[BookProperties.unit] ?? "?"))
    }
    return stale
  }
}
