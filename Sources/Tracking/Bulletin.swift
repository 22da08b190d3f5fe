import PlanEngine
import PlanModel

/// A table of a bulletin: a header and rows of text, the same in every format.
public struct BulletinTable: Sendable, Equatable {
  /// The column titles.
  public var header: [String]
  /// The rows, each one text per column.
  public var rows: [[String]]
  /// The columns holding numbers (right-aligned where the format can).
  public var numeric: Set<Int>

  public init(header: [String], rows: [[String]], numeric: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.numeric = numeric
  }
}

/// The monthly or quarterly bulletin (通报) of a plan: where the plan stands at the end of a
/// period, in the words of the bureau's bulletins (seeds/000–002) — the targets by class, what
/// moved since the previous period, task progress, the units ranked, the overdue and red
/// items, and the supervision notices of the period.
///
/// A value only: sentences and tables, composed by ``compose(ranking:previous:colours:notices:sampleData:)``
/// from the computations `status` and `rank` print (the ranking's status as of the period's
/// last day, its tallies, its colour history), never from numbers of its own. Renderers
/// (Markdown, an OpenDocument text) only lay it out.
public struct Bulletin: Sendable, Equatable {
  /// A paragraph or a table.
  public enum Block: Sendable, Equatable {
    /// A paragraph of running text (first line indented in print).
    case paragraph(String)
    /// A table, its header repeated on each printed page it continues on.
    case table(BulletinTable)
  }

  /// A numbered part of the bulletin (`一、指标完成情况`) and what it says.
  public struct Section: Sendable, Equatable {
    /// `一、指标完成情况`, numbered.
    public var heading: String
    /// What the section says, in order.
    public var blocks: [Block]

    public init(heading: String, blocks: [Block]) {
      self.heading = heading
      self.blocks = blocks
    }
  }

  /// The plan's id and title.
  public var planID: String
  public var planTitle: String
  /// The period reported on, and its last day (what every class is as of).
  public var period: ReportingPeriod
  public var asOf: Day
  /// `2020年广州市生态环境保护工作计划执行情况通报`.
  public var title: String
  /// The period in words: `2020年9月`, `2020年第三季度`.
  public var periodName: String
  /// The issuer's full name (the plan's issuer).
  public var issuer: String
  /// The day in words: `2020年9月30日`.
  public var date: String
  /// Whether the reports behind it are sample data (the bulletin then says so).
  public var sampleData: Bool
  /// The opening paragraphs, before the sections.
  public var opening: [String]
  public var sections: [Section]
  /// The closing paragraph, after the sections.
  public var closing: String

  /// A bulletin as given (``compose(ranking:previous:colours:notices:sampleData:)`` composes
  /// one from the computations; this is for renderers' tests and other sources).
  public init(
    planID: String, planTitle: String, period: ReportingPeriod, asOf: Day, title: String,
    periodName: String, issuer: String, date: String, sampleData: Bool, opening: [String],
    sections: [Section], closing: String
  ) {
    self.planID = planID
    self.planTitle = planTitle
    self.period = period
    self.asOf = asOf
    self.title = title
    self.periodName = periodName
    self.issuer = issuer
    self.date = date
    self.sampleData = sampleData
    self.opening = opening
    self.sections = sections
    self.closing = closing
  }

  /// The period in a bulletin's words: `2020年9月`, `2020年第三季度`, `2020年上半年`,
  /// `2020年度`.
  public static func periodName(_ p: ReportingPeriod) -> String {
    switch p {
    case .quarter(let y, let q): "\(y)年第\(["一", "二", "三", "四"][max(0, min(3, q - 1))])季度"
    case .year(let y): "\(y)年度"
    default: p.chinese
    }
  }

  /// `2020年9月30日`.
  public static func dayName(_ d: Day) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

