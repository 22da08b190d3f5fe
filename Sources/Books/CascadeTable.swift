import PlanModel
import Sheets
import Xlsx

/// The 指标分解表 workbook of `planbook cascade --format xlsx`: for each target of a plan, one
/// row per target (or share) per level down through the plans that implement it — 层级 / 计划 /
/// 指标 / 类别 / 责任单位 / 要求 / 落实上级指标 / 状态 / 实际值 — under a heading row per
/// target, printed like the overview's 指标表: A4 landscape, one page wide, the header repeated,
/// page numbers. The same input gives the same bytes.
public enum CascadeTable {
  /// One row of the table, in words.
  public struct Row: Sendable, Equatable {
    public var level: Int
    public var plan: String
    /// The target's id and name (`pm25 PM2.5平均浓度`).
    public var target: String
    /// 整体 for the whole target, 分解 for a unit's share.
    public var share: String
    /// Who carries the row (short names).
    public var units: String
    public var requirement: String
    /// What a child plan's target implements (`guangzhou-2020/pm25`); empty otherwise.
    public var implements: String
    /// The status class (`达标`), empty without a date.
    public var status: String
    /// The measured value with its unit, empty when none.
    public var measured: String

    public init(
      level: Int, plan: String, target: String, share: String, units: String,
      requirement: String, implements: String, status: String, measured: String
    ) {
      self.level = level
      self.plan = plan
      self.target = target
      self.share = share
      self.units = units
      self.requirement = requirement
      self.implements = implements
      self.status = status
      self.measured = measured
    }
  }

  /// A target of the plan and the rows of its chain.
  public struct Chain: Sendable, Equatable {
    /// The heading (`pm25 PM2.5平均浓度`).
    public var heading: String
    public var rows: [Row]

    public init(heading: String, rows: [Row]) {
      self.heading = heading
      self.rows = rows
    }
  }

  /// The column titles.
  static let header = ["层级", "计划", "指标", "类别", "责任单位", "要求", "落实上级指标", "状态", "实际值"]

  /// The sheet of `chains`, with `subtitle` (the plans, the date) under the title.
  static func layout(plan: WorkPlan, subtitle: String, chains: [Chain]) -> SheetLayout {
    let S = BookStyles.self
    var sheet = SheetLayout(name: "指标分解表", columns: [5, 20, 24, 6, 12, 18, 20, 8, 10])
    sheet.page.orientation = .landscape
    let last = sheet.columns.count - 1
    sheet.append([.init(0...last, .text("\(plan.title) 指标分解表"), S.subtitle)])
    sheet.append([.init(0...last, .text(subtitle), S.paragraph)])
    let header = sheet.append(
      header.enumerated().map { .init($0.offset, .text($0.element), S.header) })
    for chain in chains {
      let heading = sheet.append([.init(0...last, .text(chain.heading), S.chapter)])
      // A target's heading never ends a page: it goes with its first row.
      if !chain.rows.isEmpty { sheet.keep(heading.lowerBound...(heading.upperBound + 1)) }
      for r in chain.rows {
        sheet.append([
          .init(0, .text(String(r.level)), S.centered),
          .init(1, .text(r.plan), S.text),
          .init(2, .text(r.target), S.text),
          .init(3, .text(r.share), S.text),
          .init(4, .text(r.units), S.text),
          .init(5, .text(r.requirement), S.text),
          .init(6, .text(r.implements), S.text),
          .init(7, .text(r.status), S.centered),
          .init(8, .text(r.measured), S.centered),
        ])
      }
    }
    if chains.isEmpty { sheet.append([.init(0...last, .text("本计划无指标。"), S.text)]) }
    let table = SheetLayout.Table(
      header: header,
      body: (header.upperBound + 1)...max(header.upperBound + 1, sheet.rows.count - 1))
    return sheet.repeatingHeaders(of: [table])
  }

  /// Writes the workbook of `plan`'s cascade to `path`; `fingerprint` is the plan's.
  public static func write(
    plan: WorkPlan, fingerprint: String, subtitle: String, chains: [Chain], to path: String
  ) throws {
    let properties = BookProperties.document(
      plan, title: "\(plan.title) 指标分解表", unit: BookProperties.overviewUnit, kind: "cascade",
      fingerprint: fingerprint)
    var sheet = layout(plan: plan, subtitle: subtitle, chains: chains)
    sheet.page.footer = BookFooter.text(plan: plan, fingerprint: fingerprint)
    try Workbook.write(to: path, properties: properties) { workbook in
      try SheetWriter.write(sheet, into: workbook)
    }
  }
}
