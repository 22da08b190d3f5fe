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

  /// The strings of `xl/sharedStrings.xml` (validated at open), each `<si>`'s text with its
  /// rich-text runs joined (phonetic runs, `<rPh>`, left out); at most `limit` of them.
  static func sharedStrings(_ bytes: [UInt8], limit: Int) throws(SheetFailure) -> [String] {
    var scanner = try XMLScanner.failing(bytes)
    var strings: [String] = []
    var current: String?
    var inText = false
    var phonetic = 0
    while let event = try scanner.nextOrFailure() {
      switch event {
      case .start(let tag):
        switch tag.localName {
        case "si":
          guard strings.count < limit else { throw .tooMany(limit, "shared strings") }
          current = ""
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

  /// A sheet's cells by reference, its merged ranges, and the style (`s`, an index into the
  /// cell formats of `xl/styles.xml`) of each cell that has one other than 0.
  struct Contents {
    var cells: [String: CellValue] = [:]
    var merged: [String] = []
    var styles: [String: Int] = [:]
  }

  /// The cells, merged ranges and styles of one worksheet part (validated at open): at most
  /// `limit` cells and `limit` merged ranges (reading stops at the first past it). With
  /// `styleCount`, each cell's style must be below it.
  static func sheet(
    _ bytes: [UInt8], sharedStrings: [String], limit: Int, styleCount: Int? = nil
  ) throws(SheetFailure) -> Contents {
    var scanner = try XMLScanner.failing(bytes)
    var cells: [String: CellValue] = [:]
    var merged: [String] = []
    var styles: [String: Int] = [:]
    var cellCount = 0
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

    while let event = try scanner.nextOrFailure() {
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
          cellCount += 1
          guard cellCount <= limit else { throw .tooMany(limit, "cells") }
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
          if let s = tag.attribute("s") {
            let style = Int(s)
            if let styleCount {
              guard let style, style >= 0, style < styleCount else {
                throw problem(
                  "cell \(reference.text) has style \(SafeText.printable(s, limit: 20)), but "
                    + "the workbook defines \(styleCount) cell formats")
              }
            }
            if let style, style > 0 { styles[reference.text] = style }
          }
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
          guard merged.count < limit else { throw .tooMany(limit, "merged ranges") }
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
    return Contents(cells: cells, merged: merged, styles: styles)
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

/// Why a sheet (or the shared strings, or the styles) could not be read: its XML, what it
/// says, or more of something than ``ReadLimits/maxCells`` allows.
enum SheetFailure: Error {
  case xml(XMLProblem)
  case content(SheetReader.Problem)
  /// More than this many of these (`cells`, `merged ranges`, `shared strings`, `cell formats`,
  /// `number formats`).
  case tooMany(Int, String)
}

extension XMLScanner {
  /// A scanner over `bytes`, a part ``XMLScanner/validate(_:)`` passed at open, its problems
  /// as ``SheetFailure``s.
  static func failing(_ bytes: [UInt8]) throws(SheetFailure) -> XMLScanner {
    do {
      return try XMLScanner(validated: bytes)
    } catch {
      throw .xml(error)
    }
  }

  /// The next event, its problems as ``SheetFailure``s.
  mutating func nextOrFailure() throws(SheetFailure) -> XMLEvent? {
    do {
      return try next()
    } catch {
      throw .xml(error)
    }
  }
}
