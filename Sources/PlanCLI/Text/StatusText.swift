import PlanModel
import Tracking

/// The terminal tables of `planbook status`.
enum StatusText {
  static func render(
    _ s: StatusReport, progress: LoadedProgress, unit: String?, colours: ColourHistory? = nil
  ) -> String {
    /// The item's warning colour word (红), or `—`.
    func colour(_ item: ColourItem) -> String { colours?.current(item)?.colour.chinese ?? "—" }
    let names = Dictionary(
      s.plan.units.map { ($0.id, $0.shortName) }, uniquingKeysWith: { a, _ in a })
    func short(_ ids: [String]) -> String {
      ids.isEmpty ? "—" : ids.map { names[$0] ?? $0 }.joined(separator: "、")
    }
    func involved(_ lead: [String], _ coop: [String]) -> Bool {
      unit.map { lead.contains($0) || coop.contains($0) } ?? true
    }
    var out = "\(s.plan.id)  \(s.plan.title)\n"
    out +=
      "as of \(s.asOf)   reports: \(progress.files.isEmpty ? "none" : progress.files.joined(separator: ", "))\n"
    if progress.sampleData { out += "SAMPLE DATA — invented for demonstration\n" }
    if let unit { out += "unit: \(names[unit] ?? unit) (\(unit))\n" }

    out += "\n指标 targets\n"
    // Columns a plan or its reports may not use: the group and number of grouped, numbered
    // targets, and the assessors' findings beside the computed class.
    let shown = s.targets.filter { involved($0.target.lead, $0.target.cooperating) }
    let grouped = shown.contains { $0.target.target.group != nil }
    let numbered = shown.contains { $0.target.target.number != nil }
    let found = FindingSource.allCases.filter { f in shown.contains { $0.finding(f) != nil } }
    var header = ["id", "指标", "要求", "实际", "状态", "status"] + (colours == nil ? [] : ["预警"])
    if numbered { header.insert("编号", at: 0) }
    if grouped { header.insert("类别", at: 0) }
    header += found.map(\.chinese)
    if !found.isEmpty, s.rules.findingUse != .computed { header.append("计分") }
    var targets = TextTable(header: header + ["说明"])
    for t in shown {
      let measured =
        t.measured.map { Requirement.format(round2($0)) + " " + (t.measuredUnit ?? "") }
        ?? (t.notYetDue ? "未到期" : "—")
      // A unit's share of a split target (指标分解) is named with its unit.
      let name =
        t.target.shareUnit.map { "\(t.target.target.name)（分解：\(names[$0] ?? $0)）" }
        ?? t.target.target.name
      var row = [
        t.target.target.id, name,
        t.target.target.requirementSummary,
        measured, t.status.chinese(aspirational: t.aspirational(s.rules)),
        t.status.rawValue,
      ]
      if colours != nil {
        row.append(colour(ColourItem(.target, t.target.target.id, share: t.target.shareUnit)))
      }
      if numbered { row.insert(t.target.target.number ?? "", at: 0) }
      if grouped { row.insert(t.target.target.group ?? "", at: 0) }
      row += found.map { f in
        t.finding(f).map { "\($0.status.chinese)（\(names[$0.by] ?? $0.by) \($0.on)）" } ?? "—"
      }
      if !found.isEmpty, s.rules.findingUse != .computed {
        row.append(t.scoredStatus(s.rules.findingUse).chinese)
      }
      targets.add(row + [t.explanation])
    }
    out += indent(targets.render())

    out += "\n任务 tasks (序时进度 = share of the time to the deadline that has passed)\n"
    var tasks = TextTable(
      header: ["编号", "任务", "牵头", "完成", "序时", "状态", "status"]
        + (colours == nil ? [] : ["预警"]), rightAligned: [3, 4])
    for t in s.tasks where involved(t.task.lead, t.task.cooperating) {
      tasks.add(
        [
          t.task.label, t.task.task.title, short(t.task.lead),
          "\(Requirement.format(round1(t.percent)))%",
          "\(Requirement.format(round1(t.expected)))%", t.status.chinese, t.status.rawValue,
        ] + (colours == nil ? [] : [colour(ColourItem(.task, t.task.task.id))]))
    }
    out += indent(tasks.render())

    out +=
      "\n单位 units (完成: lead tasks in full, cooperating ones at \(Requirement.format(s.rules.cooperatingShare)))\n"
    var units = TextTable(
      header: ["单位", "牵头", "配合", "完成", "任务状态", "指标状态", "逾期"], rightAligned: [1, 2, 3])
    for u in s.units where unit == nil || u.unit.id == unit {
      units.add([
        u.unit.shortName, String(u.lead.taskCount), String(u.cooperating.taskCount),
        completion(u.overall), counts(u.overall.tasks),
        counts(u.overall.targets), u.overdue.isEmpty ? "—" : String(u.overdue.count),
      ])
    }
    out += indent(units.render())
    out += reporting(s, unit: unit)

    if unit == nil {
      out += "\n章节 chapters\n"
      var chapters = TextTable(header: ["章", "标题", "完成", "任务状态"], rightAligned: [2])
      for (c, r) in s.chapters {
        chapters.add([
          String(c.number), c.title, "\(Requirement.format(round1(r.completion)))%",
          counts(r.tasks),
        ])
      }
      out += indent(chapters.render())
      out += tallies(s)
      out +=
        "\n合计 plan: \(s.total.taskCount) tasks, \(completion(s.total)) complete\n"
    }
    return out
  }

