import ArgumentParser
import Books
import Foundation
import PlanJSON
import PlanModel
import Sheets
import XlsxReader

/// `planbook verify FILE.xlsx...`: whether books still match the current version of their plan.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that xlsx books were made from the current version of their plan.",
    discussion: """
      Reads each workbook's PlanBook properties (plan id, version, fingerprint) and compares \
      the fingerprint with the plan's as the catalogue has it now. A book or overview of the \
      current plan is then compared with what `planbook export` would write for it now: every \
      cell's value, the sheet names and the printed footer (not styles, widths or heights). \
      Each difference is one line naming the section, the row of its table, the column and \
      the cell, as the book prints them — \
      `08-大气处.xlsx: 一、责任目标 row 3: 目标值 130, plan says 135 (E12)` — a deleted or added \
      row once, at most 20 lines a book (then `… and N more`). Progress templates, status \
      dashboards and 修订对照表 are compared by fingerprint only: they are meant to be filled \
      in, or depend on more than the plan.

      A stale book names the plan version it was made from. When the workspace's git history \
      holds that version's snapshot (plans/snapshots/<id>.json), verify says at which commit, \
      what changed since in `planbook diff` terms, and the `planbook diff` command that shows \
      it; otherwise it says the version is not there (a book does not carry its plan).

      A folder stands for its xlsx files and is checked as one set: every book the last \
      export listed is there, all come from one version of one plan, and none was edited.

      --format json prints an array, one object per file: file, status (current, edited, \
      stale, unreadable, foreign, unknown-plan), planID, version, fingerprint, \
      currentVersion, currentFingerprint, unit, kind, error; for an edited book \
      differenceCount and differences (each: kind, sheet, cell, place, column, found, \
      expected, message; at most 1000); for a stale one madeAt (PLAN@COMMIT), since, diff \
      (the command), or schemaVersion and currentSchemaVersion when it was made with another \
      book layout. Fields that do not apply are left out.

      Exit codes: 0 when every book is current; 1 when any is edited or stale (made from \
      another version of its plan, or with another book layout) or a folder is not one \
      complete, unedited set; 2 when any cannot be read (missing, not an xlsx file, damaged, \
      over the size caps), is not a PlanBook workbook, or names a plan the catalogue does not \
      have. Problems go to standard error, each line starting with the file's name.
      """)

  @Argument(help: "The xlsx workbooks to check, or export folders (each checked as one set).")
  var files: [String] = []
  @Option(help: "Output format: text or json.") var format: OutputFormat = .text

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one xlsx file") }
  }

  /// What became of one file.
  enum Status: String, Codable {
    /// Made from the plan as it is now.
    case current
    /// Made from the plan as it is now, but its cells differ from what the plan exports.
    case edited
    /// Made from another version of its plan.
    case stale
    /// Not an xlsx file that can be read.
    case unreadable
    /// An xlsx file, but not a (complete) PlanBook workbook.
    case foreign
    /// A PlanBook workbook of a plan the catalogue does not have.
    case unknownPlan = "unknown-plan"

    /// The exit code this status asks for.
    var exitCode: Int32 {
      switch self {
      case .current: 0
      case .edited, .stale: 1
      case .unreadable, .foreign, .unknownPlan: 2
      }
    }
  }

  /// One file's result; in JSON, fields that do not apply are left out.
  struct Result: Codable {
    var file: String
    var status: Status
    var planID: String?
    var version: String?
    var fingerprint: String?
    var currentVersion: String?
    var currentFingerprint: String?
    var unit: String?
    var kind: String?
    var error: String?
    /// Edited: how many cells, rows or sheets differ, and the first 1000 of them.
    var differenceCount: Int?
    var differences: [BookComparison.Difference]?
    /// Stale: the commit whose snapshot of the plan the book was made from (`PLAN@COMMIT`),
    /// what changed since (or why that is not known), and the `planbook diff` to run.
    var madeAt: String?
    var since: String?
    var diff: String?
    /// Stale because made with another book layout: its schema and this PlanBook's.
    var schemaVersion: String?
    var currentSchemaVersion: String?
  }

  /// How many differences of one book the text output lists.
  static let linesPerBook = 20

  func run() throws {
    var state = State()
    var results: [Result] = []
    var folders: [(String, Range<Int>)] = []
    var paths: [String] = []
    for file in files {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
        let inside = try VerifyFolder.workbooks(in: file)
        folders.append((file, paths.count..<(paths.count + inside.count)))
        paths += inside
      } else {
        paths.append(file)
      }
    }
    for file in paths {
      let result = try VerifyCommand.verify(file, state: &state)
      results.append(result)
      // File names and properties come from files: control characters are shown escaped.
      if let error = result.error { printError(TerminalText.escaped(error)) }
      if format == .text {
        for line in VerifyCommand.lines(result) { print(TerminalText.escaped(line)) }
      }
    }
    if format == .json { print(try jsonText(results)) }
    if format == .text, results.count > 1 {
      let counts = [Status.current, .edited, .stale, .unreadable, .foreign, .unknownPlan]
        .compactMap { status -> String? in
          let n = results.filter { $0.status == status }.count
          return n == 0 ? nil : "\(n) \(status.rawValue)"
        }
      print("\(count(results.count, "file")): \(counts.joined(separator: ", "))")
    }
    var code = results.map(\.status.exitCode).max() ?? 0
    for (folder, range) in folders {
      let (line, whole) = VerifyFolder.check(folder, results: Array(results[range]))
      if format == .text { print(line) } else if !whole { printError(line) }
      if !whole { code = max(code, 1) }
    }
    if code != 0 { throw ExitCode(code) }
  }

  /// What one run keeps between files: each plan's fingerprint and resolved export, and each
  /// stale fingerprint's place in the plan's history.
  struct State {
    var fingerprints: [String: String] = [:]
    var content = BookContent()
    var history: [String: PlanHistory.Outcome] = [:]
    let root = Workspace().root
  }

  /// Reads `file` and compares it with its plan: the fingerprint, then (for a book or overview
  /// of the current plan) the cells.
  static func verify(_ file: String, state: inout State) throws -> Result {
    var result = Result(file: file, status: .unreadable)
    let book: XlsxFile
    do {
      book = try XlsxFile.open(file)
    } catch {
      result.error = error.description
      return result
    }
    let properties = book.customProperties
    result.unit = properties[BookProperties.unit]
    result.kind = properties[BookProperties.kind]
    guard let planID = properties[BookProperties.planID] else {
      result.status = .foreign
      result.error = "\(file): not a PlanBook workbook (no \(BookProperties.planID) property)"
      return result
    }
    result.planID = planID
    result.version = properties[BookProperties.planVersion]
    // Only the catalogue: a plan id from a file is never taken as a path.
    guard let plan = try Catalogue.plan(planID)?.model else {
      let known = try Catalogue.knownIDs()
      result.status = .unknownPlan
      result.error =
        "\(file): made from plan “\(SafeText.printable(planID))”, which is not in the "
        + "catalogue (known plans: \(known))"
      return result
    }
    let current: String
    if let cached = state.fingerprints[planID] {
      current = cached
    } else {
      current = try plan.fingerprint()
      state.fingerprints[planID] = current
    }
    result.currentVersion = plan.version ?? BookProperties.unversioned
    result.currentFingerprint = current
    guard let fingerprint = properties[BookProperties.fingerprint], !fingerprint.isEmpty else {
      result.status = .foreign
      result.error =
        "\(file): not a complete PlanBook workbook (it names plan \(SafeText.printable(planID)) "
        + "but has no \(BookProperties.fingerprint) property)"
      return result
    }
    result.fingerprint = fingerprint
    guard fingerprint.lowercased() == current else {
      result.status = .stale
      history(of: &result, plan: plan, state: &state)
      return result
    }
    guard let kind = result.kind else {
      result.status = .foreign
      result.error =
        "\(file): not a complete PlanBook workbook (it names plan \(SafeText.printable(planID)) "
        + "but has no \(BookProperties.kind) property)"
      return result
    }
    result.status = .current
    // Templates are filled in; dashboards and revision tables depend on more than the plan.
    guard kind == "book" || kind == "overview" else { return result }
    let schema = properties[BookProperties.schemaVersion]
    let currentSchema = String(BookProperties.currentSchemaVersion)
    guard schema == currentSchema else {
      result.status = .stale
      result.schemaVersion = schema ?? "none"
      result.currentSchemaVersion = currentSchema
      return result
    }
    let export = state.content.export(plan, fingerprint: current)
    guard let expected = BookContent.expected(kind: kind, unit: result.unit, in: export) else {
      result.status = .edited
      result.differenceCount = 1
      result.differences = [
        BookComparison.Difference(
          kind: .property, sheet: nil, place: BookProperties.unit, found: result.unit,
          message: "property \(BookProperties.unit) “\(SafeText.printable(result.unit ?? ""))” "
            + "names no unit the plan has a book for")
      ]
      return result
    }
    let found: [BookComparison.Sheet]
    do {
      found = try BookContent.sheets(of: book)
    } catch {
      result.status = .unreadable
      result.error = error.description
      return result
    }
    var (differences, n) = BookComparison.compare(expected: expected.sheets, found: found)
    if result.unit != expected.unit {
      n += 1
      differences.insert(
        BookComparison.Difference(
          kind: .property, sheet: nil, place: BookProperties.unit, found: result.unit,
          expected: expected.unit,
          message: "property \(BookProperties.unit) “\(SafeText.printable(result.unit ?? ""))”, "
            + "plan says “\(expected.unit)”"), at: 0)
    }
    if n > 0 {
      result.status = .edited
      result.differenceCount = n
      result.differences = differences
    }
    return result
  }

  /// For a stale book: the commit its plan version was committed at and what changed since,
  /// when the workspace's history has it.
  static func history(of result: inout Result, plan: WorkPlan, state: inout State) {
    guard let fingerprint = result.fingerprint?.lowercased() else { return }
    let key = "\(plan.id) \(fingerprint)"
    let outcome =
      state.history[key]
      ?? PlanHistory.find(plan.id, fingerprint: fingerprint, in: state.root)
    state.history[key] = outcome
    let path = "plans/snapshots/\(plan.id).json"
    switch outcome {
    case .found(let version):
      result.madeAt = "\(plan.id)@\(version.commit)"
      result.since = PlanHistory.changes(from: version, to: plan)
      result.diff = "planbook diff \(plan.id)@\(version.commit) \(plan.id)"
    case .notFound:
      result.since =
        "that version is not among the committed snapshots of the plan (\(path) in the "
        + "workspace's git history), so what changed since is not known here"
      result.diff = "planbook diff OLD.json \(plan.id)"
    case .unavailable(let why):
      result.since = "the plan's history cannot be read (\(why))"
    }
  }

  /// The lines `verify` prints for a current, edited or stale book; none for the others, whose
  /// error goes to standard error.
  static func lines(_ r: Result) -> [String] {
    guard let planID = r.planID.map({ SafeText.printable($0) }),
      let current = r.currentFingerprint
    else { return [] }
    /// ` version 2020-1`, or nothing for an unversioned plan.
    func version(_ label: String?) -> String {
      guard let label, !label.isEmpty, label != BookProperties.unversioned else { return "" }
      return " version \(SafeText.printable(label))"
    }
    let short = WorkPlan.shortFingerprint(current)
    var what = ""
    if r.kind == "overview" {
      what = " (overview)"
    } else if let unit = r.unit {
      let kind = r.kind.map { $0 == "book" ? "book" : SafeText.printable($0) } ?? "book"
      what = " (\(kind) for \(SafeText.printable(unit)))"
    }
    switch r.status {
    case .current:
      return ["\(r.file): current — \(planID)\(version(r.version)), fingerprint \(short)\(what)"]
    case .edited:
      let n = r.differenceCount ?? 0
      var out = [
        "\(r.file): edited — \(count(n, "difference")) from what \(planID)\(version(r.version)), "
          + "fingerprint \(short), exports\(what)"
      ]
      let listed = (r.differences ?? []).prefix(linesPerBook)
      out += listed.map { "\(r.file): \($0.message)" }
      if n > listed.count { out.append("\(r.file): … and \(n - listed.count) more") }
      return out
    case .stale:
      if let schema = r.schemaVersion, let now = r.currentSchemaVersion {
        return [
          "\(r.file): stale — made from \(planID)\(version(r.version)), fingerprint \(short) "
            + "(the current plan), with book layout \(SafeText.printable(schema)); this "
            + "PlanBook writes layout \(now): export again"
        ]
      }
      let made = SafeText.printable(WorkPlan.shortFingerprint(r.fingerprint ?? ""))
      let now = version(r.currentVersion)
      var out = [
        "\(r.file): stale — made from \(planID)\(version(r.version)), fingerprint \(made); "
          + (now.isEmpty
            ? "the plan's fingerprint is now \(short)"
            : "the plan is now\(now), fingerprint \(short)")
      ]
      if let at = r.madeAt, let since = r.since, let diff = r.diff {
        out.append("\(r.file): made from \(at); since then: \(since) — `\(diff)` shows what")
      } else if let since = r.since {
        out.append(
          "\(r.file): \(since)" + (r.diff.map { "; with a snapshot of it, `\($0)` shows it" } ?? "")
        )
      }
      return out
    default:
      return []
    }
  }
}
