import Foundation
import PlanModel
import Review

/// The terminal form of `planbook diff`: a summary line, the high-risk changes, then targets
/// and tasks; renumbered tasks folded into one line. On a terminal, removed text is red and
/// struck through, added text green; otherwise `[-removed-]{+added+}`. Everything that comes
/// from the plans (texts, names, reasons, versions, sources) goes through `shown`, so a control
/// character in a plan is printed as `\u{1B}` and never reaches the terminal raw; only our
/// own colour codes and line breaks do.
enum DiffText {
  /// Text from a plan as it is printed (``TerminalText/escaped(_:)``).
  static func shown(_ text: String) -> String { TerminalText.escaped(text) }

  static func render(_ diff: PlanDiff, color: Bool) -> String {
    let words = ChangeText(diff)
    var out = "\(shown(diff.old.source)) → \(shown(diff.new.source))\n"
    if diff.old.plan.version != diff.new.plan.version {
      out +=
        "version: \(shown(diff.old.plan.version ?? "—")) → \(shown(diff.new.plan.version ?? "—"))\n"
    }
    out += summary(diff) + "\n"
    guard diff.hasChanges else { return out }

    let risky = diff.highRisk
    if !risky.isEmpty {
      out += "\n" + paint("! 高风险修订 high-risk (\(risky.count))", "1;31", color) + "\n"
      for item in risky {
        out += "  \(shown(words.title(item)))  \(shown(words.kinds(item)))\n"
        out += reason(item, color: color)
      }
    }
    for (heading, items) in sections(diff) {
      out += "\n\(heading)\n"
      for item in items { out += entry(item, words: words, color: color) }
    }
    let renumbered = ChangeText.renumberedLines(diff.items)
    if !renumbered.isEmpty {
      out += "\n" + renumbered.map { "\(shown($0))\n" }.joined()
    }
    if !diff.resign.isEmpty {
      out += "\n需重新签订的单位 units to re-sign (\(diff.resign.count))\n"
      for u in diff.resign {
        out +=
          "  \(shown(u.name)) · \(shown(u.document))：\(shown(u.changes.joined(separator: "；")))\n"
      }
    }
    return out
  }

  /// The changed items in three sections — targets, tasks, and the rest of the plan (its
  /// metadata, units, chapters, 考核细则, responsibility list, signing, clauses) — with their
  /// headings; empty sections left out.
  /// `english`: the headings with their English words (the terminal's), else Chinese only.
  static func sections(_ diff: PlanDiff, english: Bool = true) -> [(String, [ItemChange])] {
    let shown = diff.items.filter { $0.kind != .unchanged && $0.kind != .renumbered }
    let parts: [(String, [ItemChange])] = [
      ("指标" + (english ? " targets" : ""), shown.filter { $0.item == .target }),
      ("任务" + (english ? " tasks" : ""), shown.filter { $0.item == .task }),
      (
        "计划其他部分" + (english ? " plan settings" : ""),
        shown.filter { $0.item != .target && $0.item != .task }
      ),
    ]
    return parts.filter { !$0.1.isEmpty }
  }

  /// `1 added, 3 changed, 0 removed, 18 renumbered` (and the unchanged).
  static func summary(_ d: PlanDiff) -> String {
    "\(d.added) added, \(d.changed) changed, \(d.removed) removed, \(d.renumbered) renumbered, \(d.unchanged) unchanged"
  }

  static func entry(_ item: ItemChange, words: ChangeText, color: Bool) -> String {
    let mark: String
    switch item.kind {
    case .added: mark = paint("+", "32", color)
    case .removed: mark = paint("-", "31", color)
    default: mark = item.isHighRisk ? paint("!", "1;31", color) : "~"
    }
    var out = "  \(mark) \(shown(words.title(item)))"
    switch item.kind {
    case .added:
      out += " (\(shown(item.newID ?? "")))\n      \(shown(item.newText ?? ""))\n"
      out += owners(item, words: words)
    case .removed:
      out +=
        " (\(shown(item.oldID ?? "")))\n      \(paint(shown(item.oldText ?? ""), "31", color))\n"
      // A removed unit's row also says how the rules that named it changed.
      for change in item.changes { out += "      \(shown(words.describe(change)))\n" }
      out += owners(item, words: words)
    default:
      out += "\n"
      for change in item.changes {
        out += "      \(shown(words.describe(change)))\n"
        if case .textEdited(let d) = change { out += "        \(inline(d, color: color))\n" }
        if case .textRewritten(let d, _) = change {
          out += "        \(inline(d, color: color))\n"
        }
      }
    }
    if !item.affected.isEmpty {
      out += "      涉及任务\(item.affected.count)项：\n"
      for line in words.affectedLines(item) { out += "        \(shown(line))\n" }
    }
    return out + reason(item, color: color) + notes(item)
  }

