import Foundation
import PlanEngine
import PlanModel

/// One progress report file, `plans/progress/<plan-id>/<YYYY-MM>.csv`, read strictly against
/// its plan. The format is documented in `docs/progress-format.md`.
///
/// Every problem of a file is collected (a bad number, an unknown id, a wrong unit, a date
/// outside the plan, a duplicate row…), each with its file, line and column; a file with any
/// problem is rejected whole by throwing a ``ProgressError`` that lists them all.
public enum ProgressFile {
  /// The header row, in its fixed order: the ten columns of the first format, then 填报人 and
  /// 审核人 (`preparer`, `reviewer`), which `planbook collect` writes.
  public static let columns = legacyColumns + ["preparer", "reviewer"]

  /// The header of files written before `preparer` and `reviewer` existed: still read, their
  /// rows with no names.
  public static let legacyColumns = [
    "kind", "id", "value", "unit", "basis", "state", "percent", "reporter", "date", "note",
  ]

  /// The largest file read, in bytes (5 MB).
  public static let maximumSize = 5 * 1024 * 1024

  /// Whether `s` is a character a report may not hold: a C0 control other than tab and line
  /// feed, DEL, a C1 control, or U+FFFE/U+FFFF (which XML, and so a workbook, cannot carry).
  public static func isControl(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x09, 0x0A: false
    case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// Characters that reorder or hide text on a terminal (bidirectional overrides and isolates,
  /// line and paragraph separators): allowed in a note, escaped in messages.
  static func isHiddenFormat(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `text` as a message shows it: line breaks, tabs and other control characters escaped
  /// (`\n`, `\u{1B}`), at most 40 characters, so that a file cannot write to the terminal.
  public static func shown(_ text: String) -> String { Tracking.shown(text) }

  /// The characters that make a spreadsheet read a cell as a formula when they begin it
  /// (`=`, `+`, `-`, `@`), and the apostrophe that protects them.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "'"]

  /// A note as it is written in a report: one that begins with `=`, `+`, `-`, `@` or `'` gets an
  /// apostrophe in front, so a spreadsheet opening the file shows it as text instead of running
  /// it as a formula (`=SUM(A1)` is written `'=SUM(A1)`). ``note(fromField:)`` undoes it.
  public static func noteField(_ note: String) -> String {
    guard let first = note.first, formulaStarts.contains(first) else { return note }
    return "'" + note
  }

  /// A note as it is read from a report's `note` field: a leading apostrophe is removed (the
  /// rest is the note exactly, whatever it begins with).
  public static func note(fromField field: String) -> String {
    field.first == "'" ? String(field.dropFirst()) : field
  }

  /// The month a file reports on, from its name `<YYYY-MM>.csv` (the last path component);
  /// `nil` for any other name.
  public static func period(ofFile path: String) -> ReportingPeriod? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard name.hasSuffix(".csv") else { return nil }
    let stem = Array(name.dropLast(4).utf8)
    let digits = stem.enumerated().allSatisfy { i, b in
      i == 4 ? b == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
    guard stem.count == 7, digits, let year = Int(String(decoding: stem[0..<4], as: UTF8.self)),
      let month = Int(String(decoding: stem[5..<7], as: UTF8.self)), (1...12).contains(month)
    else { return nil }
    return .month(year: year, month: month)
  }

  /// Parses the text of the file at `path` (the period comes from the file's name; the path is
  /// used as given in the report and in every issue). A leading byte order mark is skipped.
  public static func parse(
    _ text: String, path: String, plan: ResolvedPlan
  ) throws(ProgressError) -> ProgressReport {
    try parse(text, path: path, index: PlanIndex(plan))
  }

  /// Parses the bytes of the file at `path`, which must be UTF-8 (a byte order mark is
  /// tolerated) and at most ``maximumSize`` bytes.
  public static func parse(
    bytes: [UInt8], path: String, plan: ResolvedPlan
  ) throws(ProgressError) -> ProgressReport {
    try parse(bytes: bytes, path: path, index: PlanIndex(plan))
  }

  /// Reads and parses the file at `path`.
  public static func read(
    _ path: String, plan: ResolvedPlan
  ) throws(ProgressError)
    -> ProgressReport
  {
    try read(path, index: PlanIndex(plan))
  }

  // MARK: - Internals

  static func read(_ path: String, index: PlanIndex) throws(ProgressError) -> ProgressReport {
    func fail(_ message: String) -> ProgressError {
      ProgressError(issues: [ProgressIssue(file: path, line: 0, column: 0, message: message)])
    }
    // Opened without blocking and checked before reading: a FIFO would wait for a writer.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      throw fail("cannot open the file (\(String(cString: strerror(errno))))")
    }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw fail("cannot read the file (\(String(cString: strerror(errno))))")
    }
    if let kind = nonRegularKind(info.st_mode) {
      throw fail("not a regular file but \(kind); a report must be a plain text file")
    }
    let data: Data
    do {
      data = try handle.read(upToCount: maximumSize + 1) ?? Data()
    } catch {
      throw ProgressError(issues: [
        ProgressIssue(
          file: path, line: 0, column: 0, message: "cannot read the file (\(error))")
      ])
    }
    return try parse(bytes: [UInt8](data), path: path, index: index)
  }

