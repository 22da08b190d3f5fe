import Foundation
import PlanEngine
import PlanModel
import Sheets
import Tracking
import Xlsx
import XlsxReader

/// A problem in a returned workbook, named by file, sheet and cell.
public struct CollectIssue: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  /// `填报!F7`, or nil for the workbook as a whole.
  public var cell: String?
  public var message: String

  public init(file: String, cell: String? = nil, message: String) {
    self.file = file
    self.cell = cell
    self.message = message
  }

  /// `2020年9月-08-大气处.xlsx: 填报!F7: “三十”不是数字（请只填写数字，如35.5）`: in Chinese, as it
  /// goes back to the unit that filled in the workbook.
  public var description: String {
    cell.map { "\(file): \($0): \(message)" } ?? "\(file): \(message)"
  }
}

/// The problems that rejected a workbook or a collection, every one of them.
public struct CollectFailure: Error, Sendable, CustomStringConvertible {
  public var issues: [CollectIssue]
  public init(_ issues: [CollectIssue]) { self.issues = issues }
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// One unit's report for one month, read from its returned workbook.
public struct Submission: Sendable {
  public var file: String
  public var unit: OrgUnit
  public var period: ReportingPeriod
  public var entries: [ProgressEntry]
  /// 填报人 and 审核人 as written in the workbook (also on each entry).
  public var preparer = ""
  public var reviewer = ""
  /// The cell each entry was read from (`填报!F7`, its row's value cell), in the same order.
  public var cells: [String] = []
}

/// Reads returned report workbooks (see ``ReportTemplate`` for the layout).
public enum Collector {
  /// The submission in `path`, or every problem found in it (the workbook is then rejected
  /// whole). `fingerprint` is the current plan's: a template of another version is refused.
  public static func read(
    _ path: String, plan resolved: ResolvedPlan, fingerprint: String
  ) -> Result<Submission, CollectFailure> {
    let name = URL(fileURLWithPath: path).lastPathComponent
    func fail(_ message: String) -> Result<Submission, CollectFailure> {
      .failure(CollectFailure([CollectIssue(file: name, message: message)]))
    }
    let file: XlsxFile
    do {
      file = try XlsxFile.open(path)
    } catch {
      return fail(unreadable(error))
    }
    let props = file.customProperties
    let plan = resolved.plan
    guard props[BookProperties.kind] == "template" else {
      return fail(
        "不是PlanBook生成的填报表（类型\(props[BookProperties.kind].map { "“\($0)”" } ?? "缺失")）；请在 planbook template 生成的工作簿中填报"
      )
    }
    guard props[BookProperties.planID] == plan.id else {
      return fail(
        "是计划“\(props[BookProperties.planID] ?? "?")”的填报表，不是\(plan.id)的")
    }
    guard props[BookProperties.fingerprint] == fingerprint else {
      return fail(
        "由\(plan.id)的旧版本生成（版本标识\(WorkPlan.shortFingerprint(props[BookProperties.fingerprint] ?? "?"))，计划现为\(WorkPlan.shortFingerprint(fingerprint))）；请向该单位发送新的填报表"
      )
    }
    let unitID = props[BookProperties.unit].map { String($0.prefix { $0 != " " }) } ?? ""
    guard let unit = resolved.reportingUnits.first(where: { $0.id == unitID }) else {
      return fail("是单位“\(unitID)”的填报表，该单位在\(plan.id)中无需填报")
    }
    guard let period = props[TemplateWriter.periodProperty].flatMap(ReportingPeriod.init(parsing:))
    else {
      return fail("填报表未注明报告期")
    }
    guard file.sheetNames.contains(ReportTemplate.sheetName) else {
      return fail("找不到工作表“\(ReportTemplate.sheetName)”")
    }
    let cells: [String: CellValue]
    do {
      cells = try file.cells(sheet: ReportTemplate.sheetName)
    } catch {
      return fail(unreadable(error))
    }
    var reader = SheetReader(
      file: name, cells: cells, resolved: resolved, unit: unit, period: period,
      dates1904: file.uses1904Dates)
    let (entries, places) = reader.read()
    guard reader.issues.isEmpty else { return .failure(CollectFailure(reader.issues)) }
    return .success(
      Submission(
        file: name, unit: unit, period: period, entries: entries, preparer: reader.preparer,
        reviewer: reader.reviewer, cells: places))
  }
}

/// A reader's error in Chinese for the unit, with the reader's own place and words after it.
func unreadable(_ error: XlsxReadError) -> String {
  "无法读取工作簿（\(located(error))）；请用Excel或WPS另存为xlsx文件后重新报送"
}

/// A reader's error without the file's path (the issue names the file): `xl/workbook.xml:1:19:
/// malformed XML: …`.
func located(_ error: XlsxReadError) -> String {
  var place = error.part ?? ""
  if let line = error.line { place += ":\(line)" + (error.column.map { ":\($0)" } ?? "") }
  return place.isEmpty ? error.message : "\(place): \(error.message)"
}

/// Reads the rows of a filled 填报 sheet.
struct SheetReader {
  typealias C = ReportTemplate.Column
  let file: String
  let cells: [String: CellValue]
  let resolved: ResolvedPlan
  let unit: OrgUnit
  let period: ReportingPeriod
  /// The workbook counts dates from 1904 (old Mac Excel).
  let dates1904: Bool
  var issues: [CollectIssue] = []
  /// 填报人 and 审核人, once read.
  var preparer = ""
  var reviewer = ""

