import ArgumentParser
import PlanEngine
import PlanModel

extension Workspace {
  /// The unit of `plan` that `name` names — by id, short name or full name, as every `--unit`
  /// option takes it. Throws a `ValidationError` (usage, exit 64) when there is none:
  /// `unknown unit '空气处' in guangzhou-2020; did you mean 大气处?`, or, when no unit's id or
  /// name is near, the short names of the units with a share in the plan.
  static func unit(named name: String, in plan: WorkPlan) throws -> OrgUnit {
    if let unit = plan.units.first(where: { [$0.id, $0.shortName, $0.name].contains(name) }) {
      return unit
    }
    throw ValidationError("unknown unit '\(name)' in \(plan.id); \(unitHint(for: name, in: plan))")
  }

  /// What follows an unknown unit: the short names of the units whose id, short name or full
  /// name is nearest to `name` (people name units by short name, so a mistyped id is
  /// suggested by short name too), else the units with a share in `plan`.
  static func unitHint(for name: String, in plan: WorkPlan) -> String {
    var shortNames: [String: String] = [:]
    for unit in plan.units {
      for spelling in [unit.id, unit.shortName, unit.name] where shortNames[spelling] == nil {
        shortNames[spelling] = unit.shortName
      }
    }
    var near: [String] = []
    for spelling in Diagnostic.nearest(name, among: Array(shortNames.keys)) {
      if let shortName = shortNames[spelling], !near.contains(shortName) {
        near.append(shortName)
      }
    }
    if !near.isEmpty { return "did you mean \(near.joined(separator: "、"))?" }
    let shares = Resolver.resolve(plan).responsibleUnits.map(\.shortName)
    return shares.isEmpty
      ? "no unit has a share in it"
      : "units with a share: \(shares.joined(separator: "、"))"
  }
}
