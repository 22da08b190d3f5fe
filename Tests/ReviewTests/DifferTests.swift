import Foundation
import PlanDSL
import PlanEngine
import Testing

@testable import Review

/// Pairs of plan versions, each showing one class of change.
@Suite struct DifferTests {
  static let units = Organisation {
    Unit("i", "局", short: "局", kind: .department)
    Unit("a", "甲处", short: "甲处", kind: .division)
    Unit("b", "乙处", short: "乙处", kind: .division)
    Unit("c", "丙处", short: "丙处", kind: .division)
  }

  static let texts = [
    "加强扬尘污染控制。压实主体责任,督促建设工程落实“6个100%”要求。",
    "推动考核断面水质达到考核要求。全面落实河长制,推进黑臭水体治理。",
    "加大土壤污染防治力度。开展农用地土壤污染状况详查成果应用。",
    "强化固体废物污染防治。推进生活垃圾分类,提升危险废物处置能力。",
  ]

  /// A plan with the four tasks above (ids t1…t4, numbered 1…4, all led by `a`, due at the
  /// year's end) and the PM2.5 target; `edit` changes it.
  static func plan(_ edit: (inout WorkPlan) -> Void = { _ in }) throws -> PlanSide {
    let p = Plan("p", title: "计划", issuer: "i", period: .year(2020)) {
      units
      Targets {
        Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"), lead: ["a"])
        Target("good", "水质优良断面比例", .atLeast(61.5, "%"), lead: ["b"])
        Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015), lead: ["b"])
      }
      Chapter(1, id: "c1", "第一章") {
        Item(1, id: "t1", texts[0]) { Lead("a") }
        Item(2, id: "t2", texts[1]) { Lead("a") }
      }
      Chapter(2, id: "c2", "第二章") {
        Item(3, id: "t3", texts[2]) { Lead("a") }
        Item(4, id: "t4", texts[3]) { Lead("a") }
      }
      Responsibilities { Rule(.all, due: .endOfYear(2020)) }
    }
    var model = p.model
    edit(&model)
    return try PlanSide(plan: model, source: "test")
  }

  func diff(_ edit: (inout WorkPlan) -> Void) throws -> PlanDiff {
    Differ.diff(try Self.plan(), try Self.plan(edit))
  }

  func item(_ d: PlanDiff, _ id: String) -> ItemChange? {
    d.items.first { $0.newID == id || $0.oldID == id }
  }

  @Test func noChanges() throws {
    let d = try diff { _ in }
    #expect(!d.hasChanges)
    #expect(d.unchanged == 7)
  }

  @Test func targetsTightenedAndLoosened() throws {
    let d = try diff { p in
      p.targets[0].requirement = .atMost(33, "微克/立方米")  // tighter
      p.targets[1].requirement = .atLeast(60, "%")  // looser
      p.targets[2].requirement = .reduction(by: 15, against: 2015)  // tighter
    }
    #expect(item(d, "pm25")?.changes.map(\.code) == ["tightened"])
    #expect(item(d, "good")?.changes.map(\.code) == ["loosened"])
    #expect(item(d, "cod")?.changes.map(\.code) == ["tightened"])
    #expect(item(d, "good")?.isHighRisk == true)
    #expect(item(d, "pm25")?.isHighRisk == false)
    #expect(d.changed == 3)
  }

  @Test func unitAndDirectionChanges() throws {
    let d = try diff { p in
      p.targets[0].requirement = .atMost(35, "毫克/立方米")
      p.targets[1].requirement = .atMost(61.5, "%")
    }
    #expect(item(d, "pm25")?.changes.map(\.code) == ["unitChanged"])
    #expect(item(d, "good")?.changes.map(\.code) == ["directionChanged"])
    #expect(Differ.strictness(.equal(0, "%"), .equal(1, "%")) == .changed)
    #expect(
      Differ.strictness(.reduction(by: 10, against: 2015), .reduction(by: 10, against: 2016))
        == .changed)
  }

  @Test func deadlinesSlipAndAdvance() throws {
    let d = try diff { p in
      p.chapters[0].tasks[0].responsibility.deadline = .endOfHalf(year: 2020, half: 1)  // earlier
    }
    let change = try #require(item(d, "t1")?.changes.first)
    #expect(
      change == .deadline(from: .endOfYear(2020), to: .endOfHalf(year: 2020, half: 1), days: -184))
    #expect(change.code == "deadlineAdvanced")
    #expect(!change.isHighRisk)
    let slip = Differ.diff(
      try Self.plan { $0.chapters[0].tasks[0].responsibility.deadline = .on(2020, 6, 30) },
      try Self.plan())
    #expect(slip.items.first { $0.newID == "t1" }?.changes.first?.code == "deadlineSlipped")
    #expect(slip.highRisk.count == 1)
  }

  @Test func leadsAndCooperatingUnits() throws {
    let d = try diff { p in
      p.chapters[0].tasks[1].responsibility.lead = ["b"]
      p.chapters[1].tasks[0].responsibility.cooperating = ["b", "c"]
    }
    #expect(item(d, "t2")?.changes == [.leadReassigned(from: ["a"], to: ["b"])])
    #expect(item(d, "t2")?.isHighRisk == true)
    #expect(item(d, "t3")?.changes == [.cooperating(added: ["b", "c"], removed: [])])
  }

  @Test func textEditsWithAnInlineDiff() throws {
    let d = try diff { p in
      p.chapters[0].tasks[0].text = DifferTests.texts[0].replacingOccurrences(
        of: "6个100%", with: "8个100%")
    }
    guard case .textEdited(let t)? = item(d, "t1")?.changes.first else {
      Issue.record("no text edit")
      return
    }
    #expect(t.oldText == DifferTests.texts[0])
    #expect(t.segments.filter { $0.kind != .same }.map(\.text) == ["6", "8"])
  }

  @Test func weightsAndMoves() throws {
    let d = try diff { p in
      p.chapters[0].tasks[0].weight = 5
      let moved = p.chapters[0].tasks.remove(at: 1)
      p.chapters[1].tasks.insert(moved, at: 0)
    }
    #expect(item(d, "t1")?.changes == [.weight(from: nil, to: 5)])
    #expect(item(d, "t2")?.changes == [.moved(from: "c1", to: "c2")])
  }

  @Test func anInsertionRenumbersAsOneLine() throws {
    let d = try diff { p in
      p.chapters[0].tasks.insert(
        PlanTask(id: "new", number: 2, title: "新增任务", text: "新增一项全新的任务内容。"), at: 1)
      for c in p.chapters.indices {
        for t in p.chapters[c].tasks.indices
        where p.chapters[c].tasks[t].id != "new"
          && p.chapters[c].tasks[t].number >= 2
        {
          p.chapters[c].tasks[t].number += 1
        }
      }
    }
    #expect(d.added == 1)
    #expect(d.renumbered == 3)
    #expect(d.changed == 0)
    #expect(ChangeText.renumberedRanges(d.items) == ["第2–4项 → 第3–5项"])
    #expect(d.items.map { $0.newID ?? "" }.suffix(5) == ["t1", "new", "t2", "t3", "t4"])
  }

  @Test func aRenameMatchedBySimilarity() throws {
    let d = try diff { p in
      p.chapters[1].tasks[1].id = "waste"
      p.chapters[1].tasks[1].text = DifferTests.texts[3].replacingOccurrences(
        of: "提升", with: "全面提升")
    }
    let renamed = try #require(item(d, "waste"))
    #expect(renamed.kind == .changed)
    #expect(renamed.oldID == "t4")
    guard case .renamed(let from, let to, let s)? = renamed.changes.first else {
      Issue.record("not a rename")
      return
    }
    #expect((from, to) == ("t4", "waste"))
    #expect(s > 0.8)
    #expect(d.added == 0 && d.removed == 0)
  }

  @Test func addedAndRemoved() throws {
    let d = try diff { p in
      p.chapters[1].tasks.remove(at: 0)
      p.chapters[1].tasks[0].number = 3
      p.chapters[1].tasks.append(PlanTask(id: "other", number: 4, title: "另一", text: "完全不同的一项任务。"))
    }
    #expect(item(d, "t3")?.kind == .removed)
    #expect(item(d, "t3")?.isHighRisk == true)
    #expect(item(d, "other")?.kind == .added)
    // The removed task stays where it was: after t2.
    let ids = d.items.filter { $0.item == .task }.map { $0.newID ?? "-\($0.oldID ?? "")" }
    #expect(ids == ["t1", "t2", "-t3", "t4", "other"])
  }

  @Test func reasonsAndTheRequirementForThem() throws {
    let d = try diff { p in
      p.targets[1].requirement = .atLeast(60, "%")
      p.chapters[0].tasks[0].responsibility.lead = ["b"]
      p.chapters[0].tasks[0].reason = "机构调整"
    }
    #expect(d.highRisk.count == 2)
    #expect(d.highRiskWithoutReason.map(\.newID) == ["good"])
    #expect(item(d, "t1")?.reason == "机构调整")
  }

  @Test func aRemovalsReasonComesFromTheNewVersion() throws {
    let d = try diff { p in
      p.chapters[1].tasks.remove(at: 1)
      p.removed = [RemovedItem(id: "t4", reason: "任务已完成")]
    }
    #expect(item(d, "t4")?.kind == .removed)
    #expect(item(d, "t4")?.reason == "任务已完成")
    #expect(d.highRiskWithoutReason.isEmpty)
    // A reason in the old version does not explain a change made by the new one.
    let back = Differ.diff(
      try Self.plan { $0.chapters[0].tasks[0].reason = "旧理由" },
      try Self.plan { $0.chapters[0].tasks[0].responsibility.lead = ["b"] })
    #expect(back.highRiskWithoutReason.map(\.newID) == ["t1"])
  }

  @Test func tolerancesAndMilestones() throws {
    let d = try diff { p in
      p.targets[0].tolerance = 2
      p.chapters[0].tasks[0].milestones = [
        PlanMilestone(id: "m1", title: "完成方案", deadline: .endOfQuarter(year: 2020, quarter: 2))
      ]
    }
    #expect(item(d, "pm25")?.changes == [.tolerance(from: nil, to: 2)])
    #expect(item(d, "t1")?.changes.map(\.code) == ["milestoneAdded"])
    let moved = Differ.diff(
      try Self.plan { p in
        p.chapters[0].tasks[0].milestones = [
          PlanMilestone(id: "m1", title: "完成方案", deadline: .endOfQuarter(year: 2020, quarter: 2))
        ]
      },
      try Self.plan { p in
        p.chapters[0].tasks[0].milestones = [
          PlanMilestone(id: "m1", title: "完成方案", deadline: .endOfQuarter(year: 2020, quarter: 3))
        ]
      })
    let slip = moved.items.first { $0.newID == "t1" }
    #expect(slip?.changes.map(\.code) == ["milestoneSlipped"])
    #expect(slip?.isHighRisk == true)
  }

  /// A reason the old version already gave the item was written for an earlier revision: it
  /// does not explain a new high-risk change made by this one.
  @Test func aStaleReasonDoesNotCount() throws {
    let earlier = try Self.plan { p in
      p.chapters[0].tasks[0].responsibility.lead = ["b"]
      p.chapters[0].tasks[0].reason = "机构调整，改由乙处牵头"
    }
    let later = try Self.plan { p in
      p.chapters[0].tasks[0].responsibility.lead = ["b"]
      p.chapters[0].tasks[0].reason = "机构调整，改由乙处牵头"
      p.chapters[0].tasks[0].responsibility.deadline = .endOfYear(2021)  // a new slip
    }
    let d = Differ.diff(earlier, later)
    let t1 = try #require(item(d, "t1"))
    #expect(t1.changes.map(\.code) == ["deadlineSlipped"])
    #expect(t1.reason == nil)
    #expect(t1.staleReason == "机构调整，改由乙处牵头")
    #expect(d.highRiskWithoutReason.map(\.newID) == ["t1"])
    // A reason written for this revision counts.
    let explained = try Self.plan { p in
      p.chapters[0].tasks[0].responsibility.lead = ["b"]
      p.chapters[0].tasks[0].reason = "条例审议推迟至2021年"
      p.chapters[0].tasks[0].responsibility.deadline = .endOfYear(2021)
    }
    #expect(Differ.diff(earlier, explained).highRiskWithoutReason.isEmpty)
  }

  /// The same id, a text with nothing in common: a rewrite, high-risk, needing a reason.
  @Test func aTotalRewriteIsHighRisk() throws {
    let d = try diff { p in
      p.chapters[0].tasks[0].text = "建设全市生态环境大数据平台。整合监测、执法、审批数据资源。"
    }
    let t1 = try #require(item(d, "t1"))
    #expect(t1.changes.map(\.code) == ["textRewritten"])
    #expect(t1.isHighRisk)
    #expect(d.highRiskWithoutReason.map(\.newID) == ["t1"])
    guard case .textRewritten(_, let s)? = t1.changes.first else { return }
    #expect(s < Differ.renameThreshold)
    #expect(ChangeText(d).describe(t1.changes[0]).hasPrefix("内容重写：与原文相似度"))
    // An ordinary edit stays a text edit.
    let edit = try diff { p in
      p.chapters[0].tasks[0].text = DifferTests.texts[0].replacingOccurrences(
        of: "压实", with: "进一步压实")
    }
    #expect(item(edit, "t1")?.changes.map(\.code) == ["textEdited"])
    #expect(edit.highRisk.isEmpty)
  }

  /// The same day worded otherwise is what the book prints: reported, not high-risk.
  @Test func aDeadlineRewordedForTheSameDay() throws {
    let d = try diff { $0.chapters[0].tasks[0].responsibility.deadline = .on(2020, 12, 31) }
    let change = try #require(item(d, "t1")?.changes.first)
    #expect(change.code == "deadlineReworded")
    #expect(change.chinese == "时限表述调整")
    #expect(!change.isHighRisk)
  }
}
