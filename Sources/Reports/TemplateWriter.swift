import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import SafeFiles
import Sheets
import Xlsx

/// Writes report templates (see ``ReportTemplate`` for the layout): the fill-in sheet with
/// its input cells unlocked and validated and the sheet protected, the dropdown choices on a
/// hidden, protected sheet, and the workbook's identity in custom properties.
public enum TemplateWriter {
  /// The custom property holding the reporting month (`2020-09`).
  public static let periodProperty = "PlanBook.Period"

  /// The units of `units` (ids; nil: every unit) that report something, each with its
  /// template's file name, and those that have nothing to report, each with the reason
  /// (`ResolvedPlan.whyNothingToReport(_:)`).
  public static func plan(
    _ resolved: ResolvedPlan, period: ReportingPeriod, units: [String]?
  ) -> (reporting: [(unit: OrgUnit, file: String)], none: [(unit: OrgUnit, why: String)]) {
    var reporting: [(OrgUnit, String)] = []
    var none: [(OrgUnit, String)] = []
    for u in resolved.plan.units where units?.contains(u.id) ?? true {
      if let why = resolved.whyNothingToReport(u.id) {
        // Without a unit list, only units the plan gives something are worth a line.
        if units != nil || resolved.responsibleUnits.contains(where: { $0.id == u.id }) {
          none.append((u, why))
        }
      } else {
        reporting.append((u, ReportTemplate.fileName(period: period, unit: u, in: resolved)))
      }
    }
    return (reporting, none)
  }

  /// Writes the templates of `units` (ids; nil: every unit that reports something) into
  /// `folder` as one set (``SafeFiles/SetFolder``: all or nothing, a second writer waits, other
  /// files of the folder are kept), and returns their paths. A template already in the folder
  /// that differs from the fresh one (a unit may have filled it in) is never written over:
  /// the call throws and writes nothing. `notice` gets what the set folder says (waiting,
  /// leftovers of a killed run).
  public static func writeAll(
    _ resolved: ResolvedPlan, period: ReportingPeriod, units: [String]?, to folder: String,
    notice: (String) -> Void = { _ in }
  ) throws -> [String] {
    let fingerprint = try resolved.plan.fingerprint()
    let planned = plan(resolved, period: period, units: units).reporting
    let reporting = planned.map(\.unit)
    let names = planned.map(\.file)
    do {
      return try SetFolder.replace(folder, names: names, notice: notice) { staging in
        var differing: [String] = []
        for (unit, name) in zip(reporting, names) {
          let path = URL(fileURLWithPath: staging).appendingPathComponent(name).path
          try write(resolved, unit: unit, period: period, fingerprint: fingerprint, to: path)
          let existing = URL(fileURLWithPath: folder).appendingPathComponent(name).path
          if let old = try FileReading.bytesIfPresent(existing),
            old != (try FileReading.bytesIfPresent(path))
          {
            differing.append(name)
          }
        }
        guard differing.isEmpty else {
          throw ExportError(
            "\(differing.joined(separator: ", ")) in \(folder) "
              + "\(differing.count == 1 ? "differs" : "differ") from a fresh template (filled in, "
              + "or made from another version of the plan) and would be written over; collect "
              + "or move \(differing.count == 1 ? "it" : "them") first")
        }
      }.written
    } catch let error as FileError {
      throw ExportError(error.description)
    }
  }