  static func parse(
    bytes: [UInt8], path: String, index: PlanIndex
  ) throws(ProgressError) -> ProgressReport {
    if let issue = sizeIssue(bytes.count, path: path) { throw ProgressError(issues: [issue]) }
    if let bad = firstInvalidUTF8(bytes) {
      let (line, column) = position(ofByte: bad, in: bytes)
      let hex = String(bytes[bad], radix: 16, uppercase: true)
      throw ProgressError(issues: [
        ProgressIssue(
          file: path, line: line, column: column,
          message:
            "the file is not valid UTF-8: byte 0x\(hex.count < 2 ? "0" : "")\(hex) here "
            + "(save it as UTF-8, e.g. Excel's 'CSV UTF-8'; GBK/GB18030 files are not read)")
      ])
    }
    return try parse(String(decoding: bytes, as: UTF8.self), path: path, index: index)
  }

  static func parse(
    _ text: String, path: String, index: PlanIndex
  ) throws(ProgressError) -> ProgressReport {
    if let issue = sizeIssue(text.utf8.count, path: path) {
      throw ProgressError(issues: [issue])
    }
    var body = Substring(text)
    if body.unicodeScalars.first == "\u{FEFF}" { body = body.dropFirst() }
    var parser = FileParser(path: path, index: index)
    parser.run(String(body))
    guard parser.issues.isEmpty, let period = parser.period else {
      throw ProgressError(issues: parser.sortedIssues)
    }
    let conflicts = conflicts(in: parser.entries, index: parser.index)
    guard conflicts.isEmpty else { throw ProgressError(issues: conflicts) }
    return ProgressReport(
      period: period, path: path, entries: parser.entries, sampleData: isSampleData(text))
  }

  /// The first line that marks a file as sample data (``ProgressReport/sampleData``).
  public static let sampleDataMark = "# SAMPLE DATA"

  /// Whether `text` declares itself sample data: it begins with ``sampleDataMark`` (at its very
  /// first byte: a byte order mark before it does not count).
  public static func isSampleData(_ text: String) -> Bool {
    text.utf8.starts(with: sampleDataMark.utf8)
  }

  /// Rows that give one target (or base) different values for the same day and basis: each
  /// an issue at the later row naming the earlier one, `file:line` each. A row from a unit
  /// holding a share of the target (指标分解) is its share's value, compared with that unit's
  /// rows only.
  static func conflicts(in entries: [ProgressEntry], index: PlanIndex) -> [ProgressIssue] {
    struct Key: Hashable {
      var kind: ProgressEntry.Kind
      var id: String
      var basis: String
      var date: Day
      var share: String
    }
    func share(_ e: ProgressEntry) -> String {
      index.targets[e.id]?.share(for: e.reporter) == nil ? "" : e.reporter
    }
    var first: [Key: ProgressEntry] = [:]
    var issues: [ProgressIssue] = []
    func shownValue(_ e: ProgressEntry) -> String {
      e.value.map(Requirement.format) ?? e.state?.chinese ?? e.finding?.chinese ?? "—"
    }
    for e in entries where e.kind == .target || e.kind == .base || e.kind == .finding {
      let basis =
        e.kind == .base
        ? e.baseYear.map(String.init) ?? ""
        : e.kind == .finding ? e.findingSource?.chinese ?? "" : e.basis?.rawValue ?? ""
      let key = Key(kind: e.kind, id: e.id, basis: basis, date: e.date, share: share(e))
      guard let earlier = first[key] else {
        first[key] = e
        continue
      }
      guard
        earlier.value != e.value || earlier.state != e.state || earlier.lagging != e.lagging
          || earlier.finding != e.finding
      else { continue }
      let at = earlier.location.map { "\($0.file):\($0.line)" } ?? "an earlier row"
      let what = basis.isEmpty ? "" : " (\(basis))"
      issues.append(
        ProgressIssue(
          file: e.location?.file ?? "", line: e.location?.line ?? 0, column: 1,
          message:
            "conflicting values for \(e.kind.rawValue) '\(e.id)' on \(e.date)\(what): "
            + "\(shownValue(e)) from \(e.reporter) here, \(shownValue(earlier)) from "
            + "\(earlier.reporter) at \(at) (keep one)"))
    }
    return issues
  }

  /// What a file of mode `mode` is, when it is not a regular file.
  static func nonRegularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFDIR: "a folder"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    default: "an unusual kind of file"
    }
  }

  static func sizeIssue(_ size: Int, path: String) -> ProgressIssue? {
    guard size > maximumSize else { return nil }
    return ProgressIssue(
      file: path, line: 0, column: 0,
      message:
        "the file is larger than \(maximumSize / 1024 / 1024) MB (\(maximumSize) bytes); "
        + "a report is expected to be far smaller")
  }

  /// The offset of the first byte that is not part of a valid UTF-8 sequence.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// The 1-based line and column (in scalars) of a byte of valid UTF-8 text up to it; a byte
  /// order mark at the start is not counted.
  static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]), offset >= 3 { start = 3 }
    for b in bytes[start..<offset] {
      if b == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}

