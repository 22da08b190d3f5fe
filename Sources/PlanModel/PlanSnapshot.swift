import Foundation

/// The canonical JSON form of a plan: versioned, laid out by ``CanonicalJSON`` (keys sorted,
/// two-space indentation, one trailing newline). Two snapshots of the same plan are byte-identical, so they diff cleanly.
/// The schema is documented in `docs/snapshot-schema.md`.
public enum PlanSnapshot {
  /// The value of the `schema` field.
  public static let schemaName = "planbook.plan"
  /// The schema version this build writes and reads.
  public static let schemaVersion = 1

  private struct Envelope: Codable {
    var schema: String
    var schemaVersion: Int
    var plan: WorkPlan
  }

  private struct Header: Decodable {
    var schema: String?
    var schemaVersion: Int?
  }

  /// The canonical JSON text of `plan`.
  public static func encode(_ plan: WorkPlan) throws -> String {
    try CanonicalJSON.encode(
      Envelope(schema: schemaName, schemaVersion: schemaVersion, plan: plan))
  }

  /// Reads a snapshot. `path` names the file in errors and becomes the ``SourceLocation`` of
  /// every declaration, with the line where its id appears.
  public static func decode(_ text: String, path: String) throws(SnapshotError) -> WorkPlan {
    let data = Data(text.utf8)
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw SnapshotError(path: path, message: describe(error))
    }
    guard header.schema == schemaName else {
      throw SnapshotError(
        path: path,
        message:
          "not a PlanBook plan snapshot (schema is \(header.schema.map { "'\($0)'" } ?? "missing"), expected '\(schemaName)')"
      )
    }
    guard header.schemaVersion == schemaVersion else {
      throw SnapshotError(
        path: path,
        message:
          "schema version \(header.schemaVersion.map(String.init) ?? "missing") is not supported (this build reads version \(schemaVersion))"
      )
    }
    var plan: WorkPlan
    do {
      plan = try JSONDecoder().decode(Envelope.self, from: data).plan
    } catch {
      throw SnapshotError(path: path, message: describe(error))
    }
    locate(&plan, in: text, path: path)
    return plan
  }

  /// Gives every declaration the location of the line where its id first appears.
  private static func locate(_ plan: inout WorkPlan, in text: String, path: String) {
    var lineOfID: [String: Int] = [:]
    var matchLines: [Int] = []
    // Scanned as UTF-8 bytes: splitting 100 MB into Characters costs seconds.
    let idKey = Array("\"id\": \"".utf8)
    let rulesKey = Array("\"rules\": ".utf8)
    let matchKey = Array("\"match\": ".utf8)
    var inRules = false  // keys are sorted: only rules have a "match" after "rules"
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
      if has(idKey, at: i, before: end) {
        let from = i + idKey.count
        var to = from
        while to < end, bytes[to] != 0x22 { to += 1 }
        if to < end {
          let id = String(decoding: bytes[from..<to], as: UTF8.self)
          if lineOfID[id] == nil { lineOfID[id] = number }
        }
      } else if has(rulesKey, at: i, before: end) {
        inRules = true
      } else if inRules, has(matchKey, at: i, before: end) {
        matchLines.append(number)
      }
      start = end + 1
    }
    func at(_ id: String) -> SourceLocation { SourceLocation(file: path, line: lineOfID[id] ?? 0) }
    plan.location = at(plan.id)
    for i in plan.units.indices { plan.units[i].location = at(plan.units[i].id) }
    for i in plan.targets.indices { plan.targets[i].location = at(plan.targets[i].id) }
    for i in plan.rules.indices {
      plan.rules[i].location = SourceLocation(
        file: path, line: i < matchLines.count ? matchLines[i] : 0)
    }
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

  /// One line for a decoding error: where in the JSON, and what was wrong.
  private static func describe(_ error: any Error) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      var out = ""
      for k in keys {
        if let i = k.intValue {
          out += "[\(i)]"
        } else {
          out += (out.isEmpty ? "" : ".") + k.stringValue
        }
      }
      return out.isEmpty ? "top level" : out
    }
    switch error as? DecodingError {
    case .typeMismatch(let type, let ctx):
      return "at \(path(ctx.codingPath)): expected \(type)"
    case .valueNotFound(let type, let ctx):
      return "at \(path(ctx.codingPath)): missing \(type) value"
    case .keyNotFound(let key, let ctx):
      return "at \(path(ctx.codingPath)): missing field '\(key.stringValue)'"
    case .dataCorrupted(let ctx):
      if ctx.codingPath.isEmpty { return "not valid JSON" }
      return "at \(path(ctx.codingPath)): \(ctx.debugDescription)"
    default:
      return "cannot be read: \(error)"
    }
  }
}

/// A snapshot file that cannot be read, with the file's path.
public struct SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
