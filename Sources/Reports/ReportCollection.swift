import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import SafeFiles
import Tracking

/// Collecting returned workbooks into a plan's progress folder, all or nothing.
public struct ReportCollection: Sendable {
  public var resolved: ResolvedPlan
  /// `plans/progress/<plan-id>`.
  public var folder: String

  public init(resolved: ResolvedPlan, folder: String) {
    self.resolved = resolved
    self.folder = folder
  }

  /// What was written.
  public struct Outcome: Sendable {
    public var written: [String]
    /// One line per submission: `2020-09.csv: 23 rows from 大气处 (2020年9月-08-大气处.xlsx)`.
    public var summary: [String]
    /// Workbooks returned blank (nothing filled in), which were not collected: one line each,
    /// naming the file and the unit.
    public var warnings: [String] = []
    /// For each month collected into, the units that owe a report on it
    /// (`ResolvedPlan.reportingUnits`) and have none in its file yet.
    public var missing: [(period: ReportingPeriod, units: [OrgUnit])] = []

    /// The missing units as lines: `2020-09 尚未报送（2个单位）：办公室、信息中心`.
    public var missingLines: [String] {
      missing.map { m in
        m.units.isEmpty
          ? "\(m.period) 应报单位均已报送"
          : "\(m.period) 尚未报送（\(m.units.count)个单位）：\(m.units.map(\.shortName).joined(separator: "、"))"
      }
    }
  }

  /// Reads every file, checks everything, then writes the period files (and the history of
  /// replaced rows) as one ``SafeFiles/FileTransaction``: all of them or none. Throws every
  /// problem found, and then writes nothing; a period file that is there but cannot be read
  /// is such a problem. With `expected`, a workbook for another month is a problem. `notice`
  /// gets what the transaction says (waiting for another collect, an interrupted one undone).
  public func collect(
    _ files: [String], replace: Bool, period expected: ReportingPeriod? = nil,
    notice: (String) -> Void = { _ in }
  ) throws(CollectFailure) -> Outcome {
    let fingerprint: String
    do {
      fingerprint = try resolved.plan.fingerprint()
    } catch {
      throw CollectFailure([CollectIssue(file: resolved.plan.id, message: "\(error)")])
    }
    var issues: [CollectIssue] = []
    var submissions: [Submission] = []
    for file in files {
      switch Collector.read(file, plan: resolved, fingerprint: fingerprint) {
      case .failure(let f): issues += f.issues
      case .success(let s) where expected != nil && s.period != expected:
        issues.append(
          CollectIssue(
            file: s.file,
            message:
              "是\(s.period.chinese)的报表，不是本次收集的\(expected?.chinese ?? "")报表"
          ))
      case .success(let s):
        if let earlier = submissions.first(where: {
          $0.unit.id == s.unit.id && $0.period == s.period
        }) {
          issues.append(
            CollectIssue(
              file: s.file,
              message:
                "\(s.unit.shortName)\(s.period.chinese)的报表重复报送（第一份是\(earlier.file)）；只收集其中一份"
            ))
        } else {
          submissions.append(s)
        }
      }
    }
    guard issues.isEmpty else { throw CollectFailure(issues) }
    // A workbook returned blank is not a report: say so, naming the unit, and skip it.
    let warnings = submissions.filter(\.entries.isEmpty).map { s in
      "\(s.file)：\(s.unit.shortName)报回的填报表是空白的（没有填写任何数值或状态），未收集"
    }
    let blank = submissions.filter(\.entries.isEmpty)
    submissions.removeAll { $0.entries.isEmpty }
    guard !submissions.isEmpty else {
      return Outcome(
        written: [], summary: [], warnings: warnings,
        missing: missing(in: Set(blank.map(\.period)), updates: []))
    }

    // Under the folder's lock: read what is there, prepare every file, stage them all, then
    // commit them together (a failure puts back what was renamed; a killed run is rolled back
    // by the next).
    let transaction: FileTransaction
    do {
      transaction = try FileTransaction(folder: folder, notice: notice)
    } catch {
      throw CollectFailure([CollectIssue(file: error.path, message: error.reason)])
    }
    var updates: [(PeriodFile.Update, [String])] = []
    for period in Set(submissions.map(\.period)).sorted() {
      let these = submissions.filter { $0.period == period }
      let path = URL(fileURLWithPath: folder).appendingPathComponent("\(period).csv").path
      let existing: String?
      do {
        existing = try readText(path)
      } catch {
        issues.append(error)
        continue
      }
      switch PeriodFile.update(
        path: path, existing: existing, submissions: these, replace: replace, plan: resolved)
      {
      case .failure(let f): issues += f.issues
      case .success(let u): updates.append((u, these.map(\.file)))
      }
    }
    guard issues.isEmpty else { throw CollectFailure(issues) }

    do {
      for (update, files) in updates {
        if !update.replaced.isEmpty {
          let existing: String?
          do {
            existing = try readText(update.historyPath)
          } catch {
            issues.append(error)
            continue
          }
          try transaction.stage(
            PeriodFile.history(existing: existing, update: update, by: files),
            at: update.historyPath)
        }
        try transaction.stage(update.text, at: update.path)
      }
      guard issues.isEmpty else {
        transaction.discard()
        throw CollectFailure(issues)
      }
      try transaction.commit()
    } catch let error as FileError {
      throw CollectFailure([
        CollectIssue(file: error.path, message: "cannot be written: \(error.reason)")
      ])
    } catch let failure as CollectFailure {
      throw failure
    } catch {
      throw CollectFailure([CollectIssue(file: folder, message: "\(error)")])
    }
    let written = updates.flatMap { u, _ in
      u.replaced.isEmpty ? [u.path] : [u.historyPath, u.path]
    }
    let summary = submissions.map { s in
      "\(s.period).csv: \(s.entries.count) rows from \(s.unit.shortName) (\(s.file))"
    }
    return Outcome(
      written: written, summary: summary, warnings: warnings,
      missing: missing(
        in: Set(submissions.map(\.period) + blank.map(\.period)), updates: updates.map(\.0)))
  }

