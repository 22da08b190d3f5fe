import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import Testing

/// Hostile snapshots: seeded (so deterministic) mutations of a committed snapshot, each read
/// (`PlanSnapshot.decode`), resolved and checked as `planbook check FILE.json` does. None may
/// crash; each error names where it is (a JSON path, a line and column, or a declaration's
/// location) and never a Swift type; each run stays short.
struct SnapshotFuzzTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The Guangzhou plan cut to its first two chapters, so 1,000 runs take seconds.
  static func base() throws -> String {
    let url = root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
    var plan = try PlanSnapshot.decode(
      try String(contentsOf: url, encoding: .utf8), path: "guangzhou-2020.json")
    plan.chapters = Array(plan.chapters.prefix(2))
    let chapters = Set(plan.allChapters.map(\.chapter.id))
    plan.rules = plan.rules.filter {
      if case .chapter(let id) = $0.match { return chapters.contains(id) }
      return true
    }
    return try PlanSnapshot.encode(plan)
  }

  /// Values an attacker or a careless editor puts where another value was.
  static let hostile: [String] = [
    "2147483648", "-2147483649", "0", "-1", "9999", "10000", "99999999999999999999",
    "9223372036854775807", "-9223372036854775808", "1e400", "-1e400", "1e-400", "2.5", "-0",
    "1.0", "\"\\ud800\"", "\"x\\udc00y\"", "\"\\ud83d\\u0041\"", "\"\\u0001\"", "\"a\\u001b[2Jb\"",
    "\"\\ufffe\"", "\"\\uffff\"", "\"\\u0000\"", "\"../../../../elsewhere/pb-escape\"",
    "\"..\"", "\".hidden\"", "\"CON\"", "\"a b\"", "\"\"", "null", "true", "{}", "[]",
    "\"2020-02-30\"", "\"9999999999-01-01\"", "\"-5-01-01\"",
    String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300),
    "\"" + String(repeating: "长", count: 300) + "\"",
    "\"" + String(repeating: "x", count: 20_000) + "\"",
  ]

  /// The keys whose values are worth replacing: every one the snapshot has.
  static let keys = [
    "number", "id", "text", "title", "name", "shortName", "year", "month", "quarter", "half",
    "kind", "lead", "cooperating", "issuer", "parent", "date", "start", "end", "value",
    "weight", "tolerance", "baseYear", "unit", "measure", "direction", "numbering", "chapter",
    "keyword", "target", "schemaVersion", "tasks", "sections", "figures", "milestones",
  ]

  /// What no message may hold: Swift's names for types.
  static let swiftWords = [
    "Swift.", "Dictionary<", "Array<", "Optional<", "Int64", "KeyedDecodingContainer",
    "UnkeyedDecodingContainer", "CodingKeys", "DecodingError", "Foundation.", "expected String",
    "expected Int", "expected Double", "expected Bool", "Cannot initialize",
  ]

  @Test func mutatedSnapshotsNeverCrashAndEveryErrorSaysWhere() throws {
    let base = Array(try Self.base().utf8)
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func random(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(max(1, n)))
    }
    /// Where each `"key": ` of the base begins its value.
    var values: [[UInt8]: [Int]] = [:]
    for key in Self.keys {
      let pattern = Array("\"\(key)\": ".utf8)
      var i = 0
      while i + pattern.count <= base.count {
        if base[i..<i + pattern.count].elementsEqual(pattern) {
          values[pattern, default: []].append(i + pattern.count)
        }
        i += 1
      }
    }
    let patterns = values.keys.sorted { $0.lexicographicallyPrecedes($1) }
    /// The end of the JSON value starting at `i` (a string, a number, a literal; a container
    /// as a whole).
    func valueEnd(_ bytes: [UInt8], _ i: Int) -> Int {
      var j = i
      var depth = 0
      var inString = false
      while j < bytes.count {
        let b = bytes[j]
        if inString {
          if b == UInt8(ascii: "\\") {
            j += 1
          } else if b == UInt8(ascii: "\"") {
            inString = false
            if depth == 0 { return j + 1 }
          }
        } else {
          switch b {
          case UInt8(ascii: "\""): inString = true
          case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 0 { return j }
            depth -= 1
            if depth == 0 { return j + 1 }
          case UInt8(ascii: ","), 0x0A:
            if depth == 0 { return j }
          default: break
          }
        }
        j += 1
      }
      return j
    }

    let runs = 1_200
    var read = 0
    var refused = 0
    var slowest: Duration = .zero
    let clock = ContinuousClock()
    for run in 0..<runs {
      var bytes = base
      if random(3) < 2 {
        // A field's value replaced by a hostile one.
        let starts = values[patterns[random(patterns.count)]] ?? []
        let start = starts[random(starts.count)]
        let end = valueEnd(bytes, start)
        bytes.replaceSubrange(
          start..<end, with: Array(Self.hostile[random(Self.hostile.count)].utf8))
      }
      for _ in 0..<random(3) {
        switch random(4) {
        case 0:
          // A byte changed.
          bytes[random(bytes.count)] = UInt8(truncatingIfNeeded: random(256))
        case 1:
          // Bytes deleted.
          let at = random(bytes.count)
          bytes.removeSubrange(at..<min(bytes.count, at + 1 + random(40)))
        case 2:
          // A stretch duplicated (a task pasted twice, a key repeated).
          let at = random(bytes.count)
          let copy = Array(bytes[at..<min(bytes.count, at + 1 + random(2_000))])
          bytes.insert(contentsOf: copy, at: at)
        default:
          // A hostile value inserted anywhere.
          bytes.insert(
            contentsOf: Array(Self.hostile[random(Self.hostile.count)].utf8),
            at: random(bytes.count))
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let started = clock.now
      var messages: [String] = []
      do {
        let plan = try PlanSnapshot.decode(text, path: "fuzz.json")
        read += 1
        for d in Checker.check(Resolver.resolve(plan), source: .notChecked)
        where d.severity == .error {
          #expect(d.location?.file == "fuzz.json", "run \(run): \(d)")
          messages.append(d.message)
        }
      } catch {
        refused += 1
        #expect(error.path == "fuzz.json")
        let located =
          error.message.hasPrefix("at ")
          || error.message.wholeMatch(of: /line \d+, column \d+: .+/) != nil
        #expect(located, "run \(run): \(error.message)")
        messages.append(error.message)
      }
      slowest = max(slowest, clock.now - started)
      for message in messages {
        for word in Self.swiftWords {
          #expect(!message.contains(word), "run \(run): \(message)")
        }
        #expect(
          !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
          "run \(run): a raw control character in \(message.debugDescription)")
      }
    }
    // Both outcomes are exercised, and no run takes long.
    #expect(read > runs / 10)
    #expect(refused > runs / 10)
    #expect(slowest < .seconds(2), "slowest run: \(slowest)")
  }
}