  /// The bulletin of `ranking`'s period.
  ///
  /// - Parameters:
  ///   - ranking: `rank`'s ranking of the period; its `status` (as of the period's last day)
  ///     gives every class, tally and overdue task.
  ///   - previous: the status as of the last day of the period the ranking's change is against
  ///     (``Ranking/comparedWith``), or nil when there is none: what moved is then not said.
  ///   - colours: the colour history up to the period's last day (`status`'s 预警).
  ///   - notices: the supervision notices issued in the period, from the ledger; nil when the
  ///     plan has no ledger yet.
  ///   - sampleData: whether the reports are marked as sample data.
  public static func compose(
    ranking: Ranking, previous: StatusReport?, colours: ColourHistory,
    notices: [SupervisionNotice]?, sampleData: Bool
  ) -> Bulletin {
    let s = ranking.status
    let words = Words(s)
    let date = dayName(s.asOf)
    let name = periodName(ranking.period)
    let issuer = s.plan.unit(s.plan.issuer)?.name ?? s.plan.issuer
    var opening = [
      "根据各单位报送的月度进展报告，按照《\(s.plan.title)》及其考核细则，现将\(name)计划执行情况"
        + "（截至\(date)）通报如下。"
    ]
    if sampleData { opening.append("（本通报所据进展报告为示例数据，仅供演示。）") }
    let sections = [
      targets(s, words: words, date: date),
      moved(
        s, previous: previous, period: ranking.period, comparedWith: ranking.comparedWith,
        words: words),
      tasks(s, words: words),
      ranked(ranking, words: words),
      warnings(s, colours: colours, words: words, date: date),
      supervision(notices, words: words, period: name, year: s.asOf.year),
    ]
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return Bulletin(
      planID: s.plan.id, planTitle: s.plan.title, period: ranking.period, asOf: s.asOf,
      title: "\(s.plan.title)执行情况通报", periodName: name, issuer: issuer, date: date,
      sampleData: sampleData, opening: opening,
      sections: sections.enumerated().map { i, section in
        Section(heading: "\(numerals[i])、\(section.heading)", blocks: section.blocks)
      },
      closing:
        "请各单位对照本通报，对进度滞后、逾期和预警事项逐项分析原因、落实措施，被督办单位按督办单要求在反馈时限内"
        + "报送整改情况。")
  }

  // MARK: - Sections

  /// 指标完成情况: the tallies of `status` in a bulletin's words, and the targets not met.
  static func targets(_ s: StatusReport, words: Words, date: String) -> Section {
    let tallies = s.tallies.filter { $0.kind != .tasks }
    guard !tallies.isEmpty else {
      return Section(heading: "指标完成情况", blocks: [.paragraph("本计划未设指标。")])
    }
    let sentences = tallies.map { t in
      var text = "\(t.group.map { "【\($0)】" } ?? "")\(t.count)项\(t.noun)中，\(t.classes)"
      let found = FindingSource.allCases.compactMap { t.findings($0) }
      if !found.isEmpty { text += "（\(found.joined(separator: "；"))）" }
      return text
    }
    var blocks: [Block] = [.paragraph("截至\(date)，\(sentences.joined(separator: "；"))。")]
    // The targets the tallies count as 未达标 (each whole once, shares apart).
    let notMet = s.targets.filter {
      $0.target.shareUnit == nil && !$0.notYetDue && $0.status == .notMet
    }
    if !notMet.isEmpty {
      let names = notMet.map { "\($0.target.target.name)（\(words.units($0.target.lead))）" }
      let kinds = notMet.contains { $0.target.taskID != nil } ? "指标和任务量化指标" : "指标"
      blocks.append(
        .paragraph("未达标的\(kinds)共\(notMet.count)项：\(names.joined(separator: "、"))。"))
      blocks.append(
        .table(
          BulletinTable(
            header: ["指标", "牵头单位", "要求", "实际", "状态"],
            rows: notMet.map { t in
              [
                t.target.target.name, words.units(t.target.lead),
                t.target.target.requirement.summary,
                t.measured.map {
                  Requirement.format(round2($0)) + (t.measuredUnit.map { " \($0)" } ?? "")
                } ?? "—", t.status.chinese,
              ]
            })))
    }
    return Section(heading: "指标完成情况", blocks: blocks)
  }

