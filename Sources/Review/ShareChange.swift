import PlanModel

/// A split target's shares (指标分解) and roll-up compared version to version, as
/// ``Setting/Area/shares`` settings of the target's row: a share added, removed or with another
/// requirement (field `shares`: the holder's book row changes, high-risk), a share's weight
/// (`shares.weight`) and the roll-up (`rollUp`), which no book prints.
enum ShareChange {
  /// The changes of `old`'s shares and roll-up in `new`; units named as `names` has them.
  static func compare(
    _ old: PlanTarget, _ new: PlanTarget, names: [String: String]
  ) -> [Change] {
    var changes: [Change] = []
    if old.rollUp != new.rollUp {
      changes.append(
        .setting(
          Setting(
            .shares, field: "rollUp", label: "汇总方式", from: old.rollUp.map(words),
            to: new.rollUp.map(words))))
    }
    let before = Dictionary(old.shares.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
    let after = Set(new.shares.map(\.unit))
    // The new version's shares in order, then those it dropped, in the old order.
    let units = new.shares.map(\.unit) + old.shares.map(\.unit).filter { !after.contains($0) }
    let now = Dictionary(new.shares.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
    for unit in units {
      let name = names[unit] ?? unit
      let o = before[unit]
      let n = now[unit]
      if o?.requirement != n?.requirement {
        changes.append(
          .setting(
            Setting(
              .shares, field: "shares", label: "\(name)分解指标",
              from: o?.requirement.summary, to: n?.requirement.summary)))
      }
      if let o, let n, o.weight != n.weight {
        changes.append(
          .setting(
            Setting(
              .shares, field: "shares.weight", label: "\(name)分解权重",
              from: o.weight.map(Requirement.format), to: n.weight.map(Requirement.format))))
      }
    }
    return changes
  }

  /// 合计, 单独监测, 加权平均.
  static func words(_ r: RollUp) -> String {
    switch r {
    case .sum: "合计"
    case .measured: "单独监测"
    case .weighted: "加权平均"
    }
  }
}
