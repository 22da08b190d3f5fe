import Foundation
import PlanModel
import Testing

@testable import PlanJSON

/// The snapshot reader (the fast path of `PlanSnapshot.decode`) against the decoder as it was
/// before it: for any text, `decode` (fast path or careful path) and `decodeCarefully` must give
/// exactly what the old decoder gave — the same plan with the same locations, or the same error.
struct SnapshotReaderTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// A plan using every field of the schema.
  static let rich: WorkPlan = {
    var plan = WorkPlan(
      id: "rich", title: "计划 \"全\" 字段", issuer: "u1", period: .year(2020),
      source: SourceDocument(path: "seeds/rich.txt", title: "源文件"), version: "修订稿 2020-03",
      numbering: .continuous, weightTotal: 100, assessmentMethod: "按季度调度",
      assessment: AssessmentRules(
        total: 100, defaultPoints: 2, cooperatingShare: 0.25, bonusCap: 3, behindTolerance: 4,
        aheadMargin: 8,
        deductions: [
          Deduction(.shortfall(target: "t1", per: 0.5), points: 1, floor: 0.5),
          Deduction(.targetClass(.notMet), share: 1), Deduction(.taskClass(.overdue), share: 0.5),
          Deduction(.missingReport, points: 1), Deduction(.lateReport, points: 0.5),
        ],
        bonuses: [
          Bonus(.exceeded(target: nil, per: 1, max: 2), points: 0.5, reason: "超额"),
          Bonus(.doneEarly(task: "k1"), points: 1),
        ],
        vetoes: [Veto(.targetNotMet("t1"), cap: "合格"), Veto(.taskOverdue(nil), cap: "不合格")],
        grades: AssessmentRules.defaultGrades, reportDay: 5, freshness: 2, findings: .thirdParty,
        rankingGroups: [
          RankingGroup("各处", kinds: [.division]), RankingGroup("一局", units: ["u1"]),
        ]),
      units: [
        OrgUnit(id: "u1", name: "一局", shortName: "一局", kind: .department),
        OrgUnit(id: "u2", name: "二处", shortName: "二处", kind: .division, parent: "u1"),
      ],
      targets: [
        PlanTarget(
          id: "t1", name: "PM2.5", requirement: .atMost(35, "微克/立方米"), tolerance: 2,
          weight: 10, period: .period(name: "秋冬季", DateRange(Day(2020, 10, 1), Day(2020, 12, 31))),
          responsibility: Responsibility(lead: ["u1"], cooperating: ["u2"]), reason: "收紧",
          source: "u2", group: "环境质量", number: "1"),
        PlanTarget(
          id: "t2", name: "COD", requirement: .reduction(by: 14.7, against: 2015),
          responsibility: Responsibility(), aspirational: true),
        PlanTarget(
          id: "t3", name: "定性", requirement: .qualitative("达到省考核要求"), weight: 0.125),
      ],
      chapters: [
        PlanChapter(
          id: "c1", number: 1, title: "第一章",
          tasks: [
            PlanTask(
              id: "k1", number: 1, title: "任务", text: "任务。内容\t含“引号”与 \\ 反斜杠\n第二行",
              figures: [
                PlanTarget(
                  id: "f1", name: "锅炉", requirement: .count(atLeast: 135, "台"),
                  responsibility: Responsibility(lead: ["u2"]))
              ],
              milestones: [
                PlanMilestone(
                  id: "m1", title: "步", deadline: .endOfQuarter(year: 2020, quarter: 2), weight: 0.5
                ),
                PlanMilestone(id: "m2", title: "步二", deadline: .endOfMonth(year: 2020, month: 9)),
              ],
              weight: 60,
              responsibility: Responsibility(
                lead: ["u1"], cooperating: ["u2"], deadline: .on(2020, 6, 30)),
              reason: "新增")
          ],
          sections: [
            PlanChapter(
              id: "c1s1", number: 1, title: "第一节",
              tasks: [
                PlanTask(
                  id: "k2", number: 2, title: "二", text: "二。",
                  responsibility: Responsibility(deadline: .endOfHalf(year: 2020, half: 1)))
              ])
          ]),
        PlanChapter(
          id: "c2", number: 2, title: "第二章",
          tasks: [
            PlanTask(
              id: "k3", number: 3, title: "三", text: "三。扬尘",
              responsibility: Responsibility(deadline: .endOfYear(2020)))
          ]),
      ],
      rules: [
        ResponsibilityRule(match: .all, responsibility: Responsibility(lead: ["u1"])),
        ResponsibilityRule(match: .chapter("c2"), responsibility: Responsibility(lead: ["u2"])),
        ResponsibilityRule(
          match: .keyword("扬尘"), responsibility: Responsibility(cooperating: ["u1"])),
        ResponsibilityRule(match: .target("t2"), responsibility: Responsibility(lead: ["u1"])),
      ])
    plan.assessment?.aspirational = .bonus(points: 2)
    plan.removed = [RemovedItem(id: "k9", reason: "合并到 k1")]
    plan.signing = Signing(
      rules: [
        Signing.Rule(.kind(.division), document: .book, partyA: "u1"),
        Signing.Rule(.unit("u1"), document: .notice), Signing.Rule(.all, document: .none),
      ],
      signatories: [Signing.Signatory(unit: "u1", name: "局长")])
    plan.clauses = [
      PlanClause(.assessment, "按季度调度", illustrative: true), PlanClause(.other, "其他条款"),
    ]
    return plan
  }()

  static var richText: String { (try? PlanSnapshot.encode(rich)) ?? "" }

  /// Whether `decode`, its fast path and `decodeCarefully` all agree with the old decoder on
  /// `text`; `fast`: whether the fast path should read it (nil: either).
  static func expectAgreement(
    _ text: String, fast: Bool? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let path = "s.json"
    let legacy = LegacySnapshot.decode(text, path: path)
    let decoded = Result { () throws(SnapshotError) in try PlanSnapshot.decode(text, path: path) }
    let careful = Result { () throws(SnapshotError) in
      try PlanSnapshot.decodeCarefully(text, path: path)
    }
    #expect(decoded == legacy, sourceLocation: sourceLocation)
    #expect(careful == legacy, sourceLocation: sourceLocation)
    // Equal plans may still differ in a zero's sign: the canonical text shows it.
    if case .success(let a) = decoded, case .success(let b) = legacy {
      #expect(
        (try? PlanSnapshot.encode(a)) == (try? PlanSnapshot.encode(b)),
        sourceLocation: sourceLocation)
    }
    if let fast {
      var text = text
      text.makeContiguousUTF8()
      let read = text.utf8.withContiguousStorageIfAvailable {
        (try? SnapshotReader.read($0)) != nil
      }
      #expect(read == fast, sourceLocation: sourceLocation)
    }
  }

  @Test func everyCommittedSnapshotIsReadFastAndTheSame() throws {
    let folder = Self.root.appendingPathComponent("plans/snapshots")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    #expect(files.count >= 3)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      Self.expectAgreement(text, fast: true)
      let plan = try PlanSnapshot.decode(text, path: file)
      #expect(try PlanSnapshot.encode(plan) == text, "\(file)")
      // Every declaration at its own id's line.
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      func at(_ line: Int?, _ id: String) -> Bool {
        guard let line, line > 0, line <= lines.count else { return false }
        return lines[line - 1].trimmingPrefix(while: { $0 == " " }).hasPrefix("\"id\": \"\(id)\"")
      }
      #expect(at(plan.location?.line, plan.id), "\(file)")
      for u in plan.units { #expect(at(u.location?.line, u.id), "\(file) \(u.id)") }
      for t in plan.targets { #expect(at(t.location?.line, t.id), "\(file) \(t.id)") }
      for (c, _) in plan.allChapters { #expect(at(c.location?.line, c.id), "\(file) \(c.id)") }
      for t in plan.allTasks {
        #expect(at(t.location?.line, t.id), "\(file) \(t.id)")
        for f in t.figures { #expect(at(f.location?.line, f.id), "\(file) \(f.id)") }
        for m in t.milestones { #expect(at(m.location?.line, m.id), "\(file) \(m.id)") }
      }
    }
  }

  @Test func aPlanWithEveryFieldIsReadFastAndTheSame() throws {
    let text = Self.richText
    Self.expectAgreement(text, fast: true)
    let plan = try PlanSnapshot.decode(text, path: "s.json")
    #expect(try PlanSnapshot.encode(plan) == text)
    #expect(plan.allTasks.allSatisfy { ($0.location?.line ?? 0) > 0 })
    #expect(plan.rules.allSatisfy { ($0.location?.line ?? 0) > 0 })
  }

  /// An aspirational target (力争) and the assessment's rule for it are read back; a target that
  /// is not aspirational has no key at all.
  @Test func aspirationalTargetsRoundTrip() throws {
    let text = Self.richText
    #expect(text.components(separatedBy: "\"aspirational\": true").count == 2)
    #expect(!text.contains("\"aspirational\": false"))
    let plan = try PlanSnapshot.decode(text, path: "s.json")
    #expect(plan.targets.map(\.aspirational) == [false, true, false])
    #expect(plan.assessment?.aspirational == .bonus(points: 2))
    for scoring in [AspirationalScoring.ordinary, .bonus(points: nil)] {
      var other = plan
      other.assessment?.aspirational = scoring
      let back = try PlanSnapshot.decode(try PlanSnapshot.encode(other), path: "s.json")
      #expect(back.assessment?.aspirational == scoring)
    }
  }

  /// Another layout of the same JSON: one line, line feeds with carriage returns, tabs.
  @Test func otherLayoutsAgree() throws {
    let text = Self.richText
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    struct Envelope: Encodable {
      var schema = PlanSnapshot.schemaName
      var schemaVersion = PlanSnapshot.schemaVersion
      var plan: WorkPlan
    }
    let compact = String(decoding: try encoder.encode(Envelope(plan: Self.rich)), as: UTF8.self)
    Self.expectAgreement(compact, fast: true)
    #expect(try PlanSnapshot.decode(compact, path: "s.json").location?.line == 0)
    Self.expectAgreement(text.replacingOccurrences(of: "\n", with: "\r\n"), fast: true)
    Self.expectAgreement(text.replacingOccurrences(of: "  ", with: "\t"), fast: true)
    Self.expectAgreement(" \n" + text + "\n\n", fast: true)
    // The rules before the assessment: the assessment's own matches then count as rules'.
    let moved = text.replacingOccurrences(
      of: "\"assessment\": ", with: "\"rules\": [],\n\"assessment\": ")
    Self.expectAgreement(moved)
  }

  @Test func numbersAgree() {
    let text = Self.richText
    #expect(text.contains("\"weight\": 60\n"))
    for number in [
      "60.0", "6e1", "6E+1", "600e-1", "-0", "0", "0.0", "-0.0", "0.1", "0.30000000000000004",
      "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e400", "-1e400", "1e-400",
      "123456789012345678901234567890", "9007199254740993", "999999999999999", "-12.5",
      "01", "1.", ".5", "+1", "-", "1e", "0x10", "NaN", "\"60\"", "true", "null", "[]",
    ] {
      Self.expectAgreement(
        text.replacingOccurrences(of: "\"weight\": 60\n", with: "\"weight\": \(number)\n"))
    }
    #expect(text.contains("\"number\": 3,"))
    for number in [
      "3.0", "3e0", "-0", "-3", "0", "99999999999999999999", "9223372036854775807",
      "-9223372036854775808", "999999999999999999", "1000000000000000000", "03", "\"3\"", "3.5",
    ] {
      Self.expectAgreement(
        text.replacingOccurrences(of: "\"number\": 3,", with: "\"number\": \(number),"))
    }
    #expect(text.contains("\"year\": 2020"))
    Self.expectAgreement(text.replacingOccurrences(of: "\"year\": 2020", with: "\"year\": 2020.0"))
  }

  @Test func stringsAgree() {
    let text = Self.richText
    #expect(text.contains("\"text\": \"三。扬尘\""))
    for string in [
      #""三。扬尘""#, #""\u4e09。扬尘""#, #""三\n\t\r\b\f\/\\\"""#, #""\ud83d\ude00""#,
      #""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#, #""\u00""#, #""\uZZZZ""#, #""\x""#,
      "\"三\t扬尘\"", "\"三\u{7F}\"", #""\u0000""#, #""""#, #""\""#, "\"未完", #""\U4e09""#,
    ] {
      Self.expectAgreement(text.replacingOccurrences(of: "\"三。扬尘\"", with: string))
    }
    // An id with an escape: the scan of lines sees it as written.
    Self.expectAgreement(text.replacingOccurrences(of: "\"id\": \"k3\"", with: #""id": "k\u0033""#))
    Self.expectAgreement(text.replacingOccurrences(of: "\"id\": \"k3\"", with: #""id": "k\"3""#))
    Self.expectAgreement(text.replacingOccurrences(of: "\"text\": ", with: #""te\u0078t": "#))
  }

  @Test func structuresAgree() {
    let text = Self.richText
    let edits: [(String, String)] = [
      // Unknown, repeated and null fields.
      ("\"number\": 3,", "\"number\": 3, \"comment\": \"x\","),
      ("\"number\": 3,", "\"number\": 3, \"number\": 4,"),
      ("\"weight\": 60\n", "\"weight\": null\n"),
      ("\"reason\": \"新增\"", "\"reason\": null"),
      ("\"title\": \"三\"", "\"title\": null"),
      // Fields missing.
      ("\"text\": \"三。扬尘\",", ""),
      ("\"sections\": [],", ""),
      ("\"numbering\": \"continuous\",", ""),
      ("\"numbering\": \"continuous\"", "\"numbering\": \"other\""),
      ("\"kind\": \"department\"", "\"kind\": \"Department\""),
      // Deadlines and matches.
      ("\"kind\": \"endOfYear\",", "\"kind\": \"endOfYear\", \"month\": 3,"),
      ("\"kind\": \"endOfYear\",", "\"kind\": \"endOfYear\", \"month\": \"x\","),
      ("\"kind\": \"endOfYear\",", "\"kind\": \"endOfMonth\","),
      ("\"kind\": \"endOfYear\",", "\"kind\": \"someday\","),
      ("\"date\": \"2020-06-30\"", "\"date\": \"2020-6-31\""),
      ("\"date\": \"2020-06-30\"", "\"date\": \"2020/06/30\""),
      ("\"date\": \"2020-06-30\"", "\"date\": \"+2020-06-30\""),
      ("\"chapter\": \"c2\"", "\"chapter\": \"c2\", \"keyword\": \"x\""),
      ("\"chapter\": \"c2\"", "\"keyword\": \"x\", \"chapter\": \"c2\""),
      ("\"chapter\": \"c2\"", "\"chapter\": 2"),
      ("\"all\": true", "\"all\": false"),
      ("\"all\": true", "\"all\": 1"),
      ("\"all\": true", ""),
      // The envelope.
      ("\"schema\": \"planbook.plan\"", "\"schema\": \"other\""),
      ("\"schemaVersion\": 1", "\"schemaVersion\": 2"),
      ("\"schemaVersion\": 1", "\"schemaVersion\": \"1\""),
      ("\"schemaVersion\": 1", "\"schemaVersion\": 1, \"extra\": 0"),
      ("{\n  \"plan\": {", "{\n  \"plan\": {}, \"x\": {"),
      // JSON itself.
      ("\"number\": 3,", "\"number\": 3,,"),
      ("\"number\": 3,", "\"number\": 3"),
      ("\"number\": 3,", "\"number\" 3,"),
      ("\"number\": 3,", "number: 3,"),
      ("\"number\": 3,", "'number': 3,"),
      ("\"sections\": [],", "\"sections\": [,],"),
      ("\"sections\": [],", "\"sections\": {},"),
      // Duplicate ids: every one is located at its own id.
      ("\"id\": \"k3\"", "\"id\": \"k1\""),
      ("\"id\": \"c2\"", "\"id\": \"k1\""),
      ("\"id\": \"k9\"", "\"id\": \"t1\""),
      // An id where a plan has none: it counts for nothing.
      ("\"total\": 100", "\"total\": 100,\n      \"id\": \"k3\""),
    ]
    for (old, new) in edits {
      #expect(text.contains(old), "\(old)")
      Self.expectAgreement(text.replacingOccurrences(of: old, with: new))
    }
    for whole in [
      "", " ", "{", "}", "[]", "null", "\"x\"", "{}", "{\"schema\": \"planbook.plan\"}",
      "\u{FEFF}" + text, text + "x", text + "{}", text + "\u{0}",
    ] {
      Self.expectAgreement(whole)
    }
  }

  /// Every declaration that can be repeated — unit, target, chapter, section, task, figure,
  /// milestone — repeated: each copy is located at its own `"id"`, on the fast path and the
  /// careful one alike; an id that is also a removed item's or another kind's takes nothing
  /// from them.
  @Test func duplicatesAreEachLocatedAtTheirOwnID() throws {
    var plan = Self.rich
    plan.units += plan.units
    plan.targets += plan.targets
    plan.chapters[0].tasks[0].figures += plan.chapters[0].tasks[0].figures
    plan.chapters[0].tasks[0].milestones += plan.chapters[0].tasks[0].milestones
    plan.chapters[0].tasks += plan.chapters[0].tasks
    plan.chapters[0].sections += plan.chapters[0].sections
    plan.chapters[1].id = "k1"
    plan.chapters += plan.chapters
    plan.removed = [RemovedItem(id: "t1", reason: "同名")]
    let text = try PlanSnapshot.encode(plan)
    // The fast path, and the careful one (an unknown field sends the text there).
    let careful = text.replacingOccurrences(
      of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 1, \"x\": 0")
    Self.expectAgreement(text, fast: true)
    Self.expectAgreement(careful, fast: false)
    for text in [text, careful] {
      let read = try PlanSnapshot.decode(text, path: "s.json")
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      var seen: [Int: String] = [:]
      func expectOwn(_ location: PlanModel.SourceLocation?, _ id: String) {
        let line = location?.line ?? 0
        #expect(line > 0 && line <= lines.count, "\(id)")
        guard line > 0, line <= lines.count else { return }
        #expect(
          lines[line - 1].trimmingPrefix(while: { $0 == " " }).hasPrefix("\"id\": \"\(id)\""),
          "\(id) at \(line)")
        #expect(seen.updateValue(id, forKey: line) == nil, "\(id): line \(line) twice")
      }
      expectOwn(read.location, read.id)
      for u in read.units { expectOwn(u.location, u.id) }
      for t in read.targets { expectOwn(t.location, t.id) }
      for (c, _) in read.allChapters { expectOwn(c.location, c.id) }
      for t in read.allTasks {
        expectOwn(t.location, t.id)
        for f in t.figures { expectOwn(f.location, f.id) }
        for m in t.milestones { expectOwn(m.location, m.id) }
      }
      #expect(read.allTasks.count == 10)
      // Every id line but the removed item's is some declaration's.
      let idLines = lines.filter { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("\"id\": ") }
      #expect(seen.count == idLines.count - 1)
    }
  }

  @Test func deepSectionsAgree() throws {
    var plan = Self.rich
    plan.chapters = []
    let text = try PlanSnapshot.encode(plan)
    #expect(text.contains("\"chapters\": [],"))
    for depth in [10, 70, 300] {
      var chapter =
        "{\"id\": \"s\(depth)\", \"number\": 1, \"sections\": [], \"tasks\": [], \"title\": \"节\"}"
      for level in (0..<depth).reversed() {
        chapter =
          "{\n\"id\": \"s\(level)\",\n\"number\": 1,\n\"sections\": [\(chapter)],\n\"tasks\": [],\n\"title\": \"节\"}"
      }
      Self.expectAgreement(
        text.replacingOccurrences(of: "\"chapters\": [],", with: "\"chapters\": [\(chapter)],"),
        fast: depth < 50)
    }
  }

  /// Many small random edits of a snapshot — a byte removed, added or changed — each read the same
  /// by the old decoder and the new.
  @Test func editedSnapshotsAgree() {
    let bytes = Array(Self.richText.utf8)
    let ascii = bytes.indices.filter { bytes[$0] < 0x80 }
    let inserted = Array("\"\\{}[],: \n\t0123456789-+.eEntrufalsx".utf8)
    var seed: UInt64 = 0x5A17
    func random(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    for _ in 0..<1500 {
      var edited = bytes
      for _ in 0...random(2) {
        // An earlier removal may have shortened the text.
        let i = min(ascii[random(ascii.count)], edited.count - 1)
        switch random(3) {
        case 0: edited.remove(at: i)
        case 1: edited.insert(inserted[random(inserted.count)], at: i)
        default: edited[i] = inserted[random(inserted.count)]
        }
      }
      Self.expectAgreement(String(decoding: edited, as: UTF8.self))
    }
  }
}

/// `PlanSnapshot.decode` as it was before the fast path, kept as the reference: the header and
/// then the envelope read by `JSONDecoder`, every line scanned for the rules' locations, and the
/// text walked as a tree for each declaration's own id. Its
/// errors are worded as `PlanSnapshot` words them now (a JSON path or a line and column, JSON's
/// names for kinds of value).
enum LegacySnapshot {
  private struct Envelope: Decodable {
    var schema: String
    var schemaVersion: Int
    var plan: WorkPlan
  }

  private struct Header: Decodable {
    var schema: String?
    var schemaVersion: Int?
  }

  static func decode(_ text: String, path: String) -> Result<WorkPlan, SnapshotError> {
    let data = Data(text.utf8)
    let schemaName = PlanSnapshot.schemaName
    let schemaVersion = PlanSnapshot.schemaVersion
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      return .failure(SnapshotError(path: path, message: PlanSnapshot.describe(error, in: text)))
    }
    guard header.schema == schemaName else {
      return .failure(
        SnapshotError(
          path: path,
          message:
            "at schema: not a PlanBook plan snapshot (schema is \(header.schema.map { "'\(XMLCharacters.visible($0))'" } ?? "missing"), expected '\(schemaName)')"
        ))
    }
    guard header.schemaVersion == schemaVersion else {
      return .failure(
        SnapshotError(
          path: path,
          message:
            "at schemaVersion: schema version \(header.schemaVersion.map(String.init) ?? "missing") is not supported (this build reads version \(schemaVersion))"
        ))
    }
    var plan: WorkPlan
    do {
      plan = try JSONDecoder().decode(Envelope.self, from: data).plan
    } catch {
      return .failure(SnapshotError(path: path, message: PlanSnapshot.describe(error, in: text)))
    }
    locate(&plan, in: text, path: path)
    return .success(plan)
  }

  private static func locate(_ plan: inout WorkPlan, in text: String, path: String) {
    var matchLines: [Int] = []
    let rulesKey = Array("\"rules\": ".utf8)
    let matchKey = Array("\"match\": ".utf8)
    let assessmentKey = Array("\"assessment\": ".utf8)
    var assessmentLine: Int?
    var inRules = false
    var number = 0
    let bytes = Array(text.utf8)
    var start = 0
    func has(_ key: [UInt8], at i: Int, before end: Int) -> Bool {
      guard end - i >= key.count else { return false }
      for k in key.indices where bytes[i + k] != key[k] { return false }
      return true
    }
    while start <= bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      number += 1
      var i = start
      while i < end, bytes[i] == 0x20 { i += 1 }
      if has(rulesKey, at: i, before: end) {
        inRules = true
      } else if inRules, has(matchKey, at: i, before: end) {
        matchLines.append(number)
      } else if assessmentLine == nil, has(assessmentKey, at: i, before: end) {
        assessmentLine = number
      }
      start = end + 1
    }
    var ids = IDLines(bytes)
    ids.walk()
    var taken: [String: Int] = [:]
    func at(_ kind: String, _ id: String) -> PlanModel.SourceLocation {
      let key = kind + "/" + id
      let n = taken[key, default: 0]
      taken[key] = n + 1
      let lines = ids.lines[key] ?? []
      return PlanModel.SourceLocation(file: path, line: n < lines.count ? lines[n] : 0)
    }
    plan.location = at("plan", plan.id)
    plan.assessment?.location = PlanModel.SourceLocation(file: path, line: assessmentLine ?? 0)
    for i in plan.units.indices { plan.units[i].location = at("units", plan.units[i].id) }
    for i in plan.targets.indices { plan.targets[i].location = at("targets", plan.targets[i].id) }
    for i in plan.rules.indices {
      plan.rules[i].location = PlanModel.SourceLocation(
        file: path, line: i < matchLines.count ? matchLines[i] : 0)
    }
    func fix(_ c: inout PlanChapter) {
      c.location = at("chapters", c.id)
      for s in c.sections.indices { fix(&c.sections[s]) }
      for t in c.tasks.indices {
        c.tasks[t].location = at("tasks", c.tasks[t].id)
        for f in c.tasks[t].figures.indices {
          c.tasks[t].figures[f].location = at("figures", c.tasks[t].figures[f].id)
        }
        for m in c.tasks[t].milestones.indices {
          c.tasks[t].milestones[m].location = at("milestones", c.tasks[t].milestones[m].id)
        }
      }
    }
    for i in plan.chapters.indices { fix(&plan.chapters[i]) }
  }

  /// The ids of a text `JSONDecoder` read, walked as a tree: for each kind of declaration and
  /// id (`"tasks/dust"`), the lines of its `"id"` keys in order — a key's line when only spaces
  /// come before it on the line, else 0. A kind is where its object stands: `plan`,
  /// `plan.units[]`, `plan.targets[]`, `plan.chapters[]` or `sections[]` of one, `tasks[]` of a
  /// chapter, `figures[]` and `milestones[]` of a task. Keys are compared as written.
  private struct IDLines {
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var lines: [String: [Int]] = [:]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func walk() {
      // JSONDecoder reads a text after a byte order mark.
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
      value("envelope")
    }

    func byte(_ at: Int) -> UInt8 { at < bytes.count ? bytes[at] : 0 }

    mutating func space() {
      while [0x20, 0x09, 0x0D, 0x0A].contains(byte(i)) {
        if byte(i) == 0x0A { line += 1 }
        i += 1
      }
    }

    /// A string at `i`: its text as written and whether it has an escape.
    mutating func string() -> (raw: [UInt8], escaped: Bool) {
      i += 1
      var raw: [UInt8] = []
      var escaped = false
      while i < bytes.count, bytes[i] != 0x22 {
        if bytes[i] == 0x5C {
          escaped = true
          raw.append(bytes[i])
          i += 1
        }
        if byte(i) == 0x0A { line += 1 }
        if i < bytes.count { raw.append(bytes[i]) }
        i += 1
      }
      i += 1
      return (raw, escaped)
    }

    /// Where a member `key` of an object standing at `place` stands.
    static func member(_ place: String, _ key: String) -> String {
      switch (place, key) {
      case ("envelope", "plan"): "plan"
      case ("plan", "units"), ("plan", "targets"), ("plan", "chapters"): key
      case ("chapters", "sections"): "chapters"
      case ("chapters", "tasks"): "tasks"
      case ("tasks", "figures"), ("tasks", "milestones"): key
      default: "other"
      }
    }

    mutating func value(_ place: String) {
      space()
      switch byte(i) {
      case 0x7B:
        i += 1
        while true {
          space()
          if byte(i) == 0x7D || i >= bytes.count {
            i += 1
            return
          }
          if byte(i) == 0x2C {
            i += 1
            continue
          }
          var k = i - 1
          while k >= 0, bytes[k] == 0x20 { k -= 1 }
          let keyLine = k < 0 || bytes[k] == 0x0A ? line : 0
          let (key, escaped) = string()
          space()
          i += 1  // the colon
          space()
          let name = escaped ? "" : String(decoding: key, as: UTF8.self)
          if name == "id", !["envelope", "other"].contains(place), byte(i) == 0x22 {
            let (raw, escaped) = string()
            let id =
              escaped
              ? try? JSONDecoder().decode(String.self, from: Data([0x22] + raw + [0x22]))
              : String(decoding: raw, as: UTF8.self)
            if let id { lines[place + "/" + id, default: []].append(keyLine) }
          } else {
            value(Self.member(place, name))
          }
        }
      case 0x5B:
        i += 1
        while true {
          space()
          if byte(i) == 0x5D || i >= bytes.count {
            i += 1
            return
          }
          if byte(i) == 0x2C {
            i += 1
            continue
          }
          value(place)
        }
      case 0x22: _ = string()
      default:
        while i < bytes.count, ![0x2C, 0x5D, 0x7D, 0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) {
          i += 1
        }
      }
    }
  }

}
