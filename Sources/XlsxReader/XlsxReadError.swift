/// Why an xlsx file could not be read: the file, the part of it at fault if there is one, the
/// place in that part, and one clear sentence.
///
/// Printed, it reads like a compiler diagnostic:
/// `book.xlsx: xl/worksheets/sheet1.xml:3:17: malformed XML: end tag </row> does not match <c>`.
public struct XlsxReadError: Error, CustomStringConvertible, Sendable, Hashable {
  /// What kind of problem it is, for code that reacts to some kinds.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The file is missing, is not a regular file, or cannot be read.
    case unreadable
    /// The file, an entry or the entries together pass a cap of ``ReadLimits``; or a sheet
    /// holds more cells or merged ranges, the workbook more shared strings or cell formats,
    /// than ``ReadLimits/maxCells``.
    case tooLarge
    /// The archive lists more entries than ``ReadLimits/maxEntries``.
    case tooManyEntries
    /// The file is not a zip archive at all.
    case notZip
    /// A zip archive, but truncated or damaged (bad offsets, bad deflate data, wrong checksum).
    case corruptZip
    /// A zip feature this reader does not take: encryption, ZIP64, split archives, methods
    /// other than stored and deflate.
    case unsupported
    /// A part the workbook needs is not in the archive.
    case missingPart
    /// A part is not well-formed UTF-8 XML.
    case malformedXML
    /// A part holds a DOCTYPE or ENTITY declaration: refused outright.
    case forbiddenDeclaration
    /// Well-formed XML that does not make sense as a workbook (a bad cell reference, a shared
    /// string index out of range, a relationship to nowhere).
    case invalidContent
    /// ``XlsxFile/cells(sheet:)`` or ``XlsxFile/mergedRanges(sheet:)`` asked for a sheet the
    /// workbook does not have.
    case unknownSheet
  }

  /// The file as it was given to ``XlsxFile/open(_:limits:)``.
  public var path: String
  /// What kind of problem it is.
  public var kind: Kind
  /// The part (zip entry) at fault, when there is one: `xl/worksheets/sheet1.xml`.
  public var part: String?
  /// The 1-based line in ``part``, for XML problems.
  public var line: Int?
  /// The 1-based column (in characters) in ``part``, for XML problems.
  public var column: Int?
  /// One sentence, without the file name.
  public var message: String

  /// An error of `kind` about `path`.
  public init(
    path: String, kind: Kind, part: String? = nil, line: Int? = nil, column: Int? = nil,
    message: String
  ) {
    self.path = path
    self.kind = kind
    self.part = part
    self.line = line
    self.column = column
    self.message = message
  }

  /// `path: part:line:column: message`, with the parts that are known.
  public var description: String {
    var place = path + ": "
    if let part {
      place += SafeText.printable(part)
      if let line {
        place += ":\(line)"
        if let column { place += ":\(column)" }
      }
      place += ": "
    }
    return place + message
  }
}

/// Text from a file, made safe to print.
public enum SafeText {
  /// `text` safe to print on a terminal and short enough for one line: control characters
  /// (escape sequences a hostile file could carry) are written as `\u{1B}`, and anything past
  /// `limit` characters is cut with `…`.
  public static func printable(_ text: String, limit: Int = 200) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        out += "…"
        break
      }
      count += 1
      switch scalar.value {
      case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
