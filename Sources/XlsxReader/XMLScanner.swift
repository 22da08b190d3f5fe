/// Why a part is not acceptable XML, at a byte offset of the part.
struct XMLProblem: Error {
  var offset: Int
  var message: String
  /// A DOCTYPE, ENTITY or other declaration: refused on sight, before any parsing.
  var isDeclaration = false
}

/// What ``XMLScanner`` reports, in document order.
enum XMLEvent {
  /// A start tag (an empty-element tag gives `start` and then `end`).
  case start(XMLTag)
  /// An end tag, by its qualified name.
  case end(String)
  /// Character data, references decoded; one run of text may come in several pieces.
  case text(String)
}

/// A start tag: its qualified name and its attributes, values decoded.
struct XMLTag {
  var name: String
  var attributes: [(name: String, value: String)]

  /// The name without its namespace prefix.
  var localName: Substring { XMLTag.local(name) }

  /// The value of the attribute of exactly this qualified name.
  func attribute(_ qualified: String) -> String? {
    attributes.first { $0.name == qualified }?.value
  }

  /// The value of the first attribute with a namespace prefix and this local name
  /// (`r:id`, whatever the prefix is).
  func prefixedAttribute(_ local: String) -> String? {
    attributes.first { $0.name.contains(":") && XMLTag.local($0.name) == local }?.value
  }

  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return name[...] }
    return name[name.index(after: colon)...]
  }
}

/// A strict, small XML scanner over UTF-8 bytes: elements, attributes, text, CDATA, comments
/// and processing instructions, the five predefined entities and character references.
///
/// It takes no DTD at all: any `<!DOCTYPE`, `<!ENTITY` or other `<!` declaration is refused
/// (so no external entities, no entity expansion), and so is any encoding but UTF-8. It needs
/// no recursion, nests at most ``maxDepth`` deep, and reports every well-formedness error it
/// meets with its byte offset.
struct XMLScanner {
  static let maxDepth = 256

  private let bytes: [UInt8]
  private var position = 0
  private var open: [(name: String, offset: Int)] = []
  private var rootDone = false
  private var pendingEnd: String?

  /// The byte offset just past the last event: where a problem found in it is reported.
  var offset: Int { position }

  /// Checks the raw bytes (UTF-8, no declarations, the XML declaration's encoding) before any
  /// scanning.
  init(_ bytes: [UInt8]) throws(XMLProblem) {
    try self.init(bytes, checkingRaw: true)
  }

  /// A scanner over a part ``validate(_:)`` already passed (every part `XlsxFile` holds): the
  /// raw check over all its bytes is not repeated, so a scan that stops early (at the cell
  /// cap) costs only what it reads. Scanning stays as strict as ever.
  init(validated bytes: [UInt8]) throws(XMLProblem) {
    try self.init(bytes, checkingRaw: false)
  }

  private init(_ bytes: [UInt8], checkingRaw: Bool) throws(XMLProblem) {
    self.bytes = bytes
    if checkingRaw { try XMLScanner.checkRaw(bytes) }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    try readDeclaration()
  }

