import Foundation
import PlanModel

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

  /// The envelope as the careful path reads it: the schema and its version first, so that
  /// another file's JSON is named as such before its fields are looked at.
  private struct CheckedEnvelope: Decodable {
    var plan: WorkPlan

    /// The schema or version is not this build's.
    struct Mismatch: Error {
      var message: String
    }

    private enum CodingKeys: String, CodingKey { case schema, schemaVersion, plan }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let schema = try c.decodeIfPresent(String.self, forKey: .schema)
      let version = try c.decodeIfPresent(Int.self, forKey: .schemaVersion)
      guard schema == schemaName else {
        throw Mismatch(
          message:
            "at schema: not a PlanBook plan snapshot (schema is \(schema.map { "'\(XMLCharacters.visible($0))'" } ?? "missing"), expected '\(schemaName)')"
        )
      }
      guard version == schemaVersion else {
        throw Mismatch(
          message:
            "at schemaVersion: schema version \(version.map(String.init) ?? "missing") is not supported (this build reads version \(schemaVersion))"
        )
      }
      plan = try c.decode(WorkPlan.self, forKey: .plan)
    }
  }

  /// The canonical JSON text of `plan`.
  public static func encode(_ plan: WorkPlan) throws -> String {
    try CanonicalJSON.encode(
      Envelope(schema: schemaName, schemaVersion: schemaVersion, plan: plan))
  }

  /// Reads a snapshot. `path` names the file in errors and becomes the ``SourceLocation`` of
  /// every declaration, with the line of its own id (each of two tasks with one id at its own
  /// line; see `docs/snapshot-schema.md`).
  ///
  /// A snapshot is read straight from its bytes when it holds only what PlanBook writes
  /// (``SnapshotReader``); anything else, errors included, goes to Foundation's `JSONDecoder`,
  /// which gives the same plan and says where a file is wrong.
  public static func decode(_ text: String, path: String) throws(SnapshotError) -> WorkPlan {
    var text = text
    text.makeContiguousUTF8()
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> WorkPlan? in
      guard let read = try? SnapshotReader.read(bytes) else { return nil }
      var plan = read.plan
      read.lines.locate(&plan, path: path)
      return plan
    }
    if let fast, let plan = fast { return plan }
    return try decodeCarefully(text, path: path)
  }

  /// Reads a snapshot with `JSONDecoder`: the same plan as the fast path where both read one,
  /// and clear errors where the file is wrong.
  static func decodeCarefully(_ text: String, path: String) throws(SnapshotError) -> WorkPlan {
    var plan: WorkPlan
    do {
      plan = try JSONDecoder().decode(CheckedEnvelope.self, from: Data(text.utf8)).plan
    } catch let mismatch as CheckedEnvelope.Mismatch {
      throw SnapshotError(path: path, message: mismatch.message)
    } catch {
      throw SnapshotError(path: path, message: describe(error, in: text))
    }
    // Scanned as UTF-8 bytes: splitting 100 MB into Characters costs seconds.
    let lines = Array(text.utf8).withUnsafeBufferPointer { SnapshotLines.scan($0) }
    lines.locate(&plan, path: path)
    return plan
  }

  /// One line for a decoding error of `text`: where — a JSON path (`plan.chapters[2].number`),
  /// or the line and column where the text stops being JSON — and what was wrong, in JSON's
  /// words (a string, an integer, an object), never Swift's type names.
  static func describe(_ error: any Error, in text: String) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      var out = ""
      for k in keys {
        if let i = k.intValue {
          out += "[\(i)]"
        } else {
          out += (out.isEmpty ? "" : ".") + XMLCharacters.visible(k.stringValue)
        }
      }
      return out.isEmpty ? "top level" : out
    }
    switch error as? DecodingError {
    case .typeMismatch(let type, let ctx):
      return "at \(path(ctx.codingPath)): expected \(jsonKind(type))\(found(ctx.debugDescription))"
    case .valueNotFound(let type, let ctx):
      return "at \(path(ctx.codingPath)): expected \(jsonKind(type)), found null"
    case .keyNotFound(let key, let ctx):
      return
        "at \(path(ctx.codingPath)): missing field '\(XMLCharacters.visible(key.stringValue))'"
    case .dataCorrupted(let ctx):
      if ctx.codingPath.isEmpty {
        return JSONSyntax.firstProblem(in: text)?.description ?? "not valid JSON"
      }
      return "at \(path(ctx.codingPath)): \(plain(ctx.debugDescription))"
    default:
      return "cannot be read (\(XMLCharacters.visible(String(describing: error))))"
    }
  }

  /// A Swift type `JSONDecoder` expected, as the JSON value it reads.
  private static func jsonKind(_ type: Any.Type) -> String {
    let name = String(describing: type)
    switch name {
    case "String": return "a string"
    case "Int", "Int64", "Int32", "UInt", "UInt64": return "an integer"
    case "Double", "Float", "Decimal": return "a number"
    case "Bool": return "true or false"
    default:
      if name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer") {
        return "an array"
      }
      if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") {
        return "an object"
      }
      return "another kind of value"
    }
  }

  /// `, found a number` from `JSONDecoder`'s "… but found number instead.", in JSON's words.
  private static func found(_ description: String) -> String {
    guard let range = description.range(of: "but found "),
      let end = description.range(of: " instead", range: range.upperBound..<description.endIndex)
    else { return "" }
    let what = description[range.upperBound..<end.lowerBound]
    switch what {
    case "a string", "string": return ", found a string"
    case "number", "a number": return ", found a number"
    case "bool", "a bool": return ", found true or false"
    case "a dictionary", "dictionary": return ", found an object"
    case "an array", "array": return ", found an array"
    case "null", "a null value": return ", found null"
    default: return ""
    }
  }

  /// A decoder's own message about a value, without Swift type names: `Cannot initialize Kind
  /// from invalid String value Department` becomes `'Department' is not one of the allowed
  /// values (see docs/snapshot-schema.md)`.
  private static func plain(_ description: String) -> String {
    if description.hasPrefix("Cannot initialize "), let value = description.range(of: " value ") {
      let given = description[value.upperBound...]
      return
        "'\(XMLCharacters.visible(String(given)))' is not one of the allowed values (see docs/snapshot-schema.md)"
    }
    return XMLCharacters.visible(description, limit: 200)
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
