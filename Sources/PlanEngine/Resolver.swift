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
    var keywordRules: [(Int, ResponsibilityRule)] = []
    var chapterRules: [String: [(Int, ResponsibilityRule)]] = [:]
    var targetRules: [String: [(Int, ResponsibilityRule)]] = [:]
    var allRules: [(Int, ResponsibilityRule)] = []
    for (i, rule) in rules {
      switch rule.match {
      case .keyword: keywordRules.append((i, rule))
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
      func resolveTask(_ task: PlanTask) {
        var steps: [[(Int, ResponsibilityRule)]] = []
        steps.append(
          keywordRules.filter {
            if case .keyword(let k) = $0.1.match {
              !k.isEmpty && utf8Contains(task.text, k)
            } else {
              false
            }
          })
        for id in path {
          steps.append(chapterRules[id] ?? [])
        }
        steps.append(allRules)

        let label: String
        switch plan.numbering {
        case .continuous: label = String(task.number)
        case .perChapter:
          label =
            depth == 1
            ? "\(chapterLabel)(\(Numerals.chinese(task.number)))" : "\(chapterLabel)\(task.number)"
        }
        let what = "task \(label) (\(task.id))"
        let (lead, leadOrigin) = decide(
          task.responsibility.lead, steps, \.lead, field: "lead units", what: what,
          at: task.location, same: ==, into: &conflicts)
        let (coop, coopOrigin) = decide(
          task.responsibility.cooperating, steps, \.cooperating, field: "cooperating units",
          what: what, at: task.location, same: { Set($0) == Set($1) }, into: &conflicts)
        let (deadline, deadlineOrigin) = decide(
          task.responsibility.deadline, steps, \.deadline, field: "deadlines", what: what,
          at: task.location, same: sameDay, into: &conflicts)
        let leadUnits = lead ?? []
        var cooperating = coop ?? []
        let both = cooperating.filter { leadUnits.contains($0) }
        if !both.isEmpty {
          diagnostics.append(
            Diagnostic(
              .warning, "lead-also-cooperating",
              "\(what) lists \(both.joined(separator: ", ")) as both lead and cooperating; kept as lead only",
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
      // the first task number a section holds.
      enum Entry {
        case task(PlanTask)
        case section(PlanChapter)
      }
      func key(_ e: Entry) -> Int {
        switch e {
        case .task(let t): return t.number
        case .section(let s):
          return plan.numbering == .perChapter ? s.number : (s.allTasks.map(\.number).min() ?? .max)
        }
      }
      let entries = (chapter.tasks.map(Entry.task) + chapter.sections.map(Entry.section))
        .enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
      for (_, entry) in entries {
        switch entry {
        case .task(let t): resolveTask(t)
        case .section(let s): walk(s, path: path, depth: depth + 1, parentLabel: chapterLabel)
        }
      }
    }
    for chapter in plan.chapters { walk(chapter, path: [], depth: 1, parentLabel: "") }

    func resolveTarget(_ target: PlanTarget, task: ResolvedTask?) {
      let steps = [targetRules[target.id] ?? []]
      let what = "target \(target.id)"
      var (lead, leadOrigin) = decide(
        target.responsibility.lead, steps, \.lead, field: "lead units", what: what,
        at: target.location, same: ==, into: &conflicts)
      var (coop, _) = decide(
        target.responsibility.cooperating, steps, \.cooperating, field: "cooperating units",
        what: what, at: target.location, same: { Set($0) == Set($1) }, into: &conflicts)
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

  /// The first step that declares the field decides it; disagreement within that step is
  /// recorded as a conflict.
  private static func decide<Value>(
    _ declared: Value?, _ steps: [[(Int, ResponsibilityRule)]],
    _ field: KeyPath<Responsibility, Value?>, field name: String, what: String,
    at location: SourceLocation?, same: (Value, Value) -> Bool,
    into conflicts: inout Conflicts
  ) -> (Value?, Origin) {
    if let declared { return (declared, .declared) }
    for step in steps {
      let deciding = step.compactMap { rule -> (Int, Value)? in
        rule.1.responsibility[keyPath: field].map { (rule.0, $0) }
      }
      guard let first = deciding.first else { continue }
      for other in deciding.dropFirst() where !same(first.1, other.1) {
        conflicts.add(first: first.0, other: other.0, field: name, what: what)
      }
      return (first.1, .rule(first.0))
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
        .error, "rule-conflict",
        "rule \(key.first + 1) [\(a.match)]\(at) and rule \(key.other + 1) [\(b.match)] give different \(key.field) for \(shown)\(whats.count > 1 ? " (\(whats.count) in all)" : ""); the first wins. Declare them on the task, or narrow a rule",
        at: b.location)
    }
  }
}

/// Whether `text` contains `word`, comparing UTF-8 bytes: Foundation's `contains` folds
/// character clusters and cost most of resolving a large plan; plan texts compare exactly.
func utf8Contains(_ text: String, _ word: String) -> Bool {
  var text = text
  text.makeContiguousUTF8()
  let w = Array(word.utf8)
  guard let first = w.first else { return true }
  return text.utf8.withContiguousStorageIfAvailable { t -> Bool in
    guard t.count >= w.count else { return false }
    var i = 0
    while i <= t.count - w.count {
      if t[i] == first {
        var k = 1
        while k < w.count, t[i + k] == w[k] { k += 1 }
        if k == w.count { return true }
      }
      i += 1
    }
    return false
  } ?? false
}
