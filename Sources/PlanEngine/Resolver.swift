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
/// When two rules of the same step declare the same field differently, the one declared first
/// wins and a `rule-conflict` error names both. A lead unit listed as cooperating too is dropped
/// from the cooperating units (`lead-also-cooperating` warning). The result depends only on the
/// plan: the same plan always resolves the same way.
public enum Resolver {
  /// Applies the responsibility list to `plan`.
  public static func resolve(_ plan: WorkPlan) -> ResolvedPlan {
    var diagnostics: [Diagnostic] = []
    var tasks: [ResolvedTask] = []
    var targets: [ResolvedTarget] = []
    let rules = Array(plan.rules.enumerated())

    let defaultDeadline: Deadline =
      (plan.period.end.month == 12 && plan.period.end.day == 31)
      ? .endOfYear(plan.period.end.year) : .date(plan.period.end)

    func walk(_ chapter: PlanChapter, path: [String], depth: Int, parentLabel: String) {
      let path = [chapter.id] + path
      let chapterLabel =
        depth == 1
        ? Numerals.chinese(chapter.number) : "\(parentLabel)(\(Numerals.chinese(chapter.number)))"
      for task in chapter.tasks {
        var steps: [[(Int, ResponsibilityRule)]] = []
        steps.append(
          rules.filter {
            if case .keyword(let k) = $0.element.match {
              !k.isEmpty && task.text.contains(k)
            } else {
              false
            }
          })
        for id in path {
          steps.append(rules.filter { $0.element.match == .chapter(id) })
        }
        steps.append(rules.filter { $0.element.match == .all })

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
          at: task.location, same: ==, into: &diagnostics)
        let (coop, coopOrigin) = decide(
          task.responsibility.cooperating, steps, \.cooperating, field: "cooperating units",
          what: what, at: task.location, same: { Set($0) == Set($1) }, into: &diagnostics)
        let (deadline, deadlineOrigin) = decide(
          task.responsibility.deadline, steps, \.deadline, field: "deadlines", what: what,
          at: task.location, same: ==, into: &diagnostics)
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
      for section in chapter.sections {
        walk(section, path: path, depth: depth + 1, parentLabel: chapterLabel)
      }
    }
    for chapter in plan.chapters { walk(chapter, path: [], depth: 1, parentLabel: "") }

    func resolveTarget(_ target: PlanTarget, task: ResolvedTask?) {
      let steps = [rules.filter { $0.element.match == .target(target.id) }]
      let what = "target \(target.id)"
      var (lead, leadOrigin) = decide(
        target.responsibility.lead, steps, \.lead, field: "lead units", what: what,
        at: target.location, same: ==, into: &diagnostics)
      var (coop, _) = decide(
        target.responsibility.cooperating, steps, \.cooperating, field: "cooperating units",
        what: what, at: target.location, same: { Set($0) == Set($1) }, into: &diagnostics)
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

    return ResolvedPlan(plan: plan, tasks: tasks, targets: targets, diagnostics: diagnostics)
  }

  /// The first step that declares the field decides it; disagreement within that step is a
  /// `rule-conflict`.
  private static func decide<Value>(
    _ declared: Value?, _ steps: [[(Int, ResponsibilityRule)]],
    _ field: KeyPath<Responsibility, Value?>, field name: String, what: String,
    at location: SourceLocation?, same: (Value, Value) -> Bool,
    into diagnostics: inout [Diagnostic]
  ) -> (Value?, Origin) {
    if let declared { return (declared, .declared) }
    for step in steps {
      let deciding = step.compactMap { rule -> (Int, ResponsibilityRule, Value)? in
        rule.1.responsibility[keyPath: field].map { (rule.0, rule.1, $0) }
      }
      guard let first = deciding.first else { continue }
      for other in deciding.dropFirst() where !same(first.2, other.2) {
        let a = first.1.location.map { " (\($0))" } ?? ""
        let b = other.1.location.map { " (\($0))" } ?? ""
        diagnostics.append(
          Diagnostic(
            .error, "rule-conflict",
            "\(what): rule \(first.0 + 1) [\(first.1.match)]\(a) and rule \(other.0 + 1) [\(other.1.match)]\(b) give different \(name); the first wins. Declare them on the task, or narrow a rule",
            at: other.1.location ?? location))
      }
      return (first.2, .rule(first.0))
    }
    return (nil, .defaulted)
  }
}
