import PlanModel

/// Changes in words, the same for every output (terminal, Markdown, the 修订对照表 workbook).
/// An edited text is not spelled out here: each output shows its inline diff its own way.
public struct ChangeText: Sendable {
  let names: [String: String]
  let chapters: [String: String]

  /// Names units and chapters as `diff` (the new version first, then the old) has them.
  public init(_ diff: PlanDiff) {
    var names: [String: String] = [:]
    var chapters: [String: String] = [:]
    for plan in [diff.old.plan, diff.new.plan] {
      for u in plan.units { names[u.id] = u.shortName }
      for (c, _) in plan.allChapters { chapters[c.id] = c.title }
    }
    self.names = names
    self.chapters = chapters
  }

  /// `大气处、水处`, or `—`.
  public func units(_ ids: [String]) -> String {
    ids.isEmpty ? "—" : ids.map { names[$0] ?? $0 }.joined(separator: "、")
  }

  /// One change in words, without its text diff: `指标收紧：≤ 35 微克/立方米 → ≤ 33 微克/立方米`.
  public func describe(_ change: Change) -> String {
    switch change {
    case .renumbered(let from, let to): return "序号调整：第\(from)项 → 第\(to)项"
    case .renamed(let from, let to, let s):
      return "编号更名：\(from) → \(to)（文字相似度 \(Int((s * 100).rounded()))%）"
    case .textEdited(let d): return "文字修改（\(d.changedCharacters)字）"
    case .textRewritten(_, let s):
      return
        "内容重写：与原文相似度 \(Int((s * 100).rounded()))%，低于更名匹配阈值 \(Int((Differ.renameThreshold * 100).rounded()))%"
    case .setting(let s):
      if s.from == nil && s.to == nil { return "\(s.area.chinese)：\(s.label)" }
      return "\(s.area.chinese)：\(s.label) \(s.from ?? "无") → \(s.to ?? "无")"
    case .requirement(let a, let b, let s):
      let conversion = s == .unitChanged ? "（\(UnitConversion.words(a, b))）" : ""
      return "\(change.chinese)：\(a.summary) → \(b.summary)\(conversion)"
    case .aspirational(let a, let b):
      let words = { (x: Bool) in x ? "力争目标" : "约束性目标" }
      return "\(change.chinese)：\(words(a)) → \(words(b))"
        + (b ? "（未达到不再扣分，指标放宽）" : "（未达到将扣分，指标收紧）")
    case .tolerance(let a, let b):
      return "允许偏差：\(a.map(Requirement.format) ?? "无") → \(b.map(Requirement.format) ?? "无")"
    case .deadline(let a, let b, let days):
      let when = days == 0 ? "" : "\(abs(days))天"
      return "\(change.chinese)\(when)：\(a) → \(b)"
        + (a.dueDay.map { d in b.dueDay.map { " (\(d) → \($0))" } ?? "" } ?? "")
    case .leadReassigned(let a, let b): return "牵头单位调整：\(units(a)) → \(units(b))"
    case .cooperating(let added, let removed):
      var parts: [String] = []
      if !added.isEmpty { parts.append("增加\(units(added))") }
      if !removed.isEmpty { parts.append("减少\(units(removed))") }
      return "配合单位调整：" + parts.joined(separator: "，")
    case .weight(let a, let b):
      return "分值调整：\(a.map(Requirement.format) ?? "—") → \(b.map(Requirement.format) ?? "—")"
    case .moved(let a, let b):
      return "调整章节：\(chapters[a] ?? a) → \(chapters[b] ?? b)"
    case .milestone(let m): return m.description
    }
  }

  /// A change for the 修订类型 column, where the old and new values stand beside it in the
  /// 修订前 and 修订后 columns: a setting by its name only (`考核细则调整：扣分规则`), a milestone by
  /// its title (`节点推迟31天：「联网」`), any other
  /// change as ``describe(_:)`` words it.
  public func brief(_ change: Change) -> String {
    if case .setting(let s) = change { return "\(s.area.chinese)：\(s.label)" }
    if case .milestone(let m) = change {
      return "\(m.chinese)\(m.days.map { $0 == 0 ? "" : "\(abs($0))天" } ?? "")：「\(m.title)」"
    }
    return describe(change)
  }