/// What a progress file is checked against: the ids, units and period of one plan.
struct PlanIndex: Sendable {
  var planID: String
  var period: DateRange
  var targets: [String: PlanTarget] = [:]
  /// The units whose rows for a target count: its lead and cooperating units, or only its
  /// declared data source.
  var targetReporters: [String: Set<String>] = [:]
  /// The lead and cooperating units of each target: whose self-assessment (自评) counts.
  var targetUnits: [String: Set<String>] = [:]
  /// Short names by unit id, for messages.
  var unitNames: [String: String] = [:]
  var tasks: Set<String> = []
  var milestones: Set<String> = []
  var unitIDs: Set<String> = []
  /// Short name → the ids of the units bearing it.
  var shortNames: [String: [String]] = [:]
  /// A unit id to show in messages.
  var exampleUnit: String

  init(_ plan: ResolvedPlan) {
    planID = plan.plan.id
    period = plan.plan.period
    for t in plan.targets where targets[t.target.id] == nil { targets[t.target.id] = t.target }
    for t in plan.targets {
      targetUnits[t.target.id, default: []].formUnion(t.lead + t.cooperating)
      if let source = t.target.source {
        targetReporters[t.target.id] = [source]
      } else {
        targetReporters[t.target.id, default: []].formUnion(t.lead + t.cooperating)
      }
      // A share-holding unit reports the value of its share (指标分解).
      let holders = t.target.shares.map(\.unit)
      targetUnits[t.target.id, default: []].formUnion(holders)
      targetReporters[t.target.id, default: []].formUnion(holders)
    }
    for t in plan.tasks {
      tasks.insert(t.task.id)
      for m in t.task.milestones { milestones.insert(m.id) }
    }
    for u in plan.plan.units {
      unitIDs.insert(u.id)
      unitNames[u.id] = u.shortName
      shortNames[u.shortName, default: []].append(u.id)
    }
    exampleUnit = plan.responsibleUnits.first?.id ?? plan.plan.units.first?.id ?? "unit-id"
  }

  /// What else `id` names in the plan, for a hint when the row's kind does not fit.
  func otherKinds(of id: String, besides kind: ProgressEntry.Kind) -> String? {
    var kinds: [ProgressEntry.Kind] = []
    if targets[id] != nil { kinds.append(.target) }
    if tasks.contains(id) { kinds.append(.task) }
    if milestones.contains(id) { kinds.append(.milestone) }
    kinds.removeAll { $0 == kind || ((kind == .base || kind == .finding) && $0 == .target) }
    guard let k = kinds.first else { return nil }
    return "'\(id)' is a \(k.rawValue): use kind \(k.rawValue)"
  }
}

/// The columns of a progress file, in order.
private enum Column: Int, CaseIterable {
  case kind, id, value, unit, basis, state, percent, reporter, date, note, preparer, reviewer

  var name: String { ProgressFile.columns[rawValue] }
}

/// One pass over one file's text.
private struct FileParser {
  let path: String
  let index: PlanIndex
  /// The month from the file's name (also when it lies outside the plan).
  let period: ReportingPeriod?
  private(set) var issues: [(at: CSV.Position, message: String)] = []
  private(set) var entries: [ProgressEntry] = []
  /// The columns of the file's header: ``ProgressFile/columns``, or the ten of an older file.
  private var header = ProgressFile.columns
  /// The line of each row already read, by (kind, id, reporter, basis).
  private var seen: [[String]: Int] = [:]

  init(path: String, index: PlanIndex) {
    self.path = path
    self.index = index
    period = ProgressFile.period(ofFile: path)
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    if let period {
      let r = period.range
      if r.end < index.period.start || index.period.end < r.start {
        issue(
          nil,
          "the file's period \(period) (from its name) is outside the plan's period "
            + "\(index.period)")
      }
    } else {
      issue(nil, "file name '\(name)' is not a month (expected YYYY-MM.csv, e.g. 2020-09.csv)")
    }
  }

  /// The issues in file order: the whole file's first, then by line and column.
  var sortedIssues: [ProgressIssue] {
    issues.enumerated()
      .sorted { a, b in (a.element.at, a.offset) < (b.element.at, b.offset) }
      .map {
        ProgressIssue(
          file: path, line: $0.element.at.line, column: $0.element.at.column,
          message: $0.element.message)
      }
  }

  mutating func issue(_ at: CSV.Position?, _ message: String) {
    issues.append((at ?? CSV.Position(line: 0, column: 0), message))
  }

  mutating func run(_ text: String) {
    let (records, problems) = CSV.parse(text)
    for p in problems { issue(p.position, p.message) }
    var headerRead = false
    for record in records {
      if record.isBlank { continue }
      if record.isComment {
        if headerRead {
          issue(
            record.start, "a comment line after the header (comments go above the header row)")
        }
        continue
      }
      guard headerRead else {
        headerRead = true
        // Rows cannot be read against a wrong header: stop at its problems.
        if record.malformed || !checkHeader(record) { return }
        continue
      }
      if record.malformed { continue }
      checkRow(record)
    }
    if !headerRead {
      issue(
        CSV.Position(line: 1, column: 1),
        "no header row (expected \(ProgressFile.columns.joined(separator: ",")))")
    }
  }

