import Foundation
import PlanModel
import Testing

@testable import PlanJSON

struct PlanSnapshotTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let committed = root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")

  static let small = WorkPlan(
    id: "p", title: "计划", issuer: "u1", period: .year(2020),
    source: SourceDocument(path: "seeds/x.txt"),
    units: [OrgUnit(id: "u1", name: "一局", shortName: "一局", kind: .department)],
    targets: [
      PlanTarget(id: "t1", name: "PM2.5", requirement: .atMost(35, "微克/立方米"), tolerance: 2)
    ],
    chapters: [
      PlanChapter(
        id: "c1", number: 1, title: "章",
        tasks: [
          PlanTask(
            id: "k1", number: 1, title: "任务", text: "任务。内容",
            milestones: [
              PlanMilestone(id: "m1", title: "步", deadline: .endOfQuarter(year: 2020, quarter: 2))
            ],
            responsibility: Responsibility(lead: ["u1"], deadline: .on(2020, 6, 30)))
        ])
    ],
    rules: [ResponsibilityRule(match: .keyword("内容"), responsibility: Responsibility(lead: ["u1"]))]
  )

  @Test func theCommittedSnapshotRoundTripsByteForByte() throws {
    let text = try String(contentsOf: Self.committed, encoding: .utf8)
    let plan = try PlanSnapshot.decode(text, path: "plans/snapshots/guangzhou-2020.json")
    #expect(plan.id == "guangzhou-2020")
    #expect(plan.allTasks.count == 34)
    #expect(try PlanSnapshot.encode(plan) == text)
  }

  @Test func aPlanRoundTripsThroughItsSnapshot() throws {
    let text = try PlanSnapshot.encode(Self.small)
    var back = try PlanSnapshot.decode(text, path: "s.json")
    #expect(try PlanSnapshot.encode(back) == text)
    // Only the locations differ: they point into the snapshot.
    back.location = nil
    #expect(back.chapters[0].tasks[0].location?.file == "s.json")
    #expect(back.targets[0].tolerance == 2)
    #expect(
      back.rules
        == Self.small.rules.map {
          var r = $0; r.location = back.rules[0].location; return r
        })
  }

  @Test func theAssessmentIsLocatedOnTheLineOfItsKey() throws {
    let text = try String(contentsOf: Self.committed, encoding: .utf8)
    let plan = try PlanSnapshot.decode(text, path: "g.json")
    let at = try #require(plan.assessment?.location)
    #expect(at.file == "g.json")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[at.line - 1].hasPrefix("    \"assessment\": {"))
    // Read carefully (keys out of order), the same line.
    let careful = try PlanSnapshot.decodeCarefully(text, path: "g.json")
    #expect(careful.assessment?.location == at)
  }

  @Test func isCanonical() throws {
    let text = try PlanSnapshot.encode(Self.small)
    #expect(text.hasPrefix("{\n  \"plan\": {\n    \"chapters\": [\n"))
    #expect(text.hasSuffix("  \"schema\": \"planbook.plan\",\n  \"schemaVersion\": 1\n}\n"))
    #expect(text.contains("\"sections\": [],"))
    #expect(!text.contains("location"))
    // Keys are sorted at every level.
    #expect(
      text.range(of: "\"figures\"")!.lowerBound < text.range(of: "\"milestones\"")!.lowerBound)
  }

  @Test func locatesDeclarationsOnTheLineOfTheirID() throws {
    let text = try PlanSnapshot.encode(Self.small)
    let plan = try PlanSnapshot.decode(text, path: "s.json")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let taskLine = try #require(plan.chapters[0].tasks[0].location?.line)
    #expect(lines[taskLine - 1].contains(#""id": "k1""#))
    let unitLine = try #require(plan.units[0].location?.line)
    #expect(lines[unitLine - 1].contains(#""id": "u1""#))
    let ruleLine = try #require(plan.rules[0].location?.line)
    #expect(lines[ruleLine - 1].contains(#""match": {"#))
  }

  @Test func rejectsWhatIsNotAPlanSnapshotWithAClearMessage() {
    func error(_ text: String) -> String {
      do {
        _ = try PlanSnapshot.decode(text, path: "bad.json")
        return "no error"
      } catch {
        return error.description
      }
    }
    #expect(
      error("{")
        == "bad.json: line 1, column 2: expected a key in double quotes, found the end of the file")
    #expect(
      error("{}")
        == "bad.json: at schema: not a PlanBook plan snapshot (schema is missing, expected 'planbook.plan')"
    )
    #expect(
      error(#"{"schema": "planbook.plan", "schemaVersion": 9}"#)
        == "bad.json: at schemaVersion: schema version 9 is not supported (this build reads version 1)"
    )
    #expect(error("[]") == "bad.json: at top level: expected an object, found an array")
    let good = try! PlanSnapshot.encode(Self.small)
    let badNumber = good.replacingOccurrences(
      of: "\"number\": 1,\n            \"responsibility\"",
      with: "\"number\": \"one\",\n            \"responsibility\"")
    #expect(badNumber != good)
    #expect(
      error(badNumber)
        == "bad.json: at plan.chapters[0].tasks[0].number: expected an integer, found a string")
    let half = good.replacingOccurrences(
      of: "\"number\": 1,\n            \"responsibility\"",
      with: "\"number\": 1.5,\n            \"responsibility\"")
    // A number that is valid JSON but no integer: reported at its line and column.
    let rows = half.split(separator: "\n", omittingEmptySubsequences: false)
    let row = rows.firstIndex { $0.contains("\"number\": 1.5") } ?? 0
    let column = rows[row].distance(
      from: rows[row].startIndex, to: rows[row].firstIndex(of: "1") ?? rows[row].startIndex)
    #expect(
      error(half)
        == "bad.json: line \(row + 1), column \(column + 1): 'number' needs a whole number from -9223372036854775808 to 9223372036854775807, not 1.5"
    )
    let missingKind = good.replacingOccurrences(
      of: "\"kind\": \"department\"", with: "\"kind\": \"Department\"")
    #expect(
      error(missingKind)
        == "bad.json: at plan.units[0].kind: 'Department' is not one of the allowed values (see docs/snapshot-schema.md)"
    )
    let missing = good.replacingOccurrences(of: "\"title\": \"计划\"", with: "\"titel\": \"计划\"")
    #expect(error(missing) == "bad.json: at plan: missing field 'title'")
  }
}

struct CanonicalJSONTests {
  struct Sample: Codable {
    var text: String
    var list: [Int]
    var empty: [String: Int]
  }

  @Test func laysOutStructureButNotStrings() throws {
    let text = try CanonicalJSON.encode(Sample(text: #"a{b}[c],d:"e"\"#, list: [1, 2], empty: [:]))
    #expect(
      text == """
        {
          "empty": {},
          "list": [
            1,
            2
          ],
          "text": "a{b}[c],d:\\"e\\"\\\\"
        }

        """)
  }
}
