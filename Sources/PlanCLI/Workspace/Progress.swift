import ArgumentParser
import Foundation
import PlanEngine
import PlanModel
import SafeFiles
import Tracking

/// The progress reports of a plan, as the status and rank commands read them.
struct LoadedProgress {
  var reports: [ProgressReport]
  /// The files read, relative to the repository.
  var files: [String]
  /// Whether any file declares itself sample data (``ProgressReport/sampleData``).
  var sampleData: Bool
  /// The folder read, as messages name it.
  var folder: String
}

extension Workspace {
  /// The folder of a plan's progress reports: `plans/progress/<plan-id>/`.
  /// Relative to the repository when that is the current folder, so messages name
  /// `plans/progress/…` as a reviewer sees it in git.
  func progressFolder(_ planID: String) -> String {
    let relative = "plans/progress/\(planID)"
    return FileManager.default.currentDirectoryPath == root ? relative : path(relative)
  }

  /// Loads the plan's progress reports, all or nothing (a file with an error fails the load);
  /// a missing folder (or workspace) is a ``WorkspaceError`` naming it.
  func progress(of resolved: ResolvedPlan) throws -> LoadedProgress {
    let folder = progressFolder(resolved.plan.id)
    _ = try existingFolder(
      "plans/progress/\(resolved.plan.id)", holding: "the progress reports of \(resolved.plan.id)",
      otherwise: "collect the first reports (`planbook collect`), which creates it")
    // A collect killed half-way is undone before anything is read.
    try FileTransaction.recoverIfInterrupted(folder) { printError($0) }
    let reports = try ProgressFolder.load(folder, plan: resolved)
    let files = reports.map { r in
      r.path.hasPrefix(root + "/") ? String(r.path.dropFirst(root.count + 1)) : r.path
    }
    return LoadedProgress(
      reports: reports, files: files, sampleData: reports.contains { $0.sampleData },
      folder: folder)
  }

  /// ``progress(of:)``, or the problems on standard error, then `<plan-id>: <why>; <refusal>`
  /// and exit 1.
  func progressOrExit(of resolved: ResolvedPlan, refusal: String) throws -> LoadedProgress {
    do {
      return try progress(of: resolved)
    } catch let error as WorkspaceError {
      printError(error.description)
      printError("\(resolved.plan.id): no progress reports read; \(refusal)")
    } catch {
      printError("\(error)")
      printError("\(resolved.plan.id): progress reports rejected; \(refusal)")
    }
    throw ExitCode(1)
  }
}

extension LoadedProgress {
  /// Refuses (exit 1) a period none of whose months has a report with rows: a ranking or a
  /// bulletin of no reports would grade every unit on 无数据. `what` names what needs them (`a
  /// ranking`).
  func requireReports(
    for period: ReportingPeriod, plan: String, what: String, refusal: String
  ) throws {
    let months = reports.filter {
      period.range.contains($0.period.range.start) && !$0.entries.isEmpty
    }
    guard months.isEmpty else { return }
    let read = reports.filter { !$0.entries.isEmpty }.map(\.period.description)
    let found = read.isEmpty ? "it has none" : "it has \(read.joined(separator: ", "))"
    printError("\(folder): no progress reports for \(period) (\(period.range)); \(found)")
    printError("\(plan): \(what) needs the period's reports; \(refusal)")
    throw ExitCode(1)
  }
}
