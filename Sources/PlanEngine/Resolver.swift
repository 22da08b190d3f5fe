import PlanModel

/// Decides every task's and target's lead units, cooperating units and deadline.
///
/// ## Order of precedence
/// Each of the three fields is decided on its own, by the first of these that declares it:
///
/// 1. the task's own declaration (`Lead`, `Cooperating`, `Due` in the DSL);
/// 2. `keyword` rules whose keyword occurs in the task's text;
/// 3. `chapter` rules of the task's section, then of each enclosing chapter outwards;
/// 4. `all` rules;
/// 5. the default: no lead (an error the checker reports), no cooperating units, and the end of
///    the plan's period as deadline.
///
/// For a target: its own declaration, then `target` rules naming it; a task's figure then falls
/// back to its task's owners. Targets have no deadline of their own.
///
/// When two rules of the same step declare the same field differently (deadlines differ when
/// they fall on different days), the one declared first wins and one `rule-conflict` error per
/// pair of rules and field names both and the tasks affected. A lead unit listed as cooperating too is dropped
/// from the cooperating units (`lead-also-cooperating` warning). The result depends only on the
/// plan: the same plan always resolves the same way.
public enum Resolver {
  /// Applies the responsibility list to `plan`.
  public static func resolve(_ plan: WorkPlan) -> ResolvedPlan {
    var diagnostics: [Diagnostic] = []
    var conflicts = Conflicts()
    var tasks: [ResolvedTask] = []
    var targets: [ResolvedTarget] = []
    let rules = Array(plan.rules.enumerated())
    // The rules grouped once by what they match, each group in list order: a task then looks
    // at its own chapters' rules instead of filtering the whole list again and again.
    let keywordRules = KeywordIndex(rules)
    var chapterRules: [String: [(Int, ResponsibilityRule)]] = [:]
    var targetRules: [String: [(Int, ResponsibilityRule)]] = [:]
    var allRules: [(Int, ResponsibilityRule)] = []
    for (i, rule) in rules {
      switch rule.match {
      case .keyword: break
      case .chapter(let id): chapterRules[id, default: []].append((i, rule))
      case .target(let id): targetRules[id, default: []].append((i, rule))
      case .all: allRules.append((i, rule))
      }
    }

    let defaultDeadline: Deadline =
      (plan.period.end.month == 12 && plan.period.end.day == 31)
      ? .endOfYear(plan.period.end.year) : .date(plan.period.end)

    func walk(_ chapter: PlanChapter, path: [String], depth: Int, parentLabel: String) {
      let path = [chapter.id] + path
      let chapterLabel =
        depth == 1
        ? Numerals.chinese(chapter.number) : "\(parentLabel)(\(Numerals.chinese(chapter.number)))"
      // The steps after the keyword rules are the same for every task of the chapter.
      let chapterSteps = path.map { chapterRules[$0] ?? [] } + [allRules]
      func resolveTask(_ task: PlanTask) {
        let steps = Steps(keyword: keywordRules.rules(matching: task.text), rest: chapterSteps)
        let label: String
        switch plan.numbering {
        case .continuous: label = String(task.number)
        case .perChapter:
          label =
            depth == 1
            ? "\(chapterLabel)(\(Numerals.chinese(task.number)))" : "\(chapterLabel)\(task.number)"
        }
        // Spelled out only for a message.
        func what() -> String { "task \(label) (\(task.id))" }
        let (lead, leadOrigin) = decide(
          task.responsibility.lead, steps, { $0.lead }, field: "lead units", what: what(),
          same: ==, into: &conflicts)
        let (coop, coopOrigin) = decide(
          task.responsibility.cooperating, steps, { $0.cooperating }, field: "cooperating units",
          what: what(), same: { Set($0) == Set($1) }, into: &conflicts)
        let (deadline, deadlineOrigin) = decide(
          task.responsibility.deadline, steps, { $0.deadline }, field: "deadlines", what: what(),
          same: sameDay, into: &conflicts)
        let leadUnits = lead ?? []
        var cooperating = coop ?? []
        if cooperating.contains(where: leadUnits.contains) {
          let both = cooperating.filter { leadUnits.contains($0) }
          diagnostics.append(
            Diagnostic(
              .warning, .leadAlsoCooperating,
              "\(what()) lists \(both.joined(separator: ", ")) as both lead and cooperating; kept as lead only",
              at: task.location))
          cooperating.removeAll { leadUnits.contains($0) }
        }
        tasks.append(
          ResolvedTask(
            task: task, chapterPath: path, label: label, lead: leadUnits,
            cooperating: cooperating, deadline: deadline ?? defaultDeadline,
            leadOrigin: lead == nil ? .defaulted : leadOrigin,
            cooperatingOrigin: coop == nil ? .defaulted : coopOrigin,
            deadlineOrigin: deadline == nil ? .defaulted : deadlineOrigin))
      }
      // Document order: tasks and sections by number where they share one numbering, else by
      // the first task number a section holds; ties in the order tasks, then sections, were
      // listed. Entries are numbered: tasks first, then sections.
      let tasksCount = chapter.tasks.count
      var entries: [(key: Int, entry: Int)] = []
      entries.reserveCapacity(tasksCount + chapter.sections.count)
      for i in chapter.tasks.indices { entries.append((chapter.tasks[i].number, i)) }
      for (i, s) in chapter.sections.enumerated() {
        let key =
          plan.numbering == .perChapter ? s.number : (s.allTasks.map(\.number).min() ?? .max)
        entries.append((key, tasksCount + i))
      }
      entries.sort { ($0.key, $0.entry) < ($1.key, $1.entry) }
      for (_, entry) in entries {
        if entry < tasksCount {
          resolveTask(chapter.tasks[entry])
        } else {
          walk(
            chapter.sections[entry - tasksCount], path: path, depth: depth + 1,
            parentLabel: chapterLabel)
        }
      }
    }
    for chapter in plan.chapters { walk(chapter, path: [], depth: 1, parentLabel: "") }

    func resolveTarget(_ target: PlanTarget, task: ResolvedTask?) {
      let steps = Steps(keyword: targetRules[target.id] ?? [], rest: [])
      var (lead, leadOrigin) = decide(
        target.responsibility.lead, steps, { $0.lead }, field: "lead units",
        what: "target \(target.id)", same: ==, into: &conflicts)
      var (coop, _) = decide(
        target.responsibility.cooperating, steps, { $0.cooperating }, field: "cooperating units",
        what: "target \(target.id)", same: { Set($0) == Set($1) }, into: &conflicts)
      if let task, lead == nil {
        lead = task.lead
        leadOrigin = .task(task.task.id)
      }
      if let task, coop == nil { coop = task.cooperating }
      let leadUnits = lead ?? []
      targets.append(
        ResolvedTarget(
          target: target, taskID: task?.task.id, lead: leadUnits,
          cooperating: (coop ?? []).filter { !leadUnits.contains($0) },
          origin: lead == nil ? .defaulted : leadOrigin))
    }
    for target in plan.targets { resolveTarget(target, task: nil) }
    for task in tasks {
      for figure in task.task.figures { resolveTarget(figure, task: task) }
    }

    return ResolvedPlan(
      plan: plan, tasks: tasks, targets: targets,
      diagnostics: diagnostics + conflicts.diagnostics(plan.rules))
  }

