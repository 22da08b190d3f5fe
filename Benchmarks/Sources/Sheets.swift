import Books
import PlanModel
import Sheets
import Xlsx

/// The sheets measured besides the books: the reference grid (200 books of 40 rows ×
/// 9 columns) and the 200,000-row overview sheet, both as ``SheetLayout``s written through
/// ``SheetWriter``, with the styles of the books (Books' `BookStyles` is internal: its values
/// are repeated here).
enum Sheets {
  enum Style {
    static let font = "宋体"
    static let body = 10.5
    static let title = CellStyle(
      fontName: font, fontSize: 18, bold: true, horizontal: .center, wrap: true)
    static let subtitle = CellStyle(fontName: font, fontSize: 14, horizontal: .center, wrap: true)
    static let header = CellStyle(
      fontName: font, fontSize: body, bold: true, horizontal: .center, wrap: true, border: true,
      fill: 0xD9E1F2)
    static let chapter = CellStyle(
      fontName: font, fontSize: body, bold: true, horizontal: .left, wrap: true, border: true,
      fill: 0xF2F2F2)
    static let text = CellStyle(
      fontName: font, fontSize: body, horizontal: .left, vertical: .top, wrap: true,
      border: true)
    static let centered = CellStyle(
      fontName: font, fontSize: body, horizontal: .center, vertical: .top, wrap: true,
      border: true)
    static let date = CellStyle(
      fontName: font, fontSize: body, horizontal: .center, vertical: .top, border: true,
      numberFormat: "yyyy\"年\"m\"月\"d\"日\"")
    static func number(_ decimals: Int) -> CellStyle {
      CellStyle(
        fontName: font, fontSize: body, horizontal: .center, vertical: .top, border: true,
        numberFormat: decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals))
    }
  }

  static let created = Day(Generator.year, 1, 1)

  static func properties(title: String) -> DocumentProperties {
    DocumentProperties(
      title: title, subject: "PlanBook benchmark", author: "广东省生态环境厅",
      company: "广东省生态环境厅", comments: "planbook-bench", created: created,
      custom: [("PlanBook.Kind", "benchmark")])
  }

  // MARK: - the reference grid

  static let gridBooks = 200
  static let gridRows = 40

  /// Book `n` of the grid: a merged title, a header, 38 rows of 9 columns (number, wrapped
  /// text, role, deadline date, value, decimal value, unit, second date, wrapped note), borders,
  /// A4 print set-up with the header repeated and a footer.
  static func grid(_ n: Int) -> SheetLayout {
    var sheet = SheetLayout(name: "责任书\(n + 1)", columns: [5, 24, 6, 12, 8, 8, 7, 12, 18])
    sheet.append([.init(0...8, .text("\(Generator.year)年目标责任书（第\(n + 1)号）"), Style.title)])
    let header = sheet.append(
      ["序号", "任务内容", "角色", "完成时限", "目标值", "完成率", "单位", "节点", "协作单位"]
        .enumerated().map { .init($0.offset, .text($0.element), Style.header) })
    sheet.page.repeatRows = header
    for cells in gridCells(n) { sheet.append(cells) }
    sheet.page.footer = "&C&\"宋体\"&9第 &P 页 共 &N 页"
    return sheet
  }

  /// The 38 data rows of book `n` of the grid.
  static func gridCells(_ n: Int) -> [[SheetLayout.Cell]] {
    var rng = SeededRandom(seed: 0x6121D + UInt64(n))
    let units = Phrases.departments.map(\.short)
    return (0..<(gridRows - 2)).map { r in
      let theme = rng.pick(Phrases.themes)
      let helpers = (0..<rng.int(1...4)).map { _ in rng.pick(units) }
      return [
        .init(0, .number(Double(r + 1)), Style.number(0)),
        .init(1, .text(rng.pick(theme.headings) + "，" + rng.pick(Phrases.closings)), Style.text),
        .init(2, .text(rng.chance(0.4) ? "牵头" : "配合"), Style.centered),
        .init(3, .date(Day(Generator.year, rng.int(3...12), rng.int(1...28))), Style.date),
        .init(4, .number(Double(rng.int(1...500))), Style.number(0)),
        .init(5, .number(Double(rng.int(0...1000)) / 10), Style.number(1)),
        .init(6, .text(rng.pick(["个", "家", "台", "公里", "%"])), Style.centered),
        .init(7, .date(Day(Generator.year, rng.int(1...6), rng.int(1...28))), Style.date),
        .init(8, .text(helpers.joined(separator: "、")), Style.text),
      ]
    }
  }

  // MARK: - the 200,000-row overview sheet

  static let overviewRows = 200_000

  /// A 任务分工表 like the overview's (`Overview.tasks`): a merged title, the header repeated
  /// on every page, a merged chapter heading before every 100 tasks (kept with its first
  /// task), then per task its number, heading, lead units, cooperating units (wrapped, often
  /// every district), deadline as a date and weight; `rows` rows in all. Kept whole (for the
  /// baselines' cell script).
  static func overview(rows: Int = overviewRows) -> SheetLayout {
    var sheet = overviewFrame()
    overview(into: &sheet, rows: rows)
    return sheet
  }

  /// The overview sheet before its rows: name, columns, footer.
  static func overviewFrame() -> SheetLayout {
    var sheet = SheetLayout(name: "任务分工表", columns: [7, 30, 12, 18, 17, 5])
    sheet.page.footer = "&C&\"宋体\"&9第 &P 页 共 &N 页&R&\"宋体\"&8gd-\(Generator.year)"
    return sheet
  }

  /// Appends the overview's rows to `sheet`: kept by a ``SheetLayout``, written at once by a
  /// ``SheetStream``.
  static func overview<Rows: SheetRows>(
    into sheet: inout Rows, rows: Int = overviewRows
  ) throws(Rows.Failure) {
    try sheet.append([
      .init(0...5, .text("\(Generator.year)年广东省生态环境保护重点工作任务清单 任务分工表"), Style.subtitle)
    ])
    let header = try sheet.append(
      ["编号", "任务", "牵头单位", "配合单位", "完成时限", "分值"].enumerated().map {
        .init($0.offset, .text($0.element), Style.header)
      })
    sheet.page.repeatRows = header
    var source = OverviewRows(rows: rows - 2)
    while let (cells, isChapter) = source.next() {
      let r = try sheet.append(cells)
      if isChapter { sheet.keep(r.lowerBound...(r.upperBound + 1)) }
    }
  }

  /// Rows measured as a layout measures them, then dropped: the layout's own cost, without
  /// holding it.
  struct DroppedRows: SheetRows {
    var layout = Sheets.overviewFrame()
    var nextRow = 0
    var columns: [Double] { layout.columns }
    var page: PageSetup {
      get { layout.page }
      set { layout.page = newValue }
    }
    var view: SheetView {
      get { layout.view }
      set { layout.view = newValue }
    }

    mutating func append(_ cells: [SheetLayout.Cell], minHeight: Double) -> ClosedRange<Int> {
      let added = layout.append(cells, minHeight: minHeight)
      layout.rows.removeAll(keepingCapacity: true)
      defer { nextRow += added.count }
      return nextRow...(nextRow + added.count - 1)
    }

    mutating func keep(_ rows: ClosedRange<Int>) {}
  }

  /// Makes the overview's rows and drops them: the generator's own cost.
  static func overviewCells(rows: Int) -> Int {
    var source = OverviewRows(rows: rows - 2)
    var count = 0
    while let (cells, _) = source.next() { count += cells.count }
    return count
  }

  /// The overview's rows after the title and header, one at a time.
  struct OverviewRows {
    var remaining: Int
    var rng = SeededRandom(seed: 0x0E_2000)
    var pool: [String]
    var districts: String
    var task = 0
    var chapter = 0
    var headingDue = true

    init(rows: Int) {
      remaining = rows
      var org = SeededRandom(seed: 7)
      let organisation = Generator.organisation(
        prefix: "gd", city: "广东省", districts: 0, rng: &org
      ).adding(cities: Phrases.cities.map(\.name))
      let shortName = Dictionary(
        organisation.units.map { ($0.id, $0.shortName) }, uniquingKeysWith: { a, _ in a })
      pool = organisation.pool.compactMap { shortName[$0] }
      districts = organisation.districts.compactMap { shortName[$0] }.joined(separator: "、")
    }

    mutating func next() -> ([SheetLayout.Cell], Bool)? {
      guard remaining > 0 else { return nil }
      remaining -= 1
      if task % 100 == 0 && headingDue && remaining > 0 {
        headingDue = false
        chapter += 1
        let title = Phrases.chapterTitles[(chapter - 1) % Phrases.chapterTitles.count]
        return ([.init(0...5, .text("第\(chapter)部分 \(title)"), Style.chapter)], true)
      }
      task += 1
      headingDue = true
      let theme = rng.pick(Phrases.themes)
      let cooperating: String
      switch rng.int(0...9) {
      case 0...2: cooperating = rng.pick(pool) + "、" + districts
      case 3...7:
        cooperating = (0..<rng.int(1...3)).map { _ in rng.pick(pool) }.joined(separator: "、")
      default: cooperating = ""
      }
      let month = rng.int(3...12)
      return (
        [
          .init(0, .text(String(task)), Style.centered),
          .init(1, .text(rng.pick(theme.headings)), Style.text),
          .init(2, .text(rng.pick(pool)), Style.text),
          .init(3, .text(cooperating), Style.text),
          .init(4, .date(Day.endOf(month: month, year: Generator.year)), Style.date),
          rng.chance(0.5)
            ? .init(5, .number(Double(rng.int(1...20)) / 2), Style.number(1))
            : .init(5, .text("—"), Style.centered),
        ], false
      )
    }
  }
}
