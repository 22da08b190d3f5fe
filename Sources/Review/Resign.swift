import PlanEngine
import PlanModel

/// A unit whose responsibility book (or notice) reads differently in the new version, and what
/// changed in it: the units the bureau must re-issue books to and have re-sign.
public struct UnitResign: Sendable, Equatable {
  /// The unit's id.
  public var unit: String
  /// Its short name (the new version's, else the old one's).
  public var name: String
  /// What it gets in the new version, in words: `责任书（甲方：市生态环境局）`, `告知书`, or
  /// `不再发放` when it gets nothing any more.
  public var document: String
  /// What changed in its book, in words: `新增任务17（牵头）`, `任务5：时限推迟`, `考核细则调整`,
  /// `序号调整18项`.
  public var changes: [String]
}

/// Which units' books change between two versions: each unit's share of the plan — the rows
/// of its book (its tasks and targets with their number, text, owners, deadline, weight,
/// milestones and its role; a unit's share of a split target), its document and 甲方, its name, the signatories, and the parts
/// every book prints (the plan's title, issuer and period, the 考核细则, the 考核方式 and the
/// added clauses) — compared version to version. The footer's fingerprint is not content.
enum ResignList {
  static func units(
    _ a: ResolvedPlan, _ b: ResolvedPlan, items: [ItemChange]
  ) -> [UnitResign] {
    let old = Share(a)
    let new = Share(b)
    // Which rows are the same item across versions (renamed ids), and their changes.
    var oldKeyOf: [String: String] = [:]  // new key → old key
    var byNewKey: [String: ItemChange] = [:]
    var removed = Set<String>()  // old keys of removed items
    for item in items where item.item == .task || item.item == .target {
      let prefix = item.item == .task ? "task:" : "target:"
      if let o = item.oldID, let n = item.newID { oldKeyOf[prefix + n] = prefix + o }
      if let n = item.newID { byNewKey[prefix + n] = item }
      if item.kind == .removed, let o = item.oldID { removed.insert(prefix + o) }
    }
    // What every book prints.
    var common: [String] = []
    let plan = items.filter { $0.item == .plan }.flatMap(\.changes).compactMap { c -> String? in
      guard case .setting(let s) = c, ["title", "issuer", "period"].contains(s.field) else {
        return nil
      }
      return s.label
    }
    if !plan.isEmpty { common.append("计划\(plan.joined(separator: "、"))调整") }
    if items.contains(where: { $0.item == .assessment }) { common.append("考核细则调整") }
    if items.contains(where: { $0.item == .clause }) { common.append("考核方式及条款调整") }

    let oldUnits = Dictionary(
      a.plan.units.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
    let renamedUnits = b.plan.units.filter {
      guard let was = oldUnits[$0.id] else { return false }
      return was.name != $0.name || was.shortName != $0.shortName
    }.map(\.id)
    var ids: [String] = []
    var seen = Set<String>()
    for u in b.plan.units + a.plan.units where seen.insert(u.id).inserted {
      if old.documents[u.id] != nil || new.documents[u.id] != nil { ids.append(u.id) }
    }
    var out: [UnitResign] = []
    for id in ids {
      let o = old.documents[id]
      let n = new.documents[id]
      var changes: [String] = []
      switch (o, n) {
      case (nil, _?): changes.append("新增发放")
      case (_?, nil): changes.append("不再发放")
      case (let x?, let y?) where x != y: changes.append("文书：\(x) → \(y)")
      default: break
      }
      if o != nil && n != nil {
        if a.plan.unit(id)?.name != b.plan.unit(id)?.name {
          changes.append("单位名称调整")
        }
        // Another unit renamed that the book names (in its rows, or as 甲方: the document).
        var named = Set(
          (new.order[id] ?? []).flatMap { $0.1.content.lead + $0.1.content.cooperating })
        if let p = new.partyA[id] { named.insert(p) }
        let others = renamedUnits.filter { $0 != id && named.contains($0) }
        if !others.isEmpty {
          changes.append(
            "涉及单位更名："
              + others.map { b.plan.unit($0)?.shortName ?? $0 }.joined(separator: "、"))
        }
        if let x = old.signatories[id], let y = new.signatories[id], x != y {
          changes.append("责任人调整")
        }
        changes += common
        let before = old.rows[id] ?? [:]
        let after = new.rows[id] ?? [:]
        var renumbered = 0
        for (key, row) in new.order[id] ?? [] {
          let oldKey = oldKeyOf[key] ?? key
          guard let was = before[oldKey] else {
            changes.append("新增\(row.title)（\(row.role)）")
            continue
          }
          guard was.content != row.content || was.lead != row.lead else {
            if was.label != row.label { renumbered += 1 }
            continue
          }
          var what: [String] = []
          for c in byNewKey[key]?.changes ?? []
          where c.code != "renumbered" && !what.contains(c.chinese) {
            what.append(c.chinese)
          }
          if was.lead != row.lead { what.insert("\(was.role)改为\(row.role)", at: 0) }
          if was.label != row.label { renumbered += 1 }
          changes.append("\(row.title)：\(what.isEmpty ? "调整" : what.joined(separator: "、"))")
        }
        let kept = Set(after.keys.map { oldKeyOf[$0] ?? $0 })
        for (key, row) in old.order[id] ?? [] where !kept.contains(key) {
          changes.append(removed.contains(key) ? "删除\(row.title)" : "不再承担\(row.title)")
        }
        if renumbered > 0 { changes.append("序号调整\(renumbered)项") }
      }
      guard !changes.isEmpty else { continue }
      let name = b.plan.unit(id)?.shortName ?? a.plan.unit(id)?.shortName ?? id
      out.append(UnitResign(unit: id, name: name, document: n ?? "不再发放", changes: changes))
    }
    return out
  }

  /// One row of a unit's book.
  struct Row {
    var isTask: Bool
    /// The task's number, or the target's name.
    var label: String
    var content: Content
    var lead: Bool

    var title: String { isTask ? "任务\(label)" : "指标\(label)" }
    var role: String { lead ? "牵头" : "配合" }
  }

  /// Everything a row prints but its number (unit ids: a renamed unit is reported apart).
  struct Content: Equatable {
    struct Milestone: Equatable {
      var title: String
      var deadline: Deadline
      var weight: Double?
    }
    var text: String
    var requirement: Requirement? = nil
    /// For a unit's share of a split target: the whole's requirement, which its row prints
    /// beside its own.
    var whole: Requirement? = nil
    var tolerance: Double? = nil
    /// A 力争 target: its row prints 力争 and scores otherwise.
    var aspirational = false
    var period: Deadline? = nil
    var weight: Double?
    var lead: [String]
    var cooperating: [String]
    var deadline: Deadline? = nil
    var milestones: [Milestone] = []
  }

  /// Each unit's share of one version.
  struct Share {
    /// The document each unit gets (units that get one), in words.
    var documents: [String: String] = [:]
    var signatories: [String: String] = [:]
    /// The 甲方 of each unit's book.
    var partyA: [String: String] = [:]
    /// Each unit's rows by key (`task:ID`, `target:ID`), and their order.
    var rows: [String: [String: Row]] = [:]
    var order: [String: [(String, Row)]] = [:]

    init(_ r: ResolvedPlan) {
      let plan = r.plan
      for u in r.responsibleUnits {
        switch plan.document(for: u) {
        case .book(let partyA):
          documents[u.id] = "责任书（甲方：\(plan.unit(partyA)?.shortName ?? partyA)）"
          self.partyA[u.id] = partyA
          signatories[u.id] =
            (plan.signing?.signatory(of: u.id) ?? "") + "|"
            + (plan.signing?.signatory(of: partyA) ?? "")
        case .notice: documents[u.id] = "告知书"
        case .none: break
        }
      }
      func add(_ key: String, _ row: (Bool) -> Row, lead: [String], cooperating: [String]) {
        for unit in lead + cooperating where documents[unit] != nil {
          guard rows[unit, default: [:]][key] == nil else { continue }
          let r = row(lead.contains(unit))
          rows[unit, default: [:]][key] = r
          order[unit, default: []].append((key, r))
        }
      }
      for t in r.targets {
        let x = t.target
        let content = Content(
          text: x.name, requirement: x.requirement, tolerance: x.tolerance,
          aspirational: x.aspirational, period: x.period, weight: x.weight, lead: t.lead,
          cooperating: t.cooperating)
        add(
          "target:" + x.id, { Row(isTask: false, label: x.name, content: content, lead: $0) },
          lead: t.lead, cooperating: t.cooperating)
        // A unit holding a share of the target (and not carrying it whole) has its share as
        // its row: the share's requirement beside the whole's.
        for s in x.shares {
          let share = Content(
            text: x.name, requirement: s.requirement, whole: x.requirement, tolerance: x.tolerance,
            aspirational: x.aspirational, period: x.period, weight: x.weight, lead: [s.unit],
            cooperating: [])
          add(
            "target:" + x.id, { Row(isTask: false, label: x.name, content: share, lead: $0) },
            lead: [s.unit], cooperating: [])
        }
      }
      for t in r.tasks {
        let content = Content(
          text: t.task.text, weight: t.task.weight, lead: t.lead, cooperating: t.cooperating,
          deadline: t.deadline,
          milestones: t.task.milestones.map {
            Content.Milestone(title: $0.title, deadline: $0.deadline, weight: $0.weight)
          })
        add(
          "task:" + t.task.id, { Row(isTask: true, label: t.label, content: content, lead: $0) },
          lead: t.lead, cooperating: t.cooperating)
      }
    }
  }
}
