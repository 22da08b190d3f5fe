import PlanEngine
import PlanModel

/// The supervision of one day (`planbook supervise`): the notices of that day and the ledger
/// that records them.
public struct SupervisionRound: Sendable {
  /// The notices of the day, one per unit in the plan's unit order.
  public var notices: [SupervisionNotice]
  /// The ledger with them (unchanged when they were issued before: a re-run).
  public var ledger: SupervisionLedger
  /// Whether the notices were issued by an earlier run for the same day (the ledger already
  /// had them) rather than now.
  public var reissued: Bool
}

/// Decides the notices (督办单) of a day from the plan's colours and its ledger. For every task
/// and target whose colour on the day is blue, yellow or red, each unit leading it:
/// - has no earlier notice on it, or the item has been green (or without colour) since the last
///   one: a notice at the item's colour;
/// - has one whose reply day has not come yet: nothing (the unit is still to reply);
/// - has one whose reply day has passed, and the item shows no progress since (its % complete
///   not higher, a target's shortfall not smaller, its colour no better): the notice again, one
///   level up (蓝 → 黄 → 红, red
///   again at red), or at the item's colour when that is higher;
/// - has one that was acted on (progress since): a notice only when the colour is now worse
///   than the notice's level.
/// Milestones are supervised through their task (a missed milestone makes the task red). The
/// items of one unit form one notice, numbered `督办〔2020〕9号` from the ledger's last number of
/// the year, in the plan's unit order. A day the ledger has notices for gives those notices
/// again and leaves the ledger as it is: re-running changes nothing.
public enum Supervisor {
  /// The round of `status.asOf`: the notices the ledger has for the day, else new ones. Throws
  /// when the day has none and the ledger has notices issued after it (supervision runs
  /// forward).
  public static func supervise(
    _ resolved: ResolvedPlan, status: StatusReport, colours: ColourHistory,
    ledger: SupervisionLedger
  ) throws(LedgerError) -> SupervisionRound {
    let day = status.asOf
    let earlier = ledger.issued(on: day)
    if !earlier.isEmpty {
      return SupervisionRound(notices: earlier, ledger: ledger, reissued: true)
    }
    if let later = ledger.notices.last(where: { $0.issuedOn > day }) {
      throw LedgerError(
        path: SupervisionLedger.fileName,
        message:
          "\(later.number) was issued on \(later.issuedOn), after \(day); supervision runs forward")
    }

    let plan = resolved.plan
    let rules = status.rules.supervisionRules
    // The last notice item on each item for each unit.
    var last: [String: (notice: SupervisionNotice, item: NoticeItem)] = [:]
    for n in ledger.notices { for i in n.items { last["\(n.unit)|\(i.item)"] = (n, i) } }

    var perUnit: [String: [NoticeItem]] = [:]
    func consider(_ candidate: NoticeItem, units: [String]) {
      for unit in units {
        guard let item = decide(candidate, unit: unit, last: last, colours: colours, day: day)
        else { continue }
        perUnit[unit, default: []].append(item)
      }
    }
    for e in status.tasks {
      let item = ColourItem(.task, e.task.task.id)
      guard let mark = colours.current(item), mark.colour.isWarning else { continue }
      consider(
        NoticeItem(
          item: item, number: e.task.label, title: e.task.task.title,
          deadline: e.task.dueDay ?? plan.period.end, colour: mark.colour, found: mark.colour,
          reason: mark.reason, percent: round1(e.percent), expected: round1(e.expected)),
        units: e.task.lead)
    }
    for t in status.targets {
      let item = ColourItem(.target, t.target.target.id, share: t.target.shareUnit)
      guard let mark = colours.current(item), mark.colour.isWarning else { continue }
      let name =
        t.target.shareUnit.map { unit in
          "\(t.target.target.name)（分解：\(plan.unit(unit)?.shortName ?? unit)）"
        } ?? t.target.target.name
      consider(
        NoticeItem(
          item: item, number: t.target.target.number ?? "", title: name,
          deadline: t.target.target.period?.dueDay ?? plan.period.end, colour: mark.colour,
          found: mark.colour, reason: mark.reason, shortfall: t.shortfall.map(round2)),
        units: t.target.shareUnit.map { [$0] } ?? t.target.lead)
    }

    var serial = ledger.nextSerial(year: day.year)
    var notices: [SupervisionNotice] = []
    let issuer = rules.issuer ?? plan.issuer
    let replyBy = Day(ordinal: day.ordinal + rules.replyDays)
    for unit in plan.units {
      guard let items = perUnit[unit.id], !items.isEmpty else { continue }
      notices.append(
        SupervisionNotice(
          number: "\(rules.prefix)〔\(day.year)〕\(serial)号", year: day.year, serial: serial,
          unit: unit.id, issuedOn: day, replyBy: replyBy, issuer: issuer, items: items))
      serial += 1
    }
    var updated = ledger
    updated.notices += notices
    return SupervisionRound(notices: notices, ledger: updated, reissued: false)
  }

  /// The item `candidate` (at its colour on `day`) as `unit`'s notice item, or nil when no
  /// notice is due on it (see ``Supervisor``).
  static func decide(
    _ candidate: NoticeItem, unit: String,
    last: [String: (notice: SupervisionNotice, item: NoticeItem)], colours: ColourHistory,
    day: Day
  ) -> NoticeItem? {
    guard let (notice, prior) = last["\(unit)|\(candidate.item)"] else { return candidate }
    // Green (or without colour) on a day between: the earlier notice was closed.
    let between = colours.days.indices.filter {
      colours.days[$0] > notice.issuedOn && colours.days[$0] < day
    }
    let track = colours.track(candidate.item)
    if between.contains(where: { track[$0].map { !$0.colour.isWarning } ?? true }) {
      return candidate
    }
    if day < notice.replyBy { return nil }
    var progressed =
      candidate.found < prior.found || (candidate.percent ?? 0) > (prior.percent ?? 0) + 1e-9
    if let now = candidate.shortfall, let then = prior.shortfall, now < then - 1e-9 {
      progressed = true
    }
    var item = candidate
    if !progressed {
      item.colour = max(candidate.found, prior.colour.raised)
      item.escalates = notice.number
      item.raisedFrom = prior.colour
      return item
    }
    return candidate.found > prior.colour ? candidate : nil
  }
}

private func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
private func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
