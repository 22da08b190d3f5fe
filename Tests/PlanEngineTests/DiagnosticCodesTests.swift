import Foundation
import PlanModel
import Testing

/// Every case of `Diagnostic.Code` is in the table of Sources/PlanEngine/README.md, which tools
/// match on, and every code of the table is a case.
@Suite struct DiagnosticCodesTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The codes in the first column of the README's table (`| `a`, `b` | error | … |`).
  static func codesInTable() throws -> Set<String> {
    let readme = try String(
      contentsOf: root.appendingPathComponent("Sources/PlanEngine/README.md"), encoding: .utf8)
    var codes = Set<String>()
    for row in readme.split(separator: "\n") where row.hasPrefix("| `") {
      let cells = row.split(separator: "|", omittingEmptySubsequences: true)
      guard let first = cells.first else { continue }
      for (i, part) in first.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      where i % 2 == 1 {
        codes.insert(String(part))
      }
    }
    return codes
  }

  @Test func everyCodeIsInTheEnginesTableAndBack() throws {
    let table = try Self.codesInTable()
    // The table is read at all (a broken parse would pass vacuously).
    #expect(table.count > 40)
    #expect(table.contains("missing-lead") && table.contains("revision-number"))
    let cases = Set(Diagnostic.Code.allCases.map(\.rawValue))
    #expect(
      cases.subtracting(table).isEmpty,
      "not in Sources/PlanEngine/README.md: \(cases.subtracting(table).sorted())")
    #expect(
      table.subtracting(cases).isEmpty,
      "in the README but no case of Diagnostic.Code: \(table.subtracting(cases).sorted())")
  }

  /// A diagnostic encodes its code as the code's text, as `check --format json` writes it.
  @Test func aCodeEncodesAsItsText() throws {
    let d = Diagnostic(.error, .missingLead, "m", at: nil)
    let json = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
    #expect(json.contains(#""code":"missing-lead""#))
    #expect(d.description == "error: missing-lead: m")
  }
}
