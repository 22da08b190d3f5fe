/// A revised version of a plan (修订稿), written as the edits that turn the published plan into
/// it: each edit says what changed and, through the task's or target's `reason`, why. The
/// revision is a plan of its own (its own id and version), checked and exported like any other,
/// and `planbook diff` shows it against the base as a reviewer reads it.
///
/// A revision starts without the base's reasons: a reason belongs to the revision that writes
/// it, so a revision of a revision explains its own changes afresh (and `planbook diff` never
/// counts a reason the old version already carried).
///
/// ```swift
/// let revised = Plan(revising: guangzhou2020, id: "guangzhou-2020-r1", version: "修订稿") {
///   $0.target("pm25") {
///     $0.requirement = .atMost(33, "微克/立方米")
///     $0.reason = "落实省下达的年度空气质量改善目标"
///   }
///   $0.insert(Item(17, id: "ozone", "开展臭氧污染防治攻坚。…") { Lead("gz-eeb-air") },
///             after: "vocs")
///   $0.task("legislation") { $0.responsibility.deadline = .endOfYear(2020) }
/// }
/// ```
public struct Revision: Sendable {
  /// The plan as revised so far.
  public internal(set) var plan: WorkPlan
  var problems: [Diagnostic] = []

  init(plan: WorkPlan) { self.plan = plan }

  /// Inserts `item` after the task `taskID`, in the same chapter or section. The item's number
  /// must be the one it takes (the next after `taskID`'s); the tasks after it are renumbered —
  /// through the plan with continuous numbering, within the section otherwise.
  public mutating func insert(
    _ item: Item, after taskID: String, file: String = #filePath, line: Int = #line
  ) {
    var scratch = PlanChapter(id: "", number: 0, title: "")
    item.lower(into: &scratch, problems: &problems)
    guard let task = scratch.tasks.first else { return }
    guard let path = Revision.path(of: taskID, in: plan.chapters) else {
      unknown("task", taskID, file, line)
      return
    }
    let anchor = Revision.task(at: path, in: plan.chapters)
    if task.number != anchor.number + 1 {
      problems.append(
        Diagnostic(
          .error, .revisionNumber,
          "the inserted task \(task.id) is numbered \(task.number), but it follows task \(anchor.number) (\(taskID)) and takes number \(anchor.number + 1)",
          at: here(file, line)))
    }
    // Renumber what follows, then insert.
    let continuous = plan.numbering == .continuous
    Revision.renumber(
      &plan.chapters, from: anchor.number + 1,
      sectionPath: continuous ? nil : Array(path.dropLast()))
    Revision.insert(task, at: path, into: &plan.chapters)
  }

  /// Edits the task `id`: its text (the title follows), owners, deadline, weight, reason…
  public mutating func task(
    _ id: String, file: String = #filePath, line: Int = #line, _ edit: (inout PlanTask) -> Void
  ) {
    guard let path = Revision.path(of: id, in: plan.chapters) else {
      unknown("task", id, file, line)
      return
    }
    Revision.edit(at: path, in: &plan.chapters) { task in
      edit(&task)
      task.title = PlanTask.title(of: task.text)
    }
  }

  /// Edits the plan-level target `id`.
  public mutating func target(
    _ id: String, file: String = #filePath, line: Int = #line,
    _ edit: (inout PlanTarget) -> Void
  ) {
    guard let i = plan.targets.firstIndex(where: { $0.id == id }) else {
      unknown("target", id, file, line)
      return
    }
    edit(&plan.targets[i])
  }

  /// Removes the task `id` and records why. With continuous numbering the tasks after it
  /// move up one number; otherwise those after it in its section do.
  public mutating func remove(
    task id: String, reason: String, file: String = #filePath, line: Int = #line
  ) {
    guard let path = Revision.path(of: id, in: plan.chapters) else {
      unknown("task", id, file, line)
      return
    }
    let number = Revision.task(at: path, in: plan.chapters).number
    Revision.remove(at: path, from: &plan.chapters)
    let continuous = plan.numbering == .continuous
    Revision.renumber(
      &plan.chapters, from: number + 1, by: -1,
      sectionPath: continuous ? nil : Array(path.dropLast()))
    plan.removed = (plan.removed ?? []) + [RemovedItem(id: id, reason: reason)]
  }

