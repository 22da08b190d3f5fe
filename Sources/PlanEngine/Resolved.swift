import PlanModel

/// Where a resolved field came from.
public enum Origin: Sendable, Hashable, CustomStringConvertible {
  /// Declared on the task or target itself.
  case declared
  /// From the rule at this index of the plan's responsibility list.
  case rule(Int)
  /// Inherited from the task a figure belongs to.
  case task(String)
  /// No declaration or rule: the documented default (the plan's end for a deadline).
  case defaulted

  public var description: String {
    switch self {
    case .declared: "declared"
    case .rule(let i): "rule \(i + 1)"
    case .task(let id): "task \(id)"
    case .defaulted: "default"
    }
  }
}

/// A task with its owners and deadline decided.
public struct ResolvedTask: Sendable, Hashable {
  public var task: PlanTask
  /// The innermost chapter (or section) holding the task, then its parents outwards.
  public var chapterPath: [String]
  /// The number as the plan prints it: `13`, or `三(一)` / `四(二)3` when numbering restarts
  /// per chapter.
  public var label: String
  public var lead: [String]
  public var cooperating: [String]
  public var deadline: Deadline
  public var leadOrigin: Origin
  public var cooperatingOrigin: Origin
  public var deadlineOrigin: Origin

  /// The chapter (or section) holding the task.
  public var chapterID: String { chapterPath.first ?? "" }
  /// The top-level chapter holding the task.
  public var topChapterID: String { chapterPath.last ?? "" }
  /// The day it is due (`nil` when the deadline itself is invalid).
  public var dueDay: Day? { deadline.dueDay }

  /// Whether `unit` leads or cooperates on the task.
  public func involves(_ unit: String) -> Bool { lead.contains(unit) || cooperating.contains(unit) }
}

/// A target or a task's figure with the units that carry it.
public struct ResolvedTarget: Sendable, Hashable {
  public var target: PlanTarget
  /// The task stating the figure; `nil` for a plan-level target.
  public var taskID: String?
  public var lead: [String]
  public var cooperating: [String]
  public var origin: Origin

  /// Whether `unit` carries the target.
  public func involves(_ unit: String) -> Bool { lead.contains(unit) || cooperating.contains(unit) }
}

/// A plan whose responsibility list has been applied: every task and target with its owners.
public struct ResolvedPlan: Sendable {
  public var plan: WorkPlan
  /// Every task, in document order.
  public var tasks: [ResolvedTask]
  /// Plan-level targets first, then task figures in document order.
  public var targets: [ResolvedTarget]
  /// Conflicts between rules found while resolving.
  public var diagnostics: [Diagnostic]

  /// The units that lead or cooperate on a task or carry a target, in the order of the plan's
  /// unit list (the order books are numbered in).
  public var responsibleUnits: [OrgUnit] {
    var ids = Set<String>()
    for t in tasks { ids.formUnion(t.lead); ids.formUnion(t.cooperating) }
    for t in targets { ids.formUnion(t.lead); ids.formUnion(t.cooperating) }
    return plan.units.filter { ids.contains($0.id) }
  }

  /// The tasks `unit` leads or cooperates on.
  public func tasks(for unit: String) -> [ResolvedTask] { tasks.filter { $0.involves(unit) } }

  /// The targets and figures `unit` carries.
  public func targets(for unit: String) -> [ResolvedTarget] {
    targets.filter { $0.involves(unit) }
  }
}