  init(
    file: String, cells: [String: CellValue], resolved: ResolvedPlan, unit: OrgUnit,
    period: ReportingPeriod, dates1904: Bool = false
  ) {
    self.file = file
    self.cells = cells
    self.resolved = resolved
    self.unit = unit
    self.period = period
    self.dates1904 = dates1904
  }

  func ref(_ row: Int, _ col: Int) -> String {
    "\(ReportTemplate.sheetName)!\(CellReference.cell(row: row, col: col))"
  }

  func value(_ row: Int, _ col: Int) -> CellValue {
    let v = cells[CellReference.cell(row: row, col: col)] ?? .empty
    if case .formula(_, let result) = v { return result }
    return v
  }

  /// The cell's text for a number, date or choice: trimmed, full-width digits and letters
  /// half-width (３５ → 35); numbers as written. Free text is read by ``freeText(_:_:)``.
  func text(_ row: Int, _ col: Int) -> String {
    Lenient.normalized(value(row, col).displayText)
  }

  mutating func issue(_ row: Int, _ col: Int, _ message: String) {
    issues.append(CollectIssue(file: file, cell: ref(row, col), message: message))
  }

  /// The rows with a key in column A, in sheet order.
  var keyedRows: [(Int, String)] {
    cells.compactMap { (ref, v) -> (Int, String)? in
      guard ref.hasPrefix("A"), let n = Int(ref.dropFirst()), case .text(let key) = v else {
        return nil
      }
      return (n - 1, key)
    }.sorted { $0.0 < $1.0 }
  }

  /// The entries of the sheet, each with the cell (its row's value cell) it was read from.
  mutating func read() -> (entries: [ProgressEntry], cells: [String]) {
    let entries = readEntries()
    return (entries.map(\.0), entries.map { ref($0.1, C.value) })
  }

  mutating func readEntries() -> [(ProgressEntry, Int)] {
    let rows = keyedRows
    var date = period.range.end
    if let (row, _) = rows.first(where: { $0.1 == ReportTemplate.dateKey }) {
      if let d = day(row, C.value) { date = d }
    }
    if let (row, _) = rows.first(where: { $0.1 == ReportTemplate.preparerKey }) {
      preparer = person(row) ?? ""
    }
    if let (row, _) = rows.first(where: { $0.1 == ReportTemplate.reviewerKey }) {
      reviewer = person(row) ?? ""
    }
    let targets = Dictionary(
      ReportTemplate.reportedTargets(resolved, unit: unit.id).map { ($0.target.id, $0) },
      uniquingKeysWith: { a, _ in a })
    let tasks = Set(ReportTemplate.reportedTasks(resolved, unit: unit.id).map(\.task.id))
    let milestones = Set(
      ReportTemplate.reportedTasks(resolved, unit: unit.id).flatMap(\.task.milestones).map(\.id))
    var units: [String: String] = [:]  // target id → the unit its value was given in
    var out: [(ProgressEntry, Int)] = []
    for (row, key) in rows {
      guard let rowKey = TemplateRowKey(key) else { continue }
      switch rowKey {
      case .target(let id):
        guard let t = targets[id] else { return unknownRow(row, key) }
        if let e = target(row, t, date: date) {
          out.append((e, row))
          units[id] = e.unit
        }
      case .base(let id):
        guard let t = targets[id] else { return unknownRow(row, key) }
        if let e = base(row, t, unit: units[id], date: date) { out.append((e, row)) }
      case .task(let id):
        guard tasks.contains(id) else { return unknownRow(row, key) }
        if let e = work(row, .task, id, date: date) { out.append((e, row)) }
      case .milestone(let id):
        guard milestones.contains(id) else { return unknownRow(row, key) }
        if let e = work(row, .milestone, id, date: date) { out.append((e, row)) }
      }
    }
    for i in out.indices {
      out[i].0.preparer = preparer
      out[i].0.reviewer = reviewer
    }
    return out
  }