  /// Writes one unit's template to `path`.
  public static func write(
    _ resolved: ResolvedPlan, unit: OrgUnit, period: ReportingPeriod, fingerprint: String,
    to path: String
  ) throws {
    let plan = resolved.plan
    var layout = ReportTemplate.layout(resolved, unit: unit, period: period)
    layout.sheet.page.footer = BookFooter.text(plan: plan, fingerprint: fingerprint)
    let properties = BookProperties.document(
      plan, title: "\(plan.title) \(period.chinese)工作进展填报表（\(unit.name)）",
      unit: "\(unit.id) \(unit.name)", kind: "template", fingerprint: fingerprint,
      extra: [(periodProperty, period.description)])
    try Workbook.write(to: path, properties: properties) { workbook in
      let sheet = try SheetWriter.write(layout.sheet, into: workbook)
      try sheet.setColumn(
        ReportTemplate.Column.key, width: layout.sheet.columns[ReportTemplate.Column.key],
        hidden: true)

      // The choices, on a hidden sheet: inline lists of Chinese text overflow libxlsxwriter.
      let lists = try workbook.addWorksheet(ReportTemplate.listSheetName)
      let plain = CellStyle()
      for (i, s) in WorkState.allCases.enumerated() {
        try lists.write(s.chinese, row: i, col: 0, style: plain)
      }
      for (i, b) in ReportTemplate.basisNames.enumerated() {
        try lists.write(b.1, row: i, col: 1, style: plain)
      }
      try lists.hide()
      try lists.protect()
      let states = SheetRange(
        sheet: ReportTemplate.listSheetName, rows: 0...(WorkState.allCases.count - 1), col: 0)
      let bases = SheetRange(
        sheet: ReportTemplate.listSheetName, rows: 0...(ReportTemplate.basisNames.count - 1),
        col: 1)

      typealias C = ReportTemplate.Column
      func validate(_ rows: [Int], _ col: Int, _ v: DataValidation) throws {
        for r in rows { try sheet.addValidation(v, rows: r...r, cols: col...col) }
      }
      let number = DataValidation(
        .decimal(min: -1e12, max: 1e12), inputTitle: "本期数值",
        inputMessage: "填写数字，不带单位。", errorTitle: "不是数字", errorMessage: "请填写数字，例如 35 或 61.5。")
      let share = DataValidation(
        .decimal(min: 0, max: 100), inputTitle: "完成%", inputMessage: "填写0至100的数字。",
        errorTitle: "超出范围", errorMessage: "完成%应在0至100之间。")
      let state = DataValidation(
        .list(states), inputTitle: "状态", inputMessage: "从列表选择：未开始、推进中或已完成。",
        errorTitle: "无效状态", errorMessage: "请从列表中选择状态。")
      let basis = DataValidation(
        .list(bases), inputTitle: "口径", inputMessage: "当月：仅本月；累计：年初至本月。",
        errorTitle: "无效口径", errorMessage: "请选择“当月”或“累计”。")
      let note = DataValidation(.any, inputTitle: "说明", inputMessage: "简要说明，可留空。")
      let unitName = DataValidation(
        .any, inputTitle: "计量单位", inputMessage: "填写实际量的单位，例如 万吨。")
      let date = DataValidation(
        .date(from: period.range.start, through: period.range.end),
        inputTitle: "填报日期",
        inputMessage: "本报告期内的日期。", errorTitle: "日期超出报告期",
        errorMessage: "填报日期应在\(period.range.start)至\(period.range.end)之间。")

      try validate([layout.dateRow], C.value, date)
      try validate(layout.targetRows + layout.baseRows, C.value, number)
      try validate(layout.targetRows, C.second, basis)
      try validate(layout.changeRows, C.unit, unitName)
      try validate(layout.qualitativeRows, C.value, state)
      try validate(layout.taskRows + layout.milestoneRows, C.value, state)
      try validate(layout.taskRows + layout.milestoneRows, C.second, share)
      try validate(
        layout.targetRows + layout.qualitativeRows + layout.baseRows + layout.taskRows
          + layout.milestoneRows, C.note, note)
      try validate(
        layout.taskRows, C.evidence,
        DataValidation(.any, inputTitle: "佐证材料", inputMessage: "文件名或文号，可留空。"))
      try validate(
        [layout.preparerRow], C.value,
        DataValidation(.any, inputTitle: "填报人", inputMessage: "填写人的姓名（可加电话）。"))
      try validate(
        [layout.reviewerRow], C.value,
        DataValidation(.any, inputTitle: "审核人", inputMessage: "审核人的姓名。"))
      // Rows may be resized (a long 进展说明 needs a taller row); nothing else is unlocked.
      try sheet.protect(options: SheetProtection(formatRows: true))
    }
  }
}
