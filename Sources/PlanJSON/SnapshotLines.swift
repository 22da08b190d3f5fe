import Foundation
import PlanModel

/// Where a snapshot's declarations are, for ``PlanSnapshot/decode(_:path:)``: the line of each
/// declaration's own `"id"` key, and the line of each rule's match.
///
/// An id counts for the kind of declaration whose object holds it, by where the object stands:
/// `plan`, `plan.units[]`, `plan.targets[]`, `plan.chapters[]` and any depth of `sections[]`
/// below, their `tasks[]`, and a task's `figures[]` and `milestones[]` (ids anywhere else — a
/// removed item, an unknown field — count for nothing). The n-th declaration of a kind with an
/// id (in PlanBook's key order: a chapter before its sections, a chapter's sections' tasks
/// before its own) gets the n-th id of that kind with that id in the file, so each of twenty
/// copies of a task is located at its own copy, and finding them is linear. An id is located
/// at the line of its key when the key begins its line (after spaces, as PlanBook writes every
/// key); otherwise at 0 (unknown).
///
/// Rules are read by lines: a line counts when, after its spaces, it begins with
/// `"assessment": `, `"rules": ` or — after the `"rules": ` line — `"match": `. (Keys are sorted,
/// so the assessment's own `match` keys come before the rules.)
///
/// The careful path scans the whole text (``scan(_:)``); the fast path notes each id as it reads
/// it (``add(_:_:line:)``) and the rule keys that begin a line (``note(line:_:from:)``).
struct SnapshotLines {
  /// The kinds of declaration that are located by their id.
  enum Kind: UInt8 {
    case plan, unit, target, figure, chapter, task, milestone
  }

  private struct Key: Hashable {
    var kind: Kind
    var id: String
  }

  /// The line of the first id of each kind and id (0: its key does not begin a line).
  private var first: [Key: Int] = [:]
  /// The lines of the second and later ids of a kind and id, in the file's order.
  private var later: [Key: [Int]] = [:]
  /// The lines of the rules' matches, in order.
  private(set) var matches: [Int] = []
  /// The line of the plan's `"assessment": ` key.
  private(set) var assessment: Int?
  private var inRules = false

  /// Room for the ids of a snapshot of `size` bytes (PlanBook writes at least 500 bytes a task).
  init(size: Int) { first.reserveCapacity(size / 500) }

  /// Notes an id of a `kind` of declaration, whose key is on `line` (0: not at its start).
  mutating func add(_ kind: Kind, _ id: String, line: Int) {
    var isFirst = false
    func take(_ slot: inout Int) {
      if slot < 0 {
        slot = line
        isFirst = true
      }
    }
    // One lookup for an id seen once, which is every id of a plan without duplicates.
    take(&first[Key(kind: kind, id: id), default: -1])
    if !isFirst { later[Key(kind: kind, id: id), default: []].append(line) }
  }

  /// Notes line `number`, which begins with a key at `bytes[start]` (after its spaces; the line
  /// runs to the next line feed or the end of `bytes`): a rule's match, the rules, the
  /// assessment.
  mutating func note(line number: Int, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
    func has(_ key: StaticString) -> Bool {
      let n = key.utf8CodeUnitCount
      guard start >= 0, bytes.count - start >= n else { return false }
      let expected = UnsafeBufferPointer(start: key.utf8Start, count: n)
      return bytes[start..<start + n].elementsEqual(expected)
    }
    if has("\"rules\": ") {
      inRules = true
    } else if assessment == nil, has("\"assessment\": ") {
      assessment = number
    } else if inRules, has("\"match\": ") {
      matches.append(number)
    }
  }

  // MARK: - the careful path

  /// Where a JSON value stands, for its ids: in the envelope, the plan, an object or array of
  /// one kind of declaration, or anywhere else.
  private enum Place: UInt8 {
    case other, envelope, plan, unit, target, figure, chapter, task, milestone

    /// The kind of declaration an object here is.
    var kind: Kind? {
      switch self {
      case .other, .envelope: nil
      case .plan: .plan
      case .unit: .unit
      case .target: .target
      case .figure: .figure
      case .chapter: .chapter
      case .task: .task
      case .milestone: .milestone
      }
    }

    /// Where the value of `key` of an object here stands (for an array: its elements).
    func member(_ key: JSONReader.Key) -> Place {
      switch self {
      case .envelope: if key.is("plan") { return .plan }
      case .plan:
        if key.is("chapters") { return .chapter }
        if key.is("units") { return .unit }
        if key.is("targets") { return .target }
      case .chapter:
        if key.is("sections") { return .chapter }
        if key.is("tasks") { return .task }
      case .task:
        if key.is("figures") { return .figure }
        if key.is("milestones") { return .milestone }
      default: break
      }
      return .other
    }
  }

