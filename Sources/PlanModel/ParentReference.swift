/// What a target's ``PlanTarget/implements`` names: a parent plan's target, or one unit's
/// share of it.
///
/// | written | means |
/// | --- | --- |
/// | `guangzhou-2020/pm25` | target (or task figure) `pm25` of plan `guangzhou-2020`; when the child plan is the plan of a unit (`Plan(…, as: "gz-eeb-panyu")`) holding a share of it, that share |
/// | `guangzhou-2020/pm25@gz-eeb-panyu` | the share of `pm25` held by unit `gz-eeb-panyu` |
public struct ParentReference: Sendable, Hashable, CustomStringConvertible {
  /// The parent plan's id.
  public var plan: String
  /// The parent target's (or figure's) id.
  public var target: String
  /// The unit whose share is meant, when written with `@`.
  public var unit: String?

  public init(plan: String, target: String, unit: String? = nil) {
    self.plan = plan
    self.target = target
    self.unit = unit
  }

  /// Reads `PLAN/TARGET` or `PLAN/TARGET@UNIT`; nil when a part is missing or empty.
  public init?(_ text: String) {
    guard let slash = text.firstIndex(of: "/") else { return nil }
    let plan = String(text[..<slash])
    var rest = String(text[text.index(after: slash)...])
    var unit: String?
    if let at = rest.firstIndex(of: "@") {
      unit = String(rest[rest.index(after: at)...])
      rest = String(rest[..<at])
    }
    guard !plan.isEmpty, !rest.isEmpty, unit.map({ !$0.isEmpty }) ?? true, !rest.contains("/")
    else { return nil }
    self.init(plan: plan, target: rest, unit: unit)
  }

  /// `guangzhou-2020/pm25@gz-eeb-panyu`.
  public var description: String {
    "\(plan)/\(target)" + (unit.map { "@\($0)" } ?? "")
  }
}
