import PlanEngine
import PlanModel

/// How a unit's share of a split target (指标分解) reads in its book and its template: the
/// whole's requirement beside the unit's, so the row says it is that unit's part of the whole.
enum ShareText {
  /// The whole target a share view belongs to (the plan's own target, with every share).
  static func whole(of t: ResolvedTarget, in resolved: ResolvedPlan) -> ResolvedTarget? {
    guard t.shareUnit != nil else { return nil }
    return resolved.targets.first { $0.target.id == t.target.id && $0.shareUnit == nil }
  }

  /// `分解目标：总体 ≤ 35 微克/立方米` / `本单位 ≤ 38 微克/立方米` (two lines, each whole where the
  /// book's 指标 column wraps) for a unit's share; nil for a target the unit carries whole.
  static func note(_ t: ResolvedTarget, in resolved: ResolvedPlan) -> String? {
    guard let whole = whole(of: t, in: resolved) else { return nil }
    return
      "分解目标：总体 \(whole.target.requirement.summary)\n本单位 \(t.target.requirement.summary)"
  }

  /// `本单位分解目标` / `总体 ≤ 35 微克/立方米`, under the target's name in a template (its 要求 is
  /// the share's).
  static func templateNote(_ t: ResolvedTarget, in resolved: ResolvedPlan) -> String? {
    guard let whole = whole(of: t, in: resolved) else { return nil }
    return "本单位分解目标\n总体 \(whole.target.requirement.summary)"
  }
}
