import PlanEngine
import PlanModel
import Xlsx

/// The overview workbook: 任务分工表 (every task with its lead, cooperating units and
/// deadline), 指标表 (every target and figure) and 单位索引 (each responsible unit, its counts
/// and its book's file name).
public enum Overview {
  /// The three sheets of the overview of `resolved`; `files` maps unit ids to book file names.
  public static func layouts(
    _ resolved: ResolvedPlan, files: [String: String], fingerprint: String
  ) -> [SheetLayout] {
    let footer = ResponsibilityBook.footer(plan: resolved.plan, fingerprint: fingerprint)
    var sheets = [tasks(resolved), targets(resolved), units(resolved, files: files)]
    for i in sheets.indices { sheets[i].page.footer = footer }
    return sheets
  }

  /// Starts a sheet: the title row across all columns, then the header row, repeated on every
  /// printed page.
  static func start(
    _ name: String, title: String, headers: [String], widths: [Double]
  )
    -> SheetLayout
  {
    var sheet = SheetLayout(name: name, columns: widths)
    let all = 0...(widths.count - 1)
    sheet.append([.init(all, .text(title), BookStyles.subtitle)])
    let header = sheet.append(
      headers.enumerated().map { .init($0.offset, .text($0.element), BookStyles.header) })
    sheet.page.repeatRows = header
    return sheet
  }

  static func tasks(_ resolved: ResolvedPlan) -> SheetLayout {
    let plan = resolved.plan
    let S = BookStyles.self
    var sheet = start(
      "任务分工表", title: "\(plan.title) 任务分工表",
      headers: ["编号", "任务", "牵头单位", "配合单位", "完成时限", "分值"],
      widths: BookCells.numberColumn([5, 32, 12, 18, 17, 5], fitting: resolved.tasks.map(\.label)))
    let chapters = Dictionary(
      plan.allChapters.map { ($0.chapter.id, $0.chapter) }, uniquingKeysWith: { a, _ in a })
    var shown = Set<String>()
    for t in resolved.tasks {
      // A heading row for each chapter and section, before its first task.
      for (depth, id) in t.chapterPath.reversed().enumerated() where !shown.contains(id) {
        shown.insert(id)
        guard let c = chapters[id] else { continue }
        let number = Numerals.chinese(c.number)
        let heading = depth == 0 ? "\(number)、\(c.title)" : "（\(number)）\(c.title)"
        let r = sheet.append([.init(0...5, .text(heading), S.chapter)])
        sheet.keepTogether.append(r.lowerBound...(r.upperBound + 1))
      }
      sheet.append([
        .init(0, .text(t.label), S.centered),
        .init(1, .text(t.task.title), S.text),
        .init(2, .text(BookText.names(t.lead, in: plan)), S.text),
        .init(3, .text(BookText.names(t.cooperating, in: plan)), S.text),
        BookCells.deadline(t, col: 4),
        BookCells.weight(t.task.weight, col: 5),
      ])
    }
    return sheet
  }

  static func targets(_ resolved: ResolvedPlan) -> SheetLayout {
    let plan = resolved.plan
    let S = BookStyles.self
    var sheet = start(
      "指标表", title: "\(plan.title) 指标表",
      headers: ["序号", "指标", "要求", "目标值", "单位", "基准年", "牵头单位", "配合单位", "分值"],
      widths: [5, 22, 11, 7.5, 9, 6.5, 10, 12, 5])
    for (n, t) in resolved.targets.enumerated() {
      sheet.append(
        [
          .init(0, .number(Double(n + 1)), S.number(1)),
          .init(1, .text(BookText.targetName(t.target)), S.text),
        ] + BookCells.requirement(t.target.requirement, from: 2) + [
          .init(6, .text(BookText.names(t.lead, in: plan)), S.text),
          .init(7, .text(BookText.names(t.cooperating, in: plan)), S.text),
          BookCells.weight(t.target.weight, col: 8),
        ])
    }
    return sheet
  }

  static func units(_ resolved: ResolvedPlan, files: [String: String]) -> SheetLayout {
    let plan = resolved.plan
    let S = BookStyles.self
    var sheet = start(
      "单位索引", title: "\(plan.title) 单位索引",
      headers: ["序号", "单位", "简称", "牵头任务", "配合任务", "责任指标", "责任书文件"],
      widths: [5, 24, 10, 6, 6, 6, 24])
    for (n, unit) in resolved.responsibleUnits.enumerated() {
      let tasks = resolved.tasks(for: unit.id)
      let leads = tasks.filter { $0.lead.contains(unit.id) }.count
      let count = { (v: Int) -> SheetLayout.Value in .number(Double(v)) }
      sheet.append([
        .init(0, count(n + 1), S.number(1)),
        .init(1, .text(unit.name), S.text),
        .init(2, .text(unit.shortName), S.text),
        .init(3, count(leads), S.number(1)),
        .init(4, count(tasks.count - leads), S.number(1)),
        .init(5, count(resolved.targets(for: unit.id).count), S.number(1)),
        .init(6, .text(files[unit.id] ?? ""), S.text),
      ])
    }
    return sheet
  }
}
