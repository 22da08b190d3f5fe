/// A cell reference (`B7`): 1-based column and row, within Excel's grid.
struct CellReference: Hashable {
  static let maxColumn = 16_384
  static let maxRow = 1_048_576

  var column: Int
  var row: Int

  /// `A1`, `XFD1048576`; letters in either case, no `$`.
  init?(_ text: Substring) {
    var column = 0
    var row = 0
    var index = text.startIndex
    while index < text.endIndex, let ascii = text[index].asciiValue, ascii & 0xDF >= 65,
      ascii & 0xDF <= 90
    {
      column = column * 26 + Int(ascii & 0xDF) - 64
      guard column <= CellReference.maxColumn else { return nil }
      index = text.index(after: index)
    }
    guard column > 0, index < text.endIndex, text[index] != "0" else { return nil }
    while index < text.endIndex {
      guard let digit = text[index].wholeNumberValue, text[index].isASCII else { return nil }
      row = row * 10 + digit
      guard row <= CellReference.maxRow else { return nil }
      index = text.index(after: index)
    }
    guard row > 0 else { return nil }
    self.column = column
    self.row = row
  }

  init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// The reference written the usual way: `B7`.
  var text: String {
    var letters: [Character] = []
    var n = column
    while n > 0 {
      let digit = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
      n = (n - 1) / 26
    }
    return String(letters.reversed()) + String(row)
  }
}

/// Reads the shared strings and the sheets, streaming, into plain values.
enum SheetReader {
  /// A problem found in well-formed XML, at a byte offset of the part.
  struct Problem: Error {
    var offset: Int
    var message: String
  }