  /// A 填报人 or 审核人 cell: free text on one line (a line break becomes a space).
  mutating func person(_ row: Int) -> String? {
    guard
      let name = freeText(row, C.value).map({
        $0.split(whereSeparator: \.isNewline).joined(separator: " ")
          .trimmingCharacters(in: .whitespaces)
      })
    else { return nil }
    if let first = name.first, "=+-@'".contains(first) {
      issue(row, C.value, "“\(ProgressFile.shown(name))”不是姓名（不能以\(first)开头）")
      return nil
    }
    return name
  }

  mutating func unknownRow(_ row: Int, _ key: String) -> [(ProgressEntry, Int)] {
    issue(
      row, C.key,
      "“\(ProgressFile.shown(key))”一行不是\(unit.shortName)在本版计划中填报的内容（工作表是否被改动，或从其他填报表复制而来？）"
    )
    return []
  }

  /// A date cell: a real date, or a date typed as text.
  mutating func day(_ row: Int, _ col: Int) -> Day? {
    let v = value(row, col)
    var found: Day?
    switch v {
    case .empty: return nil
    case .number(let n): found = Lenient.day(serial: n, dates1904: dates1904)
    default:
      let t = text(row, col)
      if t.isEmpty { return nil }
      found = Lenient.day(t)
    }
    guard let d = found else {
      issue(row, col, "“\(ProgressFile.shown(v.displayText))”不是日期（请填写如2020-09-30）")
      return nil
    }
    guard period.range.contains(d) else {
      issue(
        row, col,
        "填报日期\(d)不在报告期\(period.chinese)（\(period.range.start)至\(period.range.end)）内")
      return nil
    }
    return d
  }

  /// A number cell, or a number typed as text; one the report file cannot hold as a plain
  /// decimal (10^15 or more in size) is a problem at its cell.
  mutating func number(_ row: Int, _ col: Int, percent: Bool = false) -> Double? {
    let n: Double
    switch value(row, col) {
    case .number(let v): n = v
    case .empty: return nil
    default:
      let t = text(row, col)
      if t.isEmpty { return nil }
      guard let v = Lenient.number(t, percent: percent) else {
        issue(
          row, col,
          "“\(ProgressFile.shown(t))”不是数字（请只填写数字，如\(percent ? "85或85%" : "35.5")）")
        return nil
      }
      n = v
    }
    guard ProgressCSV.decimal(n) != nil else {
      issue(
        row, col,
        "\(abs(n) < 1e17 && n == n.rounded() ? String(Int64(n)) : "\(n)")过大，无法记录（数值须小于10^15；"
          + "单位是否填错？）")
      return nil
    }
    return n
  }

  /// The free text of a cell (a note, the 佐证材料, a unit, a name) exactly as written — full-width
  /// punctuation, digits and spaces kept — but with line breaks as LF; a control character
  /// (other than tab and line break) is a problem at the cell.
  mutating func freeText(_ row: Int, _ col: Int) -> String? {
    let t = value(row, col).displayText.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    if let bad = t.unicodeScalars.first(where: ProgressFile.isControl) {
      let code = String(bad.value, radix: 16, uppercase: true)
      issue(
        row, col,
        "“\(ProgressFile.shown(t))”含有控制字符"
          + "U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)（请删除）")
      return nil
    }
    return t
  }

  mutating func state(_ row: Int, _ col: Int) -> WorkState? {
    let t = text(row, col)
    if t.isEmpty { return nil }
    guard let s = WorkState(name: t) else {
      issue(
        row, col,
        "状态“\(ProgressFile.shown(t))”不是未开始、推进中、已完成之一（请从下拉列表选择）")
      return nil
    }
    return s
  }

  /// The row's 进展说明 (and 佐证材料 with `evidence`) as one note; nil (with a problem at the
  /// cell) when either holds a control character.
  mutating func note(_ row: Int, evidence: Bool) -> String? {
    let n = freeText(row, C.note)
    let ev = evidence ? freeText(row, C.evidence) : ""
    guard let n, let ev else { return nil }
    return ev.isEmpty ? n : (n.isEmpty ? "佐证材料：\(ev)" : "\(n)（佐证材料：\(ev)）")
  }

