import PlanEngine
import PlanModel
import Sheets
import Xlsx

/// The overview workbook: 任务分工表 (every task with its lead, cooperating units and
/// deadline), 指标表 (every target and figure) and 单位索引 (each responsible unit, its counts
/// and its book's file name as a link to the book, and a 合计 row).
///
/// A working spreadsheet as well as a printed one: every sheet keeps its title and header in
/// view while scrolling (frozen panes), 任务分工表 and 指标表 have an autofilter on their
/// header, and the 单位索引's file names open the books (links relative to the folder, so they
/// work wherever the folder is copied or mailed). None of this changes what prints.
///
/// Each sheet is made by code generic over ``SheetRows``: ``layouts(_:files:fingerprint:)``
/// keeps the rows (for tests), ``write(_:files:fingerprint:into:)`` streams them into the
/// workbook as they are made, so a plan of any size is written in flat memory.
public enum Overview {
  /// The sheets, in workbook order.
  enum Sheet: CaseIterable { case tasks, targets, units }

  /// The three sheets of the overview of `resolved`; `files` maps unit ids to book file names.
  public static func layouts(
    _ resolved: ResolvedPlan, files: [String: String], fingerprint: String
  ) -> [SheetLayout] {
    Sheet.allCases.map { sheet in
      var layout = frame(sheet, resolved, files: files, fingerprint: fingerprint)
      fill(sheet, resolved, files: files, into: &layout)
      return layout
    }
  }

  /// Writes the three sheets into `workbook`, each row as it is made: the same sheets as
  /// ``layouts(_:files:fingerprint:)``, without holding them. Returns the number of pages the
  /// three print on, as computed.
  @discardableResult
  public static func write(
    _ resolved: ResolvedPlan, files: [String: String], fingerprint: String,
    into workbook: Workbook
  ) throws -> Int {
    var pages = 0
    for sheet in Sheet.allCases {
      try SheetWriter.stream(
        frame(sheet, resolved, files: files, fingerprint: fingerprint), into: workbook
      ) {
        var rows = $0
        try fill(sheet, resolved, files: files, into: &rows)
        pages += rows.pageBreaks().count + 1
      }
    }
    return pages
  }

  /// A sheet before its rows: name, column widths, print settings with the plan's footer.
  static func frame(
    _ sheet: Sheet, _ resolved: ResolvedPlan, files: [String: String], fingerprint: String
  ) -> SheetLayout {
    var layout: SheetLayout
    switch sheet {
    case .tasks:
      layout = SheetLayout(
        name: "任务分工表",
        columns: BookCells.numberColumn(
          [5, 32, 12, 18, 17, 5], fitting: resolved.tasks.map(\.label)))
    case .targets:
      // Landscape: the lists of units get room to show their names whole.
      layout = SheetLayout(name: "指标表", columns: [5, 30, 12, 7.5, 9, 7, 16, 30, 5])
      layout.page.orientation = .landscape
    case .units:
      layout = SheetLayout(name: "单位索引", columns: unitColumns(resolved))
      if layout.widthInPoints > layout.printableWidth { layout.page.orientation = .landscape }
    }
    let plain = BookFooter.text(plan: resolved.plan, fingerprint: fingerprint)
    layout.page.footer =
      BookFooter.text(
        plan: resolved.plan, fingerprint: fingerprint, label: "总览 · \(layout.name)") ?? plain
    return layout
  }

  /// The 单位索引's columns: wide enough for every unit's name, short name and book file name
  /// on one line (within limits: a longer name breaks between its parts), the counts wide
  /// enough for their headers.
  static func unitColumns(_ resolved: ResolvedPlan) -> [Double] {
    let size = BookStyles.bodySize
    func fitting(_ texts: [String], _ range: ClosedRange<Double>) -> Double {
      let widest = texts.map { TextMetrics.columnWidth(fitting: $0, fontSize: size) }.max() ?? 0
      return min(max(widest, range.lowerBound), range.upperBound)
    }
    let units = resolved.responsibleUnits
    let count = fitting(["牵头任务", "配合任务", "责任指标"], 5...10)
    return [
      5, fitting(units.map(\.name), 24...40), fitting(units.map(\.shortName), 10...20),
      count, count, count, fitting(Array(BookExport.fileNames(resolved).values), 24...widestLink),
    ]
  }

  /// The pixel width of column `col` of `sheet`.
  static func pixels<Rows: SheetRows>(_ sheet: Rows, _ col: Int) -> Double {
    TextMetrics.pixels(columnWidth: sheet.columns[col])
  }

  /// Appends a sheet's rows.
  static func fill<Rows: SheetRows>(
    _ sheet: Sheet, _ resolved: ResolvedPlan, files: [String: String], into rows: inout Rows
  ) throws(Rows.Failure) {
    switch sheet {
    case .tasks: try tasks(resolved, into: &rows)
    case .targets: try targets(resolved, into: &rows)
    case .units: try units(resolved, files: files, into: &rows)
    }
  }

  /// Starts a sheet: the title row across all columns, then the header row, repeated on every
  /// printed page and kept in view (with the title) while scrolling. Returns the header row.
  @discardableResult
  static func start<Rows: SheetRows>(
    _ sheet: inout Rows, title: String, headers: [String]
  ) throws(Rows.Failure) -> Int {
    let all = 0...(sheet.columns.count - 1)
    try sheet.append([.init(all, .text(title), BookStyles.subtitle)])
    let header = try sheet.append(
      headers.enumerated().map { .init($0.offset, .text($0.element), BookStyles.header) })
    sheet.page.repeatRows = header
    sheet.view.frozenRows = header.upperBound + 1
    return header.upperBound
  }

