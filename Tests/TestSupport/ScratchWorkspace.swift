import Foundation

extension TemporaryFolder {
  /// A fresh folder made a PlanBook workspace (`PLANBOOK_ROOT`): `plans/progress/`, the
  /// repository's plan files `plans/*.swift` (linked; `planbook` compiles them) and its
  /// `seeds/` (linked), which the checks of the plans read.
  public static func workspace() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("plans/progress"), withIntermediateDirectories: true)
    try linkPlanFiles(into: folder.url)
    try FileManager.default.createSymbolicLink(
      at: folder.url.appendingPathComponent("seeds"),
      withDestinationURL: Repository.root.appendingPathComponent("seeds"))
    return folder
  }

  /// Links the repository's plan files `plans/*.swift` into `root`'s `plans/` (made when
  /// missing), so that `planbook` run there knows the repository's plans.
  public static func linkPlanFiles(into root: URL) throws {
    let fm = FileManager.default
    try fm.createDirectory(
      at: root.appendingPathComponent("plans"), withIntermediateDirectories: true)
    let plans = Repository.root.appendingPathComponent("plans")
    for name in try fm.contentsOfDirectory(atPath: plans.path) where name.hasSuffix(".swift") {
      try fm.createSymbolicLink(
        at: root.appendingPathComponent("plans/" + name),
        withDestinationURL: plans.appendingPathComponent(name))
    }
  }
}
