import PlanModel
import Review

/// `planbook diff --format json`: schema `planbook.diff`, documented in docs/diff-json.md.
struct DiffView: Codable {
  var schema = "planbook.diff"
  var schemaVersion = 1
  var old: Side
  var new: Side
  var summary: Summary
  var items: [Item]
  var renumbered: [String]
  /// The renumberings in words, each direction on its own line: `序号顺延：…`, `序号前移：…`.
  var renumberedLines: [String]
  /// The units whose book changes: they must re-sign.
  var resign: [Resign]

  struct Resign: Codable {
    var unit: String
    var name: String
    var document: String
    var changes: [String]
  }

  struct Side: Codable {
    var source: String
    var plan: String
    /// The plan's title and the document as people name it (title and version).
    var title: String
    var document: String
    var version: String?
    var fingerprint: String
  }

  struct Summary: Codable {
    var added, changed, removed, renumbered, unchanged, highRisk, highRiskWithoutReason: Int
  }

  struct Item: Codable {
    /// `task`, `target`, or a part outside them: `plan`, `unit`, `chapter`, `assessment`,
    /// `rule`, `signing`, `clause`, `other`.
    var item: String
    /// `added`, `removed`, `changed`, `renumbered`.
    var kind: String
    var oldID: String?
    var newID: String?
    var oldLabel: String?
    var newLabel: String?
    var oldText: String?
    var newText: String?
    var highRisk: Bool
    var reason: String?
    /// A reason carried over unchanged from the old version: shown, not counted.
    var staleReason: String?
    var changes: [ChangeView]
    /// For a rule or a removed unit: the tasks and targets it changed, and how (absent: none).
    var affected: [Affected]?
    /// An added task's or target's lead, cooperating units and deadline (a removed one's in
    /// the old version).
    var owners: Owners?
    /// The 修改依据 and 提出单位 the revision records for this change.
    var basis: String?
    var proposer: String?
  }

  struct Owners: Codable {
    /// Unit ids.
    var lead: [String]
    var cooperating: [String]
    /// The deadline as read (`2020年第4季度末`) and its due day.
    var deadline: String?
    var due: String?
  }

  /// A task or target a decision changed: `item`, ids, `label`, and the changes it made.
  struct Affected: Codable {
    var item: String
    var oldID: String?
    var newID: String?
    var label: String
    var changes: [ChangeView]
  }

  /// One change: its code and Chinese name, the description in words, and the details that
  /// apply to it.
  struct ChangeView: Codable {
    var code: String
    var name: String
    var description: String
    var highRisk: Bool
    var from: String?
    var to: String?
    var days: Int?
    var similarity: Double?
    var added: [String]?
    var removed: [String]?
    var changed: [String]?
    var segments: [Segment]?
    /// A milestone's id, and its title in the old and the new version.
    var milestone: String?
    var oldTitle: String?
    var newTitle: String?
    /// A setting's field (`assessment.deductions`) and its name in words (扣分规则).
    var field: String?
    var label: String?
    /// For `unitChanged`: the old requirement in the new unit, and what the change does after
    /// conversion: `tightened`, `loosened`, `equal` or `inconvertible`.
    var converted: String?
    var conversion: String?
  }

  struct Segment: Codable {
    /// `same`, `removed`, `added`.
    var kind: String
    var text: String
  }

  init(_ d: PlanDiff) {
    func side(_ s: PlanSide) -> Side {
      Side(
        source: s.source, plan: s.plan.id, title: s.plan.title, document: s.documentName,
        version: s.plan.version, fingerprint: s.fingerprint)
    }
    old = side(d.old)
    new = side(d.new)
    summary = Summary(
      added: d.added, changed: d.changed, removed: d.removed, renumbered: d.renumbered,
      unchanged: d.unchanged, highRisk: d.highRisk.count,
      highRiskWithoutReason: d.highRiskWithoutReason.count)
    renumbered = ChangeText.renumberedRanges(d.items)
    renumberedLines = ChangeText.renumberedLines(d.items)
    resign = d.resign.map {
      Resign(unit: $0.unit, name: $0.name, document: $0.document, changes: $0.changes)
    }
    let words = ChangeText(d)
    items = d.items.filter { $0.kind != .unchanged }.map { i in
      Item(
        item: i.item.rawValue, kind: i.kind.rawValue, oldID: i.oldID, newID: i.newID,
        oldLabel: i.oldLabel, newLabel: i.newLabel, oldText: i.oldText, newText: i.newText,
        highRisk: i.isHighRisk, reason: i.reason, staleReason: i.staleReason,
        changes: i.changes.map { DiffView.change($0, words: words) },
        affected: i.affected.isEmpty
          ? nil
          : i.affected.map { a in
            Affected(
              item: a.item.rawValue, oldID: a.oldID, newID: a.newID, label: a.label,
              changes: a.changes.map { DiffView.change($0, words: words) })
          },
        owners: i.owners.map {
          Owners(
            lead: $0.lead, cooperating: $0.cooperating, deadline: $0.deadline?.description,
            due: $0.deadline?.dueDay?.description)
        }, basis: i.basis, proposer: i.proposer)
    }
  }

  static func change(_ c: Change, words: ChangeText) -> ChangeView {
    var v = ChangeView(
      code: c.code, name: c.chinese, description: words.describe(c), highRisk: c.isHighRisk)
    switch c {
    case .renumbered(let a, let b): (v.from, v.to) = (a, b)
    case .renamed(let a, let b, let s): (v.from, v.to, v.similarity) = (a, b, round2(s))
    case .textEdited(let d):
      v.segments = d.segments.map { Segment(kind: $0.kind.rawValue, text: $0.text) }
    case .requirement(let a, let b, let s):
      (v.from, v.to) = (a.summary, b.summary)
      if s == .unitChanged {
        v.conversion = UnitConversion.verdict(a, b).rawValue
        v.converted = UnitConversion.converted(a, into: b)?.summary
      }
    case .tolerance(let a, let b):
      (v.from, v.to) = (a.map(Requirement.format), b.map(Requirement.format))
    case .aspirational(let a, let b): (v.from, v.to) = (String(a), String(b))
    case .deadline(let a, let b, let days):
      (v.from, v.to, v.days) = (a.dueDay?.description, b.dueDay?.description, days)
    case .leadReassigned(let a, let b):
      (v.from, v.to) = (a.joined(separator: ","), b.joined(separator: ","))
    case .cooperating(let added, let removed): (v.added, v.removed) = (added, removed)
    case .weight(let a, let b):
      (v.from, v.to) = (a.map(Requirement.format), b.map(Requirement.format))
    case .moved(let a, let b): (v.from, v.to) = (a, b)
    case .milestone(let m):
      (v.milestone, v.oldTitle, v.newTitle) = (m.id, m.from?.title, m.to?.title)
      (v.from, v.to, v.days) = (
        m.from?.deadline.dueDay?.description, m.to?.deadline.dueDay?.description, m.days
      )
    case .textRewritten(let d, let s):
      v.segments = d.segments.map { Segment(kind: $0.kind.rawValue, text: $0.text) }
      v.similarity = round2(s)
    case .setting(let s): (v.field, v.label, v.from, v.to) = (s.field, s.label, s.from, s.to)
    }
    return v
  }
}
