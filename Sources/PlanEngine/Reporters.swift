import PlanModel

/// Who reports what (issue 14, item 9): the one rule `planbook template` lays out a unit's
/// workbook by, `collect` checks a returned one by, and the monthly check of missing reports
/// counts units by.
extension ResolvedPlan {
  /// The units whose values for `target` count: its declared data source alone, or else its
  /// lead and cooperating units.
  public func reporters(of target: ResolvedTarget) -> [String] {
    if let source = target.target.source { return [source] }
    return target.lead + target.cooperating.filter { !target.lead.contains($0) }
  }

  /// The targets and figures `unit` reports: those it leads or cooperates on (a target with a
  /// declared data source is reported by that unit alone), and its share of a target it holds
  /// a share of (``ResolvedTarget/share(for:)``): its value is its share's. A unit that carries
  /// the whole answers for the whole, never for a share of it (as in its book).
  public func reportedTargets(by unit: String) -> [ResolvedTarget] {
    targets.compactMap {
      reporters(of: $0).contains(unit) ? $0 : $0.involves(unit) ? nil : $0.share(for: unit)
    }
  }

  /// The tasks `unit` reports: those it leads (a cooperating unit's part is reported by the
  /// lead, whose row is the task's state).
  public func reportedTasks(by unit: String) -> [ResolvedTask] {
    tasks.filter { $0.lead.contains(unit) }
  }

  /// The units that report something, in the order of the plan's unit list: each owes a
  /// report every month (see Sources/Tracking/README.md).
  public var reportingUnits: [OrgUnit] {
    var ids = Set<String>()
    for t in tasks { ids.formUnion(t.lead) }
    for t in targets {
      ids.formUnion(reporters(of: t))
      ids.formUnion(t.target.shares.map(\.unit))
    }
    return plan.units.filter { ids.contains($0.id) }
  }

  /// Why `unit` has nothing to report (in Chinese, for the clerk who asked for its template),
  /// or nil when it reports something.
  public func whyNothingToReport(_ unit: String) -> String? {
    guard reportedTargets(by: unit).isEmpty, reportedTasks(by: unit).isEmpty else { return nil }
    func name(_ id: String) -> String { plan.units.first { $0.id == id }?.shortName ?? id }
    var reasons: [String] = []
    let helped = tasks.filter { $0.cooperating.contains(unit) && !$0.lead.contains(unit) }
    if !helped.isEmpty {
      let list = helped.prefix(5).map {
        "\($0.label)（牵头：\($0.lead.map(name).joined(separator: "、"))）"
      }
      reasons.append(
        "只配合任务\(list.joined(separator: "、"))\(helped.count > 5 ? "等\(helped.count)项" : "")，"
          + "进展由牵头单位报送")
    }
    let sourced = targets.filter { $0.involves(unit) && !reporters(of: $0).contains(unit) }
    if !sourced.isEmpty {
      let list = sourced.prefix(5).map {
        "\($0.target.name)（数据来源：\(reporters(of: $0).map(name).joined(separator: "、"))）"
      }
      reasons.append(
        "所负责的指标\(list.joined(separator: "、"))\(sourced.count > 5 ? "等\(sourced.count)项" : "")"
          + "由数据来源单位报送")
    }
    if reasons.isEmpty { reasons.append("计划未安排本单位牵头或配合任何任务、指标") }
    return reasons.joined(separator: "；")
  }
}
