import Books
import Foundation
import PlanEngine
import PlanModel
import Plans
import TestSupport

/// The Guangzhou 2020 plan, resolved, and one export of it shared by the read-back tests.
enum Fixtures {
  static let guangzhou: ResolvedPlan = {
    guard let plan = Catalogue.plan("guangzhou-2020") else {
      return Resolver.resolve(
        WorkPlan(
          id: "missing", title: "", issuer: "",
          period: DateRange(Day(2020, 1, 1), Day(2020, 12, 31))))
    }
    return Resolver.resolve(plan.model)
  }()

  struct Export: Sendable {
    var folder: TemporaryFolder
    var paths: [String]
    /// Every workbook as openpyxl reads it, by file name.
    var dumps: [String: WorkbookDump]
  }

  /// Exported once per test run (into a temporary folder) and read back once.
  static let export: Result<Export, SupportError> = {
    do {
      let folder = try TemporaryFolder()
      let paths = try BookExport.export(guangzhou, to: folder.path)
      let dumps = try Openpyxl.dump(paths)
      return .success(
        Export(
          folder: folder, paths: paths,
          dumps: Dictionary(
            uniqueKeysWithValues: dumps.map {
              (URL(fileURLWithPath: $0.key).lastPathComponent, $0.value)
            })))
    } catch {
      return .failure(SupportError("\(error)"))
    }
  }()
}
