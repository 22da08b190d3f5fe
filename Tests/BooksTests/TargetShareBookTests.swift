import Books
import Foundation
import PlanEngine
import PlanModel
import TestSupport
import Testing

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
    #expect(sheet.text("C\(row)") == "牵头")
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