  /// 与上期相比: the targets and tasks whose class changed since the previous period's last day.
  static func moved(
    _ s: StatusReport, previous: StatusReport?, period: ReportingPeriod,
    comparedWith: ReportingPeriod?, words: Words
  ) -> Section {
    let heading = "与上期相比的变化"
    guard let previous, let comparedWith else {
      let before = period.previous
      let why =
        before.range.end < s.plan.period.start
        ? "本期为计划的首个通报期，无上期可比。"
        : "上期（\(periodName(before))）截至\(dayName(before.range.end))尚无进展报告，无上期可比。"
      return Section(heading: heading, blocks: [.paragraph(why)])
    }
    let before = periodName(comparedWith)
    var rows: [[String]] = []
    var (targets, tasks) = (0, 0)
    for t in s.targets where t.target.shareUnit == nil {
      guard
        let p = previous.targets.first(where: {
          $0.target.target.id == t.target.target.id && $0.target.shareUnit == nil
        }), label(p) != label(t)
      else { continue }
      targets += 1
      rows.append([
        words.item(t), words.units(t.target.lead), label(p), label(t),
      ])
    }
    for t in s.tasks {
      guard let p = previous.task(t.task.task.id), p.status != t.status else { continue }
      tasks += 1
      rows.append([
        words.item(t), words.units(t.task.lead), p.status.chinese, t.status.chinese,
      ])
    }
    guard !rows.isEmpty else {
      return Section(
        heading: heading,
        blocks: [.paragraph("与\(before)（截至\(dayName(previous.asOf))）相比，各项指标和任务的类别均无变化。")])
    }
    let what = [(targets, "指标"), (tasks, "任务")].filter { $0.0 > 0 }.map { "\($0.0)项\($0.1)" }
    return Section(
      heading: heading,
      blocks: [
        .paragraph(
          "与\(before)（截至\(dayName(previous.asOf))）相比，\(what.joined(separator: "、"))的类别发生变化："),
        .table(BulletinTable(header: ["事项", "牵头单位", "上期", "本期"], rows: rows)),
      ])
  }

  /// A target's class as the tallies count it: `未到期` for one whose period has not begun.
  static func label(_ t: TargetEvaluation) -> String { t.notYetDue ? "未到期" : t.status.chinese }

  /// 重点任务进展: the tasks' tally, the plan's % complete, each chapter, the tasks behind.
  static func tasks(_ s: StatusReport, words: Words) -> Section {
    guard let tally = s.tallies.first(where: { $0.kind == .tasks }) else {
      return Section(heading: "重点任务进展", blocks: [.paragraph("本计划未列重点任务。")])
    }
    var blocks: [Block] = [
      .paragraph(
        "\(tally.count)项任务中，\(tally.classes)；全部任务总体完成\(percent(s.total.completion))。")
    ]
    blocks.append(
      .table(
        BulletinTable(
          header: ["章节", "任务", "完成", "任务状态"],
          rows: s.chapters.map { c in
            [
              "\(words.chapterNumeral(c.chapter.number))、\(c.chapter.title)",
              String(c.rollup.taskCount),
              c.rollup.taskCount == 0 ? "—" : percent(c.rollup.completion), counts(c.rollup.tasks),
            ]
          }, numeric: [1, 2])))
    let lagging = s.tasks.filter { $0.status == .behind || $0.status == .notStarted }
    if !lagging.isEmpty {
      let list = lagging.map { t in
        "\(words.taskName(t))（\(words.units(t.task.lead))，\(t.status.chinese)，完成\(percent(t.percent))，"
          + "序时进度\(percent(t.expected))）"
      }
      blocks.append(.paragraph("进展滞后的任务\(lagging.count)项：\(list.joined(separator: "；"))。"))
    }
    return Section(heading: "重点任务进展", blocks: blocks)
  }