  /// An added or removed item's owners and deadline, on one line: `牵头单位：大气处；…`.
  static func owners(_ item: ItemChange, words: ChangeText) -> String {
    let lines = words.ownerLines(item)
    return lines.isEmpty ? "" : "      \(shown(lines.joined(separator: "；")))\n"
  }

  /// The 修改依据 and 提出单位 the revision records for the item, on one line.
  static func notes(_ item: ItemChange) -> String {
    let parts = [item.basis.map { "修改依据：\($0)" }, item.proposer.map { "提出单位：\($0)" }]
      .compactMap { $0 }
    return parts.isEmpty ? "" : "      \(shown(parts.joined(separator: "；")))\n"
  }

  static func reason(_ item: ItemChange, color: Bool) -> String {
    guard let r = item.reason, !r.isEmpty else {
      let stale = item.staleReason.map { "      上一版的理由（不计入本次修订）：\(shown($0))\n" } ?? ""
      return (item.isHighRisk ? "      " + paint("（未说明修订理由）", "33", color) + "\n" : "") + stale
    }
    return "      理由：\(shown(r))\n"
  }

  /// The text with its removals and additions marked.
  static func inline(_ d: TextDiff, color: Bool) -> String {
    d.segments.map { s in
      switch s.kind {
      case .same: shown(s.text)
      case .removed: color ? paint(shown(s.text), "9;31", true) : "[-\(shown(s.text))-]"
      case .added: color ? paint(shown(s.text), "32", true) : "{+\(shown(s.text))+}"
      }
    }.joined()
  }