  // MARK: Header

  /// Checks the header row; false when it is wrong.
  mutating func checkHeader(_ record: CSV.Record) -> Bool {
    let names = record.fields.map(\.text)
    if names == ProgressFile.columns || names == ProgressFile.legacyColumns {
      header = names
      return true
    }
    // A header naming neither new column is checked against the older one.
    let expected =
      names.contains { trim($0).lowercased() == "preparer" || trim($0).lowercased() == "reviewer" }
      ? ProgressFile.columns : ProgressFile.legacyColumns
    let header = "the header is \(expected.joined(separator: ","))"
    var known: [(name: String, at: CSV.Position)] = []
    for f in record.fields {
      let name = f.text
      if expected.contains(name) {
        if known.contains(where: { $0.name == name }) {
          issue(f.position, "column '\(shown(name))' appears twice (\(header))")
        } else {
          known.append((name, f.position))
        }
        continue
      }
      let trimmed = trim(name)
      if expected.contains(trimmed) {
        issue(f.position, "column '\(shown(name))' has spaces around it (write '\(trimmed)')")
      } else if expected.contains(trimmed.lowercased()) {
        issue(
          f.position,
          "unknown column '\(shown(name))' (column names are lower case: "
            + "'\(trimmed.lowercased())')")
      } else if name.isEmpty {
        issue(f.position, "an empty column name (\(header))")
      } else {
        issue(f.position, "unknown column '\(shown(name))' (\(header))")
      }
    }
    let lenient = Set(record.fields.map { trim($0.text).lowercased() })
    for name in expected where !known.contains(where: { $0.name == name }) {
      // A name written with spaces or in capitals is reported above, not as missing.
      if lenient.contains(name) { continue }
      issue(record.end, "missing column '\(name)' (\(header))")
    }
    let order = expected.filter { n in known.contains { $0.name == n } }
    for (k, want) in zip(known, order) where k.name != want {
      issue(k.at, "column '\(k.name)' is out of order (expected '\(want)' here; \(header))")
    }
    return false
  }

  // MARK: Rows

  mutating func checkRow(_ record: CSV.Record) {
    let before = issues.count
    let fields = record.fields
    let expected = header.count
    let columns = Column.allCases.prefix(expected)
    if fields.count < expected {
      let missing = header[fields.count...].joined(separator: ", ")
      issue(
        record.end,
        "the row has \(fields.count) fields, expected \(expected) (missing: \(missing))")
      return
    }
    if fields.count > expected {
      issue(
        fields[expected].position,
        "the row has \(fields.count) fields, expected \(expected) (a note containing commas "
          + "must be in double quotes)")
      return
    }
    var row = Row(fields: fields)
    for c in columns {
      let text = fields[c.rawValue].text
      guard let bad = text.unicodeScalars.firstIndex(where: ProgressFile.isControl) else {
        continue
      }
      let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: bad)
      let code = String(text.unicodeScalars[bad].value, radix: 16, uppercase: true)
      issue(
        row.at(c),
        "\(c.name) holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) "
          + "(character \(offset + 1) of the field; only tabs and line breaks are allowed: "
          + "remove it)")
    }
    guard issues.count == before else { return }
    for c in columns where c != .note {
      let raw = fields[c.rawValue].text
      let trimmed = trim(raw)
      guard raw != trimmed else { continue }
      if trimmed.isEmpty {
        issue(row.at(c), "\(c.name) '\(shown(raw))' is only spaces (leave it empty)")
      } else {
        issue(row.at(c), "\(c.name) '\(shown(raw))' has spaces around it (write '\(trimmed)')")
      }
      row.values[c.rawValue] = trimmed
    }

    var kind: ProgressEntry.Kind?
    let kindText = row[.kind]
    if kindText.isEmpty {
      issue(row.at(.kind), "kind is empty (expected target, base, task, milestone or finding)")
    } else if let k = ProgressEntry.Kind(rawValue: kindText) {
      kind = k
    } else {
      issue(
        row.at(.kind),
        "kind '\(shown(kindText))' is not one of target, base, task, milestone, finding")
    }

    var entry = ProgressEntry(kind: kind ?? .target, id: row[.id], reporter: "", date: Day(0, 0, 0))
    entry.location = SourceLocation(file: path, line: record.start.line)
    entry.note = ProgressFile.note(fromField: fields[Column.note.rawValue].text)
    entry.preparer = row[.preparer]
    entry.reviewer = row[.reviewer]
    // The row's basis for duplicate detection; nil when it could not be read.
    var basisKey: String? = ""
    var idKnown = false

