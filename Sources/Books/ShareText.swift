import PlanEngine
import PlanModel

/// How a unit's share of a split target (指标分解) reads in its book: the whole's requirement
/// beside the unit's, so the row says it is that unit's part of the whole (the template's
/// wording is `ReportTemplate`'s, in Reports).
enum ShareText {
  /// `分解目标：总体 ≤ 35 微克/立方米` / `本单位 ≤ 38 微克/立方米` (two lines, each whole where the
  /// book's 指标 column wraps) for a unit's share; nil for a target the unit carries whole.
  static func note(_ t: ResolvedTarget, in resolved: ResolvedPlan) -> String? {
    guard let whole = resolved.whole(of: t) else { return nil }
    return
      "分解目标：总体 \(whole.target.requirement.summary)\n本单位 \(t.target.requirement.summary)"
  }
}
