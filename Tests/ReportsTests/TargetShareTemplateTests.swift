import Foundation
import PlanEngine
import PlanModel
import Plans
import TestSupport
import Testing

@testable import Reports

/// Issue 16, item 1: a unit holding a share of a target reports it in its template.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct TargetShareTemplateTests {
  @Test func theShareHoldersTemplateAsksForItsShare() throws {
    var model = try #require(Catalogue.plan("guangzhou-2020")?.model)
    let i = try #require(model.targets.firstIndex { $0.id == "pm25" })
    model.targets[i].rollUp = .measured
    model.targets[i].shares = [
      TargetShare(unit: "gz-eeb-planning", requirement: .atMost(38, "微克/立方米"))
    ]
    let resolved = Resolver.resolve(model)
    #expect(resolved.reportingUnits.contains { $0.id == "gz-eeb-planning" })
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let written = try TemplateWriter.writeAll(
      resolved, period: .month(year: 2020, month: 9), units: ["gz-eeb-planning"],
      to: folder.path)
    let path = try #require(written.first)
    let sheet = try #require(try Openpyxl.dump(path).sheet(ReportTemplate.sheetName))
    let row = try #require(sheet.rows(where: "A", is: "target:pm25").first)
    #expect(sheet.text("D\(row)") == "≤ 38 微克/立方米")
  }
}
