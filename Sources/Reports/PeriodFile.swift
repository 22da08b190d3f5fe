import Foundation
import PlanEngine
import PlanModel
import Tracking

/// A month's report file with collected submissions added: `plans/progress/<plan>/<YYYY-MM>.csv`.
public enum PeriodFile {
  /// What collecting into one period's file produces.
  public struct Update: Sendable {
    /// The file's path and its new text (already checked by the strict parser).
    public var path: String
    public var text: String
    /// Rows of earlier submissions replaced (`--replace`), as report lines, for the history.
    public var replaced: [String]
    /// The history file those rows are appended to.
    public var historyPath: String
    /// The units with rows in the new text (those that have reported on the month).
    public var reporters: Set<String> = []
  }

  /// The new text of `path` (whose current text is `existing`, nil when there is none) with
  /// `submissions` (all for its month) added. A unit's earlier rows in the file are replaced
  /// only with `replace`; otherwise that is a problem naming the rows.
  public static func update(
    path: String, existing: String?, submissions: [Submission], replace: Bool,
    plan: ResolvedPlan
  ) -> Result<Update, CollectFailure> {
    let name = URL(fileURLWithPath: path).lastPathComponent
    var comments: [String] = []
    var kept: [ProgressEntry] = []
    var replaced: [ProgressEntry] = []
    if let existing {
      comments = existing.split(separator: "\n", omittingEmptySubsequences: false)
        .prefix { $0.hasPrefix("#") }.map(String.init)
      let current: ProgressReport
      do {
        current = try ProgressFile.parse(existing, path: path, plan: plan)
      } catch {
        return .failure(
          CollectFailure([CollectIssue(file: name, message: "cannot be added to: \(error)")]))
      }
      let units = Set(submissions.map(\.unit.id))
      var issues: [CollectIssue] = []
      for unit in units {
        let earlier = current.entries.filter { $0.reporter == unit }
        guard !earlier.isEmpty else { continue }
        if !replace {
          let lines = earlier.compactMap { $0.location?.line }.map(String.init)
          let from = submissions.first { $0.unit.id == unit }?.file ?? ""
          issues.append(
            CollectIssue(
              file: from,
              message:
                "\(name)中已有\(submissions.first { $0.unit.id == unit }?.unit.shortName ?? unit)的\(earlier.count)行（第\(lines.prefix(5).joined(separator: "、"))\(lines.count > 5 ? "…" : "")行）；如需替换，请加 --replace 重新收集（被替换的行保存在 history 中）"
            ))
        }
      }
      guard issues.isEmpty else { return .failure(CollectFailure(issues)) }
      kept = current.entries.filter { !units.contains($0.reporter) }
      replaced = current.entries.filter { units.contains($0.reporter) }
    }
    let added = submissions.flatMap(\.entries)
    let lines = comments + ProgressCSV.lines(kept + added)
    let text = lines.joined(separator: "\n") + "\n"
    // What is written must read back: the strict parser checks it (duplicates included).
    let reporters: Set<String>
    do {
      reporters = Set(try ProgressFile.parse(text, path: path, plan: plan).entries.map(\.reporter))
    } catch {
      let origins = submissions.flatMap { s in
        s.entries.indices.map { (s.file, $0 < s.cells.count ? s.cells[$0] : nil) }
      }
      return .failure(
        CollectFailure(
          placed(
            error.issues, lines: lines, firstAdded: comments.count + 1 + kept.count,
            origins: origins, submissions: submissions)))
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let history = folder.appendingPathComponent("history").appendingPathComponent(name).path
    return .success(
      Update(
        path: path, text: text, replaced: replaced.map(ProgressCSV.line), historyPath: history,
        reporters: reporters))
  }

  /// The strict parser's `issues` with the new file's `lines`, each placed where it came
  /// from: a line of an added entry (from `firstAdded` on) at the workbook and cell it was read
  /// from (`origins`, in the order of the added entries); any other problem, with the whole
  /// text, against every submission.
  static func placed(
    _ issues: [ProgressIssue], lines: [String], firstAdded: Int,
    origins: [(file: String, cell: String?)], submissions: [Submission]
  ) -> [CollectIssue] {
    // The first line of the file each element of `lines` starts on (a note may span lines).
    var starts: [Int] = []
    var next = 1
    for line in lines {
      starts.append(next)
      next += 1 + line.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
    var out: [CollectIssue] = []
    var unplaced: [ProgressIssue] = []
    for issue in issues {
      let element = starts.lastIndex { $0 <= issue.line } ?? -1
      let k = element - firstAdded
      guard issue.line > 0, k >= 0, k < origins.count else {
        unplaced.append(issue)
        continue
      }
      out.append(
        CollectIssue(
          file: origins[k].file, cell: origins[k].cell,
          message: "与进度报告的规则不符：\(issue.message)"))
    }
    if !unplaced.isEmpty {
      let why = unplaced.map(\.description).joined(separator: "; ")
      out += submissions.map {
        CollectIssue(file: $0.file, message: "填报内容无法构成有效的进度报告：\(why)")
      }
    }
    return out
  }

  /// The history file's text with `update`'s replaced rows appended under a comment naming the
  /// submissions that replaced them.
  public static func history(existing: String?, update: Update, by files: [String]) -> String {
    let header = ProgressFile.columns.joined(separator: ",")
    var lines: [String] =
      existing.map { $0.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
      ?? [
        "# Rows replaced by `planbook collect --replace`, oldest first; not read by planbook.",
        header,
      ]
    // A history begun with the ten columns of the older format says where the rows widen.
    if let first = lines.first(where: { !$0.hasPrefix("#") }), first != header,
      !lines.contains("# columns from here on: \(header)")
    {
      lines.append("# columns from here on: \(header)")
    }
    lines.append("# replaced by \(files.joined(separator: ", "))")
    lines += update.replaced
    return lines.joined(separator: "\n") + "\n"
  }
}
