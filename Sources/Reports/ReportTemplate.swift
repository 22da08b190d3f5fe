import PlanEngine
import PlanModel
import Sheets
import Xlsx

/// A unit's progress report workbook for one month (`planbook template`): the targets and tasks
/// it leads, with input cells for what it reports and everything else locked. `planbook
/// collect` reads it back; both sides share this layout.
///
/// Sheet 填报, columns (zero-based): 0 the row's key, hidden (`target:pm25`, `base:cod`,
/// `task:coal`, `milestone:m1`, `date`); 1 序号; 2 指标/任务; 3 要求/完成时限; 4 单位/角色;
/// 5 本期数值 or 状态; 6 口径 or 完成%; 7 备注/进展说明; 8 佐证材料 (tasks). Sheet 选项
/// (hidden) holds the dropdown lists: inline lists of Chinese text overflow a buffer in
/// libxlsxwriter 1.1.4, so the validations point at its cells.
public enum ReportTemplate {
  /// The sheet people fill in.
  public static let sheetName = "填报"
  /// The hidden sheet of dropdown values.
  public static let listSheetName = "选项"
  /// The key of the report-date row.
  public static let dateKey = "date"

  /// Columns of the fill-in sheet.
  public enum Column {
    public static let key = 0
    public static let number = 1
    public static let name = 2
    public static let requirement = 3
    public static let unit = 4
    /// 本期数值 (targets, base values) or 状态 (tasks, milestones, qualitative targets).
    public static let value = 5
    /// 口径 (targets) or 完成% (tasks, milestones).
    public static let second = 6
    public static let note = 7
    public static let evidence = 8
  }

  /// 当月 / 累计 as the 口径 dropdown shows them.
  public static let basisNames: [(ProgressEntry.Basis, String)] = [(.period, "当月"), (.ytd, "累计")]

  /// The key of the 填报人 row.
  public static let preparerKey = "preparer"
  /// The key of the 审核人 row.
  public static let reviewerKey = "reviewer"

  /// The file name of a unit's template: `2020年9月-08-大气处.xlsx` (the month in words, so
  /// that the book number after it does not read as a day; `collect` goes by the workbook's
  /// properties, not its name).
  public static func fileName(
    period: ReportingPeriod, unit: OrgUnit, in resolved: ResolvedPlan
  ) -> String {
    let book = BookFileNames.books(of: resolved.responsibleUnits, in: resolved.plan)
      .first { $0.unit.id == unit.id }?.fileName
    return "\(period.chinese)-\(book ?? "\(BookFileNames.safe(unit.shortName)).xlsx")"
  }

  /// What a unit reports: the targets and figures it leads or cooperates on (a target with a
  /// declared data source is reported by that unit alone); see
  /// `ResolvedPlan.reportedTargets(by:)`.
  public static func reportedTargets(_ resolved: ResolvedPlan, unit: String) -> [ResolvedTarget] {
    resolved.reportedTargets(by: unit)
  }

  /// The tasks a unit reports: those it leads (with their milestones).
  public static func reportedTasks(_ resolved: ResolvedPlan, unit: String) -> [ResolvedTask] {
    resolved.reportedTasks(by: unit)
  }

  /// The fill-in sheet's layout and where its input cells are (rows, with the columns that
  /// take input), for protection and validation.
  public struct Layout: Sendable {
    public var sheet: SheetLayout
    /// Rows of target values (value, basis, note).
    public var targetRows: [Int] = []
    /// Rows of change targets, whose unit (of the measured amount: 万吨) is typed in.
    public var changeRows: [Int] = []
    /// Rows of qualitative targets (state, note).
    public var qualitativeRows: [Int] = []
    /// Rows of base-year values (value, note).
    public var baseRows: [Int] = []
    /// Rows of tasks (state, percent, note, evidence) and milestones (state, percent, note).
    public var taskRows: [Int] = []
    public var milestoneRows: [Int] = []
    /// The report date's row.
    public var dateRow = 0
    /// The 填报人 and 审核人 rows (their input cell is in column ``Column/value``).
    public var preparerRow = 0
    public var reviewerRow = 0
  }

