import PlanEngine
import PlanModel

/// What `show` prints, as JSON or as text.
struct PlanView: Codable {
  struct UnitRef: Codable {
    var id: String
    var shortName: String
    var name: String
  }
  struct TaskRow: Codable {
    var id: String
    var number: Int
    var label: String
    var title: String
    var chapter: String
    var lead: [String]
    var cooperating: [String]
    var deadline: Deadline
    var due: String
    var role: String?
  }
  struct TargetRow: Codable {
    var id: String
    var name: String
    var requirement: String
    var task: String?
    var lead: [String]
    var cooperating: [String]
    var role: String?
    /// The units' shares of a split target (指标分解), nil when it is not split; in one unit's
    /// view of a target it holds a share of (role `share`), that share alone.
    var shares: [ShareRow]? = nil
  }
  /// One unit's share of a split target: the unit and its own requirement.
  struct ShareRow: Codable {
    var unit: String
    var requirement: String
  }

  var plan: String
  var title: String
  var issuer: String
  var period: DateRange
  var unit: UnitRef?
  var units: [UnitRef]
  var targets: [TargetRow]
  var tasks: [TaskRow]

  init(_ r: ResolvedPlan) {
    plan = r.plan.id
    title = r.plan.title
    issuer = r.plan.issuer
    period = r.plan.period
    units = r.plan.units.map { UnitRef(id: $0.id, shortName: $0.shortName, name: $0.name) }
    targets = r.targets.map {
      TargetRow(
        id: $0.target.id, name: $0.target.name, requirement: $0.target.requirement.summary,
        task: $0.taskID, lead: $0.lead, cooperating: $0.cooperating,
        shares: $0.target.shares.isEmpty
          ? nil
          : $0.target.shares.map { ShareRow(unit: $0.unit, requirement: $0.requirement.summary) })
    }
    tasks = r.tasks.map {
      TaskRow(
        id: $0.task.id, number: $0.task.number, label: $0.label, title: $0.task.title,
        chapter: $0.topChapterID, lead: $0.lead, cooperating: $0.cooperating,
        deadline: $0.deadline, due: $0.dueDay?.description ?? "invalid")
    }
  }

  /// Only what `unitID` leads, cooperates on or carries, with its role: `lead`, `cooperating`,
  /// or `share` for a target split among units (指标分解) of which it holds a share, shown
  /// with that share alone.
  func filtered(to unitID: String) -> PlanView {
    var v = self
    func role(_ lead: [String], _ coop: [String]) -> String? {
      lead.contains(unitID) ? "lead" : coop.contains(unitID) ? "cooperating" : nil
    }
    v.unit = units.first { $0.id == unitID }
    v.targets = targets.compactMap { t in
      if let role = role(t.lead, t.cooperating) {
        var t = t
        t.role = role
        return t
      }
      guard let share = t.shares?.first(where: { $0.unit == unitID }) else { return nil }
      var t = t
      t.role = "share"
      t.shares = [share]
      return t
    }
    v.tasks = tasks.compactMap { t in
      role(t.lead, t.cooperating).map {
        var t = t; t.role = $0; return t
      }
    }
    return v
  }

  /// The text people read.
  func text(_ plan: WorkPlan) -> String {
    let names = Dictionary(units.map { ($0.id, $0.shortName) }, uniquingKeysWith: { a, _ in a })
    func list(_ ids: [String]) -> String {
      ids.isEmpty ? "—" : ids.map { names[$0] ?? $0 }.joined(separator: "、")
    }
    var out = "\(self.plan)  \(title)\n"
    out += "issuer: \(names[issuer].map { "\($0) (\(issuer))" } ?? issuer)   period: \(period)\n"
    if let unit {
      out += "unit: \(unit.shortName) (\(unit.id)) \(unit.name)\n"
      let leads = tasks.filter { $0.role == "lead" }.count
      out += "\(count(tasks.count, "task")) (\(leads) lead, \(tasks.count - leads) cooperating), "
    } else {
      out += "\(count(tasks.count, "task")), "
    }
    let figures = targets.filter { $0.task != nil }.count
    out +=
      "\(count(targets.count - figures, "target")), \(count(figures, "figure")) stated in tasks\n"
    if !targets.isEmpty {
      out += "\n目标 targets\n"
      for t in targets {
        let on = t.task.map { " (task \($0))" } ?? ""
        out += "  \(t.id)\(on)  \(t.name)  \(t.requirement)\n"
        if let role = t.role {
          out += "      role: \(role)\n"
        } else {
          out += "      lead: \(list(t.lead))   cooperating: \(list(t.cooperating))\n"
        }
        for share in t.shares ?? [] {
          out += "      share: \(list([share.unit]))  \(share.requirement)\n"
        }
      }
    }
    var chapter = ""
    for t in tasks {
      if t.chapter != chapter, unit == nil,
        let c = plan.chapters.first(where: { $0.id == t.chapter })
      {
        chapter = t.chapter
        out += "\n\(Numerals.chinese(c.number))、\(c.title)\n"
      } else if chapter.isEmpty {
        chapter = "-"
        out += "\n任务 tasks\n"
      }
      // 13. 巩固燃煤整治效果 / 四(一) 明确责任 — a bracketed number takes no full stop.
      out += "  \(t.label)\(t.label.hasSuffix(")") ? "" : ".") \(t.title)\n"
      if t.role == "lead" {
        out +=
          "      role: lead   cooperating: \(list(t.cooperating))   due: \(t.deadline) (\(t.due))\n"
      } else if t.role == "cooperating" {
        out += "      role: cooperating   lead: \(list(t.lead))   due: \(t.deadline) (\(t.due))\n"
      } else {
        out +=
          "      lead: \(list(t.lead))   cooperating: \(list(t.cooperating))   due: \(t.deadline) (\(t.due))\n"
      }
    }
    return out
  }
}
