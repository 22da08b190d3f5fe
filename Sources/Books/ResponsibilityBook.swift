import PlanEngine
import PlanModel
import Sheets
import Tracking
import Xlsx

/// One unit's target responsibility book (目标责任书): a single A4 portrait sheet with the
/// title, the parties, the period, 一、责任目标, 二、重点任务, 三、考核方式, 四、其他 and a
/// signature block for both parties that never splits across pages.
///
/// Paginated here: each table's header is written again at the top of a page it continues
/// on, and only there (``SheetLayout/repeatingHeaders(of:)``), so no page starts with a
/// header that has no row of its table under it; the footer names the unit on every page.
public enum ResponsibilityBook {
  /// 序号/编号 · 指标/任务内容 · 角色 · 要求/完成时限 · 目标值 · 单位 · 基准年 · 分值.
  /// Together 667 pixels: inside A4's printable width at 100 %, so the page is not scaled and
  /// the pagination computed here is the one printed.
  static let columns: [Double] = [5, 31, 6, 17, 8, 10.5, 7, 5]
  static let lastCol = 7

  /// The book of `unit` in `resolved`, stamped with the plan's `fingerprint`.
  public static func layout(
    unit: OrgUnit, in resolved: ResolvedPlan, fingerprint: String
  ) -> SheetLayout {
    let plan = resolved.plan
    var sheet = SheetLayout(
      name: SheetNames.clean(unit.shortName),
      columns: BookCells.numberColumn(columns, fitting: resolved.tasks.map(\.label)))
    let all = 0...lastCol
    let issuer = plan.unit(plan.issuer)?.name ?? plan.issuer
    let document = plan.document(for: unit)
    var partyAID: String?
    if case .book(let a) = document { partyAID = a }
    let partyA = partyAID.map { plan.unit($0)?.name ?? $0 }
    let signatory = { (id: String?) in id.flatMap { plan.signing?.signatory(of: $0) } }
    let points = AssessmentText.points(resolved, unit: unit.id)
    let S = BookStyles.self

    // Title and parties: 甲方 as the plan's signing declaration has it; a notice is addressed
    // to the unit and signed by nobody.
    let kind = partyA == nil ? BookText.noticeTitle : BookText.bookTitle
    let titleRows = sheet.append([.init(all, .text("\(plan.title)\n\(kind)"), S.title)])
    sheet.append([.init(all, .text("（\(unit.name)）"), S.subtitle)])
    sheet.append([], minHeight: 8)
    if let partyA {
      sheet.append([.init(all, .text("甲方：\(partyA)"), S.party)])
      sheet.append([.init(all, .text("乙方：\(unit.name)"), S.party)])
    } else {
      sheet.append([.init(all, .text("致：\(unit.name)"), S.party)])
    }
    sheet.append([.init(all, .text("责任期：\(BookText.period(plan.period))"), S.party)])
    let preamble = sheet.append([
      .init(
        all,
        .text(
          partyA == nil ? BookText.noticePreamble(plan, issuer: issuer) : BookText.preamble(plan)),
        S.paragraph)
    ])
    sheet.keepTogether.append(titleRows.lowerBound...preamble.upperBound)

    // 一、责任目标
    let targets = resolved.targets(for: unit.id)
    let targetHeading = sheet.append([.init(all, .text("一、责任目标"), S.heading)], minHeight: 24)
    let targetHeader = sheet.append([
      .init(0, .text("序号"), S.header), .init(1, .text("指标"), S.header),
      .init(2, .text("角色"), S.header), .init(3, .text("要求"), S.header),
      .init(4, .text("目标值"), S.header), .init(5, .text("单位"), S.header),
      .init(6, .text("基准年"), S.header), .init(7, .text("分值"), S.header),
    ])
    if targets.isEmpty {
      let r = sheet.append([.init(all, .text("本单位无单列责任目标，按重点任务考核。"), S.text)])
      sheet.keepTogether.append(targetHeading.lowerBound...r.upperBound)
    }
    var tables: [SheetLayout.Table] = []
    for (n, t) in targets.enumerated() {
      let r = sheet.append(
        targetRow(n + 1, t, unit: unit.id, in: resolved, points: points.targets[n]))
      if n == 0 { sheet.keepTogether.append(targetHeading.lowerBound...r.upperBound) }
      tables.append(table(targetHeader, r, after: tables.last))
    }
    if !targets.isEmpty { sheet.append(subtotal("责任目标分值小计", points.targetTotal)) }

    // 二、重点任务
    let tasks = resolved.tasks(for: unit.id)
    let taskHeading = sheet.append([.init(all, .text("二、重点任务"), S.heading)], minHeight: 24)
    let header = sheet.append([
      .init(0, .text("编号"), S.header), .init(1, .text("任务内容"), S.header),
      .init(2, .text("角色"), S.header), .init(3, .text("完成时限"), S.header),
      .init(4...6, .text("节点安排及协作单位"), S.header), .init(7, .text("分值"), S.header),
    ])
    if tasks.isEmpty {
      let r = sheet.append([.init(all, .text("本单位无牵头或配合的重点任务。"), S.text)])
      sheet.keepTogether.append(taskHeading.lowerBound...r.upperBound)
    }
    for (n, t) in tasks.enumerated() {
      let r = sheet.append(taskRow(t, unit: unit.id, plan: plan, points: points.tasks[n]))
      if n == 0 { sheet.keepTogether.append(taskHeading.lowerBound...r.upperBound) }
      tables.append(table(header, r, after: tables.last))
    }
    if !tasks.isEmpty { sheet.append(subtotal("重点任务分值小计", points.taskTotal)) }
    if !(targets.isEmpty && tasks.isEmpty) { sheet.append(subtotal("分值合计", points.total)) }

    // 三、考核方式 (generated from the assessment `rank` scores with) and 四、其他
    let party = partyA == nil ? "贵单位" : "乙方"
    let h3 = sheet.append([.init(all, .text("三、考核方式"), S.heading)], minHeight: 24)
    for (n, clause) in AssessmentText.clauses(resolved, unit: unit.id, party: party).enumerated() {
      let r = sheet.append([.init(all, .text(clause), S.paragraph)])
      if n == 0 { sheet.keepTogether.append(h3.lowerBound...r.upperBound) }
    }
    let h4 = sheet.append([.init(all, .text("四、其他"), S.heading)], minHeight: 24)
    let other = partyA == nil ? BookText.noticeOther(plan) : BookText.other(plan)
    sheet.append([.init(all, .text(other), S.paragraph)])

    // Signature block: both parties side by side, never split; a name too long for its half
    // is broken between its parts (广州市生态环境局 / 环境影响评价与排放管理处), not inside a word.
    let left = 0...2
    let right = 3...7
    let name = { (text: String, cols: ClosedRange<Int>) in
      UnitNames.name(
        text, in: plan, pixels: sheet.pixels(cols), fontSize: S.signature.fontSize)
    }
    sheet.append([], minHeight: 20)
    let last: ClosedRange<Int>
    if let partyA {
      sheet.append(
        [
          .init(left, .text("甲方（盖章）：\n\(name(partyA, left))"), S.signature),
          .init(right, .text("乙方（盖章）：\n\(name(unit.name, right))"), S.signature),
        ], minHeight: 48)
      sheet.append(
        [
          .init(left, .text(BookText.signHere(signatory(partyAID))), S.signature),
          .init(right, .text(BookText.signHere(signatory(unit.id))), S.signature),
        ],
        minHeight: 40)
      last = sheet.append(
        [
          .init(left, .text("____年__月__日"), S.signature),
          .init(right, .text("____年__月__日"), S.signature),
        ], minHeight: 32)
    } else {
      // A notice: the issuer's name and the date, no signatures.
      last = sheet.append(
        [.init(right, .text("\(name(issuer, right))\n____年__月__日"), S.signature)],
        minHeight: 48)
    }
    // The signature block never stands alone: 四、其他 goes with it.
    sheet.keepTogether.append(h4.lowerBound...last.upperBound)

    sheet.page.footer = BookFooter.text(plan: plan, fingerprint: fingerprint, naming: unit)
    return sheet.repeatingHeaders(of: tables)
  }

