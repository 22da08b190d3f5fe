import Foundation
import PlanModel

/// The fast path of ``PlanSnapshot/decode(_:path:)``: a snapshot's fields read straight from its
/// UTF-8 bytes into a ``WorkPlan``, field by field as the types' `Decodable` conformances read
/// them (required fields, optional fields, the `Deadline` kinds, a rule's `match`).
///
/// It accepts only what it reads exactly as `JSONDecoder` would — no `null`, no unknown or
/// repeated key, the expected schema and version — and throws ``JSONReader/Unusual`` on anything
/// else; `PlanSnapshot` then decodes with `JSONDecoder`, which also explains what is wrong. The
/// assessment (small, rare, and many shapes) is handed to `JSONDecoder` here too.
struct SnapshotReader {
  typealias Unusual = JSONReader.Unusual

  private var json: JSONReader

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    json = JSONReader(bytes)
  }

  /// A snapshot read.
  struct Snapshot {
    /// The plan, not located yet.
    var plan: WorkPlan
    /// The lines of the snapshot's ids and matches, which locate the plan
    /// (``SnapshotLines/locate(_:path:)``).
    var lines: SnapshotLines
  }

  /// The plan in a snapshot's bytes, and where its declarations are.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Unusual) -> Snapshot {
    var reader = SnapshotReader(bytes)
    let plan = try reader.envelope()
    return Snapshot(plan: plan, lines: reader.json.lines)
  }

  /// The string of an `id` key of a `kind` of declaration, noted for locating it.
  private mutating func id(_ kind: SnapshotLines.Kind) throws(Unusual) -> String {
    let id = try json.string()
    json.noteID(kind, id)
    return id
  }

  /// Which keys an object has had: a key read twice is unusual.
  private struct Seen {
    private var bits: UInt32 = 0

    @inline(__always) mutating func first(_ bit: UInt32) throws(Unusual) {
      guard bits & (1 << bit) == 0 else { throw Unusual() }
      bits |= 1 << bit
    }
  }

  /// A required field, read.
  @inline(__always) private func required<Value>(_ value: Value?) throws(Unusual) -> Value {
    guard let value else { throw Unusual() }
    return value
  }

  // MARK: - top level

  private mutating func envelope() throws(Unusual) -> WorkPlan {
    var seen = Seen()
    var plan: WorkPlan?
    var schema: String?
    var version: Int?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("plan") {
        try seen.first(0)
        plan = try workPlan()
      } else if key.is("schema") {
        try seen.first(1)
        schema = try json.string()
      } else if key.is("schemaVersion") {
        try seen.first(2)
        version = try json.int()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    try json.end()
    // Another schema or version is reported by the careful path.
    guard schema == PlanSnapshot.schemaName, version == PlanSnapshot.schemaVersion else {
      throw Unusual()
    }
    return try required(plan)
  }

  private mutating func workPlan() throws(Unusual) -> WorkPlan {
    var seen = Seen()
    var id: String?
    var title: String?
    var issuer: String?
    var period: DateRange?
    var source: SourceDocument?
    var version: String?
    var numbering: WorkPlan.Numbering?
    var weightTotal: Double?
    var assessmentMethod: String?
    var assessment: AssessmentRules?
    var removed: [RemovedItem]?
    var revision: RevisionRecord?
    var signing: Signing?
    var clauses: [PlanClause]?
    var parent: ParentPlan?
    var units: [OrgUnit]?
    var targets: [PlanTarget]?
    var chapters: [PlanChapter]?
    var rules: [ResponsibilityRule]?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("chapters") {
        try seen.first(0)
        chapters = try array { (r: inout SnapshotReader) throws(Unusual) in try r.chapter() }
      } else if key.is("rules") {
        try seen.first(1)
        rules = try array { (r: inout SnapshotReader) throws(Unusual) in try r.rule() }
      } else if key.is("targets") {
        try seen.first(2)
        targets = try array { (r: inout SnapshotReader) throws(Unusual) in try r.target(.target) }
      } else if key.is("units") {
        try seen.first(3)
        units = try array { (r: inout SnapshotReader) throws(Unusual) in try r.unit() }
      } else if key.is("id") {
        try seen.first(4)
        id = try self.id(.plan)
      } else if key.is("title") {
        try seen.first(5)
        title = try json.string()
      } else if key.is("issuer") {
        try seen.first(6)
        issuer = try json.string()
      } else if key.is("period") {
        try seen.first(7)
        period = try dateRange()
      } else if key.is("numbering") {
        try seen.first(8)
        numbering = WorkPlan.Numbering(rawValue: try json.string())
        _ = try required(numbering)
      } else if key.is("source") {
        try seen.first(9)
        source = try sourceDocument()
      } else if key.is("version") {
        try seen.first(10)
        version = try json.string()
      } else if key.is("weightTotal") {
        try seen.first(11)
        weightTotal = try json.double()
      } else if key.is("assessmentMethod") {
        try seen.first(12)
        assessmentMethod = try json.string()
      } else if key.is("assessment") {
        try seen.first(13)
        assessment = try assessmentRules()
      } else if key.is("removed") {
        try seen.first(14)
        removed = try array { (r: inout SnapshotReader) throws(Unusual) in try r.removedItem() }
      } else if key.is("signing") {
        try seen.first(15)
        signing = try decoded(Signing.self)
      } else if key.is("clauses") {
        try seen.first(16)
        clauses = try decoded([PlanClause].self)
      } else if key.is("revision") {
        try seen.first(17)
        revision = try decoded(RevisionRecord.self)
      } else if key.is("parent") {
        try seen.first(18)
        parent = try parentPlan()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    var plan = WorkPlan(
      id: try required(id), title: try required(title), issuer: try required(issuer),
      period: try required(period), source: source, version: version,
      numbering: try required(numbering), weightTotal: weightTotal,
      assessmentMethod: assessmentMethod, assessment: assessment, units: try required(units),
      targets: try required(targets), chapters: try required(chapters),
      rules: try required(rules))
    plan.removed = removed
    plan.signing = signing
    plan.clauses = clauses
    plan.revision = revision
    plan.parent = parent
    return plan
  }

  private mutating func parentPlan() throws(Unusual) -> ParentPlan {
    var seen = Seen()
    var plan: String?
    var unit: String?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("plan") {
        try seen.first(0)
        plan = try json.string()
      } else if key.is("unit") {
        try seen.first(1)
        unit = try json.string()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return ParentPlan(plan: try required(plan), unit: unit)
  }

  // MARK: - parts of the plan

  private mutating func sourceDocument() throws(Unusual) -> SourceDocument {
    var seen = Seen()
    var path: String?
    var title: String?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("path") {
        try seen.first(0)
        path = try json.string()
      } else if key.is("title") {
        try seen.first(1)
        title = try json.string()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return SourceDocument(path: try required(path), title: title)
  }

  /// The assessment, decoded by `JSONDecoder` from its own bytes (it reads a value the same
  /// wherever it stands).
  private mutating func assessmentRules() throws(Unusual) -> AssessmentRules {
    let range = try json.skipValue()
    let data = Data(json.bytes(range))
    guard let rules = try? JSONDecoder().decode(AssessmentRules.self, from: data) else {
      throw Unusual()
    }
    return rules
  }

  /// A small, rare part of the plan (the signing declaration, the clauses), decoded by
  /// `JSONDecoder` from its own bytes, as the assessment is.
  private mutating func decoded<Value: Decodable>(_ type: Value.Type) throws(Unusual) -> Value {
    let range = try json.skipValue()
    let data = Data(json.bytes(range))
    guard let value = try? JSONDecoder().decode(Value.self, from: data) else {
      throw Unusual()
    }
    return value
  }

  private mutating func removedItem() throws(Unusual) -> RemovedItem {
    var seen = Seen()
    var id: String?
    var reason: String?
    var rule: ResponsibilityRule.Match?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("id") {
        try seen.first(0)
        id = try json.string()
      } else if key.is("reason") {
        try seen.first(1)
        reason = try json.string()
      } else if key.is("rule") {
        try seen.first(2)
        rule = try decoded(ResponsibilityRule.Match.self)
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    var item = RemovedItem(id: try required(id), reason: try required(reason))
    item.rule = rule
    return item
  }

  private mutating func unit() throws(Unusual) -> OrgUnit {
    var seen = Seen()
    var id: String?
    var name: String?
    var shortName: String?
    var kind: OrgUnit.Kind?
    var parent: String?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("id") {
        try seen.first(0)
        id = try self.id(.unit)
      } else if key.is("name") {
        try seen.first(1)
        name = try json.string()
      } else if key.is("shortName") {
        try seen.first(2)
        shortName = try json.string()
      } else if key.is("kind") {
        try seen.first(3)
        kind = OrgUnit.Kind(rawValue: try json.string())
        _ = try required(kind)
      } else if key.is("parent") {
        try seen.first(4)
        parent = try json.string()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return OrgUnit(
      id: try required(id), name: try required(name), shortName: try required(shortName),
      kind: try required(kind), parent: parent)
  }

  /// A target, or (`kind` `.figure`) a figure of a task.
  private mutating func target(_ kind: SnapshotLines.Kind) throws(Unusual) -> PlanTarget {
    var seen = Seen()
    var id: String?
    var name: String?
    var requirement: Requirement?
    var tolerance: Double?
    var weight: Double?
    var period: Deadline?
    var responsibility: Responsibility?
    var reason: String?
    var source: String?
    var group: String?
    var number: String?
    var shares: [TargetShare] = []
    var rollUp: RollUp?
    var implements: String?
    var aspirational = false
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("id") {
        try seen.first(0)
        id = try self.id(kind)
      } else if key.is("name") {
        try seen.first(1)
        name = try json.string()
      } else if key.is("requirement") {
        try seen.first(2)
        requirement = try self.requirement()
      } else if key.is("responsibility") {
        try seen.first(3)
        responsibility = try self.responsibility()
      } else if key.is("tolerance") {
        try seen.first(4)
        tolerance = try json.double()
      } else if key.is("weight") {
        try seen.first(5)
        weight = try json.double()
      } else if key.is("period") {
        try seen.first(6)
        period = try deadline()
      } else if key.is("reason") {
        try seen.first(7)
        reason = try json.string()
      } else if key.is("source") {
        try seen.first(8)
        source = try json.string()
      } else if key.is("group") {
        try seen.first(9)
        group = try json.string()
      } else if key.is("number") {
        try seen.first(10)
        number = try json.string()
      } else if key.is("shares") {
        try seen.first(11)
        shares = try array { (r: inout SnapshotReader) throws(Unusual) in try r.share() }
      } else if key.is("rollUp") {
        try seen.first(12)
        guard let r = RollUp(rawValue: try json.string()) else { throw Unusual() }
        rollUp = r
      } else if key.is("implements") {
        try seen.first(13)
        implements = try json.string()
      } else if key.is("aspirational") {
        try seen.first(14)
        aspirational = try json.bool()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return PlanTarget(
      id: try required(id), name: try required(name), requirement: try required(requirement),
      tolerance: tolerance, weight: weight, period: period,
      responsibility: try required(responsibility), reason: reason, source: source, group: group,
      number: number, shares: shares, rollUp: rollUp, implements: implements,
      aspirational: aspirational)
  }

  /// One unit's share of a target.
  private mutating func share() throws(Unusual) -> TargetShare {
    var seen = Seen()
    var unit: String?
    var requirement: Requirement?
    var weight: Double?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("unit") {
        try seen.first(0)
        unit = try json.string()
      } else if key.is("requirement") {
        try seen.first(1)
        requirement = try self.requirement()
      } else if key.is("weight") {
        try seen.first(2)
        weight = try json.double()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return TargetShare(
      unit: try required(unit), requirement: try required(requirement), weight: weight)
  }

  private mutating func requirement() throws(Unusual) -> Requirement {
    var seen = Seen()
    var measure: Requirement.Measure?
    var direction: Requirement.Direction?
    var value: Double?
    var unit: String?
    var of: String?
    var baseYear: Int?
    var text: String?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("measure") {
        try seen.first(0)
        measure = Requirement.Measure(rawValue: try json.string())
        _ = try required(measure)
      } else if key.is("direction") {
        try seen.first(1)
        direction = Requirement.Direction(rawValue: try json.string())
        _ = try required(direction)
      } else if key.is("value") {
        try seen.first(2)
        value = try json.double()
      } else if key.is("unit") {
        try seen.first(3)
        unit = try json.string()
      } else if key.is("of") {
        try seen.first(4)
        of = try json.string()
      } else if key.is("baseYear") {
        try seen.first(5)
        baseYear = try json.int()
      } else if key.is("text") {
        try seen.first(6)
        text = try json.string()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return Requirement(
      measure: try required(measure), direction: direction, value: value, unit: unit, of: of,
      baseYear: baseYear, text: text)
  }

  private mutating func responsibility() throws(Unusual) -> Responsibility {
    var seen = Seen()
    var out = Responsibility()
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("lead") {
        try seen.first(0)
        out.lead = try strings()
      } else if key.is("cooperating") {
        try seen.first(1)
        out.cooperating = try strings()
      } else if key.is("deadline") {
        try seen.first(2)
        out.deadline = try deadline()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return out
  }

  /// A deadline: its `kind`, then the fields that kind reads (others of its keys are allowed
  /// and ignored, as `Deadline`'s decoder ignores them, but must have their usual type).
  private mutating func deadline() throws(Unusual) -> Deadline {
    var seen = Seen()
    var kind: String?
    var date: Day?
    var year: Int?
    var month: Int?
    var quarter: Int?
    var half: Int?
    var name: String?
    var from: Day?
    var to: Day?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("kind") {
        try seen.first(0)
        kind = try json.string()
      } else if key.is("year") {
        try seen.first(1)
        year = try json.int()
      } else if key.is("date") {
        try seen.first(2)
        date = try day()
      } else if key.is("month") {
        try seen.first(3)
        month = try json.int()
      } else if key.is("quarter") {
        try seen.first(4)
        quarter = try json.int()
      } else if key.is("half") {
        try seen.first(5)
        half = try json.int()
      } else if key.is("name") {
        try seen.first(6)
        name = try json.string()
      } else if key.is("from") {
        try seen.first(7)
        from = try day()
      } else if key.is("to") {
        try seen.first(8)
        to = try day()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    switch kind {
    case "date": return .date(try required(date))
    case "endOfMonth": return .endOfMonth(year: try required(year), month: try required(month))
    case "endOfQuarter":
      return .endOfQuarter(year: try required(year), quarter: try required(quarter))
    case "endOfHalf": return .endOfHalf(year: try required(year), half: try required(half))
    case "endOfYear": return .endOfYear(try required(year))
    case "period":
      return .period(name: try required(name), DateRange(try required(from), try required(to)))
    default: throw Unusual()
    }
  }

  private mutating func dateRange() throws(Unusual) -> DateRange {
    var seen = Seen()
    var start: Day?
    var end: Day?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("start") {
        try seen.first(0)
        start = try day()
      } else if key.is("end") {
        try seen.first(1)
        end = try day()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return DateRange(try required(start), try required(end))
  }

  private mutating func day() throws(Unusual) -> Day {
    try required(Day(json: try json.string()))
  }

  private mutating func chapter() throws(Unusual) -> PlanChapter {
    var seen = Seen()
    var id: String?
    var number: Int?
    var title: String?
    var tasks: [PlanTask]?
    var sections: [PlanChapter]?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("tasks") {
        try seen.first(0)
        tasks = try array { (r: inout SnapshotReader) throws(Unusual) in try r.task() }
      } else if key.is("id") {
        try seen.first(1)
        id = try self.id(.chapter)
      } else if key.is("number") {
        try seen.first(2)
        number = try json.int()
      } else if key.is("title") {
        try seen.first(3)
        title = try json.string()
      } else if key.is("sections") {
        try seen.first(4)
        sections = try array { (r: inout SnapshotReader) throws(Unusual) in try r.chapter() }
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return PlanChapter(
      id: try required(id), number: try required(number), title: try required(title),
      tasks: try required(tasks), sections: try required(sections))
  }

  private mutating func task() throws(Unusual) -> PlanTask {
    var seen = Seen()
    var id: String?
    var number: Int?
    var title: String?
    var text: String?
    var figures: [PlanTarget]?
    var milestones: [PlanMilestone]?
    var weight: Double?
    var responsibility: Responsibility?
    var reason: String?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("figures") {
        try seen.first(0)
        figures = try array { (r: inout SnapshotReader) throws(Unusual) in try r.target(.figure) }
      } else if key.is("id") {
        try seen.first(1)
        id = try self.id(.task)
      } else if key.is("milestones") {
        try seen.first(2)
        milestones = try array { (r: inout SnapshotReader) throws(Unusual) in try r.milestone() }
      } else if key.is("number") {
        try seen.first(3)
        number = try json.int()
      } else if key.is("responsibility") {
        try seen.first(4)
        responsibility = try self.responsibility()
      } else if key.is("text") {
        try seen.first(5)
        text = try json.string()
      } else if key.is("title") {
        try seen.first(6)
        title = try json.string()
      } else if key.is("weight") {
        try seen.first(7)
        weight = try json.double()
      } else if key.is("reason") {
        try seen.first(8)
        reason = try json.string()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return PlanTask(
      id: try required(id), number: try required(number), title: try required(title),
      text: try required(text), figures: try required(figures),
      milestones: try required(milestones), weight: weight,
      responsibility: try required(responsibility), reason: reason)
  }

  private mutating func milestone() throws(Unusual) -> PlanMilestone {
    var seen = Seen()
    var id: String?
    var title: String?
    var deadline: Deadline?
    var weight: Double?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("id") {
        try seen.first(0)
        id = try self.id(.milestone)
      } else if key.is("title") {
        try seen.first(1)
        title = try json.string()
      } else if key.is("deadline") {
        try seen.first(2)
        deadline = try self.deadline()
      } else if key.is("weight") {
        try seen.first(3)
        weight = try json.double()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return PlanMilestone(
      id: try required(id), title: try required(title), deadline: try required(deadline),
      weight: weight)
  }

  private mutating func rule() throws(Unusual) -> ResponsibilityRule {
    var seen = Seen()
    var match: ResponsibilityRule.Match?
    var responsibility: Responsibility?
    var reason: String?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("match") {
        try seen.first(0)
        match = try self.match()
      } else if key.is("reason") {
        try seen.first(2)
        reason = try json.string()
      } else if key.is("responsibility") {
        try seen.first(1)
        responsibility = try self.responsibility()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    return ResponsibilityRule(
      match: try required(match), responsibility: try required(responsibility), reason: reason)
  }

  /// A rule's match: the first of `chapter`, `keyword`, `target` given, else `all: true`.
  private mutating func match() throws(Unusual) -> ResponsibilityRule.Match {
    var seen = Seen()
    var chapter: String?
    var keyword: String?
    var target: String?
    var all: Bool?
    var more = try json.openObject()
    while more {
      let key = try json.key()
      if key.is("chapter") {
        try seen.first(0)
        chapter = try json.string()
      } else if key.is("keyword") {
        try seen.first(1)
        keyword = try json.string()
      } else if key.is("target") {
        try seen.first(2)
        target = try json.string()
      } else if key.is("all") {
        try seen.first(3)
        all = try json.bool()
      } else {
        throw Unusual()
      }
      more = try json.nextInObject()
    }
    if let chapter { return .chapter(chapter) }
    if let keyword { return .keyword(keyword) }
    if let target { return .target(target) }
    guard all == true else { throw Unusual() }
    return .all
  }

  // MARK: - arrays

  private mutating func strings() throws(Unusual) -> [String] {
    var out: [String] = []
    var more = try json.openArray()
    while more {
      out.append(try json.string())
      more = try json.nextInArray()
    }
    return out
  }

  private mutating func array<Element>(
    _ element: (inout SnapshotReader) throws(Unusual) -> Element
  ) throws(Unusual) -> [Element] {
    var out: [Element] = []
    var more = try json.openArray()
    while more {
      out.append(try element(&self))
      more = try json.nextInArray()
    }
    return out
  }
}
