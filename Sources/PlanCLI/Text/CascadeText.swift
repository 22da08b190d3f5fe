import Books
import PlanModel

/// The text of `planbook cascade`: one aligned table per target of the plan.
enum CascadeText {
  /// The plans of the cascade and the date, in one line (`guangzhou-2020 → panyu-2020-…`).
  static func subtitle(_ c: Cascade) -> String {
    let plans = c.plans.map { l in
      l.level == 0
        ? l.plan : "\(String(repeating: "→", count: l.level)) \(l.plan)（\(l.parentUnit ?? "")）"
    }
    let date = c.asOf.map { "　状态截至\($0)" } ?? ""
    return "计划：" + plans.joined(separator: "　") + date
  }

  static func render(_ c: Cascade) -> String {
    var out = "\(c.plan)  \(c.title)  指标分解 cascade"
    if let day = c.asOf { out += "  as of \(day)" }
    out += "\n"
    for l in c.plans where l.level > 0 {
      var line = "\(String(repeating: "  ", count: l.level))↳ \(l.plan)  \(l.title)"
      line += "  (parent \(l.parent ?? "—"), as \(l.parentUnit ?? "—"))"
      if c.asOf != nil, l.reports?.isEmpty == true { line += "  no progress reports: 无数据" }
      out += line + "\n"
    }
    for chain in c.chains {
      out += "\n指标 \(chain.target)  \(chain.name)\n"
      var header = ["层级", "计划", "指标", "类别", "责任单位", "要求", "落实上级指标"]
      if c.asOf != nil { header += ["状态", "实际"] }
      var table = TextTable(header: header)
      for r in chain.rows {
        var row = [
          String(repeating: "  ", count: r.level) + String(r.level), r.plan, r.target,
          r.share == nil ? "整体" : "分解", r.units.joined(separator: "、"), r.summary,
          r.implements ?? "—",
        ]
        if c.asOf != nil { row += [r.statusChinese ?? "—", measured(r) ?? "—"] }
        table.add(row)
      }
      out +=
        table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        + "\n"
    }
    return out
  }

  /// `28.4 微克/立方米`.
  static func measured(_ r: Cascade.Row) -> String? {
    r.measured.map { v in
      Requirement.format(v) + ((r.measuredUnit ?? "").isEmpty ? "" : " \(r.measuredUnit ?? "")")
    }
  }

  /// The chains as the 指标分解表 shows them.
  static func tableChains(_ c: Cascade) -> [CascadeTable.Chain] {
    c.chains.map { chain in
      CascadeTable.Chain(
        heading: "指标 \(chain.target)　\(chain.name)",
        rows: chain.rows.map { r in
          CascadeTable.Row(
            level: r.level, plan: r.plan, target: "\(r.target) \(r.name)",
            share: r.share == nil ? "整体" : "分解",
            units: r.units.joined(separator: "、"), requirement: r.summary,
            implements: r.implements ?? "", status: r.statusChinese ?? "",
            measured: measured(r) ?? "")
        })
    }
  }
}
