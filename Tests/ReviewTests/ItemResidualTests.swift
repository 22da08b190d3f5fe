import Foundation
import PlanModel
import Testing

@testable import Review

/// Every field of a target or a task that a revision can change is reported on its own row,
/// beside any other change: before, a target's data source, category or number and a task's
/// title were only snapshot paths of the plan-wide safety net, which stays silent as soon as
/// anything else changed.
@Suite struct ItemResidualTests {
  func settings(_ item: ItemChange?) -> [Setting] {
    (item?.changes ?? []).compactMap { if case .setting(let s) = $0 { s } else { nil } }
  }

  @Test func aTargetsDataSourceCategoryAndNumberAreItsOwnChanges() throws {
    let old = try DifferTests.plan()
    let new = try DifferTests.plan { p in
      p.targets[0].source = "b"
      p.targets[0].group = "大气"
      p.targets[0].number = "1"
      p.targets[1].name += "（修订）"  // another change: the plan-wide net would stay silent
    }
    let d = Differ.diff(old, new)
    let pm25 = settings(d.items.first { $0.newID == "pm25" })
    #expect(pm25.map(\.field) == ["source", "group", "number"])
    #expect(pm25.map(\.label) == ["数据来源单位", "指标类别", "指标编号"])
    #expect(pm25.first?.from == "无" && pm25.first?.to != "b", "a unit by its short name")
    #expect(pm25[1].to == "大气" && pm25[2].to == "1")
    #expect(!d.items.contains { $0.item == .other })
  }

  @Test func aTasksTitleIsItsOwnChange() throws {
    let old = try DifferTests.plan()
    let new = try DifferTests.plan { p in
      p.chapters[0].tasks[0].title = "新的标题"
      p.targets[1].name += "（修订）"
    }
    let d = Differ.diff(old, new)
    let t1 = settings(d.items.first { $0.newID == "t1" })
    #expect(t1.map(\.field) == ["title"])
    #expect(t1.first?.label == "任务标题" && t1.first?.to == "新的标题")
  }

  /// What no comparison names is still reported, by its snapshot path, on the item's row.
  @Test func whatNoComparisonNamesIsReportedByItsPath() throws {
    let a = PlanTarget(id: "x", name: "甲", requirement: .atMost(1, "个"), group: "旧")
    var b = a
    b.group = "新"
    let changes = ItemResidual.changes(a, b, at: "targets[x]")
    guard case .setting(let s)? = changes.first else {
      Issue.record("no residual change: \(changes)")
      return
    }
    #expect(s.field == "targets[x].group")
    #expect(s.area == .other)
    #expect(ItemResidual.changes(a, a, at: "targets[x]").isEmpty)
  }

  /// A field added to a target or a task must be compared by ``Differ`` (or knowingly left to
  /// the residual net): this list is what `ItemResidual.target`/`.task` set equal.
  @Test func everyFieldOfATargetAndATaskIsAccountedFor() {
    let target = PlanTarget(id: "x", name: "甲", requirement: .atMost(1, "个"))
    let task = PlanTask(id: "t", number: 1, title: "题", text: "文")
    #expect(
      Set(Mirror(reflecting: target).children.compactMap(\.label)) == [
        "id", "name", "requirement", "tolerance", "weight", "period", "responsibility", "reason",
        "source", "group", "number", "shares", "rollUp", "implements", "aspirational", "location",
      ])
    #expect(
      Set(Mirror(reflecting: task).children.compactMap(\.label)) == [
        "id", "number", "title", "text", "figures", "milestones", "weight", "responsibility",
        "reason", "location",
      ])
  }
}
