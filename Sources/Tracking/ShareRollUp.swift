import PlanEngine
import PlanModel

/// Shares of a target (指标分解) in the status: the whole and each unit's share, evaluated
/// apart, and for a target that rolls up (`sum`, `weighted`) with no value of its own, the
/// whole's value computed from the shares'. See Sources/Tracking/README.md.
enum ShareRollUp {
  /// The evaluation of `t` followed by one per share. A row from a share-holding unit counts
  /// for its share; the whole's rows are the others'. A unit that carries the whole (leads or
  /// cooperates on it) answers for the whole, as its book and template have it: a share
  /// declared for it is not evaluated apart, and its rows are the whole's (`check` warns).
  static func evaluate(
    _ t: ResolvedTarget, rows: [ProgressEntry], asOf: Day, plan: WorkPlan,
    evaluate: (ResolvedTarget, [ProgressEntry]) -> TargetEvaluation
  ) -> [TargetEvaluation] {
    let held = t.target.shares.filter { !t.involves($0.unit) }
    let holders = Set(held.map(\.unit))
    let shares = held.compactMap { s in
      t.share(for: s.unit).map { evaluate($0, rows.filter { $0.reporter == s.unit }) }
    }
    let own = rows.filter { !holders.contains($0.reporter) }
    let hasOwnValue = own.contains { $0.kind == .target && $0.value != nil && $0.date <= asOf }
    var whole: TargetEvaluation
    // Whether the shares' values make up the whole's: not a change's or a qualitative one's.
    let r = t.target.requirement
    let combines =
      switch r.kind {
      case .level?, .count?, .share?: true
      case .change?, .qualitative?: false
      case nil: r.measure != .change && r.measure != .qualitative
      }
    if !hasOwnValue, let rollUp = t.target.rollUp, rollUp != .measured, combines {
      switch combined(t, held, shares, rollUp) {
      case .success(let entry):
        whole = evaluate(t, own + [entry])
        whole.explanation = "由各分解单位数值\(rollUp == .sum ? "合计" : "加权平均")：" + whole.explanation
      case .failure(let missing):
        whole = evaluate(t, own)
        let names = missing.units.map { u in plan.units.first { $0.id == u }?.shortName ?? u }
        whole.explanation =
          "分解单位\(names.joined(separator: "、"))无数据，无法\(rollUp == .sum ? "合计" : "加权平均")"
      }
    } else {
      whole = evaluate(t, own)
    }
    return [whole] + shares
  }

  /// The whole's value from the shares' latest values: their sum, or their mean weighted by
  /// each share's weight (`held`: the shares evaluated apart, `shares` their evaluations);
  /// fails naming the shares with no value.
  private static func combined(
    _ t: ResolvedTarget, _ held: [TargetShare], _ shares: [TargetEvaluation], _ rollUp: RollUp
  ) -> Result<ProgressEntry, MissingUnits> {
    var total = 0.0
    var weights = 0.0
    var missing: [String] = []
    var latest: Day?
    var bases = Set<ProgressEntry.Basis?>()
    for (s, e) in zip(held, shares) {
      guard let v = e.measured, let on = e.measuredOn else {
        missing.append(s.unit)
        continue
      }
      let w = rollUp == .weighted ? (s.weight ?? 0) : 1
      total += v * w
      weights += w
      latest = max(latest ?? on, on)
      bases.insert(e.basis)
    }
    guard missing.isEmpty, let latest, weights > 0 else {
      return .failure(MissingUnits(units: missing))
    }
    let value = rollUp == .weighted ? total / weights : total
    return .success(
      ProgressEntry(
        kind: .target, id: t.target.id, value: value, unit: t.target.requirement.unit,
        basis: bases.count == 1 ? bases.first ?? nil : nil,
        reporter: held.map(\.unit).joined(separator: "+"), date: latest,
        note: "由分解单位数值计算"))
  }

  struct MissingUnits: Error { var units: [String] }
}