  /// Removes the plan-level target `id` and records why.
  public mutating func remove(
    target id: String, reason: String, file: String = #filePath, line: Int = #line
  ) {
    guard let i = plan.targets.firstIndex(where: { $0.id == id }) else {
      unknown("target", id, file, line)
      return
    }
    plan.targets.remove(at: i)
    plan.removed = (plan.removed ?? []) + [RemovedItem(id: id, reason: reason)]
  }

  /// Appends a rule to the responsibility list.
  public mutating func add(_ rule: Rule) { plan.rules.append(rule.model) }

  /// Edits the first rule of the responsibility list that matches `match`: its lead,
  /// cooperating units or deadline, and its `reason` — one reason for every task the change
  /// moves.
  ///
  /// ```swift
  /// $0.rule(.keyword("信访")) {
  ///   $0.responsibility.lead = ["gz-eeb-office"]
  ///   $0.reason = "信访工作改由办公室统筹"
  /// }
  /// ```
  public mutating func rule(
    _ match: ResponsibilityRule.Match, file: String = #filePath, line: Int = #line,
    _ edit: (inout ResponsibilityRule) -> Void
  ) {
    guard let i = plan.rules.firstIndex(where: { $0.match == match }) else {
      unknown("rule", match.description, file, line)
      return
    }
    edit(&plan.rules[i])
  }

  /// Removes the first rule of the responsibility list that matches `match` and records why:
  /// one reason for every task whose lead, cooperating units or deadline the removal moves.
  ///
  /// ```swift
  /// $0.remove(rule: .keyword("信访"), reason: "信访工作按各章节分工落实")
  /// ```
  public mutating func remove(
    rule match: ResponsibilityRule.Match, reason: String, file: String = #filePath,
    line: Int = #line
  ) {
    guard let i = plan.rules.firstIndex(where: { $0.match == match }) else {
      unknown("rule", match.description, file, line)
      return
    }
    plan.rules.remove(at: i)
    plan.removed = (plan.removed ?? []) + [RemovedItem(rule: match, reason: reason)]
  }

  /// Edits the 考核细则 — the plan's own, or the default ones when it declares none — and
  /// records why. Every unit's book prints them in its 三、考核方式, so a change of them is
  /// high-risk in `planbook diff` and `--require-reasons` asks for this reason.
  ///
  /// ```swift
  /// $0.assessment(reason: "按市考核办通知调整等次分数线") {
  ///   $0.grades = [GradeBand("优秀", atLeast: 95), GradeBand("合格", atLeast: 60)]
  /// }
  /// ```
  public mutating func assessment(reason: String, _ edit: (inout AssessmentRules) -> Void) {
    var rules = plan.assessment ?? .default
    edit(&rules)
    rules.reason = reason
    plan.assessment = rules
  }

  /// Sets what the units of `scope` get — a 责任书 signed with `partyA`, a 告知书, or nothing —
  /// replacing the line for that scope (or adding one), with the reason: a change of what units
  /// sign is high-risk in `planbook diff`.
  public mutating func signing(
    _ scope: Signing.Scope, document: Signing.Document, partyA: String? = nil, reason: String
  ) {
    var signing = plan.signing ?? Signing()
    let rule = Signing.Rule(scope, document: document, partyA: partyA, reason: reason)
    if let i = signing.rules.firstIndex(where: { $0.scope == scope }) {
      signing.rules[i] = rule
    } else {
      signing.rules.append(rule)
    }
    plan.signing = signing
  }

  private mutating func unknown(_ what: String, _ id: String, _ file: String, _ line: Int) {
    let code: Diagnostic.Code =
      switch what {
      case "task": .revisionUnknownTask
      case "target": .revisionUnknownTarget
      default: .revisionUnknownRule
      }
    problems.append(
      Diagnostic(
        .error, code,
        "the revision edits \(what) '\(id)', which the plan it revises does not have",
        at: here(file, line)))
  }

  // MARK: - paths into the chapter tree: section indices, then the task's index

  static func path(of id: String, in chapters: [PlanChapter]) -> [Int]? {
    for (i, c) in chapters.enumerated() {
      if let t = c.tasks.firstIndex(where: { $0.id == id }) { return [i, t] }
      if let p = path(of: id, in: c.sections) { return [i] + p }
    }
    return nil
  }

