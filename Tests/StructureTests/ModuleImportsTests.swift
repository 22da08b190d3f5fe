import Foundation
import Testing

/// Each module's README says what it imports and what it must not (the module graph is one
/// way: DSL → model → engine → outputs; only Xlsx touches the C library). These tests hold the
/// sources to those two lines, so a README cannot drift from the code it describes.
struct ModuleImportsTests {
  /// `Sources/`, found from this file's path.
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

  /// The modules of the package: the folders of `Sources/` (the executable's thin `planbook`
  /// folder has no README and is left out).
  static func modules() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: sources.path)
      .filter { FileManager.default.fileExists(atPath: sources.path + "/\($0)/README.md") }
      .sorted()
  }

  /// The names after `Imports:` and `Must not import:` in a README's line
  /// `Imports: A, B. Must not import: C, D.` (`Imports: none.` for a module that imports none
  /// of the package's).
  static func declared(_ module: String) throws -> (imports: Set<String>, forbidden: Set<String>)? {
    let text = try String(contentsOfFile: sources.path + "/\(module)/README.md", encoding: .utf8)
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    guard let line = flat.firstMatch(of: /Imports: (.*?)\.\s+Must not import: (.*?)\.(?:\s|$)/)
    else { return nil }
    func names(_ list: Substring) -> Set<String> {
      // Each item's first word, remarks in parentheses left out: `XlsxReader (for Word)`.
      Set(
        list.replacing(/\([^)]*\)/, with: "").split(separator: ",").compactMap {
          $0.firstMatch(of: /\w+/).map { String($0.0) }
        }
        .filter { $0 != "none" })
    }
    return (names(line.1), names(line.2))
  }

  /// The package's modules that the Swift files under `Sources/<module>/` import.
  static func imported(by module: String, among known: Set<String>) throws -> Set<String> {
    var found = Set<String>()
    let folder = sources.appendingPathComponent(module)
    let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }
    for file in files ?? [] where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: folder.path + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        guard let m = line.firstMatch(of: /^(?:@\w+ )?(?:\w+ )?import (\w+)/) else { continue }
        if known.contains(String(m.1)) { found.insert(String(m.1)) }
      }
    }
    return found
  }

  @Test func everyREADMESaysWhatItsModuleImportsAndMustNot() throws {
    let modules = try Self.modules()
    #expect(modules.count >= 12)
    // The package's modules, the C library and the packages it depends on.
    let known = Set(modules + ["CXlsxWriter", "ArgumentParser", "ZIPFoundation"])
    for module in modules {
      guard let declared = try Self.declared(module) else {
        Issue.record("Sources/\(module)/README.md has no `Imports: …. Must not import: ….` line")
        continue
      }
      let actual = try Self.imported(by: module, among: known)
      #expect(
        actual == declared.imports,
        "\(module): imports \(actual.sorted()), its README says \(declared.imports.sorted())")
      #expect(
        actual.isDisjoint(with: declared.forbidden),
        "\(module) imports \(actual.intersection(declared.forbidden).sorted()), which its README forbids"
      )
      #expect(
        declared.imports.union(declared.forbidden).isSubset(of: known),
        "\(module)'s README names modules the package does not have")
    }
  }

  /// Whatever the READMEs say: only Xlsx touches libxlsxwriter, no module under `Sources/`
  /// imports the DSL (plans are compiled against it at run time), and PlanModel imports only the
  /// calendar (CalendarDays).
  @Test func theGraphRunsOneWay() throws {
    let modules = try Self.modules()
    let known = Set(modules + ["CXlsxWriter"])
    for module in modules {
      let actual = try Self.imported(by: module, among: known)
      if module != "Xlsx" { #expect(!actual.contains("CXlsxWriter"), "\(module)") }
      #expect(!actual.contains("PlanDSL"), "\(module)")
      if module == "PlanModel" { #expect(actual.isSubset(of: ["CalendarDays"])) }
    }
  }
}
