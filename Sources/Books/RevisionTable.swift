import PlanModel
import Review
import Sheets
import Xlsx

/// The 修订对照表 workbook of `planbook diff --format xlsx`: one row per revised task or
/// target — 序号 / 修订前 / 修订后 / 修订类型 / 修订理由 — with the changed fragments
/// highlighted inside the text (removed: red, struck through; added: red, bold, underlined),
/// printed like the books: A4 portrait, one page wide, the header repeated, page numbers.
/// High-risk revisions are listed first on a sheet of their own; renumbered tasks are one line.
public enum RevisionTable {
  static let removedFont = FontStyle(strikethrough: true, color: 0xC00000)
  static let addedFont = FontStyle(bold: true, underline: true, color: 0xC00000)

  /// Writes the workbook of `diff` to `path`.
  public static func write(_ diff: PlanDiff, to path: String) throws {
    let words = ChangeText(diff)
    let plan = diff.new.plan
    let properties = BookProperties.document(
      plan, title: "\(plan.title) 修订对照表", subject: "\(diff.old.source) → \(diff.new.source)",
      unit: BookProperties.overviewUnit, kind: "revision", fingerprint: diff.new.fingerprint,
      extra: [
        ("PlanBook.OldPlanID", diff.old.plan.id),
        ("PlanBook.OldFingerprint", diff.old.fingerprint),
      ])
    let footer = BookFooter.text(plan: plan, fingerprint: diff.new.fingerprint)
    let shown = diff.items.filter { $0.kind != .unchanged && $0.kind != .renumbered }
    let notes = diff.recordsBasisOrProposer
    var main = table(
      "修订对照表", title: "\(plan.title) 修订对照表",
      subtitle:
        "\(diff.old.documentName) → \(diff.new.documentName)　\(summary(diff))",
      items: shown.filter(\.isHighRisk) + shown.filter { !$0.isHighRisk },
      renumbered: ChangeText.renumberedLines(diff.items), words: words, notes: notes)
    let resign = appendResign(diff.resign, to: &main.sheet)
    var sheets = [main.sheet.repeatingHeaders(of: [main.table] + (resign.map { [$0] } ?? []))]
    if !diff.highRisk.isEmpty {
      let risky = table(
        "高风险修订", title: "\(plan.title) 高风险修订",
        subtitle: "放宽指标、删除任务、指标或单位、调整牵头单位、推迟时限、重写任务", items: diff.highRisk,
        renumbered: [], words: words, notes: notes)
      sheets.append(risky.sheet.repeatingHeaders(of: [risky.table]))
    }
    for i in sheets.indices { sheets[i].page.footer = footer }
    try Workbook.write(to: path, properties: properties) { workbook in
      for sheet in sheets { try SheetWriter.write(sheet, into: workbook) }
    }
  }

  /// The table's end: the units whose book changes (they must re-sign) and what changed in each,
  /// a table of its own with its own header (序号 / 单位及文书 / 需重新签订的原因), repeated where
  /// it goes on to another page — never the revision table's header over these rows. Its title
  /// and header stay with its first row. Returns the table, nil when no unit must re-sign.
  static func appendResign(_ units: [UnitResign], to sheet: inout SheetLayout) -> SheetLayout.Table?
  {
    guard !units.isEmpty else { return nil }
    let S = BookStyles.self
    let last = sheet.columns.count - 1
    let title = sheet.append([
      .init(0...last, .text("需重新签订的单位（\(units.count)个）"), S.subtitle)
    ])
    let header = sheet.append([
      .init(0, .text("序号"), S.header), .init(1, .text("单位及文书"), S.header),
      .init(2...last, .text("需重新签订的原因"), S.header),
    ])
    var first: ClosedRange<Int>?
    var end = header.upperBound
    for (n, u) in units.enumerated() {
      let row = sheet.append([
        .init(0, .text("\(n + 1)"), S.centered),
        .init(1, .text("\(u.name)\n\(u.document)"), S.text),
        .init(2...last, .text(u.changes.joined(separator: "；")), S.text),
      ])
      if first == nil { first = row }
      end = row.upperBound
    }
    sheet.keepTogether.append(title.lowerBound...(first?.upperBound ?? header.upperBound))
    return SheetLayout.Table(header: header, body: (header.upperBound + 1)...end)
  }

  /// `新增 1 项，修改 3 项，删除 0 项，序号调整 18 项`.
  static func summary(_ d: PlanDiff) -> String {
    "新增\(d.added)项，修改\(d.changed)项，删除\(d.removed)项，序号调整\(d.renumbered)项"
  }

