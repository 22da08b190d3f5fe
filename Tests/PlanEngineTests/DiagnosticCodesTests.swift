import Foundation
import Testing

/// Every diagnostic code the sources write (`.error, "code"` or `.warning, "code"`, the DSL's
/// included) is in the table of Sources/PlanEngine/README.md, which tools match on.
@Suite struct DiagnosticCodesTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The codes written literally in `Sources/**/*.swift`.
  static func codesInSources() throws -> Set<String> {
    let pattern = try NSRegularExpression(
      pattern: #"\.(?:error|warning),\s*"([a-z0-9]+(?:-[a-z0-9]+)*)""#)
    var codes = Set<String>()
    let sources = root.appendingPathComponent("Sources")
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      let range = NSRange(text.startIndex..., in: text)
      for match in pattern.matches(in: text, range: range) {
        if let r = Range(match.range(at: 1), in: text) { codes.insert(String(text[r])) }
      }
    }
    return codes
  }

  @Test func everyCodeIsInTheEnginesTable() throws {
    let codes = try Self.codesInSources()
    // The scan finds the codes at all (a broken pattern would pass vacuously).
    #expect(codes.count > 40)
    #expect(codes.contains("missing-lead") && codes.contains("revision-number"))
    let readme = try String(
      contentsOf: Self.root.appendingPathComponent("Sources/PlanEngine/README.md"), encoding: .utf8)
    let tableRows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }
    let missing = codes.filter { code in !tableRows.contains { $0.contains("`\(code)`") } }
    #expect(missing.isEmpty, "not in Sources/PlanEngine/README.md: \(missing.sorted())")
  }
}
