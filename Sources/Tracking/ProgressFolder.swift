import Foundation
import PlanEngine
import PlanModel

/// A plan's folder of progress reports, `plans/progress/<plan-id>/`, loaded all or nothing.
public enum ProgressFolder {
  /// Reads every `*.csv` file of `folder` (by name order) against `plan`, and returns the
  /// reports sorted by period.
  ///
  /// Files whose names do not end in `.csv` (any case), hidden files and sub-folders are
  /// ignored; a missing or empty folder has no reports. When any file has a problem, nothing
  /// is loaded: the error lists the problems of every file. Paths in reports and issues are
  /// `folder` joined with the file name.
  public static func load(
    _ folder: String, plan: ResolvedPlan
  ) throws(ProgressError)
    -> [ProgressReport]
  {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: folder, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else {
      throw ProgressError(issues: [
        ProgressIssue(
          file: folder, line: 0, column: 0,
          message: "not a folder (expected the folder of the plan's progress reports)")
      ])
    }
    let names: [String]
    do {
      names = try manager.contentsOfDirectory(atPath: folder)
    } catch {
      throw ProgressError(issues: [
        ProgressIssue(file: folder, line: 0, column: 0, message: "cannot list the folder")
      ])
    }
    let index = PlanIndex(plan)
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var reports: [ProgressReport] = []
    var issues: [ProgressIssue] = []
    for name in names.sorted() where !name.hasPrefix(".") && name.lowercased().hasSuffix(".csv") {
      let path = prefix + name
      var isSubfolder: ObjCBool = false
      if manager.fileExists(atPath: path, isDirectory: &isSubfolder), isSubfolder.boolValue {
        continue
      }
      do {
        reports.append(try ProgressFile.read(path, index: index))
      } catch {
        issues += error.issues
      }
    }
    guard issues.isEmpty else { throw ProgressError(issues: issues) }
    // One target's values for one day from two files.
    let conflicts = ProgressFile.conflicts(in: reports.flatMap(\.entries), index: index)
    guard conflicts.isEmpty else { throw ProgressError(issues: conflicts) }
    return reports.sorted { $0.period < $1.period }
  }
}