  /// Scans `bytes` to the end, keeping nothing: well-formed or an error.
  static func validate(_ bytes: [UInt8]) throws(XMLProblem) {
    var scanner = try XMLScanner(bytes)
    while try scanner.next() != nil {}
  }

  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  /// Valid UTF-8, only characters XML allows, and no `<!DOCTYPE` or `<!ENTITY` anywhere —
  /// not even in a comment: such a part is refused outright.
  private static func checkRaw(_ bytes: [UInt8]) throws(XMLProblem) {
    guard isValidUTF8(bytes) else {
      throw XMLProblem(offset: 0, message: "not UTF-8 text (only UTF-8 XML is accepted)")
    }
    let n = bytes.count
    for i in 0..<n {
      let b = bytes[i]
      if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
        throw XMLProblem(
          offset: i,
          message: b == 0
            ? "a NUL byte, which XML does not allow (UTF-16 text is not accepted)"
            : "control character \(b), which XML does not allow")
      }
      if b == UInt8(ascii: "<"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "!") {
        for keyword in ["DOCTYPE", "ENTITY"] {
          let word = Array(keyword.utf8)
          let from = i + 2
          guard from + word.count <= n else { continue }
          let same = zip(bytes[from..<(from + word.count)], word).allSatisfy { a, w in
            a == w || a == w + 0x20
          }
          if same {
            throw XMLProblem(
              offset: i,
              message:
                "a <!\(keyword) declaration; DTDs and entity declarations are refused in "
                + "xlsx parts", isDeclaration: true)
          }
        }
      }
    }
  }

  private func starts(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let p = text.utf8Start
    for i in 0..<count where bytes[position + i] != p[i] { return false }
    return true
  }

  /// Offset of the next `text` at or after `from`, or nil.
  private func find(_ text: StaticString, from: Int) -> Int? {
    let count = text.utf8CodeUnitCount
    let p = text.utf8Start
    var i = from
    while i + count <= bytes.count {
      if bytes[i] == p[0] {
        var same = true
        for k in 1..<count where bytes[i + k] != p[k] {
          same = false
          break
        }
        if same { return i }
      }
      i += 1
    }
    return nil
  }

  /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`: only UTF-8 (or ASCII) may be
  /// declared.
  private mutating func readDeclaration() throws(XMLProblem) {
    guard starts("<?xml"), position + 5 < bytes.count, XMLScanner.isSpace(bytes[position + 5])
    else { return }
    guard let close = find("?>", from: position) else {
      throw XMLProblem(offset: position, message: "the XML declaration is not closed with ?>")
    }
    let text = String(decoding: bytes[(position + 5)..<close], as: UTF8.self)
    if let range = text.firstRange(of: "encoding") {
      let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
      if let quote = rest.first, quote == "\"" || quote == "'" {
        let value = rest.dropFirst().prefix { $0 != quote }
        let name = value.lowercased()
        guard ["utf-8", "utf8", "us-ascii", "ascii"].contains(name) else {
          throw XMLProblem(
            offset: position,
            message: "the XML declaration names encoding \(value); only UTF-8 is accepted")
        }
      }
    }
    position = close + 2
  }

  /// The next event, or nil at the end of a well-formed document.
  mutating func next() throws(XMLProblem) -> XMLEvent? {
    if let name = pendingEnd {
      pendingEnd = nil
      closeElement()
      return .end(name)
    }
    while position < bytes.count {
      if bytes[position] != UInt8(ascii: "<") {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        if open.isEmpty {
          if let bad = (start..<position).first(where: { !XMLScanner.isSpace(bytes[$0]) }) {
            throw XMLProblem(
              offset: bad,
              message: rootDone
                ? "text after the root element" : "text before the root element")
          }
          continue
        }
        return .text(try decode(start..<position, inAttribute: false))
      }
      if starts("<!--") {
        guard let close = find("-->", from: position + 4) else {
          throw XMLProblem(offset: position, message: "a comment that is never closed with -->")
        }
        position = close + 3
        continue
      }
      if starts("<![CDATA[") {
        guard !open.isEmpty else {
          throw XMLProblem(offset: position, message: "a CDATA section outside the root element")
        }
        guard let close = find("]]>", from: position + 9) else {
          throw XMLProblem(offset: position, message: "a CDATA section never closed with ]]>")
        }
        let text = XMLScanner.normalizedLineBreaks(bytes[(position + 9)..<close])
        position = close + 3
        return .text(text)
      }
      if starts("<!") {
        throw XMLProblem(
          offset: position,
          message: "a <! declaration; DTDs and entity declarations are refused in xlsx parts",
          isDeclaration: true)
      }
      if starts("<?") {
        guard let close = find("?>", from: position + 2) else {
          throw XMLProblem(
            offset: position, message: "a processing instruction never closed with ?>")
        }
        let target = bytes[(position + 2)..<close].prefix { !XMLScanner.isSpace($0) }
        if String(decoding: target, as: UTF8.self).lowercased() == "xml" {
          throw XMLProblem(
            offset: position, message: "an XML declaration that is not at the start of the part")
        }
        position = close + 2
        continue
      }
      if starts("</") { return .end(try endTag()) }
      return .start(try startTag())
    }
    if let last = open.last {
      throw XMLProblem(
        offset: bytes.count,
        message:
          "the part ends inside <\(last.name)> (opened at \(lineColumn(last.offset))), "
          + "a truncated or malformed part")
    }
    guard rootDone else { throw XMLProblem(offset: bytes.count, message: "no root element") }
    return nil
  }

  /// `bytes` as text with `\r\n` and `\r` turned into `\n`.
  static func normalizedLineBreaks(_ bytes: ArraySlice<UInt8>) -> String {
    guard bytes.contains(0x0D) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var previous: UInt8 = 0
    for b in bytes {
      if b == 0x0D {
        out.append(0x0A)
      } else if !(b == 0x0A && previous == 0x0D) {
        out.append(b)
      }
      previous = b
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `line L, column C` of an offset, for messages naming another place.
  func lineColumn(_ offset: Int) -> String {
    let (line, column) = XMLScanner.lineAndColumn(of: offset, in: bytes)
    return "line \(line), column \(column)"
  }

  /// The 1-based line and column (in characters) of a byte offset.
  static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var column = 1
    for b in bytes.prefix(offset) {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private mutating func closeElement() {
    open.removeLast()
    if open.isEmpty { rootDone = true }
  }

  private func isNameByte(_ b: UInt8) -> Bool {
    !(XMLScanner.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
      || b == UInt8(ascii: "=") || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"")
      || b == UInt8(ascii: "'") || b == UInt8(ascii: "&"))
  }

  private mutating func name() -> String? {
    let start = position
    while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
    guard position > start else { return nil }
    let first = bytes[start]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
      || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    {
      return nil
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func skipSpace() -> Bool {
    let start = position
    while position < bytes.count, XMLScanner.isSpace(bytes[position]) { position += 1 }
    return position > start
  }

  private func found() -> String {
    guard position < bytes.count else { return "the end of the part" }
    let scalar = String(decoding: bytes[position...].prefix(4), as: UTF8.self).first
    return scalar.map { "'\($0)'" } ?? "a byte \(bytes[position])"
  }

  private mutating func endTag() throws(XMLProblem) -> String {
    let at = position
    position += 2
    guard let name = name() else {
      throw XMLProblem(offset: position, message: "an end tag without a name")
    }
    _ = skipSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
      throw XMLProblem(offset: position, message: "expected '>' to end </\(name), found \(found())")
    }
    position += 1
    guard let top = open.last else {
      throw XMLProblem(offset: at, message: "end tag </\(name)> with no element open")
    }
    guard top.name == name else {
      throw XMLProblem(
        offset: at,
        message: "end tag </\(name)> does not match <\(top.name)> (opened at "
          + "\(lineColumn(top.offset)))")
    }
    closeElement()
    return name
  }

  private mutating func startTag() throws(XMLProblem) -> XMLTag {
    let at = position
    position += 1
    guard let name = name() else {
      throw XMLProblem(offset: position, message: "expected an element name after '<'")
    }
    if open.isEmpty && rootDone {
      throw XMLProblem(offset: at, message: "a second root element <\(name)>")
    }
    guard open.count < XMLScanner.maxDepth else {
      throw XMLProblem(
        offset: at, message: "elements nested more than \(XMLScanner.maxDepth) deep")
    }
    var tag = XMLTag(name: name, attributes: [])
    var seen: Set<String> = []
    while true {
      let spaced = skipSpace()
      guard position < bytes.count else {
        throw XMLProblem(offset: at, message: "the part ends inside the tag <\(name)")
      }
      let b = bytes[position]
      if b == UInt8(ascii: ">") {
        position += 1
        break
      }
      if b == UInt8(ascii: "/") {
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
          position += 1
          throw XMLProblem(
            offset: position, message: "expected '>' after '/' in <\(name), found \(found())")
        }
        position += 2
        pendingEnd = name
        break
      }
      guard spaced, let attribute = self.name() else {
        throw XMLProblem(
          offset: position,
          message: "expected an attribute, '>' or '/>' in <\(name), found \(found())")
      }
      _ = skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
        throw XMLProblem(
          offset: position, message: "attribute \(attribute) of <\(name)> has no '=' and value")
      }
      position += 1
      _ = skipSpace()
      guard position < bytes.count,
        bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
      else {
        throw XMLProblem(
          offset: position, message: "the value of attribute \(attribute) is not quoted")
      }
      let quote = bytes[position]
      let start = position + 1
      var end = start
      while end < bytes.count, bytes[end] != quote {
        if bytes[end] == UInt8(ascii: "<") {
          throw XMLProblem(
            offset: end, message: "'<' in the value of attribute \(attribute) of <\(name)>")
        }
        end += 1
      }
      guard end < bytes.count else {
        throw XMLProblem(
          offset: position, message: "the value of attribute \(attribute) is never closed")
      }
      let value = try decode(start..<end, inAttribute: true)
      position = end + 1
      guard seen.insert(attribute).inserted else {
        throw XMLProblem(offset: at, message: "<\(name)> has attribute \(attribute) twice")
      }
      tag.attributes.append((attribute, value))
    }
    open.append((name, at))
    return tag
  }

  /// The text of `range` with references decoded and line breaks normalised as XML does:
  /// `\r\n` and `\r` become `\n`, and in an attribute, tabs and line breaks become spaces.
  private func decode(_ range: Range<Int>, inAttribute: Bool) throws(XMLProblem) -> String {
    let plain = !bytes[range].contains { b in
      b == UInt8(ascii: "&") || b == 0x0D || (inAttribute && (b == 0x09 || b == 0x0A))
    }
    if plain { return String(decoding: bytes[range], as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var i = range.lowerBound
    while i < range.upperBound {
      let b = bytes[i]
      if b != UInt8(ascii: "&") {
        if b == 0x0D && i + 1 < range.upperBound && bytes[i + 1] == 0x0A {
          // \r\n is one line break: the \n that follows stands for it.
        } else if inAttribute && (b == 0x09 || b == 0x0A || b == 0x0D) {
          out.append(0x20)
        } else {
          out.append(b == 0x0D ? 0x0A : b)
        }
        i += 1
        continue
      }
      guard
        let semicolon = bytes[i..<min(range.upperBound, i + 12)].firstIndex(of: UInt8(ascii: ";"))
      else {
        throw XMLProblem(offset: i, message: "a bare '&' (write &amp;)")
      }
      let reference = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
      switch reference {
      case "lt": out.append(UInt8(ascii: "<"))
      case "gt": out.append(UInt8(ascii: ">"))
      case "amp": out.append(UInt8(ascii: "&"))
      case "quot": out.append(UInt8(ascii: "\""))
      case "apos": out.append(UInt8(ascii: "'"))
      default:
        guard reference.hasPrefix("#") else {
          throw XMLProblem(offset: i, message: "undefined entity &\(reference);")
        }
        let hex = reference.hasPrefix("#x")
        let digits = reference.dropFirst(hex ? 2 : 1)
        guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: hex ? 16 : 10),
          let scalar = Unicode.Scalar(value),
          value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20,
          value != 0xFFFE, value != 0xFFFF
        else {
          throw XMLProblem(offset: i, message: "an invalid character reference &\(reference);")
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      }
      i = semicolon + 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// A parsed element, for the small parts read whole (workbook, relationships, properties).
struct XMLNode {
  var tag: XMLTag
  var children: [XMLNode] = []
  /// The element's own character data, all its pieces joined.
  var text = ""

  var name: String { tag.name }
  var localName: Substring { tag.localName }

  /// The children with this local name.
  func children(_ local: String) -> [XMLNode] { children.filter { $0.localName == local } }

  /// The first child with this local name.
  func child(_ local: String) -> XMLNode? { children.first { $0.localName == local } }

  /// The most elements a part read as a tree may have: far more than any workbook,
  /// relationships or properties part holds, and a bound on the tree's memory.
  static let maxElements = 200_000

  /// Parses `bytes` into a tree.
  static func parse(_ bytes: [UInt8]) throws(XMLProblem) -> XMLNode {
    var scanner = try XMLScanner(bytes)
    var stack: [XMLNode] = []
    var root: XMLNode?
    var count = 0
    while let event = try scanner.next() {
      switch event {
      case .start(let tag):
        count += 1
        guard count <= maxElements else {
          throw XMLProblem(
            offset: scanner.offset, message: "more than \(maxElements) elements in this part")
        }
        stack.append(XMLNode(tag: tag))
      case .text(let text):
        if !stack.isEmpty { stack[stack.count - 1].text += text }
      case .end:
        guard let done = stack.popLast() else { continue }
        if stack.isEmpty {
          root = done
        } else {
          stack[stack.count - 1].children.append(done)
        }
      }
    }
    // The scanner ends only after a complete root element.
    guard let root else { throw XMLProblem(offset: bytes.count, message: "no root element") }
    return root
  }
}

/// Whether `bytes` is well-formed UTF-8 (no overlong forms, no surrogates).
func isValidUTF8<C: Collection<UInt8>>(_ bytes: C) -> Bool {
  var iterator = bytes.makeIterator()
  var decoder = UTF8()
  while true {
    switch decoder.decode(&iterator) {
    case .scalarValue: continue
    case .emptyInput: return true
    case .error: return false
    }
  }
}
