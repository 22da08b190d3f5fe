import PlanModel

/// A plan against its parent plan (层层分解): what each `implements:` names in the parent, and
/// whether the child asks at least as much as the parent asks of it.
///
/// The caller finds the parent (the CLI reads it from the catalogue); the engine only compares
/// the two plans. Codes (`parent-*`, `implements-*`, `looser-than-parent`) are listed in the
/// engine's README.
public enum ParentChecks {
  /// What a child target implements in the parent: the parent's target (or task figure) and,
  /// when a unit's share is meant, that share.
  public struct Link: Sendable, Hashable {
    /// The parent's target or figure.
    public var target: PlanTarget
    /// The share implemented, when one is (the `@UNIT` written, or the child plan's unit's).
    public var share: TargetShare?

    /// What the parent asks of the child: the share's requirement, else the whole's.
    public var requirement: Requirement { share?.requirement ?? target.requirement }
  }

  /// What a target's `implements` comes to: a link, or the problem with it.
  public enum Outcome: Sendable, Hashable {
    case linked(Link)
    case problem(Diagnostic)
  }

  /// Every plan-level target and task figure of `plan`, in document order.
  public static func allTargets(_ plan: WorkPlan) -> [PlanTarget] {
    plan.targets + plan.allTasks.flatMap(\.figures)
  }

  /// What `target` of `child` implements in `parent`, or the problem with its `implements`
  /// (nil when it implements nothing).
  public static func link(
    _ target: PlanTarget, of child: WorkPlan, in parent: WorkPlan?
  ) -> Outcome? {
    guard let written = target.implements else { return nil }
    let at = target.location
    let what = "target \(target.id) (\(target.name))"
    func error(_ code: Diagnostic.Code, _ message: String) -> Outcome {
      .problem(Diagnostic(.error, code, message, at: at))
    }
    guard let ref = ParentReference(written) else {
      return error(
        .implementsInvalid,
        "\(what) implements '\(written)', which is not PLAN/TARGET or PLAN/TARGET@UNIT (e.g. guangzhou-2020/pm25)"
      )
    }
    guard let declared = child.parent else {
      return error(
        .implementsWithoutParent,
        "\(what) implements \(ref), but the plan declares no parent plan (Plan(…, parent: \"\(ref.plan)\"))"
      )
    }
    guard ref.plan == declared.plan else {
      return error(
        .implementsOtherPlan,
        "\(what) implements \(ref), a target of \(ref.plan), but the plan's parent is \(declared.plan)"
      )
    }
    guard let parent, parent.id == declared.plan else {
      return error(
        .parentUnknown, "\(what) implements \(ref), but plan \(declared.plan) is not known")
    }
    guard let parentTarget = allTargets(parent).first(where: { $0.id == ref.target }) else {
      let near = nearest(ref.target, among: allTargets(parent).map(\.id))
      return error(
        .parentUnknownTarget,
        "\(what) implements \(ref), but \(parent.id) has no target or figure \(ref.target)"
          + (near.map { " (did you mean \($0)?)" } ?? ""))
    }
    if let unit = ref.unit {
      guard let share = parentTarget.share(for: unit) else {
        let holders = parentTarget.shares.map(\.unit)
        return error(
          .parentUnknownShare,
          "\(what) implements \(ref), but \(parent.id)'s target \(ref.target) has no share for \(unit)"
            + (holders.isEmpty
              ? " (it is not split)" : " (shares: \(holders.joined(separator: ", ")))"))
      }
      if let own = declared.unit, own != unit {
        return error(
          .parentOtherUnit,
          "\(what) implements the share of \(unit) in \(parent.id)/\(ref.target), but this plan is the plan of \(own)"
        )
      }
      return .linked(Link(target: parentTarget, share: share))
    }
    return .linked(
      Link(target: parentTarget, share: declared.unit.flatMap { parentTarget.share(for: $0) }))
  }

