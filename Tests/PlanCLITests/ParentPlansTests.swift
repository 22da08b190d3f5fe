import Foundation
import Testing

/// `planbook check` of a plan that declares a parent plan (层层分解): the parent is read from the
/// catalogue.
struct ParentPlansTests {
  /// A snapshot edited by `edit`, written to a temporary file.
  static func edited(_ id: String, _ edit: (String) -> String) throws -> (URL, String) {
    let committed = try String(
      contentsOf: Binary.root.appendingPathComponent("plans/snapshots/\(id).json"),
      encoding: .utf8)
    let text = edit(committed)
    #expect(text != committed)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(id)-edited-\(UUID().uuidString).json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (file, text)
  }

  /// The 1-based line of the first line of `text` holding `needle`.
  static func line(of needle: String, in text: String) throws -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0.contains(needle) }) + 1
  }

  @Test func aParentOutsideTheCatalogueIsAnErrorAtThePlansLine() throws {
    let (file, text) = try Self.edited("panyu-2018") {
      $0.replacingOccurrences(
        of: "    \"numbering\": \"perChapter\",\n",
        with:
          "    \"numbering\": \"perChapter\",\n    \"parent\": {\n      \"plan\": \"nowhere-2018\"\n    },\n"
      )
    }
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try Binary.run("check", file.path)
    #expect(run.status == 1)
    let planLine = try Self.line(of: "\"id\": \"panyu-2018\"", in: text)
    #expect(
      run.stdout.contains(
        "\(file.path):\(planLine): error: parent-unknown: the parent plan nowhere-2018 is not in the catalogue (known plans: "
      ))
    #expect(run.stdout.hasSuffix("panyu-2018: 1 error, 0 warnings\n"))
  }

  @Test func theIllustrativeDistrictPlanMatchesItsParent() throws {
    let run = try Binary.run("check", "panyu-2020-illustrative")
    #expect(run.stdout == "panyu-2020-illustrative: 0 errors, 0 warnings\n")
    #expect(run.status == 0)
  }

  /// The district's PM2.5 loosened to 36 in its snapshot: looser than 番禺分局's share of the
  /// city's (≤ 33), reported at the target's line of the snapshot, and nothing is exported.
  @Test func aChildTargetLooserThanItsShareIsAnErrorAtItsLine() throws {
    let (file, text) = try Self.edited("panyu-2020-illustrative") {
      $0.replacingOccurrences(
        of: "\"unit\": \"微克/立方米\",\n          \"value\": 33\n",
        with: "\"unit\": \"微克/立方米\",\n          \"value\": 36\n")
    }
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try Binary.run("check", file.path)
    #expect(run.status == 1)
    let line = try Self.line(of: "\"id\": \"pm25\"", in: text)
    #expect(
      run.stdout
        == "\(file.path):\(line): error: looser-than-parent: target pm25 (PM2.5平均浓度) asks for ≤ 36 微克/立方米, looser than guangzhou-2020's share of gz-eeb-panyu in pm25 (≤ 33 微克/立方米)\npanyu-2020-illustrative: 1 error, 0 warnings\n"
    )
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cascade-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let export = try Binary.run("export", file.path, "--out", out.path)
    #expect(export.status == 1)
    #expect(export.stderr.contains("looser-than-parent"))
  }
}
