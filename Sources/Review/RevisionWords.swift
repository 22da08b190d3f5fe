import PlanModel

/// The words the 修订对照表 shares across its forms (terminal, Markdown, JSON, workbook) for
/// what the revision records beside each change — its 修改依据 and 提出单位 — for the
/// documents compared, and for the direction of a renumbering.
/// The 修改依据 and 提出单位 the new version records (``WorkPlan/revision``), put on its changes.
enum RevisionNotes {
  /// Fills ``ItemChange/basis`` and ``ItemChange/proposer`` of every added, removed or changed
  /// item: the item's own note, else the revision's.
  static func attach(_ items: inout [ItemChange], old: WorkPlan, new: WorkPlan) {
    guard let r = new.revision else { return }
    for i in items.indices where items[i].kind != .unchanged && items[i].kind != .renumbered {
      let id = items[i].newID ?? items[i].oldID
      items[i].basis = r.basis(of: id).flatMap { $0.isEmpty ? nil : $0 }
      items[i].proposer = r.proposer(of: id).flatMap { p in
        p.isEmpty ? nil : (new.unit(p) ?? old.unit(p))?.shortName ?? p
      }
    }
  }
}

extension PlanDiff {
  /// Whether any change records a 修改依据 or 提出单位: then the tables carry those columns.
  public var recordsBasisOrProposer: Bool {
    items.contains { $0.basis != nil || $0.proposer != nil }
  }

  /// `新增1项，修改4项，删除0项，序号调整17项，未修改36项`.
  public var chineseSummary: String {
    "新增\(added)项，修改\(changed)项，删除\(removed)项，序号调整\(renumbered)项，未修改\(unchanged)项"
  }
}

extension PlanSide {
  /// The document as people name it: `《2020年广州市生态环境保护工作计划》（修订稿 2020-07）` —
  /// its title and version label, `原稿` when it has none (a published plan).
  public var documentName: String {
    "《\(plan.title)》（\(plan.version ?? "原稿")）"
  }
}

extension ChangeText {
  /// Which way a renumbering moves a task: down (a task inserted before it: 顺延), up (one
  /// removed before it: 前移), or neither can be told from the numbers.
  public enum Shift: Sendable {
    case down, up, other
  }

  /// The direction of `item`'s renumbering, from its own number when the part before it stays
  /// (`17` → `18`, `四(二)2` → `四(二)3`, `三(一)` → `三(二)`); `.other` when the chapter part
  /// changes or the labels cannot be read.
  public static func shift(_ item: ItemChange) -> Shift {
    for case .renumbered(let from, let to) in item.changes {
      guard let a = Renumbering.Label(from), let b = Renumbering.Label(to),
        a.prefix == b.prefix, a.number != b.number
      else { return .other }
      return b.number > a.number ? .down : .up
    }
    return .other
  }

  /// The renumberings in words, each direction on its own line: `序号顺延：第17–34项 → 第18–35项`,
  /// `序号前移：第5–9项 → 第4–8项`, `序号调整：…` (when the numbers cannot tell).
  public static func renumberedLines(_ items: [ItemChange]) -> [String] {
    let parts: [(Shift, String)] = [(.down, "序号顺延"), (.up, "序号前移"), (.other, "序号调整")]
    return parts.compactMap { shift, words in
      let ranges = renumberedRanges(items.filter { Self.shift($0) == shift })
      return ranges.isEmpty ? nil : "\(words)：\(ranges.joined(separator: "，"))"
    }
  }

}
