import PlanModel

/// The text of a plan's source document, for the transcription check.
public enum SourceText: Sendable {
  /// The document's text.
  case text(String)
  /// The plan names a document that could not be read; `reason` says why.
  case unreadable(reason: String)
  /// Skip the transcription check (the plan names no document, or the caller opted out).
  case notChecked
}

/// Validates a resolved plan and reports every problem at once, sorted by file and line.
/// The codes are stable; the engine's README lists them.
public enum Checker {
  /// All problems of `resolved` (including the resolver's own), errors and warnings, sorted by
  /// location.
  public static func check(_ resolved: ResolvedPlan, source: SourceText) -> [Diagnostic] {
    var out = resolved.diagnostics
    let plan = resolved.plan
    checkIDs(plan, into: &out)
    checkUnits(resolved, into: &out)
    checkNames(plan, into: &out)
    checkCharacters(plan, into: &out)
    checkRules(plan, into: &out)
    checkNumbers(plan, into: &out)
    checkDeadlines(resolved, into: &out)
    checkTargets(resolved, into: &out)
    checkShares(plan, into: &out)
    checkSharesOfCarriers(resolved, into: &out)
    checkWeights(plan, into: &out)
    checkAssessment(resolved, into: &out)
    checkSigning(resolved, into: &out)
    checkTexts(plan, source: source, into: &out)
    for t in resolved.tasks where t.lead.isEmpty {
      out.append(.missingLead(t))
    }
    return sorted(out)
  }

