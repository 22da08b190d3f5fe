import Foundation
import PlanModel

/// JSON text in one canonical layout, independent of Foundation's pretty printer: keys sorted,
/// two-space indentation, `"key": value`, empty containers as `[]` and `{}`, a newline at the
/// end. Snapshots and the tool's JSON output use it, so the same value always gives the same
/// bytes.
public enum CanonicalJSON {
  /// The canonical text of `value`.
  public static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return layout(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  /// Lays out compact JSON text (as `JSONEncoder` writes it without `.prettyPrinted`). Works on
  /// UTF-8 bytes: every byte of a multi-byte character is ≥ 0x80, so none is mistaken for
  /// structure.
  static func layout(_ compact: String) -> String {
    let bytes = Array(compact.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    var depth = 0
    var inString = false
    var escaped = false
    var i = 0
    func newline() {
      out.append(UInt8(ascii: "\n"))
      out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
    while i < bytes.count {
      let c = bytes[i]
      i += 1
      if inString {
        out.append(c)
        if escaped {
          escaped = false
        } else if c == UInt8(ascii: "\\") {
          escaped = true
        } else if c == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch c {
      case UInt8(ascii: "\""):
        inString = true
        out.append(c)
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        out.append(c)
        let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if i < bytes.count, bytes[i] == close {
          out.append(close)
          i += 1
        } else {
          depth += 1
          newline()
        }
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        newline()
        out.append(c)
      case UInt8(ascii: ","):
        out.append(c)
        newline()
      case UInt8(ascii: ":"):
        out.append(c)
        out.append(UInt8(ascii: " "))
      default:
        out.append(c)
      }
    }
    out.append(UInt8(ascii: "\n"))
    return String(decoding: out, as: UTF8.self)
  }
}
