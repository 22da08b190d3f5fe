import PlanModel

/// One milestone (节点) of a task added, removed or changed, read by its title and dates: a
/// later date is a slip, counted in days and high-risk like a task's deadline.
public struct MilestoneChange: Sendable, Equatable {
  /// The milestone's id (the new version's, else the old one's).
  public var id: String
  /// The milestone in the old and the new version; nil: added or removed.
  public var from: PlanMilestone?
  public var to: PlanMilestone?

  public init(id: String, from: PlanMilestone?, to: PlanMilestone?) {
    self.id = id
    self.from = from
    self.to = to
  }

  /// Later by this many days (a slip), earlier when negative; nil when added or removed, or a
  /// date cannot be read.
  public var days: Int? {
    guard let a = from?.deadline.dueDay, let b = to?.deadline.dueDay else { return nil }
    return b.ordinal - a.ordinal
  }

  /// The title as the new version has it (else the old one).
  public var title: String { to?.title ?? from?.title ?? id }

  /// `milestoneAdded`, `milestoneRemoved`, `milestoneSlipped`, `milestoneAdvanced`,
  /// `milestoneChanged` (title, weight, or the date worded otherwise).
  public var code: String {
    switch (from, to) {
    case (nil, _): return "milestoneAdded"
    case (_, nil): return "milestoneRemoved"
    default:
      let d = days ?? 0
      return d > 0 ? "milestoneSlipped" : d < 0 ? "milestoneAdvanced" : "milestoneChanged"
    }
  }

  /// 新增节点, 删除节点, 节点推迟, 节点提前, 节点调整.
  public var chinese: String {
    switch code {
    case "milestoneAdded": "新增节点"
    case "milestoneRemoved": "删除节点"
    case "milestoneSlipped": "节点推迟"
    case "milestoneAdvanced": "节点提前"
    default: "节点调整"
    }
  }

  /// The milestones of two versions of a task, matched by id, in the new version's order
  /// (removed ones last).
  static func compare(_ old: [PlanMilestone], _ new: [PlanMilestone]) -> [MilestoneChange] {
    let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var out: [MilestoneChange] = []
    for m in new {
      guard let was = before[m.id] else {
        out.append(MilestoneChange(id: m.id, from: nil, to: m))
        continue
      }
      if was.title != m.title || was.deadline != m.deadline || was.weight != m.weight {
        out.append(MilestoneChange(id: m.id, from: was, to: m))
      }
    }
    for m in old where after[m.id] == nil {
      out.append(MilestoneChange(id: m.id, from: m, to: nil))
    }
    return out
  }

  /// In words: `节点推迟31天：「联网」2018年7月底 → 2018年8月底 (2018-07-31 → 2018-08-31)`,
  /// `新增节点：「完成验收」（2018年12月底）`.
  public var description: String {
    let days = self.days ?? 0
    let head = chinese + (days != 0 ? "\(abs(days))天" : "")
    switch (from, to) {
    case (nil, let m?): return "\(head)：「\(m.title)」（\(m.deadline)）"
    case (let m?, nil): return "\(head)：「\(m.title)」（\(m.deadline)）"
    case (let a?, let b?):
      var parts = [a.title == b.title ? "「\(b.title)」" : "「\(a.title)」→「\(b.title)」"]
      if a.deadline != b.deadline {
        let days = a.deadline.dueDay.flatMap { x in b.deadline.dueDay.map { " (\(x) → \($0))" } }
        parts.append("\(a.deadline) → \(b.deadline)\(days ?? "")")
      } else {
        parts.append("（\(b.deadline)）")
      }
      if a.weight != b.weight {
        parts.append(
          "分值 \(a.weight.map(Requirement.format) ?? "—") → \(b.weight.map(Requirement.format) ?? "—")"
        )
      }
      return "\(head)：" + parts.joined(separator: " ")
    default: return head
    }
  }
}
