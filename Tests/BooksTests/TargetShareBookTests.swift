import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import Sheets
import TestSupport
import Testing
import Xlsx

@testable import Books

/// Issue 16, item 1: a unit holding a share of a target (指标分解) carries its share in its book.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct TargetShareBookTests {
  /// Guangzhou 2020 with PM2.5 split: the planning division holds a share of ≤ 38.
  static func splitPlan() throws -> ResolvedPlan {
    var model = Fixtures.guangzhou.plan
    let i = try #require(model.targets.firstIndex { $0.id == "pm25" })
    model.targets[i].rollUp = .measured
    model.targets[i].shares = [
      TargetShare(unit: "gz-eeb-planning", requirement: .atMost(38, "微克/立方米"))
    ]
    return Resolver.resolve(model)
  }

  @Test func theShareHoldersBookListsItsShareUnderItsTargets() throws {
    let resolved = try Self.splitPlan()
    #expect(Fixtures.guangzhou.targets(for: "gz-eeb-planning").isEmpty)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let paths = try BookExport.export(resolved, to: folder.path)
    let file = try #require(
      BookExport.books(resolved).first { $0.unit?.id == "gz-eeb-planning" }?.fileName)
    let path = try #require(paths.first { $0.hasSuffix("/" + file) })
    let sheet = try #require(try Openpyxl.dump(path).sheets.first)
    let heading = try #require(sheet.rows(where: "A", is: "一、责任目标").first)
    let row = heading + 2
    #expect(sheet.text("B\(row)")?.hasPrefix("PM2.5") == true)
    // Its role is its share (分解), and the whole's lead is named: it does not lead the city's.
    #expect(sheet.text("C\(row)") == "分解")
    #expect(sheet.text("B\(row)")?.contains("总体牵头：大气处") == true)
    #expect(sheet.cells["E\(row)"]?.number == 38)
    #expect(sheet.text("F\(row)") == "微克/立方米")
    // The whole's lead keeps the whole's requirement.
    let air = try #require(BookExport.books(resolved).first { $0.unit?.id == "gz-eeb-air" })
    let airPath = try #require(paths.first { $0.hasSuffix("/" + air.fileName) })
    let airSheet = try #require(try Openpyxl.dump(airPath).sheets.first)
    let airRow = try #require(airSheet.rows(where: "A", is: "一、责任目标").first) + 2
    #expect(airSheet.cells["E\(airRow)"]?.number == 35)
  }
}

/// The share holder's book as LibreOffice prints it: the share's note under the target's name
/// prints whole, on the lines computed for it.
@Suite(
  .enabled(
    if: LibreOffice.isAvailable, "needs soffice, pdftotext and a Chinese font (scripts/test-setup)")
)
struct TargetSharePrintTests {
  @Test func theShareHoldersBookPrintsItsNoteWhole() throws {
    let resolved = try TargetShareBookTests.splitPlan()
    let unit = try #require(resolved.plan.unit("gz-eeb-planning"))
    let layout = ResponsibilityBook.layout(
      unit: unit, in: resolved, fingerprint: try resolved.plan.fingerprint())
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("share.xlsx").path
    let properties = DocumentProperties(created: Day(2020, 1, 1))
    try Workbook.write(to: path, properties: properties) {
      try SheetWriter.write(layout, into: $0)
    }
    let pdf = try #require(try LibreOffice.convertToPDF([path], into: folder.path).first)
    let pages = try PDFText.pages(pdf)
    let check = PrintCheck(
      name: "share.xlsx", layout: layout, pages: pages, firstPage: 1, totalPages: pages.count)
    #expect(pages.count == layout.pageBreaks().count + 1)
    #expect(check.problems().isEmpty, "\(check.problems())")
    let note = "PM2.5平均浓度\n分解目标：总体 ≤ 35 微克/立方米\n本单位 ≤ 38 微克/立方米\n总体牵头：大气处"
    let row = try #require(
      layout.rows.firstIndex {
        $0.cells.contains { PrintCheck.expected($0) == PrintCheck.normalize(note) }
      })
    #expect(check.lineCounts().contains { $0.row == row })
    for count in check.lineCounts() where count.row == row {
      #expect(count.printed == count.computed, "\(count)")
    }
  }
}