  /// The rules that may decide a field, step by step in order of precedence: the first step
  /// (a task's keyword rules, a target's target rules), then the others.
  private struct Steps {
    var keyword: [(Int, ResponsibilityRule)]
    var rest: [[(Int, ResponsibilityRule)]]
  }

  /// The first step that declares the field decides it; disagreement within that step is
  /// recorded as a conflict.
  private static func decide<Value>(
    _ declared: Value?, _ steps: Steps, _ field: (Responsibility) -> Value?,
    field name: String, what: @autoclosure () -> String, same: (Value, Value) -> Bool,
    into conflicts: inout Conflicts
  ) -> (Value?, Origin) {
    if let declared { return (declared, .declared) }
    func decided(by step: [(Int, ResponsibilityRule)]) -> (Value, Origin)? {
      var first: (Int, Value)?
      for (i, rule) in step {
        guard let value = field(rule.responsibility) else { continue }
        if let first {
          if !same(first.1, value) {
            conflicts.add(first: first.0, other: i, field: name, what: what())
          }
        } else {
          first = (i, value)
        }
      }
      return first.map { ($0.1, .rule($0.0)) }
    }
    if let found = decided(by: steps.keyword) { return found }
    for step in steps.rest {
      if let found = decided(by: step) { return found }
    }
    return (nil, .defaulted)
  }

  /// Deadlines agree when they fall on the same day (`.endOfYear(2020)` and `.on(2020, 12, 31)`).
  static func sameDay(_ a: Deadline, _ b: Deadline) -> Bool {
    a == b || (a.dueDay != nil && a.dueDay == b.dueDay)
  }
}

/// Rule conflicts, gathered so that one pair of rules disagreeing over many tasks is reported
/// once, naming the tasks.
struct Conflicts {
  private struct Key: Hashable {
    var first: Int
    var other: Int
    var field: String
  }
  private var order: [Key] = []
  private var affected: [Key: [String]] = [:]

  mutating func add(first: Int, other: Int, field: String, what: String) {
    let key = Key(first: first, other: other, field: field)
    if affected[key] == nil { order.append(key) }
    affected[key, default: []].append(what)
  }

  /// One `rule-conflict` error per pair of rules and field, at the later rule.
  func diagnostics(_ rules: [ResponsibilityRule]) -> [Diagnostic] {
    order.map { key in
      let a = rules[key.first]
      let b = rules[key.other]
      let whats = affected[key] ?? []
      let shown = whats.prefix(5).joined(separator: ", ") + (whats.count > 5 ? ", …" : "")
      let at = a.location.map { " (\($0))" } ?? ""
      return Diagnostic(
        .error, .ruleConflict,
        "rule \(key.first + 1) [\(a.match)]\(at) and rule \(key.other + 1) [\(b.match)] give different \(key.field) for \(shown)\(whats.count > 1 ? " (\(whats.count) in all)" : ""); the first wins. Declare them on the task, or narrow a rule",
        at: b.location)
    }
  }
}
