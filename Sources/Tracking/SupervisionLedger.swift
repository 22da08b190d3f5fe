import Foundation
import PlanJSON
import PlanModel

/// One item of a supervision notice (督办单) as the ledger records it.
public struct NoticeItem: Sendable, Hashable, Codable {
  /// The task or target (`task:coal`, `target:pm25`).
  public var item: ColourItem
  /// The plan's number of the task (`13`), or the target's number when the plan numbers them.
  public var number: String
  /// The task's title or the target's name.
  public var title: String
  /// The task's deadline, or the end of the target's period.
  public var deadline: Day?
  /// The level of the notice (蓝, 黄, 红): the item's colour, or one above the colour of an
  /// earlier notice that was not acted on.
  public var colour: WarningColour
  /// The item's own colour on the day of issue.
  public var found: WarningColour
  /// What is behind, in Chinese (`欠进度：完成62%，序时进度74.9%`).
  public var reason: String
  /// A task's reported % complete and 序时进度 on the day of issue (one decimal).
  public var percent: Double?
  public var expected: Double?
  /// A target's shortfall against its requirement on the day of issue (in the requirement's
  /// terms, two decimals): less later is progress.
  public var shortfall: Double?
  /// The number of the earlier notice this one raises (再次督办), when it does, and that
  /// notice's level.
  public var escalates: String?
  public var raisedFrom: WarningColour?

  public init(
    item: ColourItem, number: String, title: String, deadline: Day?, colour: WarningColour,
    found: WarningColour, reason: String, percent: Double? = nil, expected: Double? = nil,
    shortfall: Double? = nil, escalates: String? = nil, raisedFrom: WarningColour? = nil
  ) {
    self.item = item
    self.number = number
    self.title = title
    self.deadline = deadline
    self.colour = colour
    self.found = found
    self.reason = reason
    self.percent = percent
    self.expected = expected
    self.shortfall = shortfall
    self.escalates = escalates
    self.raisedFrom = raisedFrom
  }

  /// Why the notice raises an earlier one, in Chinese, or nil:
  /// `督办〔2020〕5号（黄色）督办后至反馈时限未见进展，提级督办（红色）`.
  public var escalation: String? {
    guard let escalates else { return nil }
    let from = raisedFrom.map { "（\($0.name)）" } ?? ""
    let verb = raisedFrom.map { $0 < colour } ?? true ? "提级督办" : "再次督办"
    return "\(escalates)\(from)督办后至反馈时限未见进展，\(verb)（\(colour.name)）"
  }
}

/// A supervision notice (督办单) to one unit, as issued and recorded in the ledger.
public struct SupervisionNotice: Sendable, Hashable, Codable {
  /// `督办〔2020〕9号`: the plan's prefix, the year of issue and ``serial``.
  public var number: String
  public var year: Int
  /// Sequential per plan and year, from 1.
  public var serial: Int
  /// The unit supervised, by id.
  public var unit: String
  /// The day the notice is issued (the supervision's as-of day).
  public var issuedOn: Day
  /// The day by which the unit replies (issue day + the plan's `replyDays`).
  public var replyBy: Day
  /// The issuing unit, by id.
  public var issuer: String
  public var items: [NoticeItem]

  public init(
    number: String, year: Int, serial: Int, unit: String, issuedOn: Day, replyBy: Day,
    issuer: String, items: [NoticeItem]
  ) {
    self.number = number
    self.year = year
    self.serial = serial
    self.unit = unit
    self.issuedOn = issuedOn
    self.replyBy = replyBy
    self.issuer = issuer
    self.items = items
  }

  /// The most severe level among the items: the notice's colour (蓝色督办单…).
  public var colour: WarningColour { items.map(\.colour).max() ?? .blue }
}

/// The notices issued for a plan, oldest first: `plans/progress/<plan-id>/supervision.json`,
/// beside the progress reports and reviewed in git like them. `planbook supervise` reads it to
/// number notices, never to issue one twice, and to raise a notice not acted on; a bulletin
/// reads it for the notices issued and escalated in a period. Schema `planbook.supervision`,
/// version 1, in canonical JSON (keys sorted, so the same ledger is the same bytes).
public struct SupervisionLedger: Sendable, Hashable, Codable {
  public var schema = "planbook.supervision"
  public var schemaVersion = 1
  /// The plan's id.
  public var plan: String
  public var notices: [SupervisionNotice]

  /// The file name in the plan's progress folder.
  public static let fileName = "supervision.json"

  public init(plan: String, notices: [SupervisionNotice] = []) {
    self.plan = plan
    self.notices = notices
  }

  /// The ledger in `bytes` (read from `path`, named in errors), checked: its schema, its plan,
  /// and numbers that are unique per year.
  public static func parse(
    _ bytes: [UInt8], path: String, plan: String
  ) throws(LedgerError)
    -> SupervisionLedger
  {
    let ledger: SupervisionLedger
    do {
      ledger = try JSONDecoder().decode(SupervisionLedger.self, from: Data(bytes))
    } catch {
      throw LedgerError(path: path, message: "not a supervision ledger (\(Self.describe(error)))")
    }
    guard ledger.schema == "planbook.supervision", ledger.schemaVersion == 1 else {
      throw LedgerError(
        path: path,
        message: "schema \(ledger.schema) \(ledger.schemaVersion), expected planbook.supervision 1")
    }
    guard ledger.plan == plan else {
      throw LedgerError(path: path, message: "the ledger of \(ledger.plan), not of \(plan)")
    }
    var seen = Set<String>()
    for n in ledger.notices where !seen.insert(n.number).inserted {
      throw LedgerError(path: path, message: "notice \(n.number) recorded twice")
    }
    return ledger
  }

  /// The ledger's canonical JSON text.
  public func text() throws -> String { try CanonicalJSON.encode(self) }

  /// The next serial number of `year`: one more than the largest issued.
  public func nextSerial(year: Int) -> Int {
    (notices.filter { $0.year == year }.map(\.serial).max() ?? 0) + 1
  }

  /// The notices issued on `day`.
  public func issued(on day: Day) -> [SupervisionNotice] {
    notices.filter { $0.issuedOn == day }
  }

  /// The notices issued in `range` (a bulletin's period), oldest first.
  public func issued(in range: DateRange) -> [SupervisionNotice] {
    notices.filter { range.contains($0.issuedOn) }
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
    case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c),
      DecodingError.dataCorrupted(let c):
      (c.codingPath.map(\.stringValue).joined(separator: ".") + " " + c.debugDescription)
        .trimmingCharacters(in: .whitespaces)
    default: "\(error)"
    }
  }
}

/// A ledger that cannot be read or used: `path: message`.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