  /// 单位考核排名: `rank`'s lists, the grades counted, the best and the lagging named.
  static func ranked(_ r: Ranking, words: Words) -> Section {
    let lists: [(String?, [RankEntry])] =
      r.groups.isEmpty
      ? [(nil, r.entries)] : r.groups.map { g in (g, r.entries.filter { $0.group == g }) }
    var blocks: [Block] = []
    let grades = r.status.rules.grades.map(\.name)
    for (group, entries) in lists where !entries.isEmpty {
      let prefix = group.map { "【\($0)】" } ?? ""
      let counted = grades.compactMap { g -> String? in
        let n = entries.count { $0.score.grade == g }
        return n == 0 ? nil : "\(g)\(n)个"
      }
      func named(_ e: RankEntry) -> String {
        "\(e.score.unit.shortName)（第\(e.rank)名，\(format2(e.score.score))分）"
      }
      let best = entries.filter { $0.rank <= 3 }
      var text =
        "\(prefix)按考核细则计分，\(entries.count)个单位中\(counted.joined(separator: "、"))。"
        + "排名前列的单位：\(best.map(named).joined(separator: "、"))"
      if entries.count > best.count {
        let floor = entries[max(0, entries.count - 3)].rank
        let last = entries.filter { $0.rank >= floor && $0.rank > 3 }
        text += "；排名靠后的单位：\(last.map(named).joined(separator: "、"))"
      }
      text += "。"
      let vetoed = entries.filter { $0.score.grade != $0.score.gradeBeforeVeto }
      if !vetoed.isEmpty {
        text +=
          vetoed.map {
            "\($0.score.unit.shortName)因一票否决，等次由\($0.score.gradeBeforeVeto)定为\($0.score.grade)"
          }.joined(separator: "；") + "。"
      }
      blocks.append(.paragraph(text))
      blocks.append(
        .table(
          BulletinTable(
            header: ["名次", "变化", "单位", "得分", "等次", "完成", "逾期"],
            rows: entries.map { e in
              [
                String(e.rank), e.changeText, e.score.unit.shortName, format2(e.score.score),
                e.score.grade, e.score.hasTasks ? percent(e.score.completion) : "—",
                e.score.overdue.isEmpty ? "—" : String(e.score.overdue.count),
              ]
            }, numeric: [0, 3, 5, 6])))
    }
    if let against = r.comparedWith {
      blocks.append(.paragraph("名次变化与\(periodName(against))相比（新：上期未排名）。"))
    }
    return Section(heading: "单位考核排名", blocks: blocks)
  }

  /// 逾期和红色预警事项: the colours counted, the overdue tasks and every red item with its
  /// unit.
  static func warnings(
    _ s: StatusReport, colours: ColourHistory, words: Words, date: String
  ) -> Section {
    let counts = colours.counts
    let shown = WarningColour.allCases.reversed().filter(\.isWarning).map {
      "\($0.name)\(counts[$0] ?? 0)项"
    }
    var blocks: [Block] = [
      .paragraph(
        "截至\(date)，三色预警（任务、节点和指标）中\(shown.joined(separator: "、"))。")
    ]
    let overdue = s.tasks.filter { $0.status == .overdue }
    if overdue.isEmpty {
      blocks.append(.paragraph("无逾期任务。"))
    } else {
      let list = overdue.map { "\(words.taskName($0))（\(words.units($0.task.lead))）" }
      blocks.append(.paragraph("逾期任务\(overdue.count)项：\(list.joined(separator: "；"))。"))
    }
    let red = colours.items.compactMap { item -> (ColourItem, ColourMark)? in
      guard let m = colours.current(item), m.colour == .red else { return nil }
      return (item, m)
    }
    if red.isEmpty {
      blocks.append(.paragraph("无红色预警事项。"))
    } else {
      blocks.append(.paragraph("红色预警事项\(red.count)项："))
      blocks.append(
        .table(
          BulletinTable(
            header: ["事项", "责任单位", "预警", "原因"],
            rows: red.map { item, mark in
              [
                words.name(item), words.units(words.responsible(item)), mark.colour.chinese,
                mark.reason,
              ]
            })))
    }
    return Section(heading: "逾期和红色预警事项", blocks: blocks)
  }

  /// 督办情况: the notices of the period from the ledger, their levels, and those that raise an
  /// earlier notice.
  static func supervision(
    _ notices: [SupervisionNotice]?, words: Words, period: String, year: Int
  ) -> Section {
    /// `9月30日` in the bulletin's year, `2021年1月9日` in another.
    func day(_ d: Day) -> String { d.year == year ? "\(d.month)月\(d.day)日" : dayName(d) }
    let heading = "督办情况"
    guard let notices else {
      return Section(heading: heading, blocks: [.paragraph("本期无督办记录（督办台账尚未建立）。")])
    }
    guard let first = notices.first, let last = notices.last else {
      return Section(heading: heading, blocks: [.paragraph("\(period)未下发督办单。")])
    }
    let levels = WarningColour.allCases.reversed().filter(\.isWarning).compactMap {
      c -> String? in
      let n = notices.count { $0.colour == c }
      return n == 0 ? nil : "\(c.name)督办\(n)份"
    }
    let units = Set(notices.map(\.unit)).count
    let items = notices.reduce(0) { $0 + $1.items.count }
    let raised = notices.flatMap { n in n.items.compactMap { i in i.escalation.map { (n, i, $0) } }
    }
    let range = notices.count == 1 ? first.number : "\(first.number)至\(last.number)"
    var text =
      "\(period)下发督办单\(notices.count)份（\(range)）：\(levels.joined(separator: "、"))，"
      + "涉及\(units)个单位、\(items)个事项"
    text +=
      raised.isEmpty
      ? "，无提级或再次督办事项。" : "，其中\(raised.count)项因督办后至反馈时限未见进展而提级或再次督办。"
    var blocks: [Block] = [.paragraph(text)]
    blocks.append(
      .table(
        BulletinTable(
          header: ["编号", "下发日期", "被督办单位", "等级", "事项", "反馈时限"],
          rows: notices.map { n in
            [
              n.number, day(n.issuedOn), words.short(n.unit), n.colour.name,
              n.items.map { ($0.number.isEmpty ? "" : "第\($0.number)项") + $0.title }.joined(
                separator: "、"),
              day(n.replyBy),
            ]
          })))
    if !raised.isEmpty {
      blocks.append(
        .paragraph(
          "提级或再次督办："
            + raised.map { n, i, why in
              "\(n.number)（\(words.short(n.unit))）\(i.number.isEmpty ? "" : "第\(i.number)项")\(i.title)，\(why)"
            }.joined(separator: "；") + "。"))
    }
    return Section(heading: heading, blocks: blocks)
  }

