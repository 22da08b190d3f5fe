import PlanModel

/// A strict reader of JSON text over its UTF-8 bytes, for the fast path of
/// ``PlanSnapshot/decode(_:path:)``.
///
/// It reads standard JSON (RFC 8259) only, and it gives up — throws ``Unusual`` — on anything
/// it does not read exactly as Foundation's `JSONDecoder` would: invalid JSON, and also valid
/// JSON it leaves to `JSONDecoder` (a `null`, an integer written with a fraction or an
/// exponent, a lone surrogate escape, very deep nesting). The caller then decodes with
/// `JSONDecoder`, whose errors say what is wrong and where. So whatever this reader accepts,
/// `JSONDecoder` accepts with the same values.
///
/// Every read checks the position against the end: a byte past the end reads as 0, which no
/// rule accepts.
///
/// It also counts lines (every line feed of valid JSON is whitespace between tokens) and notes
/// in ``lines`` the rule keys that begin a line, and the ids ``noteID(_:_:)`` is given, as
/// ``SnapshotLines/scan(_:)`` would.
struct JSONReader {
  /// Input the reader leaves to `JSONDecoder`.
  struct Unusual: Error {}

  /// The deepest nesting of arrays and objects read here (`JSONDecoder` allows 512).
  static let maximumDepth = 128

