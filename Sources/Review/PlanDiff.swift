import Foundation
import PlanEngine
import PlanJSON
import PlanModel

/// What happened to one task or target between two versions of a plan.
public struct ItemChange: Sendable {
  public enum Kind: String, Sendable, Codable {
    case added, removed, changed, renumbered, unchanged
  }

  /// What was compared: a `task` or `target` (targets include task figures), or a part of the
  /// plan outside them — its metadata (`plan`), a `unit`, a `chapter`, the `assessment`
  /// (考核细则), a `rule` of the responsibility list, a `signing` declaration, a `clause`
  /// (考核方式 and the added clauses), or `other` (snapshot fields no other row names).
  public enum Item: String, Sendable, Codable, CaseIterable {
    case task, target, plan, unit, chapter, assessment, rule, signing, clause, other
  }

  public var item: Item
  public var kind: Kind
  /// The id in the old and in the new version (both, unless added or removed).
  public var oldID: String?
  public var newID: String?
  /// The number (tasks) or name (targets) in each version, as people refer to it.
  public var oldLabel: String?
  public var newLabel: String?
  /// The text (task) or name and requirement (target) in each version.
  public var oldText: String?
  public var newText: String?
  public var changes: [Change]
  /// The revision note (修订理由): the new version's, or for a removal the reason the new
  /// version records for it (``WorkPlan/removed``).
  ///
  /// A reason belongs to the revision that wrote it: one the old version already carried on
  /// the same item was written for an earlier revision and does not count here. It is kept in
  /// ``staleReason`` (shown, never counted), and ``reason`` is nil.
  public var reason: String?
  /// The old version's reason, carried unchanged into the new one: written for an earlier
  /// revision, so it explains none of this diff's changes.
  public var staleReason: String? = nil
  /// An added task's or target's lead, cooperating units and deadline in the new version (a
  /// removed one's in the old version); nil for other items.
  public var owners: ItemOwners? = nil
  /// The 修改依据 the new version records for this change (the item's own, else the
  /// revision's; ``RevisionRecord``), and its 提出单位 (a unit's short name, or as written).
  public var basis: String? = nil
  public var proposer: String? = nil

  /// For a decision outside tasks — a changed, added or removed rule of the responsibility
  /// list, a unit removed (merged into another) — the tasks and targets whose lead,
  /// cooperating units or deadline changed because of it, with those changes: said once here,
  /// not again on each task (see ``Decisions``).
  public var affected: [Affected] = []

  /// A task or target a decision changed, and how.
  public struct Affected: Sendable {
    public var item: Item
    public var oldID: String?
    public var newID: String?
    /// The task's number (the new one) or the target's name.
    public var label: String
    /// The lead, cooperating and deadline changes the decision made to it.
    public var changes: [Change]
  }

  /// The removal of a task, target or unit, any high-risk change, or a decision that makes a
  /// high-risk change to a task (a lead reassigned or a deadline slipped by a rule).
  public var isHighRisk: Bool {
    (kind == .removed && [.task, .target, .unit].contains(item))
      || changes.contains { $0.isHighRisk }
      || affected.contains { $0.changes.contains { $0.isHighRisk } }
  }
}

/// One side of a comparison.
public struct PlanSide: Sendable {
  public var plan: WorkPlan
  /// Where it came from: `guangzhou-2020`, `plans/snapshots/x.json`, `guangzhou-2020@HEAD`.
  public var source: String
  public var fingerprint: String

  public init(plan: WorkPlan, source: String) throws {
    self.plan = plan
    self.source = source
    fingerprint = try plan.fingerprint()
  }
}

/// Two versions of a plan compared: every task and target matched and classed.
public struct PlanDiff: Sendable {
  public var old: PlanSide
  public var new: PlanSide
  /// Targets first (plan-level, then task figures), then tasks; in the new version's order,
  /// removed ones where they stood.
  public var items: [ItemChange]
  /// The units whose book (or notice) reads differently in the new version, and what changed
  /// in each: the units that must re-sign, in the new version's unit order.
  public var resign: [UnitResign] = []

  /// Counts for the summary line: "3 added, 5 changed, 1 removed, 28 renumbered".
  public var added: Int { items.filter { $0.kind == .added }.count }
  public var removed: Int { items.filter { $0.kind == .removed }.count }
  public var changed: Int { items.filter { $0.kind == .changed }.count }
  public var renumbered: Int { items.filter { $0.kind == .renumbered }.count }
  public var unchanged: Int { items.filter { $0.kind == .unchanged }.count }

  /// Whether anything differs (renumbering included).
  public var hasChanges: Bool { items.contains { $0.kind != .unchanged } }

  /// The high-risk changes: loosened targets, removed tasks and targets, reassigned leads,
  /// deadline slips.
  public var highRisk: [ItemChange] { items.filter(\.isHighRisk) }

  /// High-risk changes without a revision note.
  public var highRiskWithoutReason: [ItemChange] {
    highRisk.filter { ($0.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
  }
}
