import Foundation
import TestSupport
import Testing

/// docs/dsl.md: every ```swift block is a plan file. All of them are written into the `plans/`
/// of a repository made by the installed tool's `planbook init`, compiled together (one
/// `swiftc` run, by `planbook list`), and every plan they declare checks with 0 errors.
@Suite struct DSLDocTests {
  /// The ```swift blocks of `markdown`, each with the line of the document its code starts on.
  static func swiftBlocks(in markdown: String) -> [(line: Int, code: String)] {
    var blocks: [(line: Int, code: String)] = []
    var current: [String]?
    var start = 0
    for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if current == nil {
        if line == "```swift" {
          current = []
          start = index + 2
        }
      } else if line.hasPrefix("```") {
        blocks.append((start, current!.joined(separator: "\n") + "\n"))
        current = nil
      } else {
        current!.append(String(line))
      }
    }
    #expect(current == nil, "a ```swift block is not closed")
    return blocks
  }

  /// The plan ids the blocks declare: `Plan("id", …` and `Plan(revising: base, id: "id", …`.
  static func planIDs(in code: String) throws -> [String] {
    let pattern = try Regex(#"Plan\(\s*(?:revising:\s*\w+,\s*id:\s*)?"([a-z0-9-]+)""#)
    return code.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
  }

  @Test func blockExtraction() {
    let blocks = Self.swiftBlocks(
      in: "text\n```swift\nlet a = 1\n```\n```text\nno\n```\n\n"
        + "```swift\nlet b = 2\nlet c = 3\n```\n")
    #expect(blocks.map(\.line) == [3, 10])
    #expect(blocks.map(\.code) == ["let a = 1\n", "let b = 2\nlet c = 3\n"])
  }

  @Test func everyExampleCompilesAndChecks() throws {
    let markdown = try String(
      contentsOf: Repository.root.appendingPathComponent("docs/dsl.md"), encoding: .utf8)
    let blocks = Self.swiftBlocks(in: markdown)
    #expect(blocks.count >= 10, "docs/dsl.md has \(blocks.count) swift blocks")
    let user = try InitCommandTests.User()
    defer { user.home.remove() }
    #expect(try user.run("init", "bureau").status == 0)
    let fm = FileManager.default
    let root = user.home.path + "/bureau"
    try fm.removeItem(atPath: root + "/plans/example_plan.swift")
    let seed = "seeds/003_e4c9d4035ce7ad05.txt"
    try fm.copyItem(atPath: Repository.root.path + "/" + seed, toPath: root + "/" + seed)
    var ids: [String] = []
    for block in blocks {
      // Named by the line of docs/dsl.md the block starts on, so a failure points there.
      try block.code.write(
        toFile: root + "/plans/dsl_md_line_\(block.line).swift", atomically: true, encoding: .utf8)
      ids += try Self.planIDs(in: block.code)
    }
    #expect(ids.count >= 10, "\(ids)")
    #expect(Set(ids).count == ids.count, "a plan id declared twice: \(ids)")

    let list = try user.run("list", in: "bureau")
    #expect(list.status == 0, "\(list.stderr)")
    for id in ids {
      #expect(list.stdout.contains(id), "\(id) is not listed")
      let check = try user.run("check", id, in: "bureau")
      #expect(check.status == 0, "\(id): \(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("\(id): 0 errors"), "\(check.stdout)")
    }

    // The trap the page shows: a full-width comma where the document has a half-width one.
    let file = try #require(
      blocks.first { $0.code.contains("\"doc-transcribed\"") }.map {
        root + "/plans/dsl_md_line_\($0.line).swift"
      })
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("整改落实,建立"))
    try text.replacingOccurrences(of: "整改落实,建立", with: "整改落实，建立").write(
      toFile: file, atomically: true, encoding: .utf8)
    let broken = try user.run("check", "doc-transcribed", in: "bureau")
    #expect(broken.status == 1)
    #expect(broken.stdout.contains("error: text-not-in-source"), "\(broken.stdout)")
  }
}