    switch kind {
    case .target:
      let target = lookUpTarget(row, kind: .target)
      idKnown = target != nil
      // A qualitative target's row takes a state, the others' a value.
      let qualitative =
        switch target?.requirement.kind {
        case .qualitative?: true
        case .level?, .count?, .share?, .change?: false
        case nil: target?.requirement.measure == .qualitative
        }
      if target == nil {
        // Whether it takes a value or a state is unknown: check only what is written.
        if !row[.value].isEmpty { _ = number(row, .value, required: false) }
        if !row[.basis].isEmpty { _ = basis(row) }
        if !row[.state].isEmpty { _ = state(row, required: false) }
        requireEmpty(row, .percent, "in a target row")
      } else if let target, qualitative {
        let why = "for qualitative target '\(target.id)' (it takes a state and a percent only)"
        for c in [Column.value, .unit, .basis] { requireEmpty(row, c, why) }
        // 滞后: in progress, and saying it is behind schedule.
        if ["滞后", "behind"].contains(row[.state]) {
          entry.state = .inProgress
          entry.lagging = true
        } else {
          entry.state = state(row, required: true, lagging: true)
        }
        if !row[.percent].isEmpty {
          entry.percent = percent(row)
          checkPercent(entry, row)
        }
      } else {
        entry.value = number(row, .value, required: true)
        entry.unit = unit(row, of: target)
        entry.basis = basis(row)
        basisKey = entry.basis?.rawValue
        for c in [Column.state, .percent] { requireEmpty(row, c, "in a target row") }
      }
    case .base:
      let target = lookUpTarget(row, kind: .base)
      idKnown = target != nil
      if let target, target.requirement.baseYear == nil {
        issue(
          row.at(.id),
          "target '\(target.id)' has no base year (base rows are only for targets measured "
            + "against a base year)")
      }
      entry.value = number(row, .value, required: true)
      entry.unit = row[.unit].isEmpty ? nil : row[.unit]
      if row[.unit].isEmpty {
        issue(
          row.at(.unit),
          "unit is empty (expected the unit of the base-year value, the same as the target rows')"
        )
      }
      entry.baseYear = baseYear(row, of: target)
      basisKey = entry.baseYear.map(String.init)
      for c in [Column.state, .percent] { requireEmpty(row, c, "in a base row") }
    case .task, .milestone:
      let k = kind ?? .task
      let id = row[.id]
      let known = k == .task ? index.tasks.contains(id) : index.milestones.contains(id)
      idKnown = known
      if id.isEmpty {
        issue(row.at(.id), "id is empty (expected a \(k.rawValue) id)")
      } else if !known {
        let hint = index.otherKinds(of: id, besides: k).map { "; \($0)" } ?? ""
        issue(
          row.at(.id),
          "unknown \(k.rawValue) '\(shown(id))' (not a \(k.rawValue) of plan \(index.planID)"
            + "\(hint))")
      }
      for c in [Column.value, .unit, .basis] { requireEmpty(row, c, "in a \(k.rawValue) row") }
      entry.state = state(row, required: true)
      entry.percent = percent(row)
      checkPercent(entry, row)
    case .finding:
      let target = lookUpTarget(row, kind: .finding)
      idKnown = target != nil
      for c in [Column.value, .unit, .percent] { requireEmpty(row, c, "in a finding row") }
      entry.findingSource = findingSource(row)
      basisKey = entry.findingSource?.rawValue
      entry.finding = findingClass(row)
    case nil:
      break
    }

    // A third-party assessor need not be a unit of the plan: it is kept as written.
    let external =
      kind == .finding && entry.findingSource != .selfAssessment && !row[.reporter].isEmpty
      && index.unitIDs.contains(row[.reporter]) == false
      && index.shortNames[row[.reporter]] == nil
    let reporter = external ? row[.reporter] : self.reporter(row)
    entry.reporter = reporter ?? ""
    if let kind, kind == .target || kind == .base, idKnown, let reporter {
      checkResponsible(reporter, row: row, kind: kind)
    }
    if kind == .finding, entry.findingSource == .selfAssessment, idKnown, let reporter {
      checkSelfAssessor(reporter, row: row)
    }
    if let day = date(row) { entry.date = day }

