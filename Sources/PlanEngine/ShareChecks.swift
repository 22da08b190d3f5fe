import PlanModel

extension Checker {
  /// The shares of targets and figures (指标分解): each names a known unit at most once, asks for
  /// the same measure, direction and unit as the whole, the target declares its roll-up, a
  /// weighted roll-up has a weight on every share, and a sum target's shares add up to the whole.
  static func checkShares(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    let known = Set(plan.units.map(\.id))
    // Plan-level targets, then task figures (a snapshot may split a figure too).
    var split = plan.targets.filter { !$0.shares.isEmpty }
    forEachTask(plan) { t, i in split += t[i].figures.filter { !$0.shares.isEmpty } }
    for t in split {
      let what = "target \(t.id) (\(t.name))"
      guard let rollUp = t.rollUp else {
        out.append(
          Diagnostic(
            .error, .shareWithoutRollUp,
            "\(what) is split into shares but declares no roll-up (rollUp: .sum, .measured or .weighted)",
            at: t.location))
        continue
      }
      var seen = Set<String>()
      for s in t.shares {
        let at = s.location ?? t.location
        if !known.contains(s.unit) {
          out.append(.unknownUnit(s.unit, role: "share of target \(t.id)", in: plan, at: at))
        }
        if !seen.insert(s.unit).inserted {
          out.append(
            Diagnostic(
              .error, .shareDuplicate, "\(what) has two shares for unit \(s.unit)", at: at))
        }
        let w = t.requirement
        let r = s.requirement
        if r.measure != w.measure || r.direction != w.direction || r.unit != w.unit
          || (w.measure == .change && r.baseYear != w.baseYear)
        {
          out.append(
            Diagnostic(
              .error, .shareMismatch,
              "the share of \(s.unit) in \(what) asks for \(r.summary), which does not match the whole's \(w.summary) (same measure, direction, unit and base year needed)",
              at: at))
        }
        if rollUp == .weighted && (s.weight ?? 0) <= 0 {
          out.append(
            Diagnostic(
              .error, .shareMissingWeight,
              "the share of \(s.unit) in \(what) has no positive weight, but the target rolls up weighted",
              at: at))
        }
      }
      if rollUp == .sum { checkSum(t, what, into: &out) }
    }
  }

  /// A share declared for a unit that carries the whole target (leads or cooperates on it): the
  /// unit answers for and reports the whole, as its book lists it, so its share is never
  /// evaluated or scored apart — a warning, naming the unit.
  static func checkSharesOfCarriers(_ resolved: ResolvedPlan, into out: inout [Diagnostic]) {
    for t in resolved.targets where !t.target.shares.isEmpty {
      for s in t.target.shares where t.involves(s.unit) {
        let role = t.lead.contains(s.unit) ? "leads" : "cooperates on"
        out.append(
          Diagnostic(
            .warning, .shareOfCarrier,
            "\(s.unit) \(role) target \(t.target.id) (\(t.target.name)) and holds a share of it: it answers for and reports the whole, and its share is not evaluated or scored apart",
            at: s.location ?? t.target.location))
      }
    }
  }

  /// A sum target's shares must add up to the whole: for ≥ at least the whole, for ≤ at most,
  /// for = exactly.
  private static func checkSum(_ t: PlanTarget, _ what: String, into out: inout [Diagnostic]) {
    let w = t.requirement
    guard w.measure == .count || w.measure == .level else {
      out.append(
        Diagnostic(
          .error, .shareSumNotAdditive,
          "\(what) rolls up as a sum, but a \(w.measure.rawValue) requirement (\(w.summary)) does not add up: declare rollUp: .measured or .weighted",
          at: t.location))
      return
    }
    guard let whole = w.value, let direction = w.direction else { return }
    let values = t.shares.compactMap(\.requirement.value)
    guard values.count == t.shares.count,
      t.shares.allSatisfy({ $0.requirement.direction == direction && $0.requirement.unit == w.unit }
      )
    else { return }
    let sum = values.reduce(0, +)
    let epsilon = 1e-9 * max(1, abs(whole))
    let fits: Bool
    let relation: String
    switch direction {
    case .atLeast: (fits, relation) = (sum >= whole - epsilon, "less than")
    case .atMost: (fits, relation) = (sum <= whole + epsilon, "more than")
    case .equal: (fits, relation) = (abs(sum - whole) <= epsilon, "other than")
    case .decrease, .increase: (fits, relation) = (true, "")
    }
    if !fits {
      let unit = (w.unit ?? "").isEmpty ? "" : " \(w.unit ?? "")"
      out.append(
        Diagnostic(
          .error, .sharesDoNotAddUp,
          "the shares of \(what) add up to \(Requirement.format(sum))\(unit), \(relation) the whole's \(w.summary)",
          at: t.location))
    }
  }
}