  /// The table of `header` with the body row(s) `rows` added to `last` (a table of the same
  /// header so far).
  private static func table(
    _ header: ClosedRange<Int>, _ rows: ClosedRange<Int>, after last: SheetLayout.Table?
  ) -> SheetLayout.Table {
    guard let last, last.header == header else { return .init(header: header, body: rows) }
    return .init(header: header, body: last.body.lowerBound...rows.upperBound)
  }

  static func targetRow(
    _ n: Int, _ t: ResolvedTarget, unit: String, in resolved: ResolvedPlan, points: Double
  )
    -> [SheetLayout.Cell]
  {
    let S = BookStyles.self
    let r = t.target.requirement
    var name = t.target.fullName
    // A unit's share of a split target says so, with the whole's requirement beside its own.
    if let note = ShareText.note(t, in: resolved) { name += "\n" + note }
    if let task = t.taskID, let label = resolved.tasks.first(where: { $0.task.id == task })?.label {
      name += "\n（见第\(label)项任务）"
    }
    if let period = t.target.period { name += "\n考核时段：\(BookText.deadline(period))" }
    if let tolerance = t.target.tolerance {
      name +=
        "\n允许偏差：\(Requirement.format(tolerance))\(AssessmentText.stepUnit(r))（偏差以内为基本达标）"
    }
    let rules = resolved.plan.assessment ?? .default
    let bonusOnly = rules.bonusOnly(t.target)
    if bonusOnly, case .bonus(let bonus) = rules.aspirationalScoring {
      // Only the lead earns the bonus (as `Assessor` scores it).
      let earned = bonus ?? rules.points(weight: t.target.weight)
      name +=
        t.lead.contains(unit)
        ? "\n力争目标：达到的加\(Requirement.format(earned))分，未达到不扣分" : "\n力争目标：未达到不扣分"
    }
    if !t.lead.contains(unit) { name += "\n牵头：\(BookText.names(t.lead, in: resolved.plan))" }
    // A share holder answers for its share, not for the whole: its role is 分解, and the
    // whole's lead is named so nobody reads the branch as leading the city's target.
    let whole = resolved.whole(of: t)
    if let whole, !whole.lead.isEmpty, !whole.lead.contains(unit) {
      name += "\n总体牵头：\(BookText.names(whole.lead, in: resolved.plan))"
    }
    let role =
      whole != nil
      ? BookText.share : BookText.role(of: unit, lead: t.lead, cooperating: t.cooperating)
    return [
      .init(0, .number(Double(n)), S.number(1)),
      .init(1, .text(name), S.text),
      .init(2, .text(role), S.centered),
    ]
      + BookCells.requirement(r, from: 3, aspirational: t.target.aspirational)
      + [BookCells.weight(bonusOnly ? nil : points, col: 7)]
  }