  mutating func target(_ row: Int, _ t: ResolvedTarget, date: Day) -> ProgressEntry? {
    let r = t.target.requirement
    // What the row takes, by the kind: a state (qualitative), else a number — in percent for a
    // share or a % unit — with the unit of the amount typed in for a change.
    let qualitative: Bool
    let percent: Bool
    var change = false
    switch r.kind {
    case .qualitative?: (qualitative, percent) = (true, false)
    case .level(_, _, let unit)?, .count(_, _, let unit)?:
      (qualitative, percent) = (false, unit == "%")
    case .share?: (qualitative, percent) = (false, true)
    case .change(_, _, let unit, _)?: (qualitative, percent, change) = (false, unit == "%", true)
    case nil:
      (qualitative, percent, change) = (
        r.measure == .qualitative, r.measure == .share || r.unit == "%", r.measure == .change
      )
    }
    if qualitative {
      guard let s = state(row, C.value), let note = note(row, evidence: false) else { return nil }
      return ProgressEntry(
        kind: .target, id: t.target.id, state: s, reporter: unit.id, date: date, note: note)
    }
    let before = issues.count
    // A percentage may be typed with its sign (80%), as the 完成% column takes it.
    let v = number(row, C.value, percent: percent)
    let basisText = text(row, C.second)
    guard let v else {
      if issues.count == before, !basisText.isEmpty {
        issue(
          row, C.value,
          "本期数值为空，但口径填了“\(ProgressFile.shown(basisText))”（请填写数值）")
      }
      return nil
    }
    guard
      let basis = ReportTemplate.basisNames.first(where: {
        $0.1 == basisText || $0.0.rawValue == basisText
      })?.0
    else {
      issue(
        row, C.second,
        basisText.isEmpty
          ? "口径为空（请选择“当月”或“累计”）"
          : "口径“\(ProgressFile.shown(basisText))”不是“当月”或“累计”")
      return nil
    }
    var unitName = r.unit ?? ""
    if change {
      guard let typed = freeText(row, C.unit)?.trimmingCharacters(in: .whitespacesAndNewlines)
      else { return nil }
      unitName = typed
      if unitName.isEmpty || unitName == "（填实际量）" {
        issue(row, C.unit, "实际量的计量单位为空（请填写，如万吨）")
        return nil
      }
      if let first = unitName.first, "=+-@'".contains(first) || unitName.contains("\n") {
        issue(
          row, C.unit,
          "“\(ProgressFile.shown(unitName))”不是计量单位（计量单位是万吨这样的名称，写在一行内，"
            + "不以\(first)开头）")
        return nil
      }
    }
    if percent, !(0...100).contains(v) {
      issue(row, C.value, "\(Requirement.format(v))超出范围（百分比应在0至100之间）")
      return nil
    }
    guard let note = note(row, evidence: false) else { return nil }
    return ProgressEntry(
      kind: .target, id: t.target.id, value: v, unit: unitName, basis: basis, reporter: unit.id,
      date: date, note: note)
  }

  mutating func base(
    _ row: Int, _ t: ResolvedTarget, unit measured: String?, date: Day
  )
    -> ProgressEntry?
  {
    guard let v = number(row, C.value) else { return nil }
    guard let unitName = measured else {
      issue(
        row, C.value, "填写基准年数值时，须同时填写上方该指标的本期数值（以确定计量单位）")
      return nil
    }
    guard let note = note(row, evidence: false) else { return nil }
    return ProgressEntry(
      kind: .base, id: t.target.id, value: v, unit: unitName,
      baseYear: t.target.requirement.baseYear, reporter: unit.id, date: date, note: note)
  }

  mutating func work(
    _ row: Int, _ kind: ProgressEntry.Kind, _ id: String, date: Day
  )
    -> ProgressEntry?
  {
    let before = issues.count
    var s = state(row, C.value)
    var p = number(row, C.second, percent: true)
    guard issues.count == before else { return nil }
    if s == nil && p == nil { return nil }
    if let pp = p, !(0...100).contains(pp) {
      issue(row, C.second, "完成%\(Requirement.format(pp))超出范围（应在0至100之间）")
      return nil
    }
    switch (s, p) {
    case (nil, let pp?): s = pp >= 100 ? .done : pp <= 0 ? .notStarted : .inProgress
    case (.done?, nil): p = 100
    case (.notStarted?, nil): p = 0
    case (.inProgress?, nil):
      issue(row, C.second, "完成%为空（推进中须填写0至100的数字）")
      return nil
    case (.done?, let pp?) where pp != 100:
      issue(row, C.second, "完成%\(Requirement.format(pp))与“已完成”不符（应为100）")
      return nil
    case (.notStarted?, let pp?) where pp != 0:
      issue(row, C.second, "完成%\(Requirement.format(pp))与“未开始”不符（应为0）")
      return nil
    case (.inProgress?, 100?):
      issue(row, C.value, "推进中而完成%为100（请选择“已完成”，或填写小于100的完成%）")
      return nil
    default: break
    }
    guard let note = note(row, evidence: kind == .task) else { return nil }
    return ProgressEntry(
      kind: kind, id: id, state: s, percent: p, reporter: unit.id, date: date, note: note)
  }
}