  static func paint(_ text: String, _ code: String, _ on: Bool) -> String {
    on ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

/// The Markdown form, for a pull-request comment on GitHub or GitLab: the documents and the
/// summary, a table of high-risk changes, then a 修订对照表 table per kind. Changed fragments are
/// marked `<del>removed</del>` and `<ins>added</ins>` — HTML, because CommonMark's `~~` and
/// `**` stay literal asterisks next to Chinese punctuation (`洒水**、保洁**频次`). Headings and
/// words are Chinese; only the sources (what a machine reads) are code. Text from the plans has
/// its Markdown and HTML characters escaped, so it renders as written.
enum DiffMarkdown {
  static func render(_ diff: PlanDiff) -> String {
    let words = ChangeText(diff)
    var out = "### 修订对照表：\(cell(diff.old.documentName)) → \(cell(diff.new.documentName))\n\n"
    out += "`\(code(diff.old.source))` → `\(code(diff.new.source))`\n\n"
    out += "<b>\(diff.chineseSummary)</b>\n"
    guard diff.hasChanges else { return out }
    let notes = diff.recordsBasisOrProposer
    let risky = diff.highRisk
    if !risky.isEmpty {
      out += "\n#### ⚠️ 高风险修订（\(risky.count)项）\n\n| 项目 | 修订类型 | 修订理由 |\n| --- | --- | --- |\n"
      for item in risky {
        out +=
          "| \(cell(words.title(item))) | \(cell(words.kinds(item))) | \(item.reason.map(cell) ?? "<b>未说明</b>" + cell(stale(item))) |\n"
      }
    }
    for (heading, items) in DiffText.sections(diff, english: false) {
      out += "\n#### \(heading)\n\n"
      out += "| 序号 | 修订前 | 修订后 | 修订类型 | 修订理由 |"
      out += notes ? " 修改依据 | 提出单位 |\n" : "\n"
      out += "| --- | --- | --- | --- | --- |" + (notes ? " --- | --- |\n" : "\n")
      for item in items {
        let number =
          item.newLabel.map { n in item.oldLabel.map { $0 == n ? n : "\($0)→\(n)" } ?? n } ?? item
          .oldLabel ?? ""
        let (before, after) = sides(item, words: words)
        let details = item.changes.filter {
          if case .textEdited = $0 { return false }
          if case .renumbered = $0 { return false }
          return true
        }.map(words.brief)
        let kinds = details.isEmpty ? [words.kinds(item)] : details
        out +=
          "| \(cell(number)) | \(before) | \(after) | \(cell(kinds.joined(separator: "；"))) | \(cell(reason(item))) |"
        out += notes ? " \(cell(item.basis ?? "")) | \(cell(item.proposer ?? "")) |\n" : "\n"
      }
    }
    let renumbered = ChangeText.renumberedLines(diff.items)
    if !renumbered.isEmpty {
      out += "\n" + renumbered.map { "\(cell($0))\n" }.joined(separator: "\n")
    }
    if !diff.resign.isEmpty {
      out += "\n#### 需重新签订的单位（\(diff.resign.count)个）\n\n| 单位 | 文书 | 变化 |\n| --- | --- | --- |\n"
      for u in diff.resign {
        out +=
          "| \(cell(u.name)) | \(cell(u.document)) | \(cell(u.changes.joined(separator: "；"))) |\n"
      }
    }
    return out
  }

  /// The reason column: the reason, or a stale one marked as not counting.
  static func reason(_ item: ItemChange) -> String { item.reason ?? stale(item) }

  /// `（上一版的理由，不计入本次修订：…）`, or nothing.
  static func stale(_ item: ItemChange) -> String {
    item.staleReason.map { "（上一版的理由，不计入本次修订：\($0)）" } ?? ""
  }

  /// The old and new text, the changed fragments marked (`<del>`, `<ins>`); a task text that
  /// did not change is shortened to its title; changed owners and deadlines follow it, and an
  /// added (or removed) item's owners and deadline.
  static func sides(_ item: ItemChange, words: ChangeText) -> (String, String) {
    var before = cell(item.oldText ?? "")
    var after = cell(item.newText ?? "")
    if let o = item.oldText, let n = item.newText {
      if o == n {
        before = cell(item.item == .task ? PlanTask.title(of: o) + "……" : o)
        after = before
      } else {
        let d = TextDiff(old: o, new: n)
        before = d.segments.filter { $0.kind != .added }.map {
          $0.kind == .removed ? del(cell($0.text)) : cell($0.text)
        }.joined()
        after = d.segments.filter { $0.kind != .removed }.map {
          $0.kind == .added ? ins(cell($0.text)) : cell($0.text)
        }.joined()
      }
    }
    let owners = words.ownerLines(item).map { "<br>" + cell($0) }.joined()
    if item.kind == .added { after += owners }
    if item.kind == .removed { before += owners }
    for change in item.changes {
      switch change {
      case .deadline(let a, let b, _):
        before += "<br>完成时限：" + del(cell("\(a)"))
        after += "<br>完成时限：" + ins(cell("\(b)"))
      case .leadReassigned(let a, let b):
        before += "<br>牵头单位：" + del(cell(words.units(a)))
        after += "<br>牵头单位：" + ins(cell(words.units(b)))
      case .cooperating(let added, let removed):
        if !removed.isEmpty { before += "<br>配合单位减少：" + del(cell(words.units(removed))) }
        if !added.isEmpty { after += "<br>配合单位增加：" + ins(cell(words.units(added))) }
      case .milestone(let m):
        if let a = m.from { before += "<br>节点：" + del(cell("「\(a.title)」\(a.deadline)")) }
        if let b = m.to { after += "<br>节点：" + ins(cell("「\(b.title)」\(b.deadline)")) }
      case .setting(let s):
        guard words.settingLines(change, of: item) != nil else { break }
        before += "<br>\(cell(s.label))：" + del(cell(s.from ?? "无"))
        after += "<br>\(cell(s.label))：" + ins(cell(s.to ?? "无"))
      default: break
      }
    }
    if !item.affected.isEmpty {
      after +=
        "<br>涉及任务\(item.affected.count)项："
        + words.affectedLines(item).map(cell).joined(separator: "<br>")
    }
    return (trimmed(before), trimmed(after))
  }

  static func del(_ s: String) -> String { s.isEmpty ? "" : "<del>\(s)</del>" }
  static func ins(_ s: String) -> String { s.isEmpty ? "" : "<ins>\(s)</ins>" }

  /// A cell without a leading line break (an item without text of its own).
  static func trimmed(_ s: String) -> String {
    var s = Substring(s)
    while s.hasPrefix("<br>") { s = s.dropFirst(4) }
    return String(s)
  }

  /// Text made safe for a table cell: HTML and Markdown characters escaped (`&lt;`, `\*`),
  /// no pipes or line breaks, other control characters shown as `\u{1B}`.
  static func cell(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\\", "*", "_", "~", "`", "[", "]", "|", "#", "!": out += "\\\(c)"
      case "\n": out += "<br>"
      default: out.append(c)
      }
    }
    return DiffText.shown(out)
  }

  /// Text inside a code span: backticks cannot occur in it.
  static func code(_ s: String) -> String {
    DiffText.shown(s.replacingOccurrences(of: "`", with: "'"))
  }
}