  /// The whole of `bytes`, a text `JSONDecoder` has read: every id where it stands, and every
  /// line for the rules. Keys are compared as written (with an escape, a key is no known key);
  /// an id with escapes is noted as it reads.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> SnapshotLines {
    var lines = SnapshotLines(size: bytes.count)
    let quote = UInt8(ascii: "\"")
    /// The open objects and arrays: whether each is an object, and where its values stand.
    var open: [(object: Bool, place: Place)] = []
    var line = 1
    /// Whether only spaces have come since the last line feed.
    var blank = true
    /// Whether a string now is an object's key.
    var keyNext = false
    /// The last key read in the innermost object.
    var key = JSONReader.Key(bytes: UnsafeBufferPointer(rebasing: bytes[0..<0]))
    /// The kind and line of an `id` key just read, whose value comes next.
    var idKey: (kind: Kind, line: Int)?
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case 0x0A:
        line += 1
        blank = true
        i += 1
      case quote:
        let start = i + 1
        var end = start
        var escaped = false
        // A string ends at its unescaped quote; a line feed in it (JSON has none) still counts.
        while end < bytes.count, bytes[end] != quote {
          if bytes[end] == UInt8(ascii: "\\") {
            escaped = true
            end += 1
          } else if bytes[end] == 0x0A {
            line += 1
          }
          end += 1
        }
        end = min(end, bytes.count)
        let beginsLine = blank
        blank = false
        if keyNext {
          keyNext = false
          key = JSONReader.Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
          if beginsLine { lines.note(line: line, bytes, from: i) }
          if !escaped, key.is("id"), let kind = open.last?.place.kind {
            idKey = (kind, beginsLine ? line : 0)
          }
        } else if let (kind, at) = idKey {
          idKey = nil
          if !escaped {
            let id = String(
              decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            lines.add(kind, id, line: at)
          } else {
            var reader = JSONReader(
              UnsafeBufferPointer(rebasing: bytes[i..<min(end + 1, bytes.count)]))
            do {
              lines.add(kind, try reader.string(), line: at)
            } catch {
              // Only a lone surrogate, which JSONDecoder refuses too: nothing to locate.
            }
          }
        }
        i = end + 1
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        idKey = nil
        blank = false
        let place: Place
        if let outer = open.last {
          place = outer.object ? outer.place.member(key) : outer.place
        } else {
          place = b == UInt8(ascii: "{") ? .envelope : .other
        }
        open.append((b == UInt8(ascii: "{"), place))
        keyNext = b == UInt8(ascii: "{")
        i += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        idKey = nil
        blank = false
        _ = open.popLast()
        keyNext = false
        i += 1
      case UInt8(ascii: ","):
        idKey = nil
        blank = false
        keyNext = open.last?.object ?? false
        i += 1
      default:
        if b != 0x20 { blank = false }
        i += 1
      }
    }
    return lines
  }

  // MARK: - locating

  /// Gives every declaration of `plan` the line of its own id, and each rule the line of its
  /// match (0 when there is none).
  func locate(_ plan: inout WorkPlan, path: String) {
    /// How many declarations of each duplicated kind and id have been located.
    var taken: [Key: Int] = [:]
    func at(_ kind: Kind, _ id: String) -> SourceLocation {
      let key = Key(kind: kind, id: id)
      guard !later.isEmpty, let more = later[key] else {
        return SourceLocation(file: path, line: first[key] ?? 0)
      }
      let n = taken[key, default: 0]
      taken[key] = n + 1
      let line = n == 0 ? first[key] ?? 0 : n - 1 < more.count ? more[n - 1] : 0
      return SourceLocation(file: path, line: line)
    }
    plan.location = at(.plan, plan.id)
    for i in plan.units.indices { plan.units[i].location = at(.unit, plan.units[i].id) }
    for i in plan.targets.indices { plan.targets[i].location = at(.target, plan.targets[i].id) }
    // In the file's order: a chapter, then its sections, then its own tasks.
    func fix(_ c: inout PlanChapter) {
      c.location = at(.chapter, c.id)
      for s in c.sections.indices { fix(&c.sections[s]) }
      for t in c.tasks.indices {
        for f in c.tasks[t].figures.indices {
          c.tasks[t].figures[f].location = at(.figure, c.tasks[t].figures[f].id)
        }
        c.tasks[t].location = at(.task, c.tasks[t].id)
        for m in c.tasks[t].milestones.indices {
          c.tasks[t].milestones[m].location = at(.milestone, c.tasks[t].milestones[m].id)
        }
      }
    }
    for i in plan.chapters.indices { fix(&plan.chapters[i]) }
    plan.assessment?.location = SourceLocation(file: path, line: assessment ?? 0)
    for i in plan.rules.indices {
      plan.rules[i].location = SourceLocation(
        file: path, line: i < matches.count ? matches[i] : 0)
    }
  }
}
