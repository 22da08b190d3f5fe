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

  // MARK: - chapter and task numbers (`kind`: `chapter` or `task`; `scope`: `in chapter c2`)

  static func numberOutOfRange(
    _ kind: String, _ n: Int, _ scope: String, at location: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, .numberOutOfRange,
      "\(kind) number \(n) is out of range \(scope) (numbers run from 1 to at most \(Checker.maximumNumber))",
      at: location)
  }

  static func duplicateNumber(
    _ kind: String, _ n: Int, _ scope: String, at location: SourceLocation?,
    first: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, kind == "chapter" ? .duplicateChapterNumber : .duplicateTaskNumber,
      "\(kind) number \(n) is used twice \(scope)\(first.map { "; first at \($0)" } ?? "")",
      at: location)
  }

  /// One gap, `gap` (a single number or a range), in numbers running 1…`top`.
  static func missingNumbers(
    _ kind: String, _ gap: ClosedRange<Int>, _ scope: String, top: Int,
    at location: SourceLocation?
  ) -> Diagnostic {
    let missing =
      gap.count == 1
      ? "\(kind) number \(gap.lowerBound) is missing"
      : "\(kind) numbers \(gap.lowerBound)–\(gap.upperBound) are missing"
    return Diagnostic(
      .error, kind == "chapter" ? .missingChapterNumber : .missingTaskNumber,
      "\(missing) \(scope) (numbers run 1…\(top))", at: location)
  }

  // MARK: - a target's requirement (`what`: `target pm25 (PM2.5平均浓度)`)

  static func targetMissingText(_ what: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(
      .error, .targetMissingText, "\(what) is qualitative but states no requirement",
      at: location)
  }

  static func targetMissingDirection(_ what: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(
      .error, .targetMissingDirection,
      "\(what) has no direction; give one of atMost (≤), atLeast (≥), equal (=), decrease, increase",
      at: location)
  }

  /// `decrease`/`increase` on a measure other than a change, or ≤ ≥ = on a change.
  static func targetBadDirection(
    _ what: String, _ measure: Requirement.Measure, _ direction: Requirement.Direction,
    at location: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, .targetBadDirection,
      measure == .change
        ? "\(what) is a change against a base year, so its direction must be decrease or increase, not \(direction.rawValue)"
        : "\(what) is a \(measure.rawValue), so its direction must be atMost, atLeast or equal, not \(direction.rawValue)",
      at: location)
  }

  static func targetMissingUnit(_ what: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(
      .error, .targetMissingUnit, "\(what) has no unit (微克/立方米, %, 台, 艘次…)", at: location)
  }

  static func targetMissingValue(_ what: String, at location: SourceLocation?) -> Diagnostic {
    Diagnostic(.error, .targetMissingValue, "\(what) has no value", at: location)
  }

  /// A change (`direction` `decrease` or `increase`) by `value` percent against no base year.
  static func reductionMissingBaseYear(
    _ what: String, _ direction: Requirement.Direction, _ value: Double?,
    at location: SourceLocation?
  ) -> Diagnostic {
    Diagnostic(
      .error, .reductionMissingBaseYear,
      "\(what) is \(direction == .decrease ? "a reduction" : "an increase") of \(value.map(Requirement.format) ?? "?") % but names no base year (against: 2015)",
      at: location)
  }

  static func negativeTolerance(
    _ what: String, _ tolerance: Double, at location: SourceLocation?
  )
    -> Diagnostic
  {
    Diagnostic(
      .error, .negativeTolerance, "\(what) has a negative tolerance \(tolerance)", at: location)
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
