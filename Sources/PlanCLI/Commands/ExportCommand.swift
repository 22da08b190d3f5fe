import ArgumentParser
import Books
import Foundation
import PlanEngine
import PlanModel
import SafeFiles

/// `planbook export PLAN [--out DIR] [--unit UNIT]... [--pdf]`: the responsibility books and
/// overview.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the plan's responsibility books (目标责任书) and overview as xlsx.",
    discussion: """
      Writes one book per responsible unit (every unit that leads or cooperates on a task or \
      carries a target), named by order and short name (07-大气处.xlsx), and the overview \
      00-总览.xlsx, into exports/<plan-id>/ unless --out is given. A plan with errors is not \
      exported (see `planbook check`); nothing is changed when any book fails. A full export \
      also names the books of the same plan an earlier export left in the folder (units that \
      no longer have one, or renamed); --prune deletes them. --pdf also prints every workbook \
      to PDF beside it (07-大气处.pdf) with LibreOffice (Debian package libreoffice-calc), \
      as one set with the workbooks; without LibreOffice nothing is exported. Exits 0 on \
      success, 1 when the plan has errors or a book or PDF could not be written.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "The folder to write into (default: exports/<plan-id>).") var out: String?
  @Option(
    name: .customLong("unit"),
    help: "Export only this unit's book (id, short name or full name); repeatable.")
  var units: [String] = []
  @Flag(help: "Write the books one after another instead of in parallel.") var serial = false
  @Flag(
    help: """
      Also print every workbook to PDF beside it (07-大气处.pdf), with LibreOffice \
      (soffice; Debian package libreoffice-calc).
      """)
  var pdf = false
  @Flag(
    help: """
      Delete the books of this plan an earlier export left in the folder that this export did \
      not write (units that no longer have a book, old names). Only with every book exported.
      """)
  var prune = false

  func validate() throws {
    if prune && !units.isEmpty {
      throw ValidationError("--prune needs every book: it cannot be used with --unit")
    }
  }

  /// The ids of the `--unit` books, nil for every book; a usage error for a name that is no
  /// unit of the plan, or a unit without a book.
  func unitIDs(in resolved: ResolvedPlan) throws -> [String]? {
    guard !units.isEmpty else { return nil }
    let responsible = resolved.responsibleUnits
    return try units.map { name in
      let unit = try UsageError.rethrow(for: Self.self) {
        try Workspace.unit(named: name, in: resolved.plan)
      }
      guard responsible.contains(where: { $0.id == unit.id }) else {
        let known = responsible.map(\.shortName).joined(separator: "、")
        throw UsageError(
          "'\(name)' is not a unit with a book in \(resolved.plan.id); units with books: \(known)",
          of: Self.self)
      }
      return unit.id
    }
  }

  func run() throws {
    let workspace = Workspace()
    let loaded = try workspace.load(options.plan)
    for name in units {
      _ = try UsageError.rethrow(for: Self.self) {
        try Workspace.unit(named: name, in: loaded.plan)
      }
    }
    let resolved = try workspace.checked(loaded, refusal: "nothing exported").resolved
    let folder = out ?? workspace.path("exports/\(loaded.plan.id)")
    let ids = try unitIDs(in: resolved)
    // Only a full export knows which books the plan has now; the folder is looked at while
    // it is locked, just before the new set replaces it.
    let expected = BookExport.books(resolved).map(\.fileName)
    let found = StaleList()
    let written: [String]
    do {
      written = try BookExport.export(
        resolved, to: folder, units: ids, parallel: !serial, pdf: pdf,
        dropping: { [units, prune] folder in
          guard units.isEmpty else { return [] }
          found.books = try StaleBook.find(in: folder, planID: loaded.plan.id, expected: expected)
          guard prune else { return [] }
          // A pruned book's PDF, where an earlier export --pdf wrote one, goes with it.
          let listed = try SetFolder.list(in: folder)
          let names = found.books.map(\.fileName)
          return Set(names + names.map(BookExport.pdfName).filter(listed.contains))
        },
        notice: { printError($0) })
    } catch {
      printError("export failed, nothing written: \(error)")
      throw ExitCode(1)
    }
    let books = (pdf ? written.count / 2 : written.count) - 1
    print(
      "\(loaded.plan.id): \(count(books, "book")) and the overview in \(folder)"
        + (pdf ? ", each also as PDF" : ""))
    for path in written { print("  \(URL(fileURLWithPath: path).lastPathComponent)") }
    report(found.books, in: folder, plan: loaded.plan.id)
  }

  /// Names the books of `plan` an earlier export left in `folder` (or, with --prune, says
  /// that they were deleted with the new set).
  func report(_ stale: [StaleBook], in folder: String, plan: String) {
    guard !stale.isEmpty else { return }
    if prune {
      for book in stale {
        print("removed \(book.fileName) (\(book.unit)): left by an earlier export")
      }
      return
    }
    printError(
      "warning: \(count(stale.count, "book")) of \(plan) in \(folder) left by an earlier export "
        + "\(stale.count == 1 ? "is" : "are") not current (its unit no longer has a book, or was "
        + "renamed):")
    for book in stale { printError("  \(book.fileName) (\(book.unit))") }
    printError("delete \(stale.count == 1 ? "it" : "them"), or export again with --prune")
  }
}

/// The stale books found while the export folder was locked.
private final class StaleList {
  var books: [StaleBook] = []
}

/// Prints a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
