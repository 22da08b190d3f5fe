import PlanEngine
import PlanModel

/// Compares two versions of a plan.
///
/// Matching: tasks and targets by id first. Of what is left, an old and a new task (or target)
/// whose texts have a character-bigram similarity of at least ``renameThreshold`` are the same
/// item under a new id (*renamed*), best pairs first. The rest are added or removed. A matched
/// task whose only difference is its number is *renumbered*, not changed.
public enum Differ {
  /// The least similarity (Sørensen–Dice of character bigrams) for a rename.
  public static let renameThreshold = 0.8

  /// The differences from `old` to `new`.
  public static func diff(_ old: PlanSide, _ new: PlanSide) -> PlanDiff {
    diff(old, new, resolved: (Resolver.resolve(old.plan), Resolver.resolve(new.plan)))
  }

  /// The differences from `old` to `new`, whose plans a caller has already resolved (to check
  /// them): `resolved` is `Resolver.resolve` of each side's plan.
  public static func diff(
    _ old: PlanSide, _ new: PlanSide, resolved: (old: ResolvedPlan, new: ResolvedPlan)
  ) -> PlanDiff {
    let (a, b) = resolved
    let removedReasons = Dictionary(
      (new.plan.removed ?? []).map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
    var names: [String: String] = [:]
    for u in old.plan.units + new.plan.units { names[u.id] = u.shortName }
    let targets = match(
      a.targets, b.targets, id: \.target.id, text: { targetText($0.target) },
      compare: {
        compareTargets($0, $1, names: names)
          + ShareChange.compare($0.target, $1.target, names: names)
      },
      describe: { t in (t.target.id, t.target.name, targetText(t.target), t.target.reason) },
      removedReasons: removedReasons, item: .target)
    let tasks = match(
      a.tasks, b.tasks, id: \.task.id, text: \.task.text,
      compare: { compareTasks($0, $1) },
      describe: { t in (t.task.id, t.label, t.task.text, t.task.reason) },
      removedReasons: removedReasons, item: .task)
    var settings = SettingsDiffer.diff(old.plan, new.plan)
    for i in settings.indices where settings[i].item == .unit && settings[i].kind == .removed {
      settings[i].reason = settings[i].oldID.flatMap { removedReasons[$0] }
    }
    var found = targets + tasks + settings
    ItemOwners.attach(&found, old: a, new: b)
    RevisionNotes.attach(&found, old: old.plan, new: new.plan)
    var result = PlanDiff(
      old: old, new: new, items: found + SettingsDiffer.fallback(old, new, found: found))
    result.resign = ResignList.units(a, b, items: result.items)
    result.items = Decisions.fold(result.items, a, b)
    return result
  }

  /// A reason the new version gives an item counts only when the old version did not already
  /// give it the same one: a reason carried over unchanged was written for an earlier revision
  /// (see ``ItemChange/staleReason``).
  static func reasons(old: String?, new: String?) -> (reason: String?, stale: String?) {
    guard let new, !new.isEmpty else { return (new, nil) }
    return old == new ? (nil, new) : (new, nil)
  }

  /// A task's text changed: an edit, or — less similar than a rename needs — a rewrite.
  static func textChange(_ old: String, _ new: String) -> Change {
    let similarity = Similarity.bigrams(old, new)
    let diff = TextDiff(old: old, new: new)
    return similarity < renameThreshold
      ? .textRewritten(diff, similarity: similarity) : .textEdited(diff)
  }

  /// How a target reads in one line: `PM2.5平均浓度 ≤ 35 微克/立方米`.
  static func targetText(_ t: PlanTarget) -> String { "\(t.name) \(t.requirement.summary)" }

  /// Matches two lists and classes every pair; the result is in the new list's order, with
  /// removed items placed after the new item that followed them in the old list… simply
  /// after their old predecessor.
  static func match<T>(
    _ old: [T], _ new: [T], id: (T) -> String, text: (T) -> String,
    compare: (T, T) -> [Change],
    describe: (T) -> (id: String, label: String, text: String, reason: String?),
    removedReasons: [String: String], item: ItemChange.Item
  ) -> [ItemChange] {
    let oldByID = Dictionary(old.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
    let newIDs = Set(new.map(id))
    var pairs: [String: (old: T, similarity: Double?)] = [:]  // keyed by new id
    for n in new { if let o = oldByID[id(n)] { pairs[id(n)] = (o, nil) } }

    // Renames: the most similar unmatched pairs first, above the threshold.
    let unmatchedOld = old.filter { !newIDs.contains(id($0)) }
    let unmatchedNew = new.filter { pairs[id($0)] == nil }
    var candidates: [(Int, Int, Double)] = []
    let profiles = Similarity.Profiles(unmatchedOld.map(text) + unmatchedNew.map(text))
    let offset = unmatchedOld.count
    for i in unmatchedOld.indices {
      for j in unmatchedNew.indices where profiles.bound(i, offset + j) >= renameThreshold {
        let s = profiles.similarity(i, offset + j)
        if s >= renameThreshold { candidates.append((i, j, s)) }
      }
    }
    candidates.sort { ($0.2, -$0.0, -$0.1) > ($1.2, -$1.0, -$1.1) }
    var usedOld = Set<Int>()
    var usedNew = Set<Int>()
    var renamedOld = Set<String>()
    for (i, j, s) in candidates where !usedOld.contains(i) && !usedNew.contains(j) {
      usedOld.insert(i)
      usedNew.insert(j)
      pairs[id(unmatchedNew[j])] = (unmatchedOld[i], s)
      renamedOld.insert(id(unmatchedOld[i]))
    }

    var out: [ItemChange] = []
    var placedOld = Set<String>()
    func removal(_ o: T) -> ItemChange {
      let d = describe(o)
      return ItemChange(
        item: item, kind: .removed, oldID: d.id, newID: nil, oldLabel: d.label, newLabel: nil,
        oldText: d.text, newText: nil, changes: [], reason: removedReasons[d.id])
    }
    // Removed items go after the old item that preceded them, so they appear where they were.
    var removedAfter: [String?: [T]] = [:]
    var previous: String? = nil
    for o in old {
      if !newIDs.contains(id(o)) && !renamedOld.contains(id(o)) {
        removedAfter[previous, default: []].append(o)
      } else {
        previous = id(o)
      }
    }
    for o in removedAfter[nil] ?? [] { out.append(removal(o)) }
    for n in new {
      let d = describe(n)
      if let (o, similarity) = pairs[id(n)] {
        let od = describe(o)
        var changes = compare(o, n)
        if let similarity {
          changes.insert(.renamed(from: od.id, to: d.id, similarity: similarity), at: 0)
        }
        let (reason, stale) = reasons(old: od.reason, new: d.reason)
        let kind: ItemChange.Kind =
          changes.isEmpty
          ? .unchanged
          : changes.allSatisfy({ if case .renumbered = $0 { true } else { false } })
            ? .renumbered : .changed
        out.append(
          ItemChange(
            item: item, kind: kind, oldID: od.id, newID: d.id, oldLabel: od.label,
            newLabel: d.label, oldText: od.text, newText: d.text, changes: changes,
            reason: reason, staleReason: stale))
        placedOld.insert(od.id)
        for r in removedAfter[od.id] ?? [] { out.append(removal(r)) }
      } else {
        out.append(
          ItemChange(
            item: item, kind: .added, oldID: nil, newID: d.id, oldLabel: nil, newLabel: d.label,
            oldText: nil, newText: d.text, changes: [], reason: d.reason))
      }
    }
    return out
  }

  static func compareTasks(_ o: ResolvedTask, _ n: ResolvedTask) -> [Change] {
    var changes: [Change] = []
    if o.label != n.label { changes.append(.renumbered(from: o.label, to: n.label)) }
    if o.chapterID != n.chapterID { changes.append(.moved(from: o.chapterID, to: n.chapterID)) }
    if o.task.text != n.task.text { changes.append(textChange(o.task.text, n.task.text)) }
    if o.deadline != n.deadline {
      let days = (n.dueDay?.ordinal ?? 0) - (o.dueDay?.ordinal ?? 0)
      changes.append(.deadline(from: o.deadline, to: n.deadline, days: days))
    }
    if o.lead != n.lead { changes.append(.leadReassigned(from: o.lead, to: n.lead)) }
    let added = n.cooperating.filter { !o.cooperating.contains($0) }
    let removed = o.cooperating.filter { !n.cooperating.contains($0) }
    if !added.isEmpty || !removed.isEmpty {
      changes.append(.cooperating(added: added, removed: removed))
    }
    if o.task.weight != n.task.weight {
      changes.append(.weight(from: o.task.weight, to: n.task.weight))
    }
    changes += MilestoneChange.compare(o.task.milestones, n.task.milestones).map {
      .milestone($0)
    }
    if o.task.title != n.task.title {
      changes.append(
        .setting(
          Setting(.other, field: "title", label: "任务标题", from: o.task.title, to: n.task.title)))
    }
    return changes + ItemResidual.task(o.task, n.task)
  }

  static func compareTargets(
    _ o: ResolvedTarget, _ n: ResolvedTarget, names: [String: String] = [:]
  ) -> [Change] {
    var changes: [Change] = []
    if o.target.name != n.target.name {
      changes.append(.textEdited(TextDiff(old: o.target.name, new: n.target.name)))
    }
    let r0 = o.target.requirement
    let r1 = n.target.requirement
    if r0 != r1 { changes.append(.requirement(from: r0, to: r1, strictness(r0, r1))) }
    if o.target.tolerance != n.target.tolerance {
      changes.append(.tolerance(from: o.target.tolerance, to: n.target.tolerance))
    }
    if o.target.aspirational != n.target.aspirational {
      changes.append(.aspirational(from: o.target.aspirational, to: n.target.aspirational))
    }
    if o.lead != n.lead { changes.append(.leadReassigned(from: o.lead, to: n.lead)) }
    let added = n.cooperating.filter { !o.cooperating.contains($0) }
    let removed = o.cooperating.filter { !n.cooperating.contains($0) }
    if !added.isEmpty || !removed.isEmpty {
      changes.append(.cooperating(added: added, removed: removed))
    }
    if o.target.weight != n.target.weight {
      changes.append(.weight(from: o.target.weight, to: n.target.weight))
    }
    if o.target.implements != n.target.implements {
      // Which parent target (or share) it implements (层层分解): what `cascade` and the parent
      // checks hold it to.
      changes.append(
        .setting(
          Setting(
            .other, field: "implements", label: "落实上级指标", from: o.target.implements ?? "无",
            to: n.target.implements ?? "无")))
    }
    if o.target.period != n.target.period {
      changes.append(
        .setting(
          Setting(
            .other, field: "period", label: "统计期", from: o.target.period?.description ?? "全年",
            to: n.target.period?.description ?? "全年")))
    }
    // Who may report its values (`Target(…, source:)`), and how the tables group and number it.
    func unit(_ id: String?) -> String { id.map { names[$0] ?? $0 } ?? "无" }
    let fields: [(String, String, String?, String?, (String?) -> String)] = [
      ("source", "数据来源单位", o.target.source, n.target.source, unit),
      ("group", "指标类别", o.target.group, n.target.group, { $0 ?? "无" }),
      ("number", "指标编号", o.target.number, n.target.number, { $0 ?? "无" }),
    ]
    for (field, label, a, b, shown) in fields where a != b {
      changes.append(
        .setting(Setting(.other, field: field, label: label, from: shown(a), to: shown(b))))
    }
    return changes + ItemResidual.target(o.target, n.target)
  }

  /// Whether `new` is harder or easier to meet than `old`.
  public static func strictness(_ old: Requirement, _ new: Requirement) -> Change.Strictness {
    for r in [old, new] {
      switch r.kind {
      case .qualitative?: return .changed
      case .level?, .count?, .share?, .change?: break
      case nil where r.measure == .qualitative: return .changed
      case nil: break
      }
    }
    guard old.direction == new.direction, let d = new.direction else { return .directionChanged }
    guard (old.unit ?? "") == (new.unit ?? ""), old.of == new.of else { return .unitChanged }
    guard old.baseYear == new.baseYear, let v0 = old.value, let v1 = new.value, v0 != v1 else {
      return .changed
    }
    switch d {
    case .atMost: return v1 < v0 ? .tightened : .loosened
    case .atLeast, .decrease, .increase: return v1 > v0 ? .tightened : .loosened
    case .equal: return .changed
    }
  }
}
