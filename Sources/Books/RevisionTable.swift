import PlanModel
import Review
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
    let footer = ResponsibilityBook.footer(plan: plan, fingerprint: diff.new.fingerprint)
    var sheets = [
      table(
        "修订对照表", title: "\(plan.title) 修订对照表",
        subtitle:
          "\(diff.old.source)（\(diff.old.plan.version ?? "原稿")）→ \(diff.new.source)（\(plan.version ?? "修订稿")）　\(summary(diff))",
        items: diff.items.filter { $0.kind != .unchanged && $0.kind != .renumbered },
        renumbered: ChangeText.renumberedRanges(diff.items), words: words)
    ]
    appendResign(diff.resign, to: &sheets[0])
    if !diff.highRisk.isEmpty {
      sheets.append(
        table(
          "高风险修订", title: "\(plan.title) 高风险修订",
          subtitle: "放宽指标、删除任务、指标或单位、调整牵头单位、推迟时限、重写任务", items: diff.highRisk,
          renumbered: [], words: words))
    }
    for i in sheets.indices { sheets[i].page.footer = footer }
    try Workbook.write(to: path, properties: properties) { workbook in
      for sheet in sheets { try SheetWriter.write(sheet, into: workbook) }
    }
  }

  /// The table's end: the units whose book changes (they must re-sign) and what changed in each.
  static func appendResign(_ units: [UnitResign], to sheet: inout SheetLayout) {
    guard !units.isEmpty else { return }
    let S = BookStyles.self
    sheet.append([.init(0...4, .text("需重新签订的单位（\(units.count)个）"), S.subtitle)])
    for (n, u) in units.enumerated() {
      sheet.append([
        .init(0, .text("\(n + 1)"), S.centered),
        .init(1, .text("\(u.name)\n\(u.document)"), S.text),
        .init(2...4, .text(u.changes.joined(separator: "；")), S.text),
      ])
    }
  }

  /// `新增 1 项，修改 3 项，删除 0 项，序号调整 18 项`.
  static func summary(_ d: PlanDiff) -> String {
    "新增\(d.added)项，修改\(d.changed)项，删除\(d.removed)项，序号调整\(d.renumbered)项"
  }

  static func table(
    _ name: String, title: String, subtitle: String, items: [ItemChange], renumbered: [String],
    words: ChangeText
  ) -> SheetLayout {
    let S = BookStyles.self
    var sheet = SheetLayout(name: name, columns: [7, 29, 29, 12, 14])
    sheet.append([.init(0...4, .text(title), S.subtitle)])
    sheet.append([.init(0...4, .text(subtitle), S.paragraph)])
    let header = sheet.append(
      ["序号", "修订前", "修订后", "修订类型", "修订理由"].enumerated().map {
        .init($0.offset, .text($0.element), S.header)
      })
    sheet.page.repeatRows = header
    for item in items {
      let number: String
      switch (item.oldLabel, item.newLabel) {
      case (let a?, let b?) where a != b && item.item == .task: number = "\(a)→\(b)"
      case (_, let b?): number = item.item == .task ? b : ChangeText.area(item.item)
      case (let a?, nil): number = item.item == .task ? a : ChangeText.area(item.item)
      default: number = ""
      }
      let (before, after) = sides(item, words: words)
      let details = item.changes.filter {
        if case .textEdited = $0 { return false }
        if case .renumbered = $0 { return false }
        return true
      }.map(words.brief)
      let kinds = details.isEmpty ? [words.kinds(item)] : details
      let stale = item.staleReason.map { "（上一版的理由，不计入本次修订：\($0)）" } ?? ""
      let reason: String =
        item.reason.flatMap { $0.isEmpty ? nil : $0 } ?? ((item.isHighRisk ? "（未说明）" : "") + stale)
      sheet.append([
        .init(0, .text(number), S.centered),
        .init(1, before, S.text),
        .init(2, after, S.text),
        .init(3, .text(kinds.joined(separator: "\n")), S.text),
        .init(4, .text(reason), S.text),
      ])
    }
    if !renumbered.isEmpty {
      sheet.append([
        .init(0, .text("—"), S.centered),
        .init(1...4, .text("其余任务序号顺延：\(renumbered.joined(separator: "，"))"), S.text),
      ])
    }
    if items.isEmpty && renumbered.isEmpty {
      sheet.append([.init(0...4, .text("无修订。"), S.text)])
    }
    return sheet
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
    guard !old.isEmpty || !new.isEmpty else { return (before, after) }
    func runs(_ v: SheetLayout.Value) -> [RichRun] {
      switch v {
      case .rich(let r): r
      case .text(let t): [RichRun(t)]
      default: []
      }
    }
    return (.rich(runs(before) + old), .rich(runs(after) + new))
  }

  /// The old and new text, an edited text as runs with its changes highlighted.
  static func textSides(_ item: ItemChange) -> (SheetLayout.Value, SheetLayout.Value) {
    let plainBefore = SheetLayout.Value.text(item.oldText ?? "")
    let plainAfter = SheetLayout.Value.text(item.newText ?? "")
    // The item's own text diff, or (a target's requirement) one of the lines as shown.
    guard let o = item.oldText, let n = item.newText, o != n else {
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
