import Foundation
import PlanEngine
import PlanModel
import Plans
import TestSupport
import Testing

@testable import Reports

/// Returned workbooks are untrusted: hostile ones give a clear error, in bounded time and
/// memory, and nothing is written.
@Suite struct HostileFileTests {
  let resolved = Resolver.resolve(
    Catalogue.plan("guangzhou-2020")?.model
      ?? WorkPlan(id: "missing", title: "", issuer: "", period: .year(2020)))

  /// Writes a zip with `parts` (name → Python expression for the bytes) using Python's
  /// zipfile (deflated), returns its path.
  func zip(
    _ folder: TemporaryFolder, _ name: String, _ parts: [(String, String)]
  ) throws
    -> String
  {
    let path = folder.url.appendingPathComponent(name).path
    let writes = parts.map { "z.writestr(\($0.0.debugDescription), \($0.1))" }.joined(
      separator: "\n")
    let script = """
      import zipfile, sys
      z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
      \(writes)
      z.close()
      """
    let run = try Shell.run(["python3", "-c", script, path])
    #expect(run.status == 0, "\(run.stderr)")
    return path
  }

  static let contentTypes =
    "b'<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>'"

  func collect(_ paths: [String], _ folder: TemporaryFolder) -> [String] {
    let c = ReportCollection(
      resolved: resolved, folder: folder.url.appendingPathComponent("p").path)
    do {
      _ = try c.collect(paths, replace: false)
      return []
    } catch {
      #expect(!FileManager.default.fileExists(atPath: c.folder))
      return error.issues.map(\.description)
    }
  }

  @Test func anExternalEntityIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let xxe = try zip(
      folder, "xxe.xlsx",
      [
        ("[Content_Types].xml", Self.contentTypes),
        (
          "xl/workbook.xml",
          "b'<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><workbook>&e;</workbook>'"
        ),
      ])
    let found = collect([xxe], folder)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("xxe.xlsx: ") == true)
    #expect(found.first?.contains("DOCTYPE") == true)
  }

  @Test func aZipBombIsRefusedUnread() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // 200 MB of zeros compress to about 200 KB.
    let bomb = try zip(
      folder, "bomb.xlsx",
      [
        ("[Content_Types].xml", Self.contentTypes),
        ("xl/workbook.xml", "b'<workbook/>'"),
        ("docProps/custom.xml", "b'<Properties>' + b'0' * 200_000_000 + b'</Properties>'"),
      ])
    let found = collect([bomb], folder)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("bomb.xlsx: ") == true)
    #expect(found.first?.contains("limit") == true)
  }

  @Test func malformedXMLIsNamed() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let bad = try zip(
      folder, "bad.xlsx",
      [
        ("[Content_Types].xml", Self.contentTypes),
        ("xl/workbook.xml", "b'<workbook><sheets></workbook>'"),
      ])
    let found = collect([bad], folder)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("bad.xlsx: ") == true, "\(found)")
    #expect(found.first?.contains("xl/workbook.xml:1:19: malformed XML") == true, "\(found)")
  }
}
