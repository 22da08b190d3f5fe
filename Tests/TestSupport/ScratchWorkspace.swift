import Foundation

extension TemporaryFolder {
  /// A fresh folder made a PlanBook workspace (`PLANBOOK_ROOT`): `plans/progress/` and the
  /// repository's `seeds/` (linked), which the checks of the plans read.
  public static func workspace() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("plans/progress"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: folder.url.appendingPathComponent("seeds"),
      withDestinationURL: Repository.root.appendingPathComponent("seeds"))
    return folder
  }
}
