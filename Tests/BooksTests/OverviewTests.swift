import Foundation
import PlanJSON
import TestSupport
import Testing

@testable import Books

/// The overview as a working spreadsheet, read back from the export by openpyxl.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs python3 with openpyxl (scripts/test-setup)"))
struct OverviewTests {
  func overview() throws -> (WorkbookDump, Fixtures.Export) {
    let export = try Fixtures.export.get()
    return (try #require(export.dumps[BookExport.overviewFileName]), export)
  }

  @Test func titleAndHeaderStayInViewAndTheTablesHaveAutofilters() throws {
    let (dump, _) = try overview()
    let layouts = Overview.layouts(
      Fixtures.guangzhou, files: BookExport.fileNames(Fixtures.guangzhou),
      fingerprint: try Fixtures.guangzhou.plan.fingerprint())
    for sheet in dump.sheets {
      #expect(sheet.freezePanes == "A3", "\(sheet.name)")
    }
    // The filter spans the header and every row of the table, every column.
    let tasks = try #require(dump.sheet("任务分工表"))
    #expect(tasks.autoFilter == "A2:F\(layouts[0].rows.count)")
    let targets = try #require(dump.sheet("指标表"))
    #expect(targets.autoFilter == "A2:I\(layouts[1].rows.count)")
    #expect(dump.sheet("单位索引")?.autoFilter == nil)
  }

  @Test func bookNamesLinkToTheBooksBesideTheOverview() throws {
    let (dump, export) = try overview()
    let sheet = try #require(dump.sheet("单位索引"))
    let links = try #require(sheet.links)
    let books = BookExport.books(Fixtures.guangzhou).filter { $0.unit != nil }
    #expect(links.count == books.count)
    let folder = URL(fileURLWithPath: export.paths[0]).deletingLastPathComponent()
    for (row, book) in zip(3..., books) {
      #expect(sheet.text("G\(row)") == book.fileName)
      #expect(links["G\(row)"] == book.fileName)
      // Relative: the target is a file in the overview's own folder.
      #expect(
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(book.fileName).path))
    }
  }

  @Test func theUnitIndexEndsWithTotals() throws {
    let (dump, _) = try overview()
    let sheet = try #require(dump.sheet("单位索引"))
    let rows = sheet.rows(where: "A", is: "合计")
    let total = try #require(rows.first)
    #expect(rows.count == 1)
    #expect(total == sheet.maxRow)
    for col in ["D", "E", "F"] {
      let sum = sheet.column(col).filter { $0.key > 2 && $0.key < total }
        .compactMap(\.value.number).reduce(0, +)
      #expect(sheet.cells["\(col)\(total)"]?.number == sum, "\(col)")
    }
    let resolved = Fixtures.guangzhou
    let leads = resolved.responsibleUnits.map { u in
      resolved.tasks(for: u.id).filter { $0.lead.contains(u.id) }.count
    }.reduce(0, +)
    #expect(sheet.cells["D\(total)"]?.number == Double(leads))
  }
}
