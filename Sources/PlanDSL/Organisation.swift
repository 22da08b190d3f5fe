/// The units of a plan. Nest units to give them a parent:
///
/// ```swift
/// Organisation {
///   Unit("gz-gov", "广州市人民政府", short: "市政府", kind: .government) {
///     Unit("gz-eeb", "广州市生态环境局", short: "市生态环境局", kind: .department)
///   }
/// }
/// ```
public struct Organisation: PlanContent {
  let units: [Unit]

  public init(@ListBuilder<Unit> _ units: () -> [Unit]) { self.units = units() }

  public func lower(into plan: inout PlanLowering) {
    func add(_ u: Unit, parent: String?) {
      plan.plan.units.append(
        OrgUnit(
          id: u.id, name: u.name, shortName: u.shortName, kind: u.kind,
          parent: u.parent ?? parent, location: u.location))
      for c in u.children { add(c, parent: u.id) }
    }
    for u in units { add(u, parent: nil) }
  }
}

/// A unit: a government, department, division, district, town.
public struct Unit: Sendable {
  let id: String
  let name: String
  let shortName: String
  let kind: OrgUnit.Kind
  let parent: String?
  let children: [Unit]
  let location: SourceLocation

  /// Declares a unit.
  /// - Parameters:
  ///   - id: a stable id, used by rules and tasks.
  ///   - name: the full name (广州市生态环境局).
  ///   - short: the short name for tables and file names; the full name when omitted.
  ///   - kind: what kind of body it is.
  ///   - parent: the parent's id, when the unit is not nested inside its parent.
  ///   - children: units nested inside this one get it as their parent.
  public init(
    _ id: String, _ name: String, short: String? = nil, kind: OrgUnit.Kind,
    parent: String? = nil, file: String = #filePath, line: Int = #line,
    @ListBuilder<Unit> _ children: () -> [Unit] = { [] }
  ) {
    self.id = id
    self.name = name
    self.shortName = short ?? name
    self.kind = kind
    self.parent = parent
    self.children = children()
    self.location = here(file, line)
  }
}
