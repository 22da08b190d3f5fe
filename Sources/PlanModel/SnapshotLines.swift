import Foundation

/// Where a snapshot's declarations are, for ``PlanSnapshot/decode(_:path:)``: the line on which
/// each id first appears, and the line of each rule's match.
///
/// Lines are read as written: a line counts when, after its spaces, it begins with `"id": "`
/// (the id runs to the next `"`), `"assessment": `, `"rules": ` or — after the `"rules": `
/// line — `"match": `. (Keys
/// are sorted, so the assessment's own `match` keys come before the rules.) The careful path
/// scans every line (``scan(_:)``); the fast path notes the keys it reads that begin a line.
struct SnapshotLines {
  /// The first line each id appears on.
  private(set) var ofID: [String: Int] = [:]
  /// The lines of the rules' matches, in order.
  private(set) var matches: [Int] = []
  /// The line of the plan's `"assessment": ` key.
  private(set) var assessment: Int?
  private var inRules = false

  /// Room for the ids of a snapshot of `size` bytes (PlanBook writes at least 500 bytes a task).
  init(size: Int) { ofID.reserveCapacity(size / 500) }

  /// The first line of an id, and whether the id as written holds an escape (`\`): then it is
  /// not the id the plan decodes.
  struct IDLine {
    var first: Int
    var escaped: Bool
  }

  /// Notes line `number`, whose first byte after its spaces is `bytes[start]` (the line runs to
  /// the next line feed or the end of `bytes`); for a line of an id, returns its `IDLine`.
  mutating func note(
    line number: Int, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int
  )
    -> IDLine?
  {
    func has(_ key: StaticString) -> Bool {
      let n = key.utf8CodeUnitCount
      guard bytes.count - start >= n else { return false }
      let expected = UnsafeBufferPointer(start: key.utf8Start, count: n)
      return bytes[start..<start + n].elementsEqual(expected)
    }
    if has("\"id\": \"") {
      let from = start + 7
      var to = from
      var escaped = false
      while to < bytes.count, bytes[to] != UInt8(ascii: "\""), bytes[to] != 0x0A {
        if bytes[to] == UInt8(ascii: "\\") { escaped = true }
        to += 1
      }
      guard to < bytes.count, bytes[to] == UInt8(ascii: "\"") else { return nil }
      let id = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
      // One lookup: the line already noted for the id, or `number`, noted now.
      func first(_ line: inout Int) -> Int { line }
      return IDLine(first: first(&ofID[id, default: number]), escaped: escaped)
    } else if has("\"rules\": ") {
      inRules = true
    } else if assessment == nil, has("\"assessment\": ") {
      assessment = number
    } else if inRules, has("\"match\": ") {
      matches.append(number)
    }
    return nil
  }

  /// Every line of `bytes`.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> SnapshotLines {
    var lines = SnapshotLines(size: bytes.count)
    var number = 0
    var start = 0
    while start <= bytes.count {
      let end = lineEnd(in: bytes, from: start)
      number += 1
      var i = start
      while i < end, bytes[i] == 0x20 { i += 1 }
      if i < end, bytes[i] == UInt8(ascii: "\"") {
        _ = lines.note(line: number, UnsafeBufferPointer(rebasing: bytes[..<end]), from: i)
      }
      start = end + 1
    }
    return lines
  }

  /// Where the line starting at `start` ends: its line feed, or the end of the text.
  private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, 0x0A, bytes.count - start)
    else { return bytes.count }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// Gives every declaration of `plan` the line where its id first appears (a rule: its match's
  /// line; 0 when none).
  func locate(_ plan: inout WorkPlan, path: String) {
    func at(_ id: String) -> SourceLocation { SourceLocation(file: path, line: ofID[id] ?? 0) }
    plan.location = at(plan.id)
    for i in plan.units.indices { plan.units[i].location = at(plan.units[i].id) }
    for i in plan.targets.indices { plan.targets[i].location = at(plan.targets[i].id) }
    locateRules(&plan, path: path)
    func fix(_ c: inout PlanChapter) {
      c.location = at(c.id)
      for t in c.tasks.indices {
        c.tasks[t].location = at(c.tasks[t].id)
        for f in c.tasks[t].figures.indices {
          c.tasks[t].figures[f].location = at(c.tasks[t].figures[f].id)
        }
        for m in c.tasks[t].milestones.indices {
          c.tasks[t].milestones[m].location = at(c.tasks[t].milestones[m].id)
        }
      }
      for s in c.sections.indices { fix(&c.sections[s]) }
    }
    for i in plan.chapters.indices { fix(&plan.chapters[i]) }
  }

  /// Gives each rule of `plan` the line of its match (0 when there is none), and the
  /// assessment the line of its key.
  func locateRules(_ plan: inout WorkPlan, path: String) {
    plan.assessment?.location = SourceLocation(file: path, line: assessment ?? 0)
    for i in plan.rules.indices {
      plan.rules[i].location = SourceLocation(
        file: path, line: i < matches.count ? matches[i] : 0)
    }
  }
}
