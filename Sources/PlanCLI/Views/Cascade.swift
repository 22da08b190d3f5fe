import Foundation
import PlanEngine
import PlanModel
import Tracking

/// `planbook cascade`'s content: for each target of a plan, the chain down through every
/// plan of the catalogue that implements it (层层分解) — the whole, its shares, and each
/// child plan's target with its own shares, level by level — with each level's status as of a
/// date when one is given. See docs/cascade-json.md.
struct Cascade: Encodable {
  /// One row: a target (or one unit's share of it) at one level.
  struct Row: Encodable {
    /// 0 for the plan asked for, 1 for its child plans, 2 for theirs…
    var level: Int
    /// The plan the row's target belongs to.
    var plan: String
    /// The target's (or figure's) id in that plan.
    var target: String
    /// What is measured, as that plan names it.
    var name: String
    /// For a share: the unit holding it; nil for the whole target.
    var share: String?
    /// Who carries the row: the share's unit, else the target's lead units (short names).
    var units: [String]
    /// What the row asks for.
    var requirement: Requirement
    /// `requirement` in words (`≤ 33 微克/立方米`).
    var summary: String
    /// For a child plan's target: what it implements (`guangzhou-2020/pm25`).
    var implements: String?
    /// With `--as-of`: the status class (`met`…`noData`), its Chinese name and the value.
    var status: TargetStatus?
    var statusChinese: String?
    var measured: Double?
    var measuredUnit: String?
  }

  /// One target of the plan asked for, and its chain.
  struct Chain: Encodable {
    var target: String
    var name: String
    var rows: [Row]
  }

  /// A plan of the cascade, as the header lists it.
  struct Level: Encodable {
    var level: Int
    var plan: String
    var title: String
    /// The parent plan and the parent's unit the plan is the plan of (nil for level 0).
    var parent: String?
    var parentUnit: String?
    /// With `--as-of`: the progress files read (empty when the plan has none yet).
    var reports: [String]?
  }

  var plan: String
  var title: String
  var asOf: Day?
  var plans: [Level]
  var chains: [Chain]

  private enum CodingKeys: String, CodingKey { case plan, title, asOf, plans, chains }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(plan, forKey: .plan)
    try c.encode(title, forKey: .title)
    try c.encodeIfPresent(asOf?.description, forKey: .asOf)
    try c.encode(plans, forKey: .plans)
    try c.encode(chains, forKey: .chains)
  }
}

extension Cascade {
  /// The statuses of one plan as of the date, and the files read.
  struct Evaluated {
    var status: StatusReport
    var files: [String]
  }

  /// Builds the cascade of `root` with the catalogue's `children(planID)`; `evaluate` gives a
  /// plan's status as of `asOf` (nil: no status).
  static func build(
    root resolvedRoot: ResolvedPlan, asOf: Day?, children: (String) -> [ResolvedPlan],
    evaluate: (ResolvedPlan) throws -> Evaluated?
  ) throws -> Cascade {
    let root = resolvedRoot.plan
    var levels: [Level] = []
    var statuses: [String: StatusReport] = [:]
    var resolved: [String: ResolvedPlan] = [:]
    var visited = Set<String>()
    /// Every plan of the cascade below `plan`, depth first, with its level.
    func collect(_ r: ResolvedPlan, level: Int) throws {
      let plan = r.plan
      guard visited.insert(plan.id).inserted else { return }
      resolved[plan.id] = r
      let evaluated = try evaluate(r)
      statuses[plan.id] = evaluated?.status
      levels.append(
        Level(
          level: level, plan: plan.id, title: plan.title, parent: plan.parent?.plan,
          parentUnit: plan.parent?.unit, reports: evaluated?.files))
      for child in children(plan.id) { try collect(child, level: level + 1) }
    }
    try collect(resolvedRoot, level: 0)
    let plans = Dictionary(
      levels.compactMap { l in resolved[l.plan].map { (l.plan, $0.plan) } },
      uniquingKeysWith: { a, _ in a })

    /// The rows of `t` of `plan` at `level`: the whole, then each share followed by the child
    /// targets implementing it, then the child targets implementing the whole.
    /// `above`: the plans of the chain so far, so a plan that is its own ancestor ends it.
    func rows(
      _ t: PlanTarget, of plan: WorkPlan, level: Int, implements: String?, above: Set<String> = []
    ) -> [Row] {
      let above = above.union([plan.id])
      let r = resolved[plan.id]
      let rt = r?.targets.first { $0.target.id == t.id }
      func names(_ ids: [String]) -> [String] { ids.map { plan.unit($0)?.shortName ?? $0 } }
      func row(share: TargetShare?) -> Row {
        let e = statuses[plan.id]?.targets.first {
          $0.target.target.id == t.id && $0.target.shareUnit == share?.unit
        }
        return Row(
          level: level, plan: plan.id, target: t.id, name: t.name, share: share?.unit,
          units: share.map { names([$0.unit]) } ?? names(rt?.lead ?? []),
          requirement: share?.requirement ?? t.requirement,
          summary: (share?.requirement ?? t.requirement).summary,
          implements: share == nil ? implements : nil, status: e?.status,
          statusChinese: e?.status.chinese, measured: e?.measured,
          measuredUnit: e?.measured == nil ? nil : e?.measuredUnit)
      }
      /// The child plans' targets implementing `t` (its `share`, or the whole when nil).
      func below(_ share: String?) -> [Row] {
        var out: [Row] = []
        for child in children(plan.id).map(\.plan) {
          guard let childPlan = plans[child.id], !above.contains(child.id) else { continue }
          for ct in ParentChecks.allTargets(childPlan) {
            guard case .linked(let link)? = ParentChecks.link(ct, of: childPlan, in: plan),
              link.target.id == t.id, link.share?.unit == share
            else { continue }
            out += rows(
              ct, of: childPlan, level: level + 1, implements: ct.implements, above: above)
          }
        }
        return out
      }
      var out = [row(share: nil)]
      for s in t.shares { out += [row(share: s)] + below(s.unit) }
      return out + below(nil)
    }

    // Every plan-level target; a task's figure only when a child plan implements it.
    var chains = root.targets.map { t in
      Chain(target: t.id, name: t.name, rows: rows(t, of: root, level: 0, implements: t.implements))
    }
    for f in root.allTasks.flatMap(\.figures) {
      let chain = rows(f, of: root, level: 0, implements: f.implements)
      if chain.contains(where: { $0.level > 0 }) {
        chains.append(Chain(target: f.id, name: f.name, rows: chain))
      }
    }
    return Cascade(plan: root.id, title: root.title, asOf: asOf, plans: levels, chains: chains)
  }
}