  // MARK: - Words

  /// Names of units, tasks and items, as the bulletin writes them.
  struct Words {
    let status: StatusReport
    let names: [String: String]

    init(_ s: StatusReport) {
      status = s
      names = Dictionary(
        s.plan.units.map { ($0.id, $0.shortName) }, uniquingKeysWith: { a, _ in a })
    }

    func short(_ id: String) -> String { names[id] ?? id }

    /// `大气处、执法支队`, or `—`.
    func units(_ ids: [String]) -> String {
      ids.isEmpty ? "—" : ids.map(short).joined(separator: "、")
    }

    /// `第13项巩固燃煤整治效果`.
    func taskName(_ t: TaskEvaluation) -> String { "第\(t.task.label)项\(t.task.task.title)" }

    func item(_ t: TaskEvaluation) -> String { "任务：\(taskName(t))" }

    func item(_ t: TargetEvaluation) -> String {
      (t.target.taskID == nil ? "指标：" : "任务量化指标：") + t.target.target.name
    }

    /// A chapter's number in words (`三`).
    func chapterNumeral(_ n: Int) -> String {
      let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
      if n >= 0, n <= 10 { return digits[n] }
      if n > 10, n < 20 { return "十" + digits[n - 10] }
      return String(n)
    }

    /// A coloured item by name: a task, a milestone with its task, a target (a share with its
    /// unit).
    func name(_ item: ColourItem) -> String {
      switch item.kind {
      case .task:
        return status.task(item.id).map { "任务：\(taskName($0))" } ?? item.id
      case .milestone:
        for t in status.tasks {
          if let m = t.milestones.first(where: { $0.milestone.id == item.id }) {
            return "节点：\(taskName(t))·\(m.milestone.title)"
          }
        }
        return item.id
      case .target:
        let t = status.targets.first {
          $0.target.target.id == item.id && $0.target.shareUnit == item.share
        }
        let base = t.map(self.item) ?? item.id
        return item.share.map { "\(base)（分解：\(short($0))）" } ?? base
      }
    }

    /// Who answers for a coloured item: a task's (or milestone's task's) lead, a target's lead,
    /// a share's unit.
    func responsible(_ item: ColourItem) -> [String] {
      switch item.kind {
      case .task: return status.task(item.id)?.task.lead ?? []
      case .milestone:
        return status.tasks.first { t in t.milestones.contains { $0.milestone.id == item.id } }?
          .task.lead ?? []
      case .target:
        if let share = item.share { return [share] }
        return status.target(item.id)?.target.lead ?? []
      }
    }
  }

  /// `达进度3项、欠进度1项` in the classes' order.
  static func counts(_ c: [TaskStatus: Int]) -> String {
    let parts = TaskStatus.allCases.compactMap { s in c[s].map { "\(s.chinese)\($0)项" } }
    return parts.isEmpty ? "—" : parts.joined(separator: "、")
  }

  /// `72.9%`: one decimal, no needless zero, as `status` prints it.
  static func percent(_ v: Double) -> String { Requirement.format(round1(v)) + "%" }

  /// A score with at most two decimals, as `rank` prints it.
  static func format2(_ v: Double) -> String { Requirement.format(round2(v)) }

  static func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
  static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