  /// The table: 序号 / 修订前 / 修订后 / 修订类型 / 修订理由, and 修改依据 / 提出单位 when the
  /// revision records them (`notes`; the page then turns landscape). High-risk rows come first
  /// under a heading of their own when there are others.
  static func table(
    _ name: String, title: String, subtitle: String, items: [ItemChange], renumbered: [String],
    words: ChangeText, notes: Bool
  ) -> (sheet: SheetLayout, table: SheetLayout.Table) {
    let S = BookStyles.self
    var sheet = SheetLayout(
      name: name, columns: notes ? [7, 31, 32, 16, 20, 18, 10] : [7, 26, 25, 15, 18])
    if notes { sheet.page.orientation = .landscape }
    let last = sheet.columns.count - 1
    sheet.append([.init(0...last, .text(title), S.subtitle)])
    sheet.append([.init(0...last, .text(subtitle), S.paragraph)])
    let names = ["序号", "修订前", "修订后", "修订类型", "修订理由"] + (notes ? ["修改依据", "提出单位"] : [])
    let header = sheet.append(
      names.enumerated().map { .init($0.offset, .text($0.element), S.header) })
    let risky = items.filter(\.isHighRisk).count
    let grouped = risky > 0 && risky < items.count
    for (n, item) in items.enumerated() {
      if grouped && (n == 0 || n == risky) {
        let heading = n == 0 ? "高风险修订（\(risky)项）" : "其他修订（\(items.count - risky)项）"
        let row = sheet.append([.init(0...last, .text(heading), S.text)])
        // A group's heading never ends a page: it goes with the group's first row.
        sheet.keepTogether.append(row.lowerBound...(row.upperBound + 1))
      }
      let number: String
      switch (item.oldLabel, item.newLabel) {
      case (let a?, let b?) where a != b && item.item == .task: number = "\(a)→\(b)"
      case (_, let b?): number = item.item == .task ? b : ChangeText.area(item.item)
      case (let a?, nil): number = item.item == .task ? a : ChangeText.area(item.item)
      default: number = ""
      }
      let (before, after) = sides(item, words: words)
      let stale = item.staleReason.map { "（上一版的理由，不计入本次修订：\($0)）" } ?? ""
      let reason: String =
        item.reason.flatMap { $0.isEmpty ? nil : $0 } ?? ((item.isHighRisk ? "（未说明）" : "") + stale)
      var row: [SheetLayout.Cell] = [
        .init(0, .text(number), S.centered),
        .init(1, before, S.text),
        .init(2, after, S.text),
        .init(3, .text(types(item, words: words).joined(separator: "\n")), S.text),
        .init(4, .text(reason), S.text),
      ]
      if notes {
        row.append(.init(5, .text(item.basis ?? ""), S.text))
        row.append(.init(6, .text(item.proposer ?? ""), S.text))
      }
      sheet.append(row)
    }
    if !renumbered.isEmpty {
      sheet.append([
        .init(0, .text("—"), S.centered),
        .init(1...last, .text("其余任务" + renumbered.joined(separator: "\n其余任务")), S.text),
      ])
    }
    if items.isEmpty && renumbered.isEmpty {
      sheet.append([.init(0...last, .text("无修订。"), S.text)])
    }
    return (
      sheet,
      SheetLayout.Table(header: header, body: (header.upperBound + 1)...(sheet.rows.count - 1))
    )
  }

  /// The 修订类型 column: one short line per kind of change — the values stand in the 修订前
  /// and 修订后 columns — `时限推迟184天`, `指标收紧`, `计量单位变更（换算后…，收紧）`,
  /// `考核细则调整：扣分规则`; 新增, 删除.
  static func types(_ item: ItemChange, words: ChangeText) -> [String] {
    var lines: [String] = []
    for change in item.changes {
      let line: String
      switch change {
      case .renumbered, .textEdited: continue
      case .deadline(_, _, let days): line = change.chinese + (days == 0 ? "" : "\(abs(days))天")
      case .requirement(let a, let b, .unitChanged):
        line = "\(change.chinese)（\(UnitConversion.words(a, b))）"
      case .setting(let setting):
        // One line per area: `计划信息调整：标题、版本`.
        let head = "\(setting.area.chinese)："
        if let i = lines.firstIndex(where: { $0.hasPrefix(head) }) {
          if !lines[i].hasSuffix("：\(setting.label)") && !lines[i].contains("、\(setting.label)") {
            lines[i] += "、\(setting.label)"
          }
          continue
        }
        line = head + setting.label
      default: line = change.chinese
      }
      if !lines.contains(line) { lines.append(line) }
    }
    if item.changes.contains(where: { if case .textEdited = $0 { true } else { false } }) {
      lines.append("文字修改")
    }
    return lines.isEmpty ? [words.kinds(item)] : lines
  }

