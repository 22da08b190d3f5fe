import PlanModel

/// The engine's diagnostics that need more than a sentence: each a named factory whose message
/// says what is wrong and what would be right.
extension Diagnostic {
  static func missingLead(_ t: ResolvedTask) -> Diagnostic {
    Diagnostic(
      .error, .missingLead,
      "task \(t.label) (\(t.task.id)) “\(t.task.title)” has no lead unit: declare Lead(…) on it or add a rule that covers it (chapter \(t.topChapterID), a keyword of its text, or .all)",
      at: t.task.location)
  }

  static func duplicateID(
    _ kind: String, _ id: String, at location: SourceLocation?, first: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, .duplicateID,
      "\(kind) id “\(id)” is declared twice\(first.map { "; first at \($0)" } ?? "")",
      at: location)
  }

  static func invalidID(_ kind: String, _ id: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(
      .error, .invalidID,
      "\(kind) id “\(XMLCharacters.visible(id))” is not a valid id: an id has \(Identifier.rule)",
      at: location)
  }

  static func unknownUnit(
    _ id: String, role: String, in plan: WorkPlan, at location: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, .unknownUnit,
      "unknown unit “\(id)” (\(role))\(suggestion(for: id, in: plan))", at: location)
  }

  /// `; did you mean …` — a unit whose name or short name is `id`, else the nearest ids.
  static func suggestion(for id: String, in plan: WorkPlan) -> String {
    if let byName = plan.units.first(where: { $0.name == id || $0.shortName == id }) {
      return "; “\(id)” is the name of unit \(byName.id): refer to units by id"
    }
    let near = nearest(id, among: plan.units.map(\.id))
    if near.isEmpty {
      let all = plan.units.map(\.id).sorted()
      let shown = all.prefix(8).joined(separator: ", ")
      return all.isEmpty
        ? "; the plan declares no units"
        : "; known units: \(shown)\(all.count > 8 ? ", … (\(all.count) in all)" : "")"
    }
    return "; did you mean \(near.joined(separator: ", "))?"
  }

  static func unknownReference(
    _ kind: String, _ id: String, known: Set<String>, rule: Int, at location: SourceLocation?
  ) -> Diagnostic {
    let near = nearest(id, among: Array(known))
    let hint =
      near.isEmpty
      ? "; known \(kind)s: \(known.sorted().prefix(10).joined(separator: ", "))\(known.count > 10 ? ", …" : "")"
      : "; did you mean \(near.joined(separator: ", "))?"
    return Diagnostic(
      .error, kind == "chapter" ? .unknownChapter : .unknownTarget,
      "rule \(rule + 1) names unknown \(kind) “\(id)”\(hint)",
      at: location)
  }

  static func invalidDeadline(
    _ d: Deadline, _ what: String, at location: SourceLocation?
  )
    -> Diagnostic
  {
    Diagnostic(.error, .invalidDate, "\(what), \(d), is not a valid date", at: location)
  }

  static func deadlineOutsidePeriod(
    _ d: Deadline, _ what: String, period: DateRange, at location: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, .deadlineOutsidePeriod,
      "\(what), \(d), falls outside the plan's period \(period)", at: location)
  }

  static func textNotInSource(
    _ what: String, _ m: Transcription.Mismatch, source: SourceDocument?,
    at location: SourceLocation?
  ) -> Diagnostic {
    let path = source?.path ?? "the source"
    let rest = m.rest.count > 16 ? String(m.rest.prefix(16)) + "…" : m.rest
    let detail: String
    if m.matched.isEmpty {
      detail = "not even its first character “\(rest.prefix(1))” matches"
    } else {
      let before = m.matched.count > 12 ? "…" + String(m.matched.suffix(12)) : m.matched
      detail = "it matches as far as “\(before)”, then the plan has “\(rest)”"
    }
    return Diagnostic(
      .error, .textNotInSource,
      "\(what) does not appear in \(path) (whitespace ignored): \(detail)", at: location)
  }

  /// The ids nearest to `id` (at most three, all at the smallest edit distance found, which
  /// must be small for the length), sorted. Any names can stand for the ids: the CLI uses it
  /// to suggest a unit's short name for a mistyped `--unit`.
  public static func nearest(_ id: String, among ids: [String]) -> [String] {
    let limit = min(3, max(1, id.count / 4))
    let scored: [(id: String, distance: Int)] = ids.map { ($0, editDistance(id, $0)) }
    guard let best = scored.map(\.distance).min(), best <= limit else { return [] }
    let close = scored.filter { $0.distance == best }
    let ordered = close.sorted { a, b in
      a.distance != b.distance ? a.distance < b.distance : a.id < b.id
    }
    return ordered.prefix(3).map(\.id)
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}