  /// Every problem of `child` against `parent` (nil: the parent could not be found; the
  /// caller says so too). Checks nothing when the child declares no parent and implements
  /// nothing.
  public static func check(_ child: WorkPlan, parent: WorkPlan?) -> [Diagnostic] {
    var out: [Diagnostic] = []
    if let declared = child.parent, declared.plan == child.id {
      return [
        Diagnostic(
          .error, .parentCycle, "the plan names itself as its parent (parent: \"\(child.id)\")",
          at: child.location)
      ]
    }
    let childTargets = allTargets(child)
    var implemented = Set<String>()
    for t in childTargets {
      guard let result = link(t, of: child, in: parent) else { continue }
      switch result {
      case .problem(let d): out.append(d)
      case .linked(let link):
        implemented.insert("\(link.target.id)@\(link.share?.unit ?? "")")
        compare(t, link, parentID: parent?.id ?? "", into: &out)
        if let parent { comparePeriods(t, child, link.target, parent, into: &out) }
      }
    }
    guard let declared = child.parent, let parent, parent.id == declared.plan else {
      return Checker.sorted(out)
    }
    if !child.period.within(parent.period) {
      out.append(
        Diagnostic(
          .error, .parentPeriodMismatch,
          "the plan's period \(child.period) is not within its parent \(parent.id)'s \(parent.period)",
          at: child.location))
    }
    if let unit = declared.unit {
      if parent.unit(unit) == nil {
        let near = nearest(unit, among: parent.units.map(\.id))
        out.append(
          Diagnostic(
            .error, .parentUnknownUnit,
            "the plan is the plan of \(unit) (as:), which is not a unit of \(parent.id)"
              + (near.map { " (did you mean \($0)?)" } ?? ""), at: child.location))
      }
      for pt in allTargets(parent) {
        guard let share = pt.share(for: unit), !implemented.contains("\(pt.id)@\(unit)") else {
          continue
        }
        out.append(
          Diagnostic(
            .warning, .parentShareNotImplemented,
            "\(parent.id) gives \(unit) a share of target \(pt.id) (\(pt.name), \(share.requirement.summary)), which no target of this plan implements (implements: \"\(parent.id)/\(pt.id)\")",
            at: child.location))
      }
    }
    return Checker.sorted(out)
  }

  /// Whether `child` asks at least what `parent` asks (like kinds only): nil when they cannot
  /// be compared (another measure, direction, unit or base year), true when it is as strict or
  /// stricter.
  public static func isAtLeastAsStrict(_ child: Requirement, as parent: Requirement) -> Bool? {
    guard parent.measure != .qualitative else { return true }
    guard child.measure == parent.measure, child.direction == parent.direction,
      child.unit == parent.unit, child.baseYear == parent.baseYear
    else { return nil }
    guard let c = child.value, let p = parent.value, let direction = parent.direction else {
      return true
    }
    let epsilon = 1e-9 * max(1, abs(p))
    switch direction {
    case .atMost: return c <= p + epsilon
    case .atLeast, .decrease, .increase: return c >= p - epsilon
    case .equal: return abs(c - p) <= epsilon
    }
  }

  private static func compare(
    _ t: PlanTarget, _ link: Link, parentID: String, into out: inout [Diagnostic]
  ) {
    let mine = t.requirement
    let theirs = link.requirement
    let whose =
      link.share.map { "\(parentID)'s share of \($0.unit) in \(link.target.id)" }
      ?? "\(parentID)'s target \(link.target.id)"
    let what = "target \(t.id) (\(t.name))"
    switch isAtLeastAsStrict(mine, as: theirs) {
    case .none:
      out.append(
        Diagnostic(
          .error, .parentRequirementMismatch,
          "\(what) asks for \(mine.summary), which cannot be compared with \(whose) (\(theirs.summary)): the same measure, direction, unit and base year are needed",
          at: t.location))
    case .some(false):
      out.append(
        Diagnostic(
          .error, .looserThanParent,
          "\(what) asks for \(mine.summary), looser than \(whose) (\(theirs.summary))",
          at: t.location))
    case .some(true): break
    }
  }

  /// The child target's period (its own, else its plan's) must lie within the parent
  /// target's (its own, else the parent plan's).
  private static func comparePeriods(
    _ t: PlanTarget, _ child: WorkPlan, _ pt: PlanTarget, _ parent: WorkPlan,
    into out: inout [Diagnostic]
  ) {
    let mine = range(of: t, in: child)
    let theirs = range(of: pt, in: parent)
    guard !mine.within(theirs) else { return }
    out.append(
      Diagnostic(
        .error, .parentPeriodMismatch,
        "target \(t.id) (\(t.name)) is measured over \(mine), outside \(parent.id)'s target \(pt.id) (\(theirs))",
        at: t.location))
  }

  /// The period a target is measured over: its own `.period`, else its plan's.
  static func range(of t: PlanTarget, in plan: WorkPlan) -> DateRange {
    if case .period(_, let r) = t.period { return r }
    return plan.period
  }

  /// The id in `ids` nearest to `id`, if one is near.
  static func nearest(_ id: String, among ids: [String]) -> String? {
    Diagnostic.nearest(id, among: ids).first
  }
}

extension DateRange {
  /// Whether the range lies within `other`.
  func within(_ other: DateRange) -> Bool { other.start <= start && end <= other.end }
}
