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
  /// For a unit's view of its share (指标分解): the unit holding it. The view's `target` then
  /// carries the share's requirement and no shares, and its `lead` is that unit.
  public var shareUnit: String? = nil

  /// Whether `unit` carries the target.
  public func involves(_ unit: String) -> Bool { lead.contains(unit) || cooperating.contains(unit) }

  /// Whether `unit` holds a share of the target.
  public func holdsShare(_ unit: String) -> Bool { target.share(for: unit) != nil }

  /// The target as `unit`'s share: the share's requirement (and weight-free), led by `unit`
  /// alone; nil when `unit` holds no share.
  public func share(for unit: String) -> ResolvedTarget? {
    guard let s = target.share(for: unit) else { return nil }
    var view = self
    view.target.requirement = s.requirement
    view.target.shares = []
    view.target.rollUp = nil
    view.target.source = nil
    view.lead = [unit]
    view.cooperating = []
    view.origin = .declared
    view.shareUnit = unit
    return view
  }
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
    for t in targets {
      ids.formUnion(t.lead)
      ids.formUnion(t.cooperating)
      ids.formUnion(t.target.shares.map(\.unit))
    }
    return plan.units.filter { ids.contains($0.id) }
  }

  /// The tasks `unit` leads or cooperates on.
  public func tasks(for unit: String) -> [ResolvedTask] { tasks.filter { $0.involves(unit) } }

  /// The targets and figures `unit` carries: those it leads or cooperates on, and for a target
  /// it holds a share of (and does not carry as a whole), its share (``ResolvedTarget/share(for:)``).
  public func targets(for unit: String) -> [ResolvedTarget] {
    targets.compactMap { $0.involves(unit) ? $0 : $0.share(for: unit) }
  }

  /// The whole target a share view (``ResolvedTarget/shareUnit``) belongs to: the plan's own
  /// target, with every share; nil for a target carried whole.
  public func whole(of t: ResolvedTarget) -> ResolvedTarget? {
    guard t.shareUnit != nil else { return nil }
    return targets.first { $0.target.id == t.target.id && $0.shareUnit == nil }
  }
}
