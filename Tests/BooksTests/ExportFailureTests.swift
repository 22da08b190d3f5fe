import Foundation
import PlanEngine
import PlanModel
import Sheets
import TestSupport
import Testing

@testable import Books

/// A failed export names what is wrong and changes nothing in the output folder.
@Suite struct ExportFailureTests {
  /// A one-task plan whose task has `text`.
  func plan(text: String) -> ResolvedPlan {
    let task = PlanTask(
      id: "long", number: 1, title: "长任务", text: text,
      responsibility: Responsibility(lead: ["u"]))
    return Resolver.resolve(
      WorkPlan(
        id: "tiny", title: "小计划", issuer: "i",
        period: DateRange(Day(2020, 1, 1), Day(2020, 12, 31)),
        units: [
          OrgUnit(id: "i", name: "发文单位", shortName: "发文", kind: .department),
          OrgUnit(id: "u", name: "责任单位", shortName: "责任", kind: .division),
        ],
        chapters: [PlanChapter(id: "c", number: 1, title: "第一章", tasks: [task])]))
  }

  @Test func aTaskLongerThanACellIsNamedAndNothingIsWritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // An earlier export stays as it was.
    let earlier = try BookExport.export(plan(text: "短任务。"), to: folder.path)
    let before = try earlier.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let error = #expect(throws: ExportError.self) {
      try BookExport.export(plan(text: String(repeating: "长", count: 32_768)), to: folder.path)
    }
    #expect(error?.message.contains("task 1 (long)") == true)
    #expect(error?.message.contains("32768 characters") == true)
    #expect(try folder.files() == [".planbook-set", "00-总览.xlsx", "01-责任.xlsx"])
    #expect(try earlier.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
  }

  @Test func aLongTaskThatFitsACellContinuesOnMoreRows() throws {
    // 6,000 characters need far more than Excel's 409-point row: the text goes on below.
    let text = String(repeating: "加强生态环境保护工作。", count: 600)
    let resolved = plan(text: text)
    let unit = try #require(resolved.plan.unit("u"))
    let layout = ResponsibilityBook.layout(unit: unit, in: resolved, fingerprint: "f")
    let parts = layout.rows.compactMap { row -> String? in
      guard let cell = row.cells.first(where: { $0.cols == 1...1 }),
        case .text(let t) = cell.value, row.cells.count > 1
      else { return nil }
      return t
    }
    let pieces = parts.filter { text.hasPrefix($0) || text.contains($0) }
    #expect(pieces.count > 3)
    #expect(pieces.joined() == text)
    #expect(layout.rows.allSatisfy { $0.height <= TextMetrics.maximumRowHeight })
  }

  @Test(.enabled(if: getuid() != 0, "root writes anywhere"))
  func anUnwritableFolderIsAClearError() throws {
    let folder = try TemporaryFolder()
    defer {
      chmod(folder.path, 0o755)
      folder.remove()
    }
    chmod(folder.path, 0o555)
    let error = #expect(throws: ExportError.self) {
      try BookExport.export(plan(text: "短任务。"), to: folder.path)
    }
    #expect(error?.message.contains(folder.path) == true)
    #expect(try folder.files() == [])
  }

  @Test func aFileInPlaceOfTheFolderIsAClearError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.url.appendingPathComponent("out").path
    try Data("x".utf8).write(to: URL(fileURLWithPath: file))
    let error = #expect(throws: ExportError.self) {
      try BookExport.export(plan(text: "短任务。"), to: file)
    }
    #expect(error?.message.contains("cannot create the folder") == true)
    #expect(try folder.files() == ["out"])
  }

  @Test func aVeryLongShortNameStillMakesAFileName() throws {
    var resolved = plan(text: "短任务。")
    resolved.plan.units[1].shortName = "a/b" + String(repeating: "长", count: 200)
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let written = try BookExport.export(resolved, to: folder.path)
    let name = URL(fileURLWithPath: written[0]).lastPathComponent
    #expect(name.hasPrefix("01-a_b长长"))
    #expect(name.hasSuffix(".xlsx"))
    #expect(name.utf8.count <= 200)
  }

  @Test func aBookFailingMidwayLeavesNoOtherBookBehind() throws {
    // A deadline before 1900 has no Excel date: the book of the unit with that task fails in
    // the xlsx bridge after the first book was already written to the staging folder.
    var model = plan(text: "短任务。").plan
    model.units.append(OrgUnit(id: "v", name: "另一单位", shortName: "另一", kind: .division))
    model.chapters[0].tasks.append(
      PlanTask(
        id: "old", number: 2, title: "旧任务", text: "旧任务。",
        responsibility: Responsibility(lead: ["v"], deadline: .on(1899, 12, 31))))
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = #expect(throws: ExportError.self) {
      try BookExport.export(Resolver.resolve(model), to: folder.path, parallel: false)
    }
    #expect(error?.message.contains("02-另一.xlsx: write D") == true)
    #expect(error?.message.contains("1899-12-31 is not a valid date") == true)
    #expect(try folder.files() == [])
  }

  @Test func aPlanThatCannotBeFingerprintedIsAClearError() throws {
    var model = plan(text: "短任务。").plan
    model.targets = [PlanTarget(id: "nan", name: "坏指标", requirement: .atMost(.nan, "%"))]
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let error = #expect(throws: ExportError.self) {
      try BookExport.export(Resolver.resolve(model), to: folder.path)
    }
    #expect(error?.message.hasPrefix("cannot fingerprint the plan") == true)
    #expect(try folder.files() == [])
  }
}
