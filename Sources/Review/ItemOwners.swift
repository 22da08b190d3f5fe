import PlanEngine
import PlanModel

/// Who answers for an added or removed task or target, and by when: what a reviewer needs to
/// see beside a new task (and a dropped one) without opening the plan.
public struct ItemOwners: Sendable, Equatable {
  /// The lead units' ids.
  public var lead: [String]
  /// The cooperating units' ids.
  public var cooperating: [String]
  /// The deadline (tasks; nil for targets).
  public var deadline: Deadline?

  public init(lead: [String], cooperating: [String], deadline: Deadline? = nil) {
    self.lead = lead
    self.cooperating = cooperating
    self.deadline = deadline
  }

  /// Fills ``ItemChange/owners`` of the added items from `new`, and of the removed ones from
  /// `old`.
  static func attach(_ items: inout [ItemChange], old: ResolvedPlan, new: ResolvedPlan) {
    func tables(_ r: ResolvedPlan) -> (tasks: [String: ItemOwners], targets: [String: ItemOwners]) {
      var tasks: [String: ItemOwners] = [:]
      for t in r.tasks where tasks[t.task.id] == nil {
        tasks[t.task.id] = ItemOwners(
          lead: t.lead, cooperating: t.cooperating, deadline: t.deadline)
      }
      var targets: [String: ItemOwners] = [:]
      for t in r.targets where targets[t.target.id] == nil {
        targets[t.target.id] = ItemOwners(lead: t.lead, cooperating: t.cooperating)
      }
      return (tasks, targets)
    }
    let before = tables(old)
    let after = tables(new)
    for i in items.indices {
      let side: (tasks: [String: ItemOwners], targets: [String: ItemOwners])
      let id: String?
      switch items[i].kind {
      case .added: (side, id) = (after, items[i].newID)
      case .removed: (side, id) = (before, items[i].oldID)
      default: continue
      }
      guard let id else { continue }
      switch items[i].item {
      case .task: items[i].owners = side.tasks[id]
      case .target: items[i].owners = side.targets[id]
      default: break
      }
    }
  }
}

extension ChangeText {
  /// The owners of an added or removed item in words, one line each: `牵头单位：大气处`,
  /// `配合单位：执法支队、监测中心`, `完成时限：2020年第四季度`; none for other items.
  public func ownerLines(_ item: ItemChange) -> [String] {
    guard let o = item.owners else { return [] }
    var lines = ["牵头单位：\(units(o.lead))"]
    if !o.cooperating.isEmpty { lines.append("配合单位：\(units(o.cooperating))") }
    if let d = o.deadline { lines.append("完成时限：\(d)") }
    return lines
  }
}
