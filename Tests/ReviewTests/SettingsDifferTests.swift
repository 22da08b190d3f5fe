import Foundation
import PlanDSL
import PlanModel
import Testing

@testable import Review

/// Revision pairs that change the plan outside its tasks and targets: each must be reported
/// (before, every one of them read as "0 changed").
@Suite struct SettingsDifferTests {
  func diff(_ edit: (inout WorkPlan) -> Void) throws -> PlanDiff {
    Differ.diff(try DifferTests.plan(), try DifferTests.plan(edit))
  }

  func settings(_ d: PlanDiff, _ item: ItemChange.Item) -> [Setting] {
    d.items.filter { $0.item == item }.flatMap(\.changes).compactMap {
      if case .setting(let s) = $0 { s } else { nil }
    }
  }

  /// A changed parent target (层层分解) was only a bare snapshot path under "plan settings", and
  /// not even that when anything else changed too (the snapshot fallback runs only when nothing
  /// else is found): it is the target's own change now, with both values.
  @Test func aTargetImplementingAnotherParentTargetIsItsOwnChange() throws {
    let old = try DifferTests.plan { $0.targets[2].implements = "city-2020/cod" }
    let new = try DifferTests.plan { p in
      p.targets[2].implements = "city-2020/cod@east"
      p.targets[0].requirement = .atMost(33, "微克/立方米")
    }
    let d = Differ.diff(old, new)
    let cod = try #require(d.items.first { $0.newID == "cod" })
    #expect(cod.kind == .changed)
    let s = cod.changes.compactMap { if case .setting(let s) = $0 { s } else { nil } }
    #expect(s.map(\.field) == ["implements"])
    #expect(s.first?.from == "city-2020/cod" && s.first?.to == "city-2020/cod@east")
    #expect(s.first?.label == "落实上级指标")
    #expect(!d.items.contains { $0.item == .other }, "no bare snapshot paths")
    let removed = Differ.diff(old, try DifferTests.plan())
    let none = try #require(removed.items.first { $0.newID == "cod" })
    #expect(none.changes.contains { if case .setting(let s) = $0 { s.to == "无" } else { false } })
  }

  /// The plan's parent (the plan it is derived from, and the parent's unit it is the plan of)
  /// is plan metadata, reported with the other fields.
  @Test func aNewParentPlanIsPlanMetadata() throws {
    let old = try DifferTests.plan { $0.parent = ParentPlan(plan: "city-2020", unit: "a") }
    let new = try DifferTests.plan { p in
      p.parent = ParentPlan(plan: "city-2020", unit: "b")
      p.title = "计划（修订稿）"
    }
    let d = Differ.diff(old, new)
    let fields = settings(d, .plan)
    #expect(fields.map(\.field) == ["title", "parent"])
    let parent = try #require(fields.last)
    #expect(parent.label == "上级计划")
    #expect(parent.from?.hasPrefix("city-2020（") == true && parent.from != parent.to)
    let dropped = settings(Differ.diff(old, try DifferTests.plan()), .plan)
    #expect(dropped.map(\.field) == ["parent"] && dropped.first?.to == nil)
  }