  private let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  private(set) var position = 0
  private var depth = 0
  /// The line of `position`, from 1.
  private(set) var line = 1
  /// The ids, rules and matches read so far.
  private(set) var lines: SnapshotLines
  /// For the last `id` key read: its line when it begins the line, else 0.
  private var idKeyLine = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    lines = SnapshotLines(size: bytes.count)
  }

  /// The byte at `i`, or 0 past the end.
  @inline(__always) private func byte(_ i: Int) -> UInt8 {
    i < bytes.count ? bytes[i] : 0
  }

  /// Skips spaces, tabs, line feeds and carriage returns.
  @inline(__always) mutating func skipWhitespace() {
    while true {
      switch byte(position) {
      case 0x20, 0x0D, 0x09: position += 1
      case 0x0A:
        position += 1
        line += 1
      default: return
      }
    }
  }

  /// Reads `expected` after optional whitespace.
  @inline(__always) private mutating func consume(_ expected: UInt8) throws(Unusual) {
    skipWhitespace()
    guard byte(position) == expected else { throw Unusual() }
    position += 1
  }

  /// After the last value: only whitespace may follow.
  mutating func end() throws(Unusual) {
    skipWhitespace()
    guard position == bytes.count else { throw Unusual() }
  }

  // MARK: - objects and arrays

  /// Reads `{`; `true` when a key follows, `false` when the object is empty (`}` read too).
  mutating func openObject() throws(Unusual) -> Bool {
    try open(UInt8(ascii: "{"), UInt8(ascii: "}"))
  }

  /// Reads `[`; `true` when a value follows, `false` when the array is empty (`]` read too).
  mutating func openArray() throws(Unusual) -> Bool {
    try open(UInt8(ascii: "["), UInt8(ascii: "]"))
  }

  private mutating func open(_ opening: UInt8, _ closing: UInt8) throws(Unusual) -> Bool {
    try consume(opening)
    depth += 1
    guard depth <= JSONReader.maximumDepth else { throw Unusual() }
    skipWhitespace()
    if byte(position) == closing {
      position += 1
      depth -= 1
      return false
    }
    return true
  }

  /// After an object's value: `true` when `,` and another key follow, `false` after `}`.
  mutating func nextInObject() throws(Unusual) -> Bool {
    try next(UInt8(ascii: "}"))
  }

  /// After an array's value: `true` when `,` and another value follow, `false` after `]`.
  mutating func nextInArray() throws(Unusual) -> Bool {
    try next(UInt8(ascii: "]"))
  }

  private mutating func next(_ closing: UInt8) throws(Unusual) -> Bool {
    skipWhitespace()
    switch byte(position) {
    case UInt8(ascii: ","):
      position += 1
      return true
    case closing:
      position += 1
      depth -= 1
      return false
    default:
      throw Unusual()
    }
  }

  /// A key and its `:`. Keys are compared as written: a key with an escape is unusual.
  mutating func key() throws(Unusual) -> Key {
    try consume(UInt8(ascii: "\""))
    let start = position
    let (end, escaped) = scanString(from: start)
    guard !escaped, byte(end) == UInt8(ascii: "\"") else { throw Unusual() }
    position = end + 1
    let key = Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    if key.is("id") {
      idKeyLine = beginsLine(start - 1) ? line : 0
    } else if key.is("rules") || key.is("match") || key.is("assessment"), beginsLine(start - 1) {
      lines.note(line: line, bytes, from: start - 1)
    }
    try consume(UInt8(ascii: ":"))
    return key
  }

  /// Notes `id`, just read as the value of an `id` key, as the id of a `kind` of declaration.
  mutating func noteID(_ kind: SnapshotLines.Kind, _ id: String) {
    lines.add(kind, id, line: idKeyLine)
  }

  /// Whether only spaces come before `i` on its line.
  private func beginsLine(_ i: Int) -> Bool {
    var j = i - 1
    while j >= 0, bytes[j] == 0x20 { j -= 1 }
    return j < 0 || bytes[j] == 0x0A
  }

  /// An object's key as written.
  struct Key {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether the key is `name`.
    @inline(__always) func `is`(_ name: StaticString) -> Bool {
      guard bytes.count == name.utf8CodeUnitCount else { return false }
      let other = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
      return bytes.elementsEqual(other)
    }
  }

  // MARK: - strings

  /// A string value.
  mutating func string() throws(Unusual) -> String {
    try consume(UInt8(ascii: "\""))
    let start = position
    let (end, escaped) = scanString(from: start)
    if !escaped {
      guard byte(end) == UInt8(ascii: "\"") else { throw Unusual() }
      position = end + 1
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    return try escapedString(from: start)
  }

  /// Where the string starting at `start` (after its opening quote) stops being plain: at its
  /// closing quote, at a backslash (`escaped` is then `true`), or at a byte a string may not
  /// hold (a control character, or the end).
  private func scanString(from start: Int) -> (end: Int, escaped: Bool) {
    var i = start
    // Eight bytes at a time while none is a quote, a backslash or a control character.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    if let base = bytes.baseAddress {
      while i + 8 <= bytes.count {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        // A byte is zero in `x` when `(x - 1) & ~x` has its high bit; bytes below 0x20 the same
        // way with 0x20.
        let special =
          ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
          | ((word &- ones &* 0x20) & ~word)
        if special & highs != 0 { break }
        i += 8
      }
    }
    while true {
      let b = byte(i)
      if b == UInt8(ascii: "\"") { return (i, false) }
      if b == UInt8(ascii: "\\") { return (i, true) }
      if b < 0x20 { return (i, false) }
      i += 1
    }
  }

  /// A string with escapes, from after its opening quote.
  private mutating func escapedString(from start: Int) throws(Unusual) -> String {
    var out: [UInt8] = []
    var i = start
    while true {
      let (end, escaped) = scanString(from: i)
      out.append(contentsOf: bytes[i..<end])
      if !escaped {
        guard byte(end) == UInt8(ascii: "\"") else { throw Unusual() }
        position = end + 1
        return String(decoding: out, as: UTF8.self)
      }
      i = end + 1
      let escape = byte(i)
      i += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4(at: i)
        i += 4
        if (0xDC00...0xDFFF).contains(code) { throw Unusual() }
        if (0xD800...0xDBFF).contains(code) {
          guard byte(i) == UInt8(ascii: "\\"), byte(i + 1) == UInt8(ascii: "u") else {
            throw Unusual()
          }
          let low = try hex4(at: i + 2)
          guard (0xDC00...0xDFFF).contains(low) else { throw Unusual() }
          i += 6
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw Unusual() }
        out.append(contentsOf: scalar.utf8)
      default:
        throw Unusual()
      }
    }
  }

  /// Four hexadecimal digits.
  private func hex4(at i: Int) throws(Unusual) -> UInt32 {
    var value: UInt32 = 0
    for k in 0..<4 {
      let b = byte(i + k)
      let digit: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
      default: throw Unusual()
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  // MARK: - numbers and literals

  /// An integer written as one: `-`, digits, no fraction or exponent, within ±10¹⁸.
  mutating func int() throws(Unusual) -> Int {
    skipWhitespace()
    let negative = byte(position) == UInt8(ascii: "-")
    let start = negative ? position + 1 : position
    let (end, value) = try digits(from: start)
    guard end - start <= 18 else { throw Unusual() }
    switch byte(end) {
    case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): throw Unusual()
    default: break
    }
    // `-0` is left to JSONDecoder.
    if negative && value == 0 { throw Unusual() }
    position = end
    return negative ? -value : value
  }

  /// A number, read as Swift reads its text (both round correctly, as JSONDecoder does).
  mutating func double() throws(Unusual) -> Double {
    skipWhitespace()
    let start = position
    var i = byte(start) == UInt8(ascii: "-") ? start + 1 : start
    let (afterInteger, integer) = try digits(from: i)
    i = afterInteger
    var plain = afterInteger - start <= 15 && byte(start) != UInt8(ascii: "-")
    if byte(i) == UInt8(ascii: ".") {
      plain = false
      let (end, _) = try digits(from: i + 1, leadingZeros: true)
      i = end
    }
    if byte(i) == UInt8(ascii: "e") || byte(i) == UInt8(ascii: "E") {
      plain = false
      i += 1
      if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
      let (end, _) = try digits(from: i, leadingZeros: true)
      i = end
    }
    position = i
    // A whole number of at most 15 digits is exact as a Double.
    if plain { return Double(integer) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    // Overflow, underflow and zero (its sign) are left to JSONDecoder.
    guard let value = Double(text), value.isNormal else { throw Unusual() }
    return value
  }

  /// One or more digits from `start` (at most 400): where they end, and their value (only
  /// meaningful up to 18 digits). Without `leadingZeros`, a number may not start with 0 unless
  /// it is 0.
  private func digits(
    from start: Int, leadingZeros: Bool = false
  )
    throws(Unusual) -> (end: Int, value: Int)
  {
    var i = start
    var value = 0
    while true {
      let b = byte(i)
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { break }
      if i - start < 18 { value = value * 10 + Int(b - UInt8(ascii: "0")) }
      i += 1
    }
    guard i > start else { throw Unusual() }
    if !leadingZeros, byte(start) == UInt8(ascii: "0"), i - start > 1 { throw Unusual() }
    if i - start > 400 { throw Unusual() }
    return (i, value)
  }

  /// `true` or `false`.
  mutating func bool() throws(Unusual) -> Bool {
    skipWhitespace()
    if literal("true") { return true }
    if literal("false") { return false }
    throw Unusual()
  }

  /// Reads `word` when it comes next.
  private mutating func literal(_ word: StaticString) -> Bool {
    let n = word.utf8CodeUnitCount
    guard position + n <= bytes.count else { return false }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: n)
    guard bytes[position..<position + n].elementsEqual(expected) else { return false }
    position += n
    return true
  }

  // MARK: - any value

  /// Checks one value of any kind and returns where it starts and ends (without the
  /// whitespace around it).
  mutating func skipValue() throws(Unusual) -> Range<Int> {
    skipWhitespace()
    let start = position
    switch byte(position) {
    case UInt8(ascii: "{"):
      var more = try openObject()
      while more {
        _ = try key()
        _ = try skipValue()
        more = try nextInObject()
      }
    case UInt8(ascii: "["):
      var more = try openArray()
      while more {
        _ = try skipValue()
        more = try nextInArray()
      }
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
    case UInt8(ascii: "n"):
      guard literal("null") else { throw Unusual() }
    default: _ = try double()
    }
    return start..<position
  }

  /// The bytes of `range`.
  func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[range])
  }
}
