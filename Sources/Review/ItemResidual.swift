import Foundation
import PlanModel

/// The safety net of one matched target or task: what still differs between its two versions
/// once every field ``Differ`` compares by name has been set equal, named by its path in the
/// snapshot (`targets[pm25].source`). A field no comparison names can then never change
/// unseen — not even beside other changes, where the plan-wide net
/// (``SettingsDiffer/fallback(_:_:found:)``, which speaks only when nothing else was found)
/// stays silent.
enum ItemResidual {
  /// The residual difference of `old` and `new` (the fields compared by name already made
  /// equal), as one `other` setting listing the snapshot paths; none when they are equal.
  static func changes<T: Encodable & Equatable>(_ old: T, _ new: T, at path: String) -> [Change] {
    guard old != new else { return [] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var paths: [String] = []
    if let a = try? JSONSerialization.jsonObject(with: encoder.encode(old)),
      let b = try? JSONSerialization.jsonObject(with: encoder.encode(new))
    {
      SettingsDiffer.differences(a, b, at: path, into: &paths)
    }
    if paths.isEmpty { paths = [path] }
    let shown = paths.joined(separator: "、")
    return [.setting(Setting(.other, field: shown, label: "快照字段 \(shown)", from: nil, to: nil))]
  }

  /// `old` with every field of a target that ``Differ`` compares by name (or that is not the
  /// target's content: id, location, revision reason) taken from `new`.
  static func target(_ old: PlanTarget, _ new: PlanTarget) -> [Change] {
    var a = old
    a.id = new.id
    a.name = new.name
    a.requirement = new.requirement
    a.tolerance = new.tolerance
    a.aspirational = new.aspirational
    a.responsibility = new.responsibility
    a.weight = new.weight
    a.period = new.period
    a.implements = new.implements
    a.source = new.source
    a.group = new.group
    a.number = new.number
    a.shares = new.shares
    a.rollUp = new.rollUp
    a.reason = new.reason
    a.location = new.location
    return changes(a, new, at: "targets[\(new.id)]")
  }

  /// `old` with every field of a task that ``Differ`` compares by name (its figures are
  /// compared as targets) taken from `new`.
  static func task(_ old: PlanTask, _ new: PlanTask) -> [Change] {
    var a = old
    a.id = new.id
    a.number = new.number
    a.title = new.title
    a.text = new.text
    a.figures = new.figures
    a.milestones = new.milestones
    a.weight = new.weight
    a.responsibility = new.responsibility
    a.reason = new.reason
    a.location = new.location
    return changes(a, new, at: "tasks[\(new.id)]")
  }
}