  @Test func anAssessmentBlockAdded() throws {
    let d = try diff { p in
      var rules = AssessmentRules()
      rules.deductions.append(Deduction(.shortfall(target: "pm25", per: 1), points: 0.5))
      rules.vetoes = [Veto(.targetNotMet("pm25"), cap: "合格")]
      rules.reportDay = 5
      p.assessment = rules
    }
    #expect(d.hasChanges)
    let item = try #require(d.items.first { $0.item == .assessment })
    #expect(item.kind == .changed)
    #expect(item.changes.allSatisfy { $0.code == "assessmentChanged" && $0.chinese == "考核细则调整" })
    let fields = settings(d, .assessment).map(\.field)
    #expect(
      fields == [
        "assessment", "assessment.deductions", "assessment.vetoes", "assessment.reportDay",
      ])
    let deduction = try #require(
      settings(d, .assessment).first { $0.field == "assessment.deductions" })
    #expect(deduction.from == nil)
    #expect(deduction.to == "指标 pm25 每差1扣0.5分")
    #expect(ChangeText(d).title(item) == "考核细则")
  }

  @Test func assessmentRulesChanged() throws {
    let old = try DifferTests.plan { $0.assessment = AssessmentRules() }
    let new = try DifferTests.plan { p in
      var rules = AssessmentRules(bonusCap: 3)
      rules.deductions[1] = Deduction(.targetClass(.notMet), share: 0.8)
      rules.grades[0] = GradeBand("优秀", atLeast: 85)
      p.assessment = rules
    }
    let d = Differ.diff(old, new)
    let s = settings(d, .assessment)
    #expect(
      s.map(\.field) == ["assessment.bonusCap", "assessment.deductions", "assessment.grades"])
    #expect(s[1].from == "指标未达标扣该项分值的100%" && s[1].to == "指标未达标扣该项分值的80%")
    #expect(s[2].from == "优秀 ≥ 90" && s[2].to == "优秀 ≥ 85")
  }

  @Test func planMetadata() throws {
    let d = try diff { p in
      p.title = "计划（修订稿）"
      p.issuer = "a"
      p.weightTotal = 100
    }
    #expect(settings(d, .plan).map(\.label) == ["标题", "印发单位", "总分值"])
    #expect(settings(d, .plan)[1].from == "局" && settings(d, .plan)[1].to == "甲处")
  }

  @Test func organisation() throws {
    let d = try diff { p in
      p.units[1].name = "甲环境处"  // renamed
      p.units[2].parent = "i"  // moved
      p.units.remove(at: 3)  // removed
      p.units.append(OrgUnit(id: "d", name: "丁处", shortName: "丁处", kind: .division))
      p.removed = [RemovedItem(id: "c", reason: "丙处撤销")]
    }
    let units = d.items.filter { $0.item == .unit }
    #expect(units.map(\.kind) == [.changed, .changed, .added, .removed])
    #expect(settings(d, .unit).map(\.label) == ["全称", "上级单位"])
    let removed = try #require(units.last)
    #expect(removed.isHighRisk && removed.reason == "丙处撤销")
    #expect(units[2].newText == "丁处（丁处，内设处室）")
  }

  @Test func responsibilityRulesAndChapters() throws {
    let d = try diff { p in
      p.rules[0].responsibility.deadline = .endOfYear(2021)
      p.rules.append(
        ResponsibilityRule(match: .keyword("扬尘"), responsibility: .init(cooperating: ["c"])))
      p.chapters[1].title = "第二章 土壤与固废"
    }
    let rules = d.items.filter { $0.item == .rule }
    #expect(rules.map(\.kind) == [.changed, .added])
    #expect(rules[0].changes.map(\.code) == ["rulesChanged"])
    #expect(rules[1].newText == "含“扬尘”的任务：配合 丙处")
    #expect(settings(d, .chapter).map(\.to) == ["第二章 土壤与固废"])
  }

  @Test func signingDeclarations() throws {
    let old = try DifferTests.plan {
      $0.signing = Signing(
        rules: [Signing.Rule(.kind(.division), document: .book)],
        signatories: [Signing.Signatory(unit: "a", name: "张三")])
    }
    let new = try DifferTests.plan {
      $0.signing = Signing(
        rules: [
          Signing.Rule(.kind(.division), document: .book, partyA: "a"),
          Signing.Rule(.unit("c"), document: .notice),
        ],
        signatories: [Signing.Signatory(unit: "a", name: "李四")])
    }
    let d = Differ.diff(old, new)
    let items = d.items.filter { $0.item == .signing }
    #expect(items.map(\.kind) == [.changed, .added, .changed])
    // An added line says what the units now get.
    #expect(settings(d, .signing).map(\.to) == ["责任书（甲方：甲处）", "告知书", "李四"])
    #expect(items[1].newText == "单位 丙处：告知书")
    // What units sign changed: high-risk, with no reason given.
    #expect(items.map(\.isHighRisk) == [true, true, false])
  }

  @Test func clausesAndTheAssessmentMethod() throws {
    let old = try DifferTests.plan {
      $0.assessmentMethod = "年终由局统一组织考核，考核结果纳入年度绩效。"
      $0.clauses = [PlanClause(.other, "本责任书一式两份。")]
    }
    let new = try DifferTests.plan {
      $0.assessmentMethod = "年中和年终由局统一组织考核，考核结果纳入年度绩效。"
      $0.clauses = [PlanClause(.other, "本责任书一式三份。"), PlanClause(.assessment, "另行通报。")]
    }
    let d = Differ.diff(old, new)
    let items = d.items.filter { $0.item == .clause }
    #expect(items.map(\.kind) == [.changed, .added, .changed])
    #expect(items.map { $0.newLabel } == ["考核方式", "考核方式条款", "其他条款"])
    #expect(items[0].changes.map(\.code) == ["textEdited"])
  }

  @Test func aTargetsPeriod() throws {
    let d = try diff { $0.targets[0].period = .endOfYear(2020) }
    let pm = try #require(d.items.first { $0.newID == "pm25" })
    #expect(pm.changes.map(\.code) == ["otherChanged"])
  }

  /// Snapshots that differ where no comparison looks (here a revision reason alone): one row
  /// names the differing field, never "no changes".
  @Test func differentFingerprintsAlwaysShowAChange() throws {
    let d = try diff { $0.chapters[0].tasks[1].reason = "补充说明" }
    #expect(d.old.fingerprint != d.new.fingerprint)
    #expect(d.hasChanges)
    let other = try #require(d.items.first { $0.item == .other })
    guard case .setting(let s) = other.changes.first else {
      Issue.record("no setting change")
      return
    }
    #expect(s.field == "plan.chapters[0].tasks[1].reason")
    #expect(ChangeText(d).describe(other.changes[0]).hasPrefix("其他修改：快照字段"))
    // Same snapshots: no row.
    #expect(!(try diff { _ in }).hasChanges)
  }
}