    if let kind, idKnown, let reporter, let basisKey {
      let key = [kind.rawValue, row[.id], reporter, basisKey]
      if let first = seen[key] {
        let basis = basisKey.isEmpty ? "" : ", \(basisKey)"
        issue(
          record.start,
          "duplicate row: the same kind, id, reporter and basis as line \(first) "
            + "(\(kind.rawValue) '\(row[.id])', \(reporter)\(basis))")
      } else {
        seen[key] = record.start.line
      }
    }
    if issues.count == before { entries.append(entry) }
  }

  /// A row for a target counts only from a unit the plan makes responsible for it (its lead or
  /// a cooperating unit), or from its declared data source when it has one.
  mutating func checkResponsible(_ reporter: String, row: Row, kind: ProgressEntry.Kind) {
    let id = row[.id]
    let allowed = index.targetReporters[id] ?? []
    guard !allowed.contains(reporter) else { return }
    func named(_ unit: String) -> String {
      index.unitNames[unit].map { "\($0) (\(unit))" } ?? unit
    }
    let name = named(reporter)
    let who = allowed.sorted().map(named)
    if let source = index.targets[id]?.source {
      issue(
        row.at(.reporter),
        "reporter \(shown(name)) is not the data source of target '\(id)' (the plan takes its "
          + "values from \(named(source)) only)")
    } else {
      let list =
        who.isEmpty
        ? "no unit carries it" : "the plan's units for it: \(who.joined(separator: ", "))"
      issue(
        row.at(.reporter),
        "reporter \(shown(name)) is not responsible for target '\(id)' (neither its lead nor a "
          + "cooperating unit; \(list))")
    }
  }

  /// A self-assessment (自评) counts only from a unit that carries the target.
  mutating func checkSelfAssessor(_ reporter: String, row: Row) {
    let id = row[.id]
    let allowed = index.targetUnits[id] ?? []
    guard !allowed.contains(reporter) else { return }
    func named(_ unit: String) -> String {
      index.unitNames[unit].map { "\($0) (\(unit))" } ?? unit
    }
    let who = allowed.sorted().map(named)
    let list =
      who.isEmpty ? "no unit carries it" : "the plan's units for it: \(who.joined(separator: ", "))"
    issue(
      row.at(.reporter),
      "reporter \(shown(named(reporter))) cannot self-assess target '\(id)' (自评 is by its lead "
        + "or a cooperating unit; \(list); an inspector's finding is 第三方评估)")
  }

  /// Whose finding a `finding` row records, from its `basis` column.
  mutating func findingSource(_ row: Row) -> FindingSource? {
    let text = row[.basis]
    if text.isEmpty {
      issue(row.at(.basis), "basis is empty (expected 自评 or 第三方评估 in a finding row)")
      return nil
    }
    if let s = FindingSource(name: text) { return s }
    issue(
      row.at(.basis),
      "basis '\(shown(text))' is not 自评 or 第三方评估 (or selfAssessment, thirdParty) "
        + "in a finding row")
    return nil
  }

  /// The class a `finding` row records, from its `state` column.
  mutating func findingClass(_ row: Row) -> TargetStatus? {
    let text = row[.state]
    let expect = "达标, 预计达标, 基本达标 or 未达标 (or met, projected, nearlyMet, notMet)"
    if text.isEmpty {
      issue(row.at(.state), "state is empty (expected the class found: \(expect))")
      return nil
    }
    let found = TargetStatus.allCases.first { $0.chinese == text || $0.rawValue == text }
    guard let found, found != .noData else {
      issue(row.at(.state), "state '\(shown(text))' is not a class a finding gives (\(expect))")
      return nil
    }
    return found
  }

  /// The plan-level target or task figure a `target`, `base` or `finding` row names.
  mutating func lookUpTarget(_ row: Row, kind: ProgressEntry.Kind) -> PlanTarget? {
    let id = row[.id]
    if id.isEmpty {
      issue(row.at(.id), "id is empty (expected a target id)")
      return nil
    }
    if let t = index.targets[id] { return t }
    let hint = index.otherKinds(of: id, besides: kind).map { "; \($0)" } ?? ""
    issue(
      row.at(.id),
      "unknown target '\(shown(id))' (not a target or task figure of plan \(index.planID)\(hint))"
    )
    return nil
  }

  mutating func requireEmpty(_ row: Row, _ c: Column, _ why: String) {
    let text = row[c]
    guard !text.isEmpty else { return }
    issue(row.at(c), "\(c.name) '\(shown(text))' must be empty \(why)")
  }

  /// The number in column `c`; nil (with an issue when required or malformed) otherwise.
  mutating func number(_ row: Row, _ c: Column, required: Bool) -> Double? {
    let text = row[c]
    if text.isEmpty {
      if required { issue(row.at(c), "\(c.name) is empty (expected a number)") }
      return nil
    }
    switch NumberText.parse(text) {
    case .success(let v): return v
    case .failure(let hint):
      issue(row.at(c), "\(c.name) '\(shown(text))' is not a number (\(hint.text))")
      return nil
    }
  }

  mutating func unit(_ row: Row, of target: PlanTarget?) -> String? {
    let text = row[.unit]
    let r = target?.requirement
    let stated = (r?.unit ?? "").isEmpty ? nil : r?.unit
    // A change's rows give the unit of the amount measured (万吨), not the requirement's (%).
    let amount =
      switch r?.kind {
      case .change?: true
      case .level?, .count?, .share?, .qualitative?: false
      case nil: r?.measure == .change
      }
    if text.isEmpty {
      if let stated, !amount {
        issue(row.at(.unit), "unit is empty (expected '\(stated)')")
      } else {
        issue(row.at(.unit), "unit is empty (expected the unit of the measured value, e.g. 万吨)")
      }
      return nil
    }
    if let target, let stated, !amount, text != stated {
      issue(
        row.at(.unit),
        "unit '\(shown(text))' does not match target '\(target.id)' (expected '\(stated)')")
    }
    return text
  }

  mutating func basis(_ row: Row) -> ProgressEntry.Basis? {
    let text = row[.basis]
    if text.isEmpty {
      issue(row.at(.basis), "basis is empty (expected period or ytd)")
      return nil
    }
    if let b = ProgressEntry.Basis(rawValue: text) { return b }
    let hints = ["累计": "ytd", "年累计": "ytd", "当月": "period", "本月": "period"]
    let hint = hints[text] ?? ProgressEntry.Basis(rawValue: text.lowercased())?.rawValue
    let write = hint.map { "; write \($0)" } ?? ""
    issue(
      row.at(.basis),
      "basis '\(shown(text))' is not period or ytd (period: the month alone; ytd: year to date"
        + "\(write))")
    return nil
  }

  mutating func baseYear(_ row: Row, of target: PlanTarget?) -> Int? {
    let text = row[.basis]
    let want = target?.requirement.baseYear
    let expect = want.map { "the base year \($0)" } ?? "the base year, e.g. 2015"
    if text.isEmpty {
      issue(row.at(.basis), "basis is empty (expected \(expect))")
      return nil
    }
    guard text.utf8.count == 4, text.utf8.allSatisfy({ (48...57).contains($0) }),
      let year = Int(text)
    else {
      issue(row.at(.basis), "basis '\(shown(text))' is not a year (expected \(expect))")
      return nil
    }
    if let target, let want, year != want {
      issue(
        row.at(.basis),
        "basis \(year) is not the base year of target '\(target.id)' (expected \(want))")
    }
    return year
  }

  /// Whether a row's percent fits its state: 已完成 if and only if 100, 未开始 only with 0.
  mutating func checkPercent(_ entry: ProgressEntry, _ row: Row) {
    guard let s = entry.state, let p = entry.percent else { return }
    let text = row[.percent]
    if s == .done, p != 100 {
      issue(row.at(.percent), "percent \(text) does not fit state 已完成 (expected 100)")
    } else if s != .done, p == 100 {
      issue(
        row.at(.percent),
        "percent 100 needs state 已完成 (found \(s.chinese); write 已完成, or a percent below 100)")
    } else if s == .notStarted, p != 0 {
      issue(row.at(.percent), "percent \(text) does not fit state 未开始 (expected 0)")
    }
  }

  /// The state in the `state` column; `lagging` when 滞后 is also accepted (qualitative
  /// targets), for the message.
  mutating func state(_ row: Row, required: Bool, lagging: Bool = false) -> WorkState? {
    let text = row[.state]
    let states = lagging ? "未开始, 推进中, 滞后 or 已完成" : "未开始, 推进中 or 已完成"
    if text.isEmpty {
      if required { issue(row.at(.state), "state is empty (expected \(states))") }
      return nil
    }
    if let s = WorkState(name: text) { return s }
    if !lagging, ["滞后", "behind"].contains(text) {
      issue(
        row.at(.state),
        "state 滞后 is for qualitative targets (a task or milestone is behind when its percent "
          + "is below 序时进度: write 推进中 and the percent)")
      return nil
    }
    let codes = lagging ? "notStarted, inProgress, behind, done" : "notStarted, inProgress, done"
    issue(
      row.at(.state),
      "state '\(shown(text))' is not one of \(states.replacingOccurrences(of: " or ", with: ", ")) "
        + "(or \(codes))")
    return nil
  }

  mutating func percent(_ row: Row) -> Double? {
    let text = row[.percent]
    if text.isEmpty {
      issue(row.at(.percent), "percent is empty (expected a number from 0 to 100)")
      return nil
    }
    guard let p = number(row, .percent, required: true) else { return nil }
    guard (0...100).contains(p) else {
      issue(row.at(.percent), "percent \(text) is out of range (expected 0 to 100)")
      return nil
    }
    return p
  }

  /// The reporting unit's id, from its id or its short name.
  mutating func reporter(_ row: Row) -> String? {
    let text = row[.reporter]
    let expect = "a unit id of plan \(index.planID), e.g. \(index.exampleUnit), or its short name"
    if text.isEmpty {
      issue(row.at(.reporter), "reporter is empty (expected \(expect))")
      return nil
    }
    if index.unitIDs.contains(text) { return text }
    if let ids = index.shortNames[text] {
      if ids.count == 1 { return ids[0] }
      issue(
        row.at(.reporter),
        "reporter '\(shown(text))' is the short name of several units "
          + "(\(ids.joined(separator: ", "))); write the unit id")
      return nil
    }
    issue(
      row.at(.reporter), "reporter '\(shown(text))' is not a unit of the plan (expected \(expect))")
    return nil
  }

  mutating func date(_ row: Row) -> Day? {
    let text = row[.date]
    let example = period.map { $0.range.end } ?? index.period.end
    if text.isEmpty {
      issue(row.at(.date), "date is empty (expected YYYY-MM-DD, e.g. \(example))")
      return nil
    }
    let shape = Array(text.utf8)
    let wellFormed =
      shape.count == 10
      && shape.enumerated().allSatisfy { i, b in
        i == 4 || i == 7 ? b == UInt8(ascii: "-") : (48...57).contains(b)
      }
    guard wellFormed else {
      issue(
        row.at(.date),
        "date '\(shown(text))' is not a date (expected YYYY-MM-DD, e.g. \(example))")
      return nil
    }
    guard let day = Day(parsing: text) else {
      issue(row.at(.date), "date \(text) does not exist")
      return nil
    }
    if !index.period.contains(day) {
      issue(row.at(.date), "date \(day) is outside the plan's period \(index.period)")
      return nil
    }
    if let period, day > period.range.end {
      issue(
        row.at(.date),
        "date \(day) is after the report's period \(period) (a report cannot be dated after "
          + "\(period.range.end))")
      return nil
    }
    return day
  }
}