  /// Puts an autofilter on the table from `header` to the last row appended. Called right
  /// after the table's last row (a constant-memory sheet cannot set it later).
  static func filter<Rows: SheetRows>(_ sheet: inout Rows, header: Int) {
    sheet.view.autofilter = SheetView.Range(
      rows: header...max(header, sheet.nextRow - 1), cols: 0...(sheet.columns.count - 1))
  }

  /// The widest file name column; a name that needs more is written as plain wrapped text,
  /// not as a link.
  static let widestLink = 40.0

  /// A link's look: the text style in Excel's hyperlink blue, underlined.
  static let link: CellStyle = {
    var style = BookStyles.text
    style.fontColor = 0x0563C1
    style.underline = true
    return style
  }()

  static func tasks<Rows: SheetRows>(
    _ resolved: ResolvedPlan, into sheet: inout Rows
  ) throws(Rows.Failure) {
    let plan = resolved.plan
    let S = BookStyles.self
    let header = try start(
      &sheet, title: "\(plan.title) 任务分工表",
      headers: ["编号", "任务", "牵头单位", "配合单位", "完成时限", "分值"])
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
        let r = try sheet.append([.init(0...5, .text(heading), S.chapter)])
        sheet.keep(r.lowerBound...(r.upperBound + 1))
      }
      try sheet.append([
        .init(0, .text(t.label), S.centered),
        .init(1, .text(t.task.title), S.text),
        .init(2, .text(names(t.lead, in: plan, sheet, col: 2)), S.text),
        .init(3, .text(names(t.cooperating, in: plan, sheet, col: 3)), S.text),
        BookCells.deadline(t, col: 4),
        BookCells.weight(t.task.weight, col: 5),
      ])
    }
    filter(&sheet, header: header)
  }

  static func targets<Rows: SheetRows>(
    _ resolved: ResolvedPlan, into sheet: inout Rows
  ) throws(Rows.Failure) {
    let plan = resolved.plan
    let S = BookStyles.self
    let header = try start(
      &sheet, title: "\(plan.title) 指标表",
      headers: ["序号", "指标", "要求", "目标值", "单位", "基准年", "牵头单位", "配合单位", "分值"])
    for (n, t) in resolved.targets.enumerated() {
      try sheet.append(
        [
          .init(0, .number(Double(n + 1)), S.number(1)),
          .init(1, .text(t.target.fullName), S.text),
        ]
          + BookCells.requirement(
            t.target.requirement, from: 2, aspirational: t.target.aspirational) + [
            .init(6, .text(names(t.lead, in: plan, sheet, col: 6)), S.text),
            .init(7, .text(names(t.cooperating, in: plan, sheet, col: 7)), S.text),
            BookCells.weight(t.target.weight, col: 8),
          ])
    }
    filter(&sheet, header: header)
  }

  static func units<Rows: SheetRows>(
    _ resolved: ResolvedPlan, files: [String: String], into sheet: inout Rows
  ) throws(Rows.Failure) {
    let plan = resolved.plan
    let S = BookStyles.self
    try start(
      &sheet, title: "\(plan.title) 单位索引",
      headers: ["序号", "单位", "简称", "牵头任务", "配合任务", "责任指标", "责任书文件"])
    let count = { (v: Int) -> SheetLayout.Value in .number(Double(v)) }
    var totals = (leads: 0, cooperating: 0, targets: 0)
    for (n, unit) in resolved.responsibleUnits.enumerated() {
      let tasks = resolved.tasks(for: unit.id)
      let leads = tasks.filter { $0.lead.contains(unit.id) }.count
      let targets = resolved.targets(for: unit.id).count
      totals.leads += leads
      totals.cooperating += tasks.count - leads
      totals.targets += targets
      var file = SheetLayout.Cell(6, .text(files[unit.id] ?? ""), S.text)
      if let name = files[unit.id],
        TextMetrics.columnWidth(fitting: name, fontSize: BookStyles.bodySize)
          <= sheet.columns[6]
      {
        file.style = link
        file.link = name
      }
      try sheet.append([
        .init(0, count(n + 1), S.number(1)),
        .init(
          1,
          .text(
            UnitNames.name(
              unit.name, in: plan, pixels: pixels(sheet, 1), fontSize: S.text.fontSize)),
          S.text),
        .init(2, .text(unit.shortName), S.text),
        .init(3, count(leads), S.number(1)),
        .init(4, count(tasks.count - leads), S.number(1)),
        .init(5, count(targets), S.number(1)),
        file,
      ])
    }
    // The countable columns summed: a unit's share of a task counts once per unit, so 牵头任务
    // adds up to more than the plan's tasks where a task has several leads.
    try sheet.append([
      .init(0...2, .text("合计"), S.centered),
      .init(3, count(totals.leads), S.number(1)),
      .init(4, count(totals.cooperating), S.number(1)),
      .init(5, count(totals.targets), S.number(1)),
      .init(6, .blank, S.text),
    ])
  }

  /// The short names of `ids` in column `col` of `sheet`, each line ending after a whole name.
  static func names<Rows: SheetRows>(
    _ ids: [String], in plan: WorkPlan, _ sheet: Rows, col: Int
  ) -> String {
    UnitNames.list(ids, in: plan, pixels: pixels(sheet, col), fontSize: BookStyles.bodySize)
  }
}