  /// The lines a changed setting adds under an item's old and new text (`扣分规则：…`), unless
  /// the values are the texts themselves (a changed title); nil for other changes.
  public func settingLines(_ change: Change, of item: ItemChange) -> (old: String, new: String)? {
    guard case .setting(let s) = change, s.from != nil || s.to != nil else { return nil }
    if s.from == item.oldText && s.to == item.newText { return nil }
    return ("\(s.label)：\(s.from ?? "无")", "\(s.label)：\(s.to ?? "无")")
  }

  /// `任务 17`, `指标 pm25（PM2.5平均浓度）`.
  public func title(_ item: ItemChange) -> String {
    switch item.item {
    case .task:
      let label = item.newLabel ?? item.oldLabel ?? ""
      let title = PlanTask.title(of: item.newText ?? item.oldText ?? "")
      return "任务\(label) \(title)"
    case .target:
      let name = item.newLabel ?? item.oldLabel ?? ""
      return "指标 \(name)"
    default:
      let label = item.newLabel ?? item.oldLabel ?? ""
      let area = Self.area(item.item)
      return label.hasPrefix(area) ? label : label.isEmpty ? area : "\(area) \(label)"
    }
  }

  /// The part of the plan an item outside tasks and targets belongs to: 计划信息, 组织单位…
  public static func area(_ item: ItemChange.Item) -> String {
    switch item {
    case .task: "任务"
    case .target: "指标"
    case .plan: "计划信息"
    case .unit: "组织单位"
    case .chapter: "章节"
    case .assessment: "考核细则"
    case .rule: "责任清单"
    case .signing: "签订方式"
    case .clause: "条款"
    case .other: "其他"
    }
  }

  /// The kind of revision for the 修订类型 column: 新增, 删除, or the changes' names.
  public func kinds(_ item: ItemChange) -> String {
    switch item.kind {
    case .added: return "新增"
    case .removed: return "删除"
    case .unchanged: return "未修改"
    case .renumbered, .changed:
      var seen: [String] = []
      for c in item.changes where !seen.contains(c.chinese) { seen.append(c.chinese) }
      var moved: [String] = []
      for c in item.affected.flatMap(\.changes) where !moved.contains(c.chinese) {
        moved.append(c.chinese)
      }
      return seen.joined(separator: "、")
        + (moved.isEmpty ? "" : "（涉及\(item.affected.count)项：\(moved.joined(separator: "、"))）")
    }
  }

  /// The tasks and targets a decision (a rule, a removed unit) moved, grouped by what it did
  /// to them: `牵头单位调整：机关党委 → 办公室：任务1、任务2、任务3`.
  public func affectedLines(_ item: ItemChange) -> [String] {
    var order: [String] = []
    var groups: [String: [String]] = [:]
    for a in item.affected {
      let what = a.changes.map(describe).joined(separator: "；")
      if groups[what] == nil { order.append(what) }
      groups[what, default: []].append(a.item == .task ? "任务\(a.label)" : "指标 \(a.label)")
    }
    return order.map { "\($0)：\((groups[$0] ?? []).joined(separator: "、"))" }
  }

  /// Every renumbering (of renumbered and of otherwise changed tasks), consecutive ones folded
  /// into ranges, whatever the numbering scheme: `第17–34项 → 第18–35项`, `第四(二)1–5项 → 第四(二)2–6项`
  /// (see ``Renumbering``).
  public static func renumberedRanges(_ items: [ItemChange]) -> [String] {
    var pairs: [(from: String, to: String)] = []
    for item in items {
      for case .renumbered(let from, let to) in item.changes { pairs.append((from, to)) }
    }
    return Renumbering.ranges(pairs)
  }
}
