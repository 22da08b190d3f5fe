import Foundation

extension TemporaryFolder {
  /// A fresh folder made a PlanBook workspace (`PLANBOOK_ROOT`): `plans/progress/`, the
  /// repository's plan files `plans/*.swift` (linked; `planbook` compiles them) and its
  /// `seeds/` (linked), which the checks of the plans read.
  public static func workspace() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("plans/progress"), withIntermediateDirectories: true)
    let plans = Repository.root.appendingPathComponent("plans")
    for name in try FileManager.default.contentsOfDirectory(atPath: plans.path)
    where name.hasSuffix(".swift") {
      try FileManager.default.createSymbolicLink(
        at: folder.url.appendingPathComponent("plans/" + name),
        withDestinationURL: plans.appendingPathComponent(name))
    }
    try FileManager.default.createSymbolicLink(
      at: folder.url.appendingPathComponent("seeds"),
      withDestinationURL: Repository.root.appendingPathComponent("seeds"))
    return folder
  }
}
