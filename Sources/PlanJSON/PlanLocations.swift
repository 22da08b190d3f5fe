import PlanModel

/// Every ``SourceLocation`` of a plan, in one fixed order, apart from the plan itself.
///
/// Locations are not part of the canonical snapshot. A plan compiled on demand from a plans
/// repository travels to `planbook` as its snapshot plus this list, so that every problem is
/// still reported at the `plans/*.swift` line that declares it.
extension WorkPlan {
  /// The locations of the plan and of its declarations, in the order ``withLocations(_:)`` reads.
  public var declarationLocations: [SourceLocation?] {
    var copy = self
    var out: [SourceLocation?] = []
    copy.visitLocations { out.append($0) }
    return out
  }

  /// This plan with the locations of ``declarationLocations`` put back, in the same order; a
  /// list that is too short leaves the remaining locations as they are.
  public func withLocations(_ locations: [SourceLocation?]) -> WorkPlan {
    var copy = self
    var i = 0
    copy.visitLocations { location in
      if i < locations.count { location = locations[i] }
      i += 1
    }
    return copy
  }

  /// Calls `body` with every location of the plan, in a fixed order.
  private mutating func visitLocations(_ body: (inout SourceLocation?) -> Void) {
    body(&location)
    for i in units.indices { body(&units[i].location) }
    func target(_ t: inout PlanTarget) {
      body(&t.location)
      for s in t.shares.indices { body(&t.shares[s].location) }
    }
    for i in targets.indices { target(&targets[i]) }
    func chapter(_ c: inout PlanChapter) {
      body(&c.location)
      for s in c.sections.indices { chapter(&c.sections[s]) }
      for t in c.tasks.indices {
        body(&c.tasks[t].location)
        for f in c.tasks[t].figures.indices { target(&c.tasks[t].figures[f]) }
        for m in c.tasks[t].milestones.indices { body(&c.tasks[t].milestones[m].location) }
      }
    }
    for i in chapters.indices { chapter(&chapters[i]) }
    for i in rules.indices { body(&rules[i].location) }
    if var a = assessment {
      body(&a.location)
      assessment = a
    }
    if var c = clauses {
      for i in c.indices { body(&c[i].location) }
      clauses = c
    }
    if var s = signing {
      for i in s.rules.indices { body(&s.rules[i].location) }
      for i in s.signatories.indices { body(&s.signatories[i].location) }
      signing = s
    }
  }
}