  /// The strings of `xl/sharedStrings.xml`, each `<si>`'s text with its rich-text runs joined
  /// (phonetic runs, `<rPh>`, left out).
  static func sharedStrings(_ bytes: [UInt8]) throws(XMLProblem) -> [String] {
    var scanner = try XMLScanner(bytes)
    var strings: [String] = []
    var current: String?
    var inText = false
    var phonetic = 0
    while let event = try scanner.next() {
      switch event {
      case .start(let tag):
        switch tag.localName {
        case "si": current = ""
        case "t": inText = current != nil && phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
      case .end(let name):
        switch XMLTag.local(name) {
        case "si":
          strings.append(unescaped(current ?? ""))
          current = nil
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
      case .text(let text):
        if inText { current? += text }
      }
    }
    return strings
  }

  /// A sheet's cells by reference, and its merged ranges.
  typealias Contents = (cells: [String: CellValue], merged: [String])

  /// The cells and merged ranges of one worksheet part.
  static func sheet(_ bytes: [UInt8], sharedStrings: [String]) throws(SheetFailure) -> Contents {
    var scanner: XMLScanner
    do {
      scanner = try XMLScanner(bytes)
    } catch {
      throw .xml(error)
    }
    var cells: [String: CellValue] = [:]
    var merged: [String] = []
    var row = 0
    var nextColumn = 1

    enum Target { case none, value, formula, inline }
    var cell: (reference: CellReference, type: String)?
    var value = ""
    var formula: String?
    var inline: String?
    var inInline = false
    var phonetic = 0
    var target = Target.none

    func problem(_ message: String) -> SheetFailure {
      .content(Problem(offset: scanner.offset, message: message))
    }

    while true {
      let next: XMLEvent?
      do {
        next = try scanner.next()
      } catch {
        throw .xml(error)
      }
      guard let event = next else { break }
      switch event {
      case .start(let tag):
        switch tag.localName {
        case "row":
          if let r = tag.attribute("r") {
            guard let n = Int(r), n > row, n <= CellReference.maxRow else {
              throw problem("row number \(SafeText.printable(r, limit: 20)) is not valid here")
            }
            row = n
          } else {
            row += 1
          }
          nextColumn = 1
        case "c":
          guard row > 0 else { throw problem("a cell outside any row") }
          var reference = CellReference(column: nextColumn, row: row)
          if let r = tag.attribute("r") {
            guard let parsed = CellReference(r[...]), parsed.row == row else {
              throw problem(
                "cell reference \(SafeText.printable(r, limit: 20)) is not valid in row \(row)")
            }
            reference = parsed
          }
          guard reference.column <= CellReference.maxColumn else {
            throw problem("a cell past column XFD in row \(row)")
          }
          nextColumn = reference.column + 1
          cell = (reference, tag.attribute("t") ?? "n")
          value = ""
          formula = nil
          inline = nil
        case "v": target = cell == nil ? .none : .value
        case "f":
          if cell != nil {
            target = .formula
            formula = formula ?? ""
          }
        case "is":
          inInline = cell != nil
          inline = inline ?? ""
        case "t": if inInline && phonetic == 0 { target = .inline }
        case "rPh": phonetic += 1
        case "mergeCell":
          guard let ref = tag.attribute("ref"), let range = rangeText(ref) else {
            throw problem("a merged range without a valid ref")
          }
          merged.append(range)
        default: break
        }
      case .text(let text):
        switch target {
        case .none: break
        case .value: value += text
        case .formula: formula? += text
        case .inline: inline? += text
        }
      case .end(let name):
        switch XMLTag.local(name) {
        case "v", "f", "t": target = .none
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "c":
          guard let current = cell else { break }
          cell = nil
          let key = current.reference.text
          guard cells[key] == nil else { throw problem("cell \(key) appears twice") }
          var result: CellValue
          switch current.type {
          case "s":
            if value.isEmpty {
              result = .empty
            } else {
              guard let i = Int(value), sharedStrings.indices.contains(i) else {
                throw problem(
                  "cell \(key) refers to shared string \(SafeText.printable(value, limit: 20)), "
                    + "but there are \(sharedStrings.count)")
              }
              result = .text(sharedStrings[i])
            }
          case "inlineStr": result = inline.map { .text(unescaped($0)) } ?? .empty
          case "str", "d": result = .text(value)
          case "b":
            switch value {
            case "": result = .empty
            case "1", "true": result = .bool(true)
            case "0", "false": result = .bool(false)
            default:
              throw problem(
                "cell \(key) is boolean but holds \(SafeText.printable(value, limit: 20))")
            }
          case "e": result = value.isEmpty ? .empty : .error(value)
          case "n":
            if value.isEmpty {
              result = .empty
            } else {
              guard let n = Double(value), n.isFinite else {
                throw problem(
                  "cell \(key) is a number but holds \(SafeText.printable(value, limit: 20))")
              }
              result = .number(n)
            }
          default:
            throw problem(
              "cell \(key) has unknown type t=\"\(SafeText.printable(current.type, limit: 20))\"")
          }
          if let formula, !formula.isEmpty { result = .formula(formula, result: result) }
          cells[key] = result
        default: break
        }
      }
    }
    return (cells, merged)
  }

  /// Text with the `_xHHHH_` escapes of spreadsheet strings decoded (`_x000D_` is a carriage
  /// return; `_x005F_` an underscore, so `_x005F_x000D_` stays `_x000D_`).
  static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if i + 6 < scalars.count, scalars[i] == "_", scalars[i + 1] == "x", scalars[i + 6] == "_",
        scalars[(i + 2)..<(i + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }),
        let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        out.append(scalar)
        i += 7
      } else {
        out.append(scalars[i])
        i += 1
      }
    }
    return String(out)
  }

  /// `A1:F1` (or a single cell) checked and written upper-case, or nil.
  static func rangeText(_ text: String) -> String? {
    let ends = text.split(separator: ":", omittingEmptySubsequences: false)
    guard ends.count <= 2 else { return nil }
    var out: [String] = []
    for end in ends {
      guard let reference = CellReference(end) else { return nil }
      out.append(reference.text)
    }
    return out.joined(separator: ":")
  }
}

/// Why a sheet could not be read: its XML, or what it says.
enum SheetFailure: Error {
  case xml(XMLProblem)
  case content(SheetReader.Problem)
}
