import Foundation
import PlanEngine
import PlanModel

/// Collecting returned workbooks into a plan's progress folder, all or nothing.
public struct Collection: Sendable {
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
    /// One line per submission: `2020-09.csv: 23 rows from 大气处 (2020-09-08-大气处.xlsx)`.
    public var summary: [String]
  }

  /// Reads every file, checks everything, then writes the period files (and the history of
  /// replaced rows). Throws every problem found, and then writes nothing. With `expected`, a
  /// workbook for another month is a problem.
  public func collect(
    _ files: [String], replace: Bool, period expected: ReportingPeriod? = nil
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
              "a report for \(s.period), not for \(expected?.description ?? "") (the month being collected)"
          ))
      case .success(let s):
        if let earlier = submissions.first(where: {
          $0.unit.id == s.unit.id && $0.period == s.period
        }) {
          issues.append(
            CollectIssue(
              file: s.file,
              message:
                "a second submission of \(s.unit.shortName) for \(s.period) (the first is \(earlier.file)); collect one of them"
            ))
        } else {
          submissions.append(s)
        }
      }
    }
    guard issues.isEmpty else { throw CollectFailure(issues) }

    // Prepare every file first; write only when all are good.
    var updates: [(PeriodFile.Update, [String])] = []
    for period in Set(submissions.map(\.period)).sorted() {
      let these = submissions.filter { $0.period == period }
      let path = URL(fileURLWithPath: folder).appendingPathComponent("\(period).csv").path
      let existing = try? String(contentsOfFile: path, encoding: .utf8)
      switch PeriodFile.update(
        path: path, existing: existing, submissions: these, replace: replace, plan: resolved)
      {
      case .failure(let f): issues += f.issues
      case .success(let u): updates.append((u, these.map(\.file)))
      }
    }
    guard issues.isEmpty else { throw CollectFailure(issues) }

    var written: [String] = []
    for (update, files) in updates {
      do {
        if !update.replaced.isEmpty {
          let existing = try? String(contentsOfFile: update.historyPath, encoding: .utf8)
          try write(
            PeriodFile.history(existing: existing, update: update, by: files),
            to: update.historyPath)
          written.append(update.historyPath)
        }
        try write(update.text, to: update.path)
        written.append(update.path)
      } catch {
        throw CollectFailure([
          CollectIssue(
            file: update.path, message: "cannot be written: \(error.localizedDescription)")
        ])
      }
    }
    let summary = submissions.map { s in
      "\(s.period).csv: \(s.entries.count) rows from \(s.unit.shortName) (\(s.file))"
    }
    return Outcome(written: written, summary: summary)
  }

  /// Writes `text` through a temporary file beside `path`.
  func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
  }
}
