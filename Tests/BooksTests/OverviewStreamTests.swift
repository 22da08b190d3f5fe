import Foundation
import PlanJSON
import PlanModel
import Sheets
import TestSupport
import Testing
import Xlsx

@testable import Books

/// The overview is streamed into its workbook (``SheetWriter/stream(_:into:rows:)``): the
/// same file as writing its whole layouts.
@Suite struct OverviewStreamTests {
  /// The export streams the overview: the same file as writing its whole layouts.
  @Test func theOverviewStreamsItsLayouts() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let resolved = Fixtures.guangzhou
    let fingerprint = try resolved.plan.fingerprint()
    let files = BookExport.fileNames(resolved)
    let overview = try #require(BookExport.books(resolved).last)
    #expect(overview.unit == nil)
    let exported = folder.url.appendingPathComponent("exported.xlsx").path
    try BookExport.write(
      overview, of: resolved, fingerprint: fingerprint, files: files, to: exported)
    let (sheets, properties) = BookExport.content(
      overview, of: resolved, fingerprint: fingerprint, files: files)
    #expect(sheets.count == 3)
    #expect(sheets[0].rows.count > resolved.tasks.count)
    let whole = folder.url.appendingPathComponent("whole.xlsx").path
    try Workbook.write(to: whole, properties: properties, mode: .constantMemory) { workbook in
      for sheet in sheets { try SheetWriter.write(sheet, into: workbook) }
    }
    let a = try Data(contentsOf: URL(fileURLWithPath: exported))
    #expect(a == (try Data(contentsOf: URL(fileURLWithPath: whole))))
  }
}