  /// Diagnostics in a stable order: by file, line, severity, code, message; duplicates
  /// removed; control characters a message quotes from the plan (an id, a title) written as
  /// `\u{1B}`, so that printing a message can never move the cursor or forge a line.
  public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return diagnostics.map(escaped).filter { seen.insert($0).inserted }.sorted { a, b in
      let la = a.location ?? SourceLocation(file: "", line: 0)
      let lb = b.location ?? SourceLocation(file: "", line: 0)
      if la.file != lb.file { return la.file < lb.file }
      if la.line != lb.line { return la.line < lb.line }
      if a.severity != b.severity { return a.severity < b.severity }
      if a.code != b.code { return a.code.rawValue < b.code.rawValue }
      return a.message < b.message
    }
  }

  /// `d` with the control characters of its message escaped.
  static func escaped(_ d: Diagnostic) -> Diagnostic {
    guard
      d.message.unicodeScalars.contains(where: {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0xFFFE
          || $0.value == 0xFFFF
      })
    else { return d }
    var d = d
    d.message = XMLCharacters.visible(d.message, limit: .max)
    return d
  }

  // MARK: - ids

  static func checkIDs(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    /// The ids of one kind seen so far, each with where it was first declared.
    struct IDs {
      let kind: String
      var first: [String: SourceLocation?] = [:]

      init(_ kind: String, capacity: Int) {
        self.kind = kind
        first.reserveCapacity(capacity)
      }

      mutating func add(_ id: String, at location: SourceLocation?, into out: inout [Diagnostic]) {
        if id.isEmpty {
          out.append(Diagnostic(.error, .emptyID, "a \(kind) has an empty id", at: location))
          return
        }
        if !Identifier.isValid(id) { out.append(.invalidID(kind, id, at: location)) }
        if let earlier = first[id] {
          out.append(.duplicateID(kind, id, at: location, first: earlier))
        } else {
          first[id] = location
        }
      }
    }
    var tasks = 0
    var figures = 0
    var milestones = 0
    forEachTask(plan) { t, i in
      tasks += 1
      figures += t[i].figures.count
      milestones += t[i].milestones.count
    }
    if plan.id.isEmpty {
      out.append(Diagnostic(.error, .emptyID, "the plan has an empty id", at: plan.location))
    } else if !Identifier.isValid(plan.id) {
      out.append(.invalidID("plan", plan.id, at: plan.location))
    }
    // A removed item's id was valid in the version that had it (a removed rule's is its match).
    for r in plan.removed ?? [] where r.rule == nil && !Identifier.isValid(r.id) {
      out.append(.invalidID("removed item", r.id, at: plan.location))
    }
    var units = IDs("unit", capacity: plan.units.count)
    for u in plan.units { units.add(u.id, at: u.location, into: &out) }
    let allChapters = plan.allChapters
    var chapters = IDs("chapter", capacity: allChapters.count)
    for (c, _) in allChapters { chapters.add(c.id, at: c.location, into: &out) }
    var taskIDs = IDs("task", capacity: tasks)
    forEachTask(plan) { t, i in taskIDs.add(t[i].id, at: t[i].location, into: &out) }
    var targets = IDs("target", capacity: plan.targets.count + figures)
    for t in plan.targets { targets.add(t.id, at: t.location, into: &out) }
    forEachTask(plan) { t, i in
      for f in t[i].figures { targets.add(f.id, at: f.location, into: &out) }
    }
    var milestoneIDs = IDs("milestone", capacity: milestones)
    forEachTask(plan) { t, i in
      for m in t[i].milestones { milestoneIDs.add(m.id, at: m.location, into: &out) }
    }
  }

  /// Calls `body` with each chapter's (and section's) tasks and the index of each of them, in
  /// document order (the order of `WorkPlan.allTasks`). `body` reads a task field by field,
  /// `tasks[i].id`: a task handed over whole is copied, a dozen references each, and that copy
  /// is what a pass over 100,000 tasks would cost.
  static func forEachTask(_ plan: WorkPlan, _ body: (_ tasks: [PlanTask], _ index: Int) -> Void) {
    for (chapter, _) in plan.allChapters {
      let tasks = chapter.tasks
      for i in tasks.indices { body(tasks, i) }
    }
  }

  // MARK: - units

  static func checkUnits(_ resolved: ResolvedPlan, into out: inout [Diagnostic]) {
    let plan = resolved.plan
    let known = Set(plan.units.map(\.id))
    // The role is only spelled out for a unit that is unknown.
    func check(_ ids: [String]?, _ role: @autoclosure () -> String, at location: SourceLocation?) {
      for id in ids ?? [] where !known.contains(id) {
        out.append(.unknownUnit(id, role: role(), in: plan, at: location))
      }
    }
    check([plan.issuer], "issuer", at: plan.location)
    for u in plan.units {
      check(u.parent.map { [$0] }, "parent of \(u.id)", at: u.location)
    }
    forEachTask(plan) { t, i in
      check(t[i].responsibility.lead, "lead of task \(t[i].number)", at: t[i].location)
      check(
        t[i].responsibility.cooperating, "cooperating unit of task \(t[i].number)",
        at: t[i].location)
    }
    func checkTarget(_ t: PlanTarget) {
      check(t.responsibility.lead, "lead of target \(t.id)", at: t.location)
      check(t.responsibility.cooperating, "cooperating unit of target \(t.id)", at: t.location)
      check(t.source.map { [$0] }, "data source of target \(t.id)", at: t.location)
    }
    for t in plan.targets { checkTarget(t) }
    forEachTask(plan) { t, i in
      for f in t[i].figures { checkTarget(f) }
    }
    for (i, r) in plan.rules.enumerated() {
      check(r.responsibility.lead, "lead in rule \(i + 1)", at: r.location)
      check(r.responsibility.cooperating, "cooperating unit in rule \(i + 1)", at: r.location)
    }
    // The hierarchy must not loop.
    let parent = Dictionary(plan.units.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
    for u in plan.units {
      var seen: Set<String> = [u.id]
      var next = u.parent
      while let p = next, known.contains(p) {
        if !seen.insert(p).inserted {
          if p == u.id {
            out.append(
              Diagnostic(
                .error, .unitCycle, "unit \(u.id) is its own ancestor (parent chain loops)",
                at: u.location))
          }
          break
        }
        next = parent[p] ?? nil
      }
    }
    for t in resolved.targets where t.taskID == nil && t.lead.isEmpty && t.target.shares.isEmpty {
      out.append(
        Diagnostic(
          .warning, .targetWithoutOwner,
          "target \(t.target.id) (\(t.target.name)) is carried by no unit: no lead declared and no rule .target(\"\(t.target.id)\"); it will appear in no book",
          at: t.target.location))
    }
  }

  // MARK: - names

  /// The most characters (Unicode scalars) a workbook's document property can hold: longer,
  /// libxlsxwriter refuses it (`LXW_ERROR_255_STRING_LENGTH_EXCEEDED`, after printing a raw
  /// `[WARNING]`).
  public static let maximumPropertyLength = 255

  /// Names that other systems rely on: short names pick a unit (`--unit 大气处`) and name its
  /// book, so two units may not share one; names that go into a workbook's document properties
  /// must fit them. Books write `PlanBook.Unit` as “id name” (`BookExport.properties`, the
  /// report templates the same), `PlanBook.PlanTitle` as the title and `PlanBook.PlanVersion`
  /// as the version.
  static func checkNames(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    var shortNames: [String: (id: String, location: SourceLocation?)] = [:]
    shortNames.reserveCapacity(plan.units.count)
    for u in plan.units {
      if let first = shortNames[u.shortName] {
        out.append(
          Diagnostic(
            .error, .duplicateShortName,
            "units \(first.id) and \(u.id) have the same short name “\(XMLCharacters.visible(u.shortName))”\(first.location.map { " (first at \($0))" } ?? ""); a short name picks a unit (--unit) and names its book, so each unit needs its own",
            at: u.location))
      } else {
        shortNames[u.shortName] = (u.id, u.location)
      }
      let property = u.id.unicodeScalars.count + 1 + u.name.unicodeScalars.count
      if property > maximumPropertyLength {
        let room = maximumPropertyLength - 1 - u.id.unicodeScalars.count
        out.append(
          Diagnostic(
            .error, .tooLongForWorkbook,
            "unit \(u.id)'s full name has \(u.name.unicodeScalars.count) characters; its books carry “id name” in a document property, which holds at most \(maximumPropertyLength) characters, so the name may have at most \(max(0, room))",
            at: u.location))
      }
    }
    func fits(_ text: String?, _ what: String, _ property: String) {
      guard let text, text.unicodeScalars.count > maximumPropertyLength else { return }
      out.append(
        Diagnostic(
          .error, .tooLongForWorkbook,
          "the plan's \(what) has \(text.unicodeScalars.count) characters; every workbook carries it in the document property \(property), which holds at most \(maximumPropertyLength)",
          at: plan.location))
    }
    fits(plan.title, "title", "PlanBook.PlanTitle")
    fits(plan.version, "version", "PlanBook.PlanVersion")
  }

  // MARK: - characters

  /// Every text of the plan, checked for characters a workbook cannot carry (XML 1.0 has no
  /// way to write most control characters, U+FFFE or U+FFFF): one error per text, at its
  /// declaration. Ids are checked by their own rule.
  static func checkCharacters(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    func check(_ text: String?, _ what: @autoclosure () -> String, at location: SourceLocation?) {
      guard let text, let found = XMLCharacters.firstForbidden(in: text) else { return }
      let which =
        found.count == 1
        ? "holds \(XMLCharacters.name(found.scalar)) (character \(found.position)), which a workbook cannot carry"
        : "holds \(found.count) characters a workbook cannot carry, the first \(XMLCharacters.name(found.scalar)) (character \(found.position))"
      out.append(
        Diagnostic(
          .error, .invalidCharacter,
          "\(what()) \(which): XML 1.0 has no control characters but tab, line feed and carriage return, and no U+FFFE or U+FFFF",
          at: location))
    }
    func check(_ r: Responsibility, _ what: @autoclosure () -> String, at location: SourceLocation?)
    {
      for id in (r.lead ?? []) + (r.cooperating ?? []) {
        check(id, "a unit named by \(what())", at: location)
      }
      check(r.deadline, what(), at: location)
    }
    func check(_ d: Deadline?, _ what: @autoclosure () -> String, at location: SourceLocation?) {
      if case .period(let name, _) = d { check(name, "the period name of \(what())", at: location) }
    }
    func check(_ t: PlanTarget, _ kind: String) {
      let what = "\(kind) \(t.id)"
      check(t.name, "the name of \(what)", at: t.location)
      check(t.requirement.unit, "the unit of \(what)", at: t.location)
      check(t.requirement.of, "the base (of) of \(what)", at: t.location)
      check(t.requirement.text, "the requirement of \(what)", at: t.location)
      check(t.reason, "the reason of \(what)", at: t.location)
      check(t.period, what, at: t.location)
      check(t.responsibility, what, at: t.location)
    }
    check(plan.title, "the plan's title", at: plan.location)
    check(plan.version, "the plan's version", at: plan.location)
    check(plan.issuer, "the plan's issuer", at: plan.location)
    check(plan.assessmentMethod, "the plan's assessment method", at: plan.location)
    for (i, c) in (plan.clauses ?? []).enumerated() {
      check(c.text, "clause \(i + 1)", at: c.location ?? plan.location)
    }
    for s in plan.signing?.signatories ?? [] {
      check(s.name, "the signatory of \(s.unit)", at: s.location ?? plan.location)
    }
    check(plan.source?.path, "the plan's source path", at: plan.location)
    check(plan.source?.title, "the plan's source title", at: plan.location)
    for r in plan.removed ?? [] {
      check(r.reason, "the reason for removing \(r.id)", at: plan.location)
    }
    for u in plan.units {
      check(u.name, "the name of unit \(u.id)", at: u.location)
      check(u.shortName, "the short name of unit \(u.id)", at: u.location)
      check(u.parent, "the parent of unit \(u.id)", at: u.location)
    }
    for t in plan.targets { check(t, "target") }
    for (c, _) in plan.allChapters {
      check(c.title, "the title of chapter \(c.id)", at: c.location)
      let tasks = c.tasks
      for i in tasks.indices {
        let at = tasks[i].location
        let what = "task \(tasks[i].number) (\(tasks[i].id))"
        check(tasks[i].text, "the text of \(what)", at: at)
        // The title is the text's beginning: reported with the text when both have one.
        if XMLCharacters.firstForbidden(in: tasks[i].text) == nil {
          check(tasks[i].title, "the title of \(what)", at: at)
        }
        check(tasks[i].reason, "the reason of \(what)", at: at)
        check(tasks[i].responsibility, what, at: at)
        for f in tasks[i].figures { check(f, "figure") }
        for m in tasks[i].milestones {
          check(m.title, "the title of milestone \(m.id)", at: m.location)
          check(m.deadline, "milestone \(m.id)", at: m.location)
        }
      }
    }
    for (i, r) in plan.rules.enumerated() {
      switch r.match {
      case .chapter(let s), .keyword(let s), .target(let s):
        check(s, "the match of rule \(i + 1)", at: r.location)
      case .all: break
      }
      check(r.responsibility, "rule \(i + 1)", at: r.location)
    }
    if let a = plan.assessment {
      for g in a.grades { check(g.name, "a grade band's name", at: a.location) }
      for v in a.vetoes {
        check(v.cap, "a veto's grade", at: a.location)
        check(v.reason, "a veto's reason", at: a.location)
      }
      for b in a.bonuses { check(b.reason, "a bonus's reason", at: a.location) }
      check(a.reason, "the reason of the 考核细则", at: a.location ?? plan.location)
    }
  }

  // MARK: - rules

  static func checkRules(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    let chapters = Set(plan.allChapters.map(\.chapter.id))
    var targets = Set(plan.targets.map(\.id))
    // Each text once: a text repeated 20,000 times is searched for each keyword once.
    var texts = Set<String>()
    forEachTask(plan) { t, i in
      for f in t[i].figures { targets.insert(f.id) }
      texts.insert(t[i].text)
    }
    for (i, r) in plan.rules.enumerated() {
      switch r.match {
      case .chapter(let id) where !chapters.contains(id):
        out.append(.unknownReference("chapter", id, known: chapters, rule: i, at: r.location))
      case .target(let id) where !targets.contains(id):
        out.append(.unknownReference("target", id, known: targets, rule: i, at: r.location))
      case .keyword(let k) where k.isEmpty || !texts.contains(where: { $0.contains(k) }):
        out.append(
          Diagnostic(
            .warning, .ruleMatchesNothing,
            "rule \(i + 1): no task's text contains the keyword “\(k)”", at: r.location))
      default: break
      }
      if r.responsibility.isEmpty {
        out.append(
          Diagnostic(
            .warning, .ruleDecidesNothing,
            "rule \(i + 1) [\(r.match)] gives no lead, cooperating units or deadline",
            at: r.location))
      }
    }
  }

  // MARK: - numbers

  /// The highest chapter or task number a plan may use. Plans number in the tens; the bound
  /// keeps a stray 2147483648 from standing for two billion missing numbers.
  public static let maximumNumber = 9_999

  static func checkNumbers(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    /// Numbers must run 1, 2, … n without a repeat or a gap: a number out of 1…``maximumNumber``
    /// is one error, each repeat is one error at its own item, each gap one error (a range).
    /// Linear in the number of items, apart from sorting the distinct numbers.
    func sequence(
      _ items: [(Int, SourceLocation?)], kind: String, scope: String,
      at scopeLocation: SourceLocation?
    ) {
      var seen: [Int: SourceLocation?] = [:]
      seen.reserveCapacity(items.count)
      // The numbers in range, in document order.
      var numbered: [(Int, SourceLocation?)] = []
      numbered.reserveCapacity(items.count)
      for (n, location) in items {
        guard (1...maximumNumber).contains(n) else {
          out.append(.numberOutOfRange(kind, n, scope, at: location))
          continue
        }
        numbered.append((n, location))
        if let first = seen[n] {
          out.append(.duplicateNumber(kind, n, scope, at: location, first: first))
        } else {
          seen[n] = location
        }
      }
      let numbers = seen.keys.sorted()
      guard let top = numbers.last else { return }
      // Each gap is reported at the first item (in document order) numbered after its start,
      // which is where a reader notices it; for gaps taken in order that item never moves back.
      var after = 0
      var expected = 1
      for n in numbers {
        defer { expected = n + 1 }
        guard n > expected else { continue }
        while after < numbered.count, numbered[after].0 <= expected { after += 1 }
        let at = after < numbered.count ? numbered[after].1 : scopeLocation
        out.append(.missingNumbers(kind, expected...(n - 1), scope, top: top, at: at))
      }
    }
    sequence(
      plan.chapters.map { ($0.number, $0.location) }, kind: "chapter", scope: "among the chapters",
      at: plan.location)
    if plan.numbering == .continuous {
      var numbers: [(Int, SourceLocation?)] = []
      forEachTask(plan) { t, i in numbers.append((t[i].number, t[i].location)) }
      sequence(numbers, kind: "task", scope: "in the plan", at: plan.location)
    }
    for (c, _) in plan.allChapters {
      let scope = "in chapter \(c.id)"
      if plan.numbering == .perChapter {
        // Tasks and sections share one numbering inside a chapter: (一) task, (二) section…
        let items =
          (c.tasks.map { ($0.number, $0.location) } + c.sections.map { ($0.number, $0.location) })
        let tasksAndSections = items.sorted { ($0.1?.line ?? 0) < ($1.1?.line ?? 0) }
        sequence(tasksAndSections, kind: "task", scope: scope, at: c.location)
      } else {
        sequence(
          c.sections.map { ($0.number, $0.location) }, kind: "chapter", scope: scope, at: c.location
        )
      }
      if c.tasks.isEmpty && c.sections.isEmpty {
        out.append(
          Diagnostic(.warning, .emptyChapter, "chapter \(c.id) has no tasks", at: c.location))
      }
    }
  }

  // MARK: - deadlines

  static func checkDeadlines(_ resolved: ResolvedPlan, into out: inout [Diagnostic]) {
    let plan = resolved.plan
    let period = plan.period
    if !period.start.isValid || !period.end.isValid || period.end < period.start {
      out.append(
        Diagnostic(
          .error, .invalidDate, "the plan's period \(period) is not a valid range of days",
          at: plan.location))
      return
    }
    // What is checked is only spelled out for a deadline that is wrong.
    func check(
      _ deadline: Deadline?, _ what: @autoclosure () -> String, at location: SourceLocation?
    ) {
      guard let deadline else { return }
      guard let due = deadline.dueDay else {
        out.append(.invalidDeadline(deadline, what(), at: location))
        return
      }
      var outside = !period.contains(due)
      if case .period(_, let range) = deadline, !period.contains(range.start) { outside = true }
      if outside {
        out.append(.deadlineOutsidePeriod(deadline, what(), period: period, at: location))
      }
    }
    for (i, r) in plan.rules.enumerated() {
      check(r.responsibility.deadline, "the deadline of rule \(i + 1)", at: r.location)
    }
    // Field by field: copying whole resolved tasks costs more than the checks.
    let tasks = resolved.tasks
    for i in tasks.indices {
      check(
        tasks[i].task.responsibility.deadline, "the deadline of task \(tasks[i].label)",
        at: tasks[i].task.location)
      let milestones = tasks[i].task.milestones
      if !milestones.isEmpty {
        let taskDue = tasks[i].dueDay
        for m in milestones {
          check(m.deadline, "milestone \(m.id)", at: m.location)
          if let due = m.deadline.dueDay, let taskDue, due > taskDue {
            out.append(
              Diagnostic(
                .warning, .milestoneAfterDeadline,
                "milestone \(m.id) is due \(due), after its task \(tasks[i].label)'s deadline \(taskDue)",
                at: m.location))
          }
        }
      }
      for f in tasks[i].task.figures {
        check(f.period, "the period of figure \(f.id)", at: f.location)
      }
    }
    for t in plan.targets { check(t.period, "the period of target \(t.id)", at: t.location) }
  }

  // MARK: - targets

  static func checkTargets(_ resolved: ResolvedPlan, into out: inout [Diagnostic]) {
    for t in resolved.targets.map(\.target) {
      let r = t.requirement
      let what = "target \(t.id) (\(t.name))"
      if r.measure == .qualitative {
        if (r.text ?? "").isEmpty {
          out.append(.targetMissingText(what, at: t.location))
        }
        continue
      }
      guard let direction = r.direction else {
        out.append(.targetMissingDirection(what, at: t.location))
        continue
      }
      let changeDirections: [Requirement.Direction] = [.decrease, .increase]
      if (r.measure == .change) != changeDirections.contains(direction) {
        out.append(.targetBadDirection(what, r.measure, direction, at: t.location))
      }
      if (r.unit ?? "").trimmingCharacters(in: " ").isEmpty {
        out.append(.targetMissingUnit(what, at: t.location))
      }
      if r.value == nil {
        out.append(.targetMissingValue(what, at: t.location))
      }
      if r.measure == .change && r.baseYear == nil {
        out.append(.reductionMissingBaseYear(what, direction, r.value, at: t.location))
      }
      if let tol = t.tolerance, tol < 0 {
        out.append(.negativeTolerance(what, tol, at: t.location))
      }
    }
  }

  // MARK: - weights

  static func checkWeights(_ plan: WorkPlan, into out: inout [Diagnostic]) {
    guard let total = plan.weightTotal else { return }
    let targets = plan.targets.compactMap(\.weight).reduce(0, +)
    var tasks = 0.0
    forEachTask(plan) { t, i in
      if let weight = t[i].weight { tasks += weight }
    }
    let sum = targets + tasks
    if abs(sum - total) > 1e-9 * max(1, abs(total)) {
      out.append(
        Diagnostic(
          .error, .weightTotalMismatch,
          "weights add up to \(Requirement.format(sum)) (targets \(Requirement.format(targets)) + tasks \(Requirement.format(tasks))), but the plan declares a total of \(Requirement.format(total))",
          at: plan.location))
    }
  }

  // MARK: - assessment

  static func checkAssessment(_ resolved: ResolvedPlan, into out: inout [Diagnostic]) {
    guard let rules = resolved.plan.assessment else { return }
    // A snapshot does not locate its assessment: the plan's line stands for it.
    let at = rules.location ?? resolved.plan.location
    let targets = Set(resolved.targets.map(\.target.id))
    let tasks = Set(resolved.tasks.map(\.task.id))
    let grades = rules.grades.map(\.name)
    func invalid(_ message: String) {
      out.append(Diagnostic(.error, .assessmentInvalid, message, at: at))
    }
    func target(_ id: String?, _ what: String) {
      guard let id, !targets.contains(id) else { return }
      out.append(
        Diagnostic(
          .error, .assessmentUnknownTarget,
          "\(what) names target '\(id)', which the plan does not have",
          at: at))
    }
    func task(_ id: String?, _ what: String) {
      guard let id, !tasks.contains(id) else { return }
      out.append(
        Diagnostic(
          .error, .assessmentUnknownTask,
          "\(what) names task '\(id)', which the plan does not have",
          at: at))
    }
    if rules.total <= 0 { invalid("the total must be above 0") }
    if let months = rules.freshness, months < 1 { invalid("freshness must be at least 1 month") }
    var groupNames = Set<String>()
    let unitIDs = Set(resolved.plan.units.map(\.id))
    for g in rules.rankingGroups ?? [] {
      if g.name.isEmpty { invalid("a ranking group needs a name") }
      if !groupNames.insert(g.name).inserted {
        invalid("ranking group '\(g.name)' is declared twice")
      }
      if g.kinds.isEmpty && g.units.isEmpty {
        invalid("ranking group '\(g.name)' takes no unit (give kinds or units)")
      }
      for u in g.units where !unitIDs.contains(u) {
        invalid("ranking group '\(g.name)' names unit '\(u)', which the plan does not have")
      }
    }
    if let s = rules.supervision {
      if s.warningDays < 0 || s.recoveryMonths < 0 {
        invalid("Supervision: warningDays and recoveryMonths must not be negative")
      }
      if s.replyDays < 1 { invalid("Supervision: replyDays must be at least 1") }
      if s.prefix.isEmpty { invalid("Supervision: the notice number needs a prefix (督办)") }
      if let u = s.issuer, !unitIDs.contains(u) {
        invalid("Supervision names issuer '\(u)', which the plan does not have")
      }
    }
    if rules.defaultPoints < 0 { invalid("defaultPoints must not be negative") }
    // A bonus of 0 or less for meeting a 力争 target would print `达到的加0分` (or take points
    // for meeting it); a plan that scores them as any other target says Aspirational(.ordinary).
    if case .bonus(let points?) = rules.aspirational, !(points > 0 && points.isFinite) {
      invalid(
        "Aspirational(bonus: \(Requirement.format(points))): the bonus for meeting a 力争 target "
          + "must be above 0 points (leave it out for the target's own points, or score 力争 "
          + "targets as any other with Aspirational(.ordinary))")
    }
    if !(0...1).contains(rules.cooperatingShare) { invalid("cooperatingShare must be within 0…1") }
    if rules.bonusCap < 0 || rules.behindTolerance < 0 || rules.aheadMargin < 0 {
      invalid("bonusCap, behindTolerance and aheadMargin must not be negative")
    }
    func positive(_ v: Double) -> Bool { v > 0 && v.isFinite }
    for d in rules.deductions {
      if d.points == nil && d.share == nil { invalid("a deduction needs points or a share") }
      // 0 points deducts nothing, and fewer than 0 would add points for failing.
      if let p = d.points, !positive(p) {
        invalid("a deduction's points must be above 0 (\(Requirement.format(p)))")
      }
      if let share = d.share, !(0...1).contains(share) {
        invalid("a deduction's share must be within 0…1")
      }
      switch d.match {
      case .missingReport, .lateReport:
        if d.points == nil || d.share != nil {
          invalid("a missing or late report deduction takes points per month, not a share")
        }
        if rules.reportDay == nil {
          invalid("a missing or late report deduction needs the plan's reportDay")
        }
      default: break
      }
      if case .shortfall(let id, let per) = d.match {
        target(id, "a shortfall deduction")
        if per <= 0 { invalid("a shortfall deduction's step (per) must be above 0") }
      }
    }
    for b in rules.bonuses {
      if !positive(b.points) {
        invalid("a bonus's points must be above 0 (\(Requirement.format(b.points)))")
      }
      switch b.match {
      case .exceeded(let id, let per, let max):
        target(id, "a bonus")
        if per <= 0 { invalid("a bonus's step (per) must be above 0") }
        if !positive(max) { invalid("a bonus's cap (max) must be above 0") }
      case .doneEarly(let id): task(id, "a bonus")
      }
    }
    for v in rules.vetoes {
      switch v.match {
      case .targetNotMet(let id): target(id, "a veto")
      case .taskOverdue(let id): task(id, "a veto")
      }
      if !grades.contains(v.cap) {
        out.append(
          Diagnostic(
            .error, .assessmentUnknownGrade,
            "a veto caps the grade at '\(v.cap)', which is not a grade (grades: \(grades.joined(separator: "、")))",
            at: at))
      }
    }
    if grades.isEmpty { invalid("there are no grade bands") }
    let minimums = rules.grades.map(\.minimum)
    if minimums != minimums.sorted(by: >) {
      invalid("grade bands must go from the best grade down (minimums falling)")
    }
  }

  // MARK: - signing

  /// The signing declaration: every unit it names is declared; no scope is declared twice;
  /// nobody signs with itself (the issuer included); a report day is a day of a month.
  static func checkSigning(_ resolved: ResolvedPlan, into out: inout [Diagnostic]) {
    let plan = resolved.plan
    if let day = plan.assessment?.reportDay, !(1...28).contains(day) {
      out.append(
        Diagnostic(
          .error, .assessmentInvalid,
          "the report day must be within 1…28 (every month has it), not \(day)",
          at: plan.assessment?.location ?? plan.location))
    }
    guard let signing = plan.signing else { return }
    let known = Set(plan.units.map(\.id))
    var scopes = Set<Signing.Scope>()
    for r in signing.rules {
      let at = r.location ?? plan.location
      if case .unit(let id) = r.scope, !known.contains(id) {
        out.append(.unknownUnit(id, role: "unit of a signing rule", in: plan, at: at))
      }
      if let a = r.partyA, !known.contains(a) {
        out.append(.unknownUnit(a, role: "甲方 (PartyA)", in: plan, at: at))
      }
      if !scopes.insert(r.scope).inserted {
        out.append(
          Diagnostic(
            .error, .signingConflict,
            "\(r.scope) is given its document twice in Signatures; the first line stands", at: at))
      }
    }
    // Who would sign with itself: each responsible unit by the rule that decides it.
    for u in resolved.responsibleUnits {
      guard let r = signing.rule(for: u), r.document == .book, (r.partyA ?? plan.issuer) == u.id
      else { continue }
      out.append(
        Diagnostic(
          .error, .selfSigned,
          "\(u.id) (\(u.shortName)) would sign its own book as both 甲方 and 乙方 (by the signing rule for \(r.scope)); give it another 甲方, a Notice or NoDocument",
          at: r.location ?? plan.location))
    }
    for s in signing.signatories where !known.contains(s.unit) {
      out.append(.unknownUnit(s.unit, role: "unit of a Signatory", in: plan, at: s.location))
    }
  }

  // MARK: - transcription

  static func checkTexts(_ plan: WorkPlan, source: SourceText, into out: inout [Diagnostic]) {
    forEachTask(plan) { t, i in
      if t[i].text.allSatisfy(\.isWhitespace) {
        out.append(
          Diagnostic(
            .error, .emptyText, "task \(t[i].number) (\(t[i].id)) has no text",
            at: t[i].location))
      }
    }
    let document: [Character]
    switch source {
    case .notChecked: return
    case .unreadable(let reason):
      out.append(
        Diagnostic(
          .error, .sourceNotFound,
          "the source document \(plan.source?.path ?? "?") cannot be read: \(reason)",
          at: plan.location))
      return
    case .text(let text): document = Transcription.normalized(text)
    }
    // Tasks and chapter titles each in document order, each with its own place to resume at.
    var tasks = Transcription(document)
    var titles = tasks
    forEachTask(plan) { t, i in
      if !t[i].text.allSatisfy(\.isWhitespace), let mismatch = tasks.mismatch(of: t[i].text) {
        out.append(
          .textNotInSource(
            "task \(t[i].number) (\(t[i].id))", mismatch, source: plan.source,
            at: t[i].location))
      }
    }
    for (c, _) in plan.allChapters {
      if let mismatch = titles.mismatch(of: c.title) {
        out.append(
          .textNotInSource(
            "the title of chapter \(c.id)", mismatch, source: plan.source, at: c.location))
      }
    }
    // Clauses the books print in the plan's words: from the document, or marked illustrative.
    var clauses = Transcription(document)
    if let method = plan.assessmentMethod, let mismatch = clauses.mismatch(of: method) {
      out.append(
        .textNotInSource(
          "the plan's assessment method (考核方式; mark it Clause(.assessment, …, illustrative: true) if it is not from the document)",
          mismatch, source: plan.source, at: plan.location))
    }
    for (i, c) in (plan.clauses ?? []).enumerated() where !c.illustrative {
      if let mismatch = clauses.mismatch(of: c.text) {
        out.append(
          .textNotInSource(
            "clause \(i + 1) (\(c.section.rawValue); mark it illustrative: true if it is not from the document)",
            mismatch, source: plan.source, at: c.location ?? plan.location))
      }
    }
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
