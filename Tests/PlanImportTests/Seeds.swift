import Foundation
import PlanImport

/// The repository's seed documents, read as `planbook import` reads them.
enum Seeds {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ prefix: String) throws -> String {
    let folder = root.appendingPathComponent("seeds")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    guard let name = names.first(where: { $0.hasPrefix(prefix) }) else {
      throw CocoaError(.fileNoSuchFile)
    }
    return folder.appendingPathComponent(name).path
  }

  /// Guangzhou 2020 (seeds/003…).
  static func guangzhou() throws -> ImportedPlan {
    OutlineParser.parse(try PlanDocument.read(try path("003_")))
  }

  /// Panyu: the 2017 summary, then the 2018 plan (seeds/004…).
  static func panyu() throws -> ImportedPlan {
    OutlineParser.parse(try PlanDocument.read(try path("004_")))
  }

  /// A document from text.
  static func document(_ text: String, kind: PlanDocument.Kind = .text) -> PlanDocument {
    PlanDocument(path: "plan.txt", kind: kind, lines: PlanDocument.splitLines(text))
  }
}