  /// For each of `periods`, the reporting units with no rows in its file: the new text when
  /// `updates` has it, or else the file as it is (none when there is none). A file that cannot
  /// be read or parsed gets no list: it is not taken for a file without rows.
  func missing(
    in periods: Set<ReportingPeriod>, updates: [PeriodFile.Update]
  ) -> [(
    period: ReportingPeriod, units: [OrgUnit]
  )] {
    periods.sorted().compactMap { period in
      let path = URL(fileURLWithPath: folder).appendingPathComponent("\(period).csv").path
      var reported = updates.first { $0.path == path }?.reporters
      if reported == nil {
        do {
          reported =
            try readText(path).map {
              Set(try ProgressFile.parse($0, path: path, plan: resolved).entries.map(\.reporter))
            } ?? []
        } catch {
          return nil
        }
      }
      let done = reported ?? []
      return (period, resolved.reportingUnits.filter { !done.contains($0.id) })
    }
  }

  /// The text of the file at `path`, or nil when there is none. A file that is there but
  /// cannot be read — not UTF-8 (a GBK file, say), a folder, a FIFO, unreadable — is a problem
  /// that stops the whole collect: its rows must never be written over.
  func readText(_ path: String) throws(CollectIssue) -> String? {
    let bytes: [UInt8]
    do {
      guard let read = try FileReading.bytesIfPresent(path, limit: ProgressFile.maximumSize)
      else { return nil }
      bytes = read
    } catch {
      throw CollectIssue(
        file: path, message: "\(error.reason); nothing collected, so that it is not written over")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      let why: String
      do {
        _ = try ProgressFile.parse(bytes: bytes, path: path, plan: resolved)
        why = "is not valid UTF-8"
      } catch {
        why = error.issues.first?.message ?? "is not valid UTF-8"
      }
      throw CollectIssue(
        file: path,
        message: "cannot be read: \(why); nothing collected, so that it is not written over")
    }
    return text
  }
}

/// A problem with one file, thrown alone where one file stops the collect.
extension CollectIssue: Error {}
