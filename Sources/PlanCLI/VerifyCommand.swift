import ArgumentParser
import Books
import Foundation
import PlanModel
import Plans
import XlsxReader

/// `planbook verify FILE.xlsx...`: whether books still match the current version of their plan.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that xlsx books were made from the current version of their plan.",
    discussion: """
      Reads each workbook's PlanBook properties (plan id, version, fingerprint) and compares \
      the fingerprint with the plan's as the catalogue has it now. Workbooks are read as \
      untrusted input: size caps, no DTDs, every problem a one-line error.

      A folder stands for its xlsx files and is checked as one set: every book the last \
      export listed is there, and all come from one version of one plan.

      Exit codes: 0 when every book is current; 1 when any is stale (made from another \
      version of its plan) or a folder is not one complete set; 2 when any cannot be read (missing, not an xlsx file, damaged, \
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
      case .stale: 1
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
  }

  func run() throws {
    var fingerprints: [String: String] = [:]
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
      let result = try VerifyCommand.verify(file, fingerprints: &fingerprints)
      results.append(result)
      // File names and properties come from files: control characters are shown escaped.
      if let error = result.error { printError(TerminalText.escaped(error)) }
      if format == .text, let line = VerifyCommand.line(result) {
        print(TerminalText.escaped(line))
      }
    }
    if format == .json { print(try jsonText(results)) }
    if format == .text, results.count > 1 {
      let counts = [Status.current, .stale, .unreadable, .foreign, .unknownPlan].compactMap {
        status -> String? in
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

  /// Reads `file` and compares it with its plan; `fingerprints` caches each plan's.
  static func verify(_ file: String, fingerprints: inout [String: String]) throws -> Result {
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
    guard let plan = Catalogue.plan(planID)?.model else {
      let known = Catalogue.plans.map(\.model.id).sorted().joined(separator: ", ")
      result.status = .unknownPlan
      result.error =
        "\(file): made from plan “\(SafeText.printable(planID))”, which is not in the "
        + "catalogue (known plans: \(known))"
      return result
    }
    let current: String
    if let cached = fingerprints[planID] {
      current = cached
    } else {
      current = try plan.fingerprint()
      fingerprints[planID] = current
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
    result.status = fingerprint.lowercased() == current ? .current : .stale
    return result
  }

  /// The line `verify` prints for a current or stale book; nil for the others, whose error
  /// goes to standard error.
  static func line(_ r: Result) -> String? {
    guard let planID = r.planID.map({ SafeText.printable($0) }),
      let current = r.currentFingerprint
    else { return nil }
    /// ` version 2020-1`, or nothing for an unversioned plan.
    func version(_ label: String?) -> String {
      guard let label, !label.isEmpty, label != BookProperties.unversioned else { return "" }
      return " version \(SafeText.printable(label))"
    }
    let short = WorkPlan.shortFingerprint(current)
    switch r.status {
    case .current:
      var what = ""
      if r.kind == "overview" {
        what = " (overview)"
      } else if let unit = r.unit {
        what = " (book for \(SafeText.printable(unit)))"
      }
      return "\(r.file): current — \(planID)\(version(r.version)), fingerprint \(short)\(what)"
    case .stale:
      let made = SafeText.printable(WorkPlan.shortFingerprint(r.fingerprint ?? ""))
      let now = version(r.currentVersion)
      return "\(r.file): stale — made from \(planID)\(version(r.version)), fingerprint \(made); "
        + (now.isEmpty
          ? "the plan's fingerprint is now \(short)"
          : "the plan is now\(now), fingerprint \(short)")
    default:
      return nil
    }
  }
}