  static func task(at path: [Int], in chapters: [PlanChapter]) -> PlanTask {
    path.count == 2
      ? chapters[path[0]].tasks[path[1]]
      : task(at: Array(path.dropFirst()), in: chapters[path[0]].sections)
  }

  static func edit(at path: [Int], in chapters: inout [PlanChapter], _ f: (inout PlanTask) -> Void)
  {
    if path.count == 2 {
      f(&chapters[path[0]].tasks[path[1]])
    } else {
      edit(at: Array(path.dropFirst()), in: &chapters[path[0]].sections, f)
    }
  }

  static func remove(at path: [Int], from chapters: inout [PlanChapter]) {
    if path.count == 2 {
      chapters[path[0]].tasks.remove(at: path[1])
    } else {
      remove(at: Array(path.dropFirst()), from: &chapters[path[0]].sections)
    }
  }

  static func insert(_ task: PlanTask, at path: [Int], into chapters: inout [PlanChapter]) {
    if path.count == 2 {
      chapters[path[0]].tasks.insert(task, at: path[1] + 1)
    } else {
      insert(task, at: Array(path.dropFirst()), into: &chapters[path[0]].sections)
    }
  }

  /// Removes every revision reason from `plan`: the tasks', the targets' (task figures too),
  /// the rules', the 考核细则's and signing lines', and the record of removals.
  static func clearReasons(_ plan: inout WorkPlan) {
    plan.removed = nil
    plan.assessment?.reason = nil
    for i in plan.targets.indices { plan.targets[i].reason = nil }
    for i in plan.rules.indices { plan.rules[i].reason = nil }
    if var signing = plan.signing {
      for i in signing.rules.indices { signing.rules[i].reason = nil }
      plan.signing = signing
    }
    func clear(_ c: inout PlanChapter) {
      for t in c.tasks.indices {
        c.tasks[t].reason = nil
        for f in c.tasks[t].figures.indices { c.tasks[t].figures[f].reason = nil }
      }
      for s in c.sections.indices { clear(&c.sections[s]) }
    }
    for i in plan.chapters.indices { clear(&plan.chapters[i]) }
  }

  /// Adds `by` to the number of every task numbered `from` or above — everywhere, or only in
  /// the section at `sectionPath`.
  static func renumber(
    _ chapters: inout [PlanChapter], from: Int, by: Int = 1, sectionPath: [Int]?
  ) {
    for i in chapters.indices {
      if let p = sectionPath {
        guard p.first == i else { continue }
        if p.count == 1 {
          for t in chapters[i].tasks.indices where chapters[i].tasks[t].number >= from {
            chapters[i].tasks[t].number += by
          }
        } else {
          renumber(
            &chapters[i].sections, from: from, by: by, sectionPath: Array(p.dropFirst()))
        }
      } else {
        for t in chapters[i].tasks.indices where chapters[i].tasks[t].number >= from {
          chapters[i].tasks[t].number += by
        }
        renumber(&chapters[i].sections, from: from, by: by, sectionPath: nil)
      }
    }
  }
}

extension Plan {
  /// A revised version of `base` (修订稿): its plan with `edits` applied, under its own id and
  /// version label. The base's problems carry over. A revision departs from the published
  /// document on purpose, so its texts are not checked against the base's source.
  public init(
    revising base: Plan, id: String, title: String? = nil, version: String,
    file: String = #filePath, line: Int = #line, _ edits: (inout Revision) -> Void
  ) {
    var plan = base.model
    plan.id = id
    plan.version = version
    plan.source = nil
    // Reasons belong to the revision that writes them: the base's own (and its removals')
    // explain the base's changes, not this revision's.
    Revision.clearReasons(&plan)
    // Its lineage: the base and what the base revises; the 修改依据 and 提出单位 start empty.
    plan.revision = RevisionRecord(lineage: [base.model.id] + (base.model.revision?.lineage ?? []))
    if let title { plan.title = title }
    plan.location = here(file, line)
    var revision = Revision(plan: plan)
    edits(&revision)
    self.init(model: revision.plan, problems: base.problems + revision.problems)
  }
}