  static func taskRow(
    _ t: ResolvedTask, unit: String, plan: WorkPlan, points: Double
  ) -> [SheetLayout.Cell] {
    let S = BookStyles.self
    var notes: [String] = []
    for m in t.task.milestones {
      notes.append("\(BookText.deadline(m.deadline))：\(m.title)")
    }
    if t.lead.contains(unit) {
      let others = t.lead.filter { $0 != unit }
      if !others.isEmpty { notes.append("共同牵头：\(BookText.names(others, in: plan))") }
      if !t.cooperating.isEmpty { notes.append("配合：\(BookText.names(t.cooperating, in: plan))") }
    } else {
      notes.append("牵头：\(BookText.names(t.lead, in: plan))")
    }
    return [
      .init(0, .text(t.label), S.centered),
      .init(1, .text(t.task.text), S.text),
      .init(
        2, .text(BookText.role(of: unit, lead: t.lead, cooperating: t.cooperating)), S.centered),
      deadline(t.deadline, col: 3),
      .init(4...6, .text(notes.joined(separator: "\n")), S.text),
      BookCells.weight(points, col: 7),
    ]
  }

  /// A deadline in the book's one style: a day as a date cell (`2020年12月31日`), a named
  /// period as text with its day (`2020年第三季度末（9月30日）`).
  static func deadline(_ d: Deadline, col: Int) -> SheetLayout.Cell {
    switch d {
    case .date, .endOfYear:
      if let day = d.dueDay { return .init(col, .date(day), BookStyles.date) }
    default: break
    }
    return .init(col, .text(BookText.deadline(d)), BookStyles.centered)
  }

  /// A row of a table's points: the label right-aligned before 分值, the sum under it; the
  /// number column stays empty, so it holds the plan's numbers only.
  static func subtotal(_ label: String, _ total: Double) -> [SheetLayout.Cell] {
    [
      .init(0, .blank, BookStyles.centered),
      .init(1...6, .text(label), BookStyles.subtotal),
      .init(7, .number(total), BookStyles.number(total)),
    ]
  }
}
