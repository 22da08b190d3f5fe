import PlanModel

/// Where JSON text stops being JSON that `JSONDecoder` reads, for the errors of
/// ``PlanSnapshot/decode(_:path:)``: `JSONDecoder` says only "not valid JSON", and a person needs
/// the line and column.
///
/// Besides RFC 8259 syntax it reports what `JSONDecoder` refuses in valid JSON: a lone surrogate
/// escape (`\ud800`), nesting deeper than 512, a number too large or too small for a `Double`,
/// and a number that is not a whole number within `Int`'s range where the snapshot needs an
/// integer (``integerKeys``). It never recurses (nesting costs no stack) and reads each byte
/// once.
enum JSONSyntax {
  /// A problem and where it is: line and column from 1 (the column in characters).
  struct Problem: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String

    var description: String { "line \(line), column \(column): \(message)" }
  }

  /// The deepest nesting `JSONDecoder` reads.
  static let maximumDepth = 512

  /// The snapshot's fields that hold an integer.
  static let integerKeys: Set<String> = [
    "number", "year", "month", "quarter", "half", "baseYear", "schemaVersion",
  ]

  /// The first problem of `text`, or `nil` when `JSONDecoder` would read it as JSON.
  static func firstProblem(in text: String) -> Problem? {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      var scanner = Scanner(bytes)
      return scanner.run()
    } ?? Scanner.run(Array(text.utf8))
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    var line = 1
    var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func run(_ array: [UInt8]) -> Problem? {
      array.withUnsafeBufferPointer { bytes in
        var scanner = Scanner(bytes)
        return scanner.run()
      }
    }

    func byte(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }

    /// A problem at byte `k`.
    func problem(_ message: String, at k: Int? = nil) -> Problem {
      let end = min(k ?? i, bytes.count)
      var column = 1
      var j = lineStart
      while j < end {
        if bytes[j] & 0xC0 != 0x80 { column += 1 }
        j += 1
      }
      return Problem(line: line, column: column, message: message)
    }

    /// The character at byte `k`, as a message shows it.
    func shown(at k: Int) -> String {
      guard k < bytes.count else { return "the end of the file" }
      var end = k + 1
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self)
      return "'\(XMLCharacters.visible(character))'"
    }

    mutating func skipWhitespace() {
      while i < bytes.count {
        switch bytes[i] {
        case 0x20, 0x09, 0x0D: i += 1
        case 0x0A:
          i += 1
          line += 1
          lineStart = i
        default: return
        }
      }
    }

    mutating func run() -> Problem? {
      if byte(0) == 0xEF, byte(1) == 0xBB, byte(2) == 0xBF {
        return problem("the file begins with a byte order mark (U+FEFF); JSON text may not")
      }
      // Open containers: `{` or `[`.
      var stack: [UInt8] = []
      // The key of the value about to be read, when it is an object's.
      var key: String?
      skipWhitespace()
      if i == bytes.count { return problem("the file is empty; expected a JSON object") }
      while true {
        // A value.
        skipWhitespace()
        let start = i
        switch byte(i) {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          let opening = byte(i)
          stack.append(opening)
          if stack.count > JSONSyntax.maximumDepth {
            return problem("nested more than \(JSONSyntax.maximumDepth) levels deep")
          }
          i += 1
          skipWhitespace()
          let closing = opening == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
          if byte(i) == closing {
            i += 1
            stack.removeLast()
          } else if opening == UInt8(ascii: "{") {
            switch readKey() {
            case .failure(let p): return p
            case .success(let k): key = k
            }
            continue
          } else {
            key = nil
            continue
          }
        case UInt8(ascii: "\""):
          if let p = readString().problem { return p }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          if let p = readNumber(key: key) { return p }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
          var matched = false
          for word in ["true", "false", "null"] {
            let w = Array(word.utf8)
            if i + w.count <= bytes.count, bytes[i..<i + w.count].elementsEqual(w) {
              i += w.count
              matched = true
              break
            }
          }
          if !matched { return problem("expected a value, found \(shown(at: i))", at: start) }
        default:
          return problem("expected a value, found \(shown(at: i))")
        }
        // After a value: `,` and the next one, or the end of containers.
        while true {
          skipWhitespace()
          guard let open = stack.last else {
            guard i == bytes.count else {
              return problem("unexpected \(shown(at: i)) after the end of the JSON value")
            }
            return nil
          }
          let closing = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
          if byte(i) == UInt8(ascii: ",") {
            i += 1
            if open == UInt8(ascii: "{") {
              skipWhitespace()
              switch readKey() {
              case .failure(let p): return p
              case .success(let k): key = k
              }
            } else {
              key = nil
            }
            break
          }
          if byte(i) == closing {
            i += 1
            stack.removeLast()
            continue
          }
          return problem(
            "expected ',' or '\(Character(Unicode.Scalar(closing)))', found \(shown(at: i))")
        }
      }
    }

    /// A key, its `:` and the whitespace after it.
    mutating func readKey() -> Result<String, Problem> {
      guard byte(i) == UInt8(ascii: "\"") else {
        return .failure(problem("expected a key in double quotes, found \(shown(at: i))"))
      }
      let (text, p) = readString()
      if let p { return .failure(p) }
      skipWhitespace()
      guard byte(i) == UInt8(ascii: ":") else {
        return .failure(problem("expected ':' after a key, found \(shown(at: i))"))
      }
      i += 1
      return .success(text)
    }

    /// A string, from its opening quote; its text is only kept as far as keys need it.
    mutating func readString() -> (text: String, problem: Problem?) {
      let open = i
      i += 1
      var text: [UInt8] = []
      while true {
        guard i < bytes.count else {
          return ("", problem("the string that begins here is not closed", at: open))
        }
        let b = bytes[i]
        if b == UInt8(ascii: "\"") {
          i += 1
          return (String(decoding: text, as: UTF8.self), nil)
        }
        if b < 0x20 {
          return (
            "",
            problem(
              "a control character (\(XMLCharacters.name(Unicode.Scalar(b)))) inside a string must be written as an escape"
            )
          )
        }
        if b != UInt8(ascii: "\\") {
          if text.count < 64 { text.append(b) }
          i += 1
          continue
        }
        let escape = i
        switch byte(i + 1) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          i += 2
        case UInt8(ascii: "u"):
          guard let code = hex4(at: i + 2) else {
            return ("", problem("\\u must be followed by four hexadecimal digits", at: escape))
          }
          i += 6
          if (0xDC00...0xDFFF).contains(code) {
            return ("", lone(code, at: escape))
          }
          if (0xD800...0xDBFF).contains(code) {
            guard byte(i) == UInt8(ascii: "\\"), byte(i + 1) == UInt8(ascii: "u"),
              let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
            else { return ("", lone(code, at: escape)) }
            i += 6
          }
        default:
          return ("", problem("\(shown(at: i + 1)) cannot follow '\\' in a string", at: escape))
        }
      }
    }

    func lone(_ code: UInt32, at k: Int) -> Problem {
      let hex = String(code, radix: 16)
      return problem(
        "\\u\(hex) is half of a UTF-16 surrogate pair without its other half: no text can hold it",
        at: k)
    }

    func hex4(at k: Int) -> UInt32? {
      var value: UInt32 = 0
      for j in k..<k + 4 {
        let b = byte(j)
        let digit: UInt8
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
      }
      return value
    }

    /// A number: its syntax, that a `Double` holds it, and that it is a whole number within
    /// `Int`'s range where `key` needs an integer.
    mutating func readNumber(key: String?) -> Problem? {
      let start = i
      func digits() -> Int {
        let from = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
          i += 1
        }
        return i - from
      }
      if byte(i) == UInt8(ascii: "-") { i += 1 }
      let integerStart = i
      let integerDigits = digits()
      guard integerDigits > 0 else {
        return problem("'-' must be followed by a digit", at: start)
      }
      if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
        return problem("a number may not begin with 0 unless it is 0", at: start)
      }
      var plain = true
      if byte(i) == UInt8(ascii: ".") {
        plain = false
        i += 1
        guard digits() > 0 else { return problem("'.' must be followed by a digit") }
      }
      if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") {
        plain = false
        i += 1
        if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { return problem("an exponent needs a digit") }
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
      let shownText = text.count > 40 ? String(text.prefix(40)) + "…" : text
      guard let value = Double(text), value.isFinite else {
        return problem("the number \(shownText) is too large", at: start)
      }
      // Only the digits before the exponent count: 0e5 is 0, 1e-400 is too small.
      if value == 0,
        text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) })
      {
        return problem("the number \(shownText) is too small (it would read as 0)", at: start)
      }
      if let key, JSONSyntax.integerKeys.contains(key) {
        let whole = plain ? Int(text) != nil : value.rounded() == value && abs(value) < 9.2e18
        if !whole {
          return problem(
            "'\(key)' needs a whole number from -9223372036854775808 to 9223372036854775807, not \(shownText)",
            at: start)
        }
      }
      return nil
    }
  }
}