  /// The bulletin's counts: targets per group, task figures and tasks apart, with the
  /// assessors' findings under the groups that have them.
  static func tallies(_ s: StatusReport) -> String {
    var out = "\n统计 tallies (targets, task figures and tasks counted apart)\n"
    for t in s.tallies {
      out += "  \(t.group.map { "【\($0)】" } ?? "")\(t.chinese)\n"
      for f in FindingSource.allCases { if let line = t.findings(f) { out += "    \(line)\n" } }
    }
    return out
  }

  /// `45.6%`, or `—` (无任务) for a group without tasks: it has no completion to show.
  static func completion(_ r: Rollup) -> String {
    r.taskCount == 0 ? "—" : "\(Requirement.format(round1(r.completion)))%"
  }

  /// The units that have not reported for a month whose report was due, and those that
  /// reported late; empty when the plan sets no report day.
  static func reporting(_ s: StatusReport, unit: String?) -> String {
    guard let day = s.rules.reportDay else { return "" }
    let shown = s.reporting.filter { unit == nil || $0.unit.id == unit }
    var out = "\n报送 monthly reports (due by day \(day) of the following month)\n"
    let lapsed = shown.filter { !$0.missing.isEmpty || !$0.late.isEmpty }
    if lapsed.isEmpty {
      let who = unit.flatMap { id in shown.first { $0.unit.id == id }?.unit.shortName }
      out += "  \(who ?? "every unit") has reported every month due by \(s.asOf)\n"
      return out
    }
    for r in lapsed {
      var parts: [String] = []
      if !r.missing.isEmpty {
        parts.append("未报送 missing \(r.missing.map(\.month.description).joined(separator: ", "))")
      }
      if !r.late.isEmpty {
        let late = r.late.map { "\($0.month) (with \($0.receivedWith?.description ?? "?"))" }
        parts.append("迟报 late \(late.joined(separator: ", "))")
      }
      out += "  \(r.unit.shortName): \(parts.joined(separator: "; "))\n"
    }
    return out
  }

  /// `达进度 20、欠进度 3` in the classes' order.
  static func counts(_ c: [TaskStatus: Int]) -> String {
    let parts = TaskStatus.allCases.compactMap { s in c[s].map { "\(s.chinese) \($0)" } }
    return parts.isEmpty ? "—" : parts.joined(separator: "、")
  }

  static func counts(_ c: [TargetStatus: Int]) -> String {
    let parts = TargetStatus.allCases.compactMap { s in c[s].map { "\(s.chinese) \($0)" } }
    return parts.isEmpty ? "—" : parts.joined(separator: "、")
  }

  static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : "  " + $0
    }.joined(separator: "\n")
  }
}