/// A row's fields, with their values trimmed once reported.
private struct Row {
  var fields: [CSV.Field]
  var values: [String]

  init(fields: [CSV.Field]) {
    self.fields = fields
    values = fields.map(\.text)
  }

  /// The column's value; empty for a column an older file does not have.
  subscript(_ c: Column) -> String { c.rawValue < values.count ? values[c.rawValue] : "" }

  func at(_ c: Column) -> CSV.Position {
    fields[c.rawValue < fields.count ? c.rawValue : fields.count - 1].position
  }
}

/// The strict number syntax of progress files: a plain decimal, `-?[0-9]+(\.[0-9]+)?`.
enum NumberText {
  /// What to write instead, for a message.
  struct Hint: Error, Equatable {
    var text: String
  }

  /// The value of a plain decimal, or a hint saying what to write instead.
  static func parse(_ text: String) -> Result<Double, Hint> {
    if isPlain(text) {
      guard let v = Double(text), v.isFinite else {
        return .failure(Hint(text: "the number is too large"))
      }
      return .success(v)
    }
    return .failure(Hint(text: hint(text)))
  }

  /// Whether `text` is `-?[0-9]+(\.[0-9]+)?`.
  static func isPlain(_ text: String) -> Bool {
    var u = Substring(text).utf8[...]
    if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
    let parts = u.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return false }
    return parts.allSatisfy { p in !p.isEmpty && p.allSatisfy { (48...57).contains($0) } }
  }

  static func hint(_ text: String) -> String {
    // Full-width digits, the full-width point and minus signs.
    var ascii = String.UnicodeScalarView()
    for s in text.unicodeScalars {
      switch s.value {
      case 0xFF10...0xFF19: ascii.append(Unicode.Scalar(s.value - 0xFF10 + 48) ?? s)
      case 0xFF0E, 0x3002: ascii.append(".")
      case 0xFF0D, 0x2212: ascii.append("-")
      case 0xFF05: ascii.append("%")
      default: ascii.append(s)
      }
    }
    let a = String(ascii)
    if a != text, isPlain(a) { return "write \(a) in ASCII characters" }
    for sign in ["%", "‰"] where a.hasSuffix(sign) {
      let rest = String(a.dropLast())
      if isPlain(rest) { return "write \(rest) without '\(sign)'" }
    }
    if a.hasPrefix("+"), isPlain(String(a.dropFirst())) {
      return "write \(a.dropFirst()) without '+'"
    }
    if a.contains(",") {
      let without = a.replacingOccurrences(of: ",", with: "")
      if isThousands(a), isPlain(without) {
        return "write \(without), without thousands separators; a decimal point is '.'"
      }
      let dotted = a.replacingOccurrences(of: ",", with: ".")
      if isPlain(dotted) { return "write \(dotted)" }
    }
    if a.contains(" "), isPlain(a.replacingOccurrences(of: " ", with: "")) {
      return "write \(a.replacingOccurrences(of: " ", with: "")) without spaces"
    }
    let negative = a.hasPrefix("-")
    let unsigned = negative ? String(a.dropFirst()) : a
    if unsigned.hasPrefix("."), isPlain("0" + unsigned) {
      return "write \(negative ? "-" : "")0\(unsigned)"
    }
    if unsigned.hasSuffix("."), isPlain(String(a.dropLast())) { return "write \(a.dropLast())" }
    if a.contains(where: { $0 == "e" || $0 == "E" }),
      a.allSatisfy({ "0123456789.-+eE".contains($0) }), let v = Double(a), v.isFinite
    {
      let plain = Requirement.format(v)
      return isPlain(plain)
        ? "write \(plain), without an exponent" : "write it as a plain decimal, without an exponent"
    }
    return "expected a plain decimal number such as 35, 0.5 or -1.5"
  }

  /// `1,000` or `12,345,678.5`: digits grouped by threes with commas.
  static func isThousands(_ text: String) -> Bool {
    var t = Substring(text)
    if t.first == "-" { t = t.dropFirst() }
    let integer = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
    guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else {
      return false
    }
    return groups.dropFirst().allSatisfy { $0.count == 3 }
  }
}

/// `text` without leading and trailing whitespace (full-width spaces and line breaks too).
private func trim(_ text: String) -> String {
  var s = Substring(text)
  while let f = s.first, f.isWhitespace { s = s.dropFirst() }
  while let l = s.last, l.isWhitespace { s = s.dropLast() }
  return String(s)
}

/// A field's text as messages show it: line breaks and tabs escaped, every other control
/// character (and the format characters that reorder or hide text on a terminal) as `\u{1B}`,
/// at most 40 characters.
func shown(_ text: String) -> String {
  var out = ""
  var count = 0
  for s in text.unicodeScalars {
    guard count < 40 else { return out + "…" }
    count += 1
    switch s {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if ProgressFile.isControl(s) || ProgressFile.isHiddenFormat(s) {
        out += "\\u{\(String(s.value, radix: 16, uppercase: true))}"
      } else {
        out.unicodeScalars.append(s)
      }
    }
  }
  return out
}
