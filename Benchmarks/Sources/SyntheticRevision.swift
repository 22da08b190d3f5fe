import PlanModel

/// A revision of a plan with a given share of its tasks changed, the way a mid-year 修订稿
/// changes a plan: new tasks inserted (renumbering everything after them), texts edited,
/// deadlines moved, leads reassigned, a few tasks removed (with a reason) and a few
/// re-identified with lightly edited text (matched by similarity).
enum SyntheticRevision {
  /// How many of each kind of change a revision made.
  struct Counts: Sendable, Codable {
    var inserted = 0
    var removed = 0
    var edited = 0
    var deadlines = 0
    var reassigned = 0
    var renamed = 0
    var targets = 0

    var total: Int { inserted + removed + edited + deadlines + reassigned + renamed }
  }

  /// `plan` with `share` of its tasks changed. Of the changes: 30 % insertions, 10 % removals,
  /// 35 % text edits, 10 % deadline moves, 10 % lead reassignments, 5 % re-identified tasks.
  static func revise(
    _ plan: WorkPlan, share: Double, seed: UInt64
  ) -> (WorkPlan, Counts) {
    var rng = SeededRandom(seed: seed)
    var counts = Counts()
    var new = plan
    new.version = "修订稿 \(Generator.year)-07"
    let taskCount = plan.allTasks.count
    let changes = max(1, Int((Double(taskCount) * share).rounded()))
    let pool = plan.units.filter { $0.kind == .division || $0.kind == .department }.map(\.id)
    var removed: [RemovedItem] = []
    var fresh = 0

    // Every change picks a chapter and a position in it; tasks are then renumbered in order.
    for k in 0..<changes {
      let c = rng.int(0...(new.chapters.count - 1))
      guard !new.chapters[c].tasks.isEmpty else { continue }
      let i = rng.int(0...(new.chapters[c].tasks.count - 1))
      let roll = Double(k % 20) / 20  // a fixed mix, in a random place
      if roll < 0.30 {
        fresh += 1
        let theme = rng.pick(Phrases.themes)
        let text = Generator.text(theme: theme, rng: &rng, districts: [])
        var task = PlanTask(
          id: "new\(fresh)", number: 0, title: PlanTask.title(of: text), text: text,
          responsibility: Responsibility(lead: [rng.pick(pool)]))
        task.reason = "根据省级部署新增"
        new.chapters[c].tasks.insert(task, at: i)
        counts.inserted += 1
      } else if roll < 0.40 {
        let task = new.chapters[c].tasks.remove(at: i)
        removed.append(RemovedItem(id: task.id, reason: "已在上半年完成，不再列入"))
        counts.removed += 1
      } else if roll < 0.75 {
        var task = new.chapters[c].tasks[i]
        task.text = edit(task.text, rng: &rng)
        task.title = PlanTask.title(of: task.text)
        new.chapters[c].tasks[i] = task
        counts.edited += 1
      } else if roll < 0.85 {
        new.chapters[c].tasks[i].responsibility.deadline = rng.pick([
          .endOfQuarter(year: Generator.year, quarter: 3), .on(Generator.year, 11, 30),
          .endOfYear(Generator.year),
        ])
        new.chapters[c].tasks[i].reason = "结合工作进度调整时限"
        counts.deadlines += 1
      } else if roll < 0.95 {
        new.chapters[c].tasks[i].responsibility.lead = [rng.pick(pool)]
        new.chapters[c].tasks[i].reason = "职责调整"
        counts.reassigned += 1
      } else {
        var task = new.chapters[c].tasks[i]
        task.id = "\(task.id)-r"
        task.text = tweak(task.text, rng: &rng)
        task.title = PlanTask.title(of: task.text)
        new.chapters[c].tasks[i] = task
        counts.renamed += 1
      }
    }
    // Two targets tightened, one loosened.
    for (i, factor) in [(0, 0.94), (4, 1.02), (1, 1.1)] where i < new.targets.count {
      if let v = new.targets[i].requirement.value {
        new.targets[i].requirement.value = (v * factor).rounded(toPlaces: 1)
        new.targets[i].reason = "落实省下达的年度目标"
        counts.targets += 1
      }
    }
    var number = 0
    for c in new.chapters.indices {
      for t in new.chapters[c].tasks.indices {
        number += 1
        new.chapters[c].tasks[t].number = number
      }
    }
    new.removed = removed.isEmpty ? nil : removed
    return (new, counts)
  }

  /// A visible edit: one sentence replaced by a new one, or a phrase added.
  static func edit(_ text: String, rng: inout SeededRandom) -> String {
    var sentences = text.split(separator: "。", omittingEmptySubsequences: true).map(String.init)
    if sentences.count > 2, rng.chance(0.5) {
      let i = rng.int(1...(sentences.count - 1))
      sentences[i] = rng.pick(Phrases.closings).replacing("。", with: "")
    } else {
      sentences.append("同步做好相关信息公开工作")
    }
    return sentences.joined(separator: "。") + "。"
  }

  /// A light edit (a word or two), so the text stays similar above the rename threshold.
  static func tweak(_ text: String, rng: inout SeededRandom) -> String {
    text.replacing("加强", with: "进一步加强").replacing("推进", with: "加快推进") + "（修订）"
  }
}