  /// Input cells: unlocked, pale yellow.
  public static let input = CellStyle(
    fontName: BookStyles.font, fontSize: BookStyles.bodySize, horizontal: .left,
    vertical: .top, wrap: true, border: true, fill: 0xFFF2CC, unlocked: true)
  public static let inputNumber = CellStyle(
    fontName: BookStyles.font, fontSize: BookStyles.bodySize, horizontal: .center,
    vertical: .top, border: true, fill: 0xFFF2CC, unlocked: true)
  public static let inputDate = CellStyle(
    fontName: BookStyles.font, fontSize: BookStyles.bodySize, horizontal: .center,
    vertical: .top, border: true, numberFormat: "yyyy-mm-dd", fill: 0xFFF2CC, unlocked: true)
  static let key = CellStyle(fontName: BookStyles.font, fontSize: 8)

  /// The layout of `unit`'s template for `period`.
  public static func layout(
    _ resolved: ResolvedPlan, unit: OrgUnit, period: ReportingPeriod
  ) -> Layout {
    let S = BookStyles.self
    let plan = resolved.plan
    var sheet = SheetLayout(name: sheetName, columns: [4, 5, 20, 13, 8, 11, 8, 26, 10])
    var layout = Layout(sheet: sheet)
    let all = 1...8
    sheet.append([
      .init(0, .text("title"), key),
      .init(all, .text("\(plan.title)\n\(period.chinese)工作进展填报表"), S.title),
    ])
    sheet.append([
      .init(0, .text("unit"), key),
      .init(
        all,
        .text("填报单位：\(unit.name)　报告期：\(period.chinese)（\(period.range.start)至\(period.range.end)）"),
        S.party),
    ])
    sheet.append([
      .init(0, .text("help"), key),
      .init(
        all,
        .text(
          "填报说明：只填写浅黄色单元格，其余内容已锁定。填报人、审核人写明姓名。进展说明较长时，双击行号下边线（或拖动）加高该行，使其完整显示和打印。本期数值填写数字（不带单位），口径选择“当月”或“累计”；任务状态从下拉列表选择，完成%填写0至100的数字；进展说明简要写明本期完成的工作，佐证材料写明文件名或文号。填好后保存为xlsx文件报回，勿修改文件名以外的内容。"
        ), S.paragraph),
    ])
    layout.dateRow = sheet.nextRow
    sheet.append([
      .init(0, .text(dateKey), key), .init(1...4, .text("填报日期（本报告期内）："), S.party),
      .init(5, .date(period.range.end), inputDate),
    ])
    layout.preparerRow = sheet.nextRow
    sheet.append([
      .init(0, .text(preparerKey), key), .init(1...4, .text("填报人（姓名、电话）："), S.party),
      .init(5...8, .blank, input),
    ])
    layout.reviewerRow = sheet.nextRow
    sheet.append([
      .init(0, .text(reviewerKey), key), .init(1...4, .text("审核人（处室/单位负责人）："), S.party),
      .init(5...8, .blank, input),
    ])

    let targets = reportedTargets(resolved, unit: unit.id)
    if !targets.isEmpty {
      sheet.append(
        [.init(0, .text("h1"), key), .init(all, .text("一、指标"), S.heading)], minHeight: 24)
      sheet.append(
        [.init(0, .text("header"), key)]
          + ["序号", "指标", "要求", "单位", "本期数值", "口径", "备注", ""].enumerated().map {
            .init($0.offset + 1, .text($0.element), S.header)
          })
      for (n, t) in targets.enumerated() {
        let r = t.target.requirement
        // What the row takes, by the kind: a state (qualitative) or a number; for a change, the
        // unit of the amount typed in and a row for the base year's value.
        let qualitative: Bool
        var change = false
        var baseYear: Int?
        switch r.kind {
        case .qualitative?: qualitative = true
        case .level?, .count?, .share?: qualitative = false
        case .change(_, _, _, let year)?: (qualitative, change, baseYear) = (false, true, year)
        case nil:
          (qualitative, change, baseYear) = (
            r.measure == .qualitative, r.measure == .change, r.baseYear
          )
        }
        let row = sheet.nextRow
        sheet.append(
          [
            .init(0, .text(TemplateRowKey.target(t.target.id).text), key),
            .init(1, .number(Double(n + 1)), S.number(1)),
            // A unit's share of a split target says so: its 要求 is the share's.
            .init(
              2,
              .text(
                t.target.fullName + (shareNote(t, in: resolved).map { "\n" + $0 } ?? "")),
              S.text),
            .init(3, .text(r.summary + role(t, unit: unit.id, in: resolved)), S.text),
            change
              ? .init(4, .blank, input)
              : .init(4, .text(qualitative ? "—" : r.unit ?? ""), S.centered),
            .init(5, .blank, qualitative ? input : inputNumber),
            qualitative ? .init(6, .text("—"), S.centered) : .init(6, .blank, input),
            .init(7, .blank, input),
            .init(8, .blank, S.text),
          ], minHeight: inputRowHeight)
        if qualitative { layout.qualitativeRows.append(row) } else { layout.targetRows.append(row) }
        if change { layout.changeRows.append(row) }
        if change, let year = baseYear {
          let baseRow = sheet.nextRow
          sheet.append(
            [
              .init(0, .text(TemplateRowKey.base(t.target.id).text), key),
              .init(1, .text(""), S.centered),
              .init(2, .text("\(t.target.name)（\(year)年基准值）"), S.text),
              .init(3, .text("基准年数值，计划未给出时填写"), S.text),
              .init(4, .text("（同上）"), S.centered),
              .init(5, .blank, inputNumber),
              .init(6, .text("\(year)年"), S.centered),
              .init(7, .blank, input),
              .init(8, .blank, S.text),
            ], minHeight: inputRowHeight)
          layout.baseRows.append(baseRow)
        }
      }
    }

    let tasks = reportedTasks(resolved, unit: unit.id)
    if !tasks.isEmpty {
      sheet.append(
        [.init(0, .text("h2"), key), .init(all, .text("二、重点任务"), S.heading)], minHeight: 24)
      let header = sheet.append(
        [.init(0, .text("header"), key)]
          + ["编号", "任务", "完成时限", "角色", "状态", "完成%", "进展说明", "佐证材料"].enumerated().map {
            .init($0.offset + 1, .text($0.element), S.header)
          })
      sheet.page.repeatRows = header
      for t in tasks {
        let row = sheet.nextRow
        sheet.append(
          [
            .init(0, .text(TemplateRowKey.task(t.task.id).text), key),
            .init(1, .text(t.label), S.centered),
            .init(2, .text(t.task.title), S.text),
            t.dueDay.map { .init(3, .date($0), S.isoDate) }
              ?? .init(3, .text(t.deadline.description), S.centered),
            .init(4, .text("牵头"), S.centered),
            .init(5, .blank, input),
            .init(6, .blank, inputNumber),
            .init(7, .blank, input),
            .init(8, .blank, input),
          ], minHeight: inputRowHeight)
        layout.taskRows.append(row)
        for m in t.task.milestones {
          let mRow = sheet.nextRow
          sheet.append(
            [
              .init(0, .text(TemplateRowKey.milestone(m.id).text), key),
              .init(1, .text(""), S.centered),
              .init(2, .text("节点：\(m.title)"), S.text),
              m.deadline.dueDay.map { .init(3, .date($0), S.isoDate) }
                ?? .init(3, .text(m.deadline.description), S.centered),
              .init(4, .text("节点"), S.centered),
              .init(5, .blank, input),
              .init(6, .blank, inputNumber),
              .init(7, .blank, input),
              .init(8, .blank, S.text),
            ], minHeight: inputRowHeight)
          layout.milestoneRows.append(mRow)
        }
      }
    }
    if targets.isEmpty && tasks.isEmpty {
      sheet.append([.init(0, .text("none"), key), .init(all, .text("本单位本期无需填报的指标或任务。"), S.text)])
    }
    sheet.page.fitPagesWide = 1
    layout.sheet = sheet
    return layout
  }

  /// The least height of a row people write in: four lines of 进展说明 show (and print)
  /// without resizing; a longer note needs the row made taller, which the sheet's protection
  /// allows (row formatting is unlocked: double-click the row's lower edge to fit it).
  public static let inputRowHeight = 60.0

  /// `本单位分解目标` / `总体 ≤ 35 微克/立方米`, under the name of a unit's share of a split target
  /// (指标分解; its 要求 is the share's); nil for a target the unit carries whole.
  static func shareNote(_ t: ResolvedTarget, in resolved: ResolvedPlan) -> String? {
    guard let whole = resolved.whole(of: t) else { return nil }
    return "本单位分解目标\n总体 \(whole.target.requirement.summary)"
  }

  /// For a target the unit cooperates on: `（配合报送，牵头：水处）` after the requirement.
  static func role(_ t: ResolvedTarget, unit: String, in resolved: ResolvedPlan) -> String {
    guard t.target.source == nil, !t.lead.contains(unit) else { return "" }
    let leads = t.lead.map { id in resolved.plan.units.first { $0.id == id }?.shortName ?? id }
    return "\n（配合报送\(leads.isEmpty ? "" : "，牵头：\(leads.joined(separator: "、"))")）"
  }
}