  /// The old and new text of an item; an edited text as runs with its changes highlighted.
  static func sides(_ item: ItemChange, words: ChangeText) -> (SheetLayout.Value, SheetLayout.Value)
  {
    let (before, after) = textSides(item)
    // Changed owners and deadlines, as lines under the text, the new values highlighted.
    var old: [RichRun] = []
    var new: [RichRun] = []
    for change in item.changes {
      switch change {
      case .deadline(let a, let b, _):
        old += [RichRun("\n完成时限："), RichRun(a.description, font: removedFont)]
        new += [RichRun("\n完成时限："), RichRun(b.description, font: addedFont)]
      case .leadReassigned(let a, let b):
        old += [RichRun("\n牵头单位："), RichRun(words.units(a), font: removedFont)]
        new += [RichRun("\n牵头单位："), RichRun(words.units(b), font: addedFont)]
      case .cooperating(let added, let removed):
        if !removed.isEmpty {
          old += [RichRun("\n配合单位减少："), RichRun(words.units(removed), font: removedFont)]
        }
        if !added.isEmpty {
          new += [RichRun("\n配合单位增加："), RichRun(words.units(added), font: addedFont)]
        }
      case .milestone(let m):
        if let a = m.from {
          old += [RichRun("\n节点："), RichRun("「\(a.title)」\(a.deadline)", font: removedFont)]
        }
        if let b = m.to {
          new += [RichRun("\n节点："), RichRun("「\(b.title)」\(b.deadline)", font: addedFont)]
        }
      case .setting(let s):
        guard words.settingLines(change, of: item) != nil else { break }
        old += [RichRun("\n\(s.label)："), RichRun(s.from ?? "无", font: removedFont)]
        new += [RichRun("\n\(s.label)："), RichRun(s.to ?? "无", font: addedFont)]
      default: break
      }
    }
    if !item.affected.isEmpty {
      new += [
        RichRun(
          "\n涉及任务\(item.affected.count)项：\n" + words.affectedLines(item).joined(separator: "\n"))
      ]
    }
    let owners = words.ownerLines(item).map { RichRun("\n" + $0) }
    if item.kind == .added { new += owners }
    if item.kind == .removed { old += owners }
    guard !old.isEmpty || !new.isEmpty else { return (before, after) }
    func runs(_ v: SheetLayout.Value) -> [RichRun] {
      switch v {
      case .rich(let r): r
      case .text(let t): t.isEmpty ? [] : [RichRun(t)]
      default: []
      }
    }
    return (rich(runs(before) + old), rich(runs(after) + new))
  }

  /// Runs without a leading line break (an item with no text of its own) — no blank line
  /// opens a cell; no runs at all: an empty cell.
  static func rich(_ runs: [RichRun]) -> SheetLayout.Value {
    var runs = runs.filter { !$0.text.isEmpty }
    if let first = runs.first, first.text.hasPrefix("\n") {
      runs[0] = RichRun(String(first.text.dropFirst()), font: first.font)
      if runs[0].text.isEmpty { runs.removeFirst() }
    }
    return runs.isEmpty ? .text("") : .rich(runs)
  }

  /// The old and new text, an edited text as runs with its changes highlighted.
  static func textSides(_ item: ItemChange) -> (SheetLayout.Value, SheetLayout.Value) {
    let plainBefore = SheetLayout.Value.text(item.oldText ?? "")
    let plainAfter = SheetLayout.Value.text(item.newText ?? "")
    // The item's own text diff, or (a target's requirement) one of the lines as shown.
    guard let o = item.oldText, let n = item.newText, o != n else {
      // Only owners or a deadline changed: the task by its title, not its whole text twice.
      if item.item == .task, let o = item.oldText, o == item.newText {
        let title = SheetLayout.Value.text(PlanTask.title(of: o) + "……")
        return (title, title)
      }
      return (plainBefore, plainAfter)
    }
    let edited = item.changes.lazy.compactMap { c -> TextDiff? in
      if case .textEdited(let d) = c { return d } else { return nil }
    }.first
    let diff = edited.flatMap { $0.oldText == o ? $0 : nil } ?? TextDiff(old: o, new: n)
    let before = diff.segments.filter { $0.kind != .added }.map {
      RichRun($0.text, font: $0.kind == .removed ? removedFont : nil)
    }
    let after = diff.segments.filter { $0.kind != .removed }.map {
      RichRun($0.text, font: $0.kind == .added ? addedFont : nil)
    }
    // Too many fragments for one cell: the plain texts.
    guard before.count <= Worksheet.maximumRichRuns, after.count <= Worksheet.maximumRichRuns
    else { return (plainBefore, plainAfter) }
    return (.rich(before), .rich(after))
  }
}
