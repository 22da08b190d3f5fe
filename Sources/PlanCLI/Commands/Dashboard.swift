import Books
import Foundation
import Tracking

/// Writes the dashboard workbook of the status and rank commands.
enum Dashboard {
  /// `status` (and `ranking`) with the month-by-month history of the reported months up to the
  /// status date, to `path` (its folder created if missing).
  static func write(
    status: StatusReport, progress: LoadedProgress, unit: String?, ranking: Ranking? = nil,
    colours: ColourHistory? = nil, to path: String
  ) throws {
    let resolved = status.resolved
    let months = Set(progress.reports.map(\.period)).sorted().filter {
      $0.range.start <= status.asOf
    }
    let history = months.map { m in
      (
        m,
        Evaluator.evaluate(resolved, reports: progress.reports, asOf: min(m.range.end, status.asOf))
      )
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw CLIError.write(path, "cannot create the folder \(folder)")
    }
    try StatusDashboard.write(
      status: status, history: history, ranking: ranking, unit: unit,
      sampleData: progress.sampleData, colours: colours, to: path)
  }
}
