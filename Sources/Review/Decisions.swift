import PlanEngine
import PlanModel

/// One row per decision: a task's lead, cooperating units or deadline that changed because a
/// rule of the responsibility list changed (or was added or removed), or because a unit it
/// named was removed (two divisions merged, a unit given a new id), is said once, on that
/// rule's or unit's row — the rule before and after, its reason, and the list of the tasks it
/// moved — and no longer on each task. A task's figures do not repeat their task's owner
/// change. What is left on a task is its own change.
enum Decisions {
  static func fold(_ items: [ItemChange], _ a: ResolvedPlan, _ b: ResolvedPlan) -> [ItemChange] {
    var items = items
    let o = a.plan
    let n = b.plan
    let oldKey = o.rules.map { SettingsDiffer.match($0.match, o, n) }
    let newKey = n.rules.map { SettingsDiffer.match($0.match, o, n) }
    // The decisions: rule rows (by key) and removed units (by id).
    var ruleRow: [String: Int] = [:]
    var unitRow: [String: Int] = [:]
    for (i, item) in items.enumerated() {
      if item.item == .rule, let k = item.newID ?? item.oldID { ruleRow[k] = i }
      if item.item == .unit, item.kind == .removed, let id = item.oldID { unitRow[id] = i }
    }
    guard !ruleRow.isEmpty || !unitRow.isEmpty else { return items }
    // A rule changed only to put another unit in place of a removed one (two divisions
    // merged) is part of that unit's row, unless the rule gives a reason of its own.
    let ruleOf = Dictionary(
      o.rules.map { (SettingsDiffer.match($0.match, o, n), $0) }, uniquingKeysWith: { x, _ in x })
    let newRuleOf = Dictionary(
      n.rules.map { (SettingsDiffer.match($0.match, o, n), $0) }, uniquingKeysWith: { x, _ in x })
    var folded = Set<Int>()
    for (key, row) in ruleRow.sorted(by: { $0.value < $1.value })
    where items[row].kind == .changed && items[row].reason == nil {
      guard let was = ruleOf[key]?.responsibility, let now = newRuleOf[key]?.responsibility,
        was.deadline == now.deadline
      else { continue }
      let gone = ((was.lead ?? []) + (was.cooperating ?? [])).filter {
        !((now.lead ?? []) + (now.cooperating ?? [])).contains($0)
      }
      guard let unit = gone.first, gone.allSatisfy({ unitRow[$0] != nil }),
        let target = unitRow[unit]
      else { continue }
      let label = items[row].newLabel ?? key
      items[target].changes += items[row].changes.map { c in
        guard case .setting(var s) = c else { return c }
        s.label = "\(label)的\(s.label)"
        return .setting(s)
      }
      folded.insert(row)
      ruleRow[key] = target
    }

    /// The row of the decision that made a field change: the rule deciding it in the new
    /// version, or (when the task does not declare it now) in the old one; else a removed
    /// unit among the old values.
    func cause(_ was: Origin, _ now: Origin, removedUnits: [String]) -> Int? {
      if case .rule(let j) = now, j < newKey.count, let r = ruleRow[newKey[j]] { return r }
      if now != .declared, case .rule(let i) = was, i < oldKey.count, let r = ruleRow[oldKey[i]] {
        return r
      }
      return removedUnits.lazy.compactMap { unitRow[$0] }.first
    }

    let oldTasks = Dictionary(a.tasks.map { ($0.task.id, $0) }, uniquingKeysWith: { x, _ in x })
    let newTasks = Dictionary(b.tasks.map { ($0.task.id, $0) }, uniquingKeysWith: { x, _ in x })
    let oldTargets = Dictionary(
      a.targets.map { ($0.target.id, $0) }, uniquingKeysWith: { x, _ in x })
    let newTargets = Dictionary(
      b.targets.map { ($0.target.id, $0) }, uniquingKeysWith: { x, _ in x })
    // Tasks whose owners changed (before folding): their figures need not say it again.
    var leadChanged = Set<String>()
    var coopChanged = Set<String>()
    for item in items where item.item == .task {
      guard let id = item.newID else { continue }
      for c in item.changes {
        if case .leadReassigned = c { leadChanged.insert(id) }
        if case .cooperating = c { coopChanged.insert(id) }
      }
    }

    for k in items.indices where items[k].kind == .changed {
      let item = items[k]
      guard let oid = item.oldID, let nid = item.newID else { continue }
      var kept: [Change] = []
      var moved: [Int: [Change]] = [:]
      switch item.item {
      case .task:
        guard let ot = oldTasks[oid], let nt = newTasks[nid] else { continue }
        for c in item.changes {
          let row: Int?
          switch c {
          case .leadReassigned(let from, _):
            row = cause(ot.leadOrigin, nt.leadOrigin, removedUnits: from)
          case .cooperating(_, let removed):
            row = cause(ot.cooperatingOrigin, nt.cooperatingOrigin, removedUnits: removed)
          case .deadline:
            row = cause(ot.deadlineOrigin, nt.deadlineOrigin, removedUnits: [])
          default: row = nil
          }
          if let row { moved[row, default: []].append(c) } else { kept.append(c) }
        }
      case .target:
        guard let ot = oldTargets[oid], let nt = newTargets[nid] else { continue }
        for c in item.changes {
          switch c {
          case .leadReassigned(let from, _):
            if case .task(let t) = nt.origin, case .task = ot.origin, leadChanged.contains(t) {
              continue  // the task's lead change, not repeated on its figure
            }
            if let row = cause(ot.origin, nt.origin, removedUnits: from) {
              moved[row, default: []].append(c)
            } else {
              kept.append(c)
            }
          case .cooperating(_, let removed):
            if case .task(let t) = nt.origin, case .task = ot.origin, coopChanged.contains(t),
              ot.target.responsibility.cooperating == nil,
              nt.target.responsibility.cooperating == nil
            {
              continue
            }
            if let row = cause(ot.origin, nt.origin, removedUnits: removed) {
              moved[row, default: []].append(c)
            } else {
              kept.append(c)
            }
          default: kept.append(c)
          }
        }
      default: continue
      }
      guard kept.count != item.changes.count else { continue }
      for (row, changes) in moved.sorted(by: { $0.key < $1.key }) {
        items[row].affected.append(
          ItemChange.Affected(
            item: item.item, oldID: oid, newID: nid, label: item.newLabel ?? item.oldLabel ?? nid,
            changes: changes))
      }
      items[k].changes = kept
      items[k].kind =
        kept.isEmpty
        ? .unchanged
        : kept.allSatisfy({ if case .renumbered = $0 { true } else { false } })
          ? .renumbered : .changed
    }
    return items.indices.filter { !folded.contains($0) }.map { items[$0] }
  }
}
