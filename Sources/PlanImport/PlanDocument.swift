import Foundation
import XlsxReader

/// One line of a source document: its number and its text.
public struct SourceLine: Sendable, Equatable {
  /// 1-based: the line of a text file, or of a Word document's text (its paragraphs joined
  /// with line breaks).
  public var number: Int
  /// The line's text, as written.
  public var text: String

  /// A line.
  public init(_ number: Int, _ text: String) {
    self.number = number
    self.text = text
  }
}

/// A published plan read as lines: plain text (`.txt`), Markdown (`.md`) or Word (`.docx`).
public struct PlanDocument: Sendable {
  /// What the file is, by its extension.
  public enum Kind: String, Sendable {
    case text, markdown, docx
  }

  /// The file as given.
  public let path: String
  /// Its kind.
  public let kind: Kind
  /// Its lines, blank ones included; a Word document's are the lines of its paragraphs
  /// joined with line breaks (the text `planbook import` writes beside it).
  public let lines: [SourceLine]

  /// The largest text file accepted (the xlsx reader's file cap).
  public static let maxTextSize = ReadLimits.default.maxFileSize

  /// A document from lines already read (tests).
  public init(path: String, kind: Kind, lines: [SourceLine]) {
    self.path = path
    self.kind = kind
    self.lines = lines
  }

  /// The kind of `path` by its extension, or nil when it is none of the three.
  public static func kind(of path: String) -> Kind? {
    switch (path as NSString).pathExtension.lowercased() {
    case "txt", "text": .text
    case "md", "markdown": .markdown
    case "docx": .docx
    default: nil
    }
  }

  /// Reads `path`: a text file as UTF-8 (a byte-order mark dropped, `\r\n` and `\r` read as
  /// line breaks), a Word document through ``XlsxReader/DocxFile`` within `limits`.
  public static func read(
    _ path: String, limits: ReadLimits = .default
  ) throws(ImportError) -> PlanDocument {
    guard let kind = kind(of: path) else {
      throw ImportError(
        path: path, message: "not a .txt, .md or .docx file (a .doc or .pdf: save it as one)")
    }
    if kind == .docx {
      do {
        let file = try DocxFile.open(path, limits: limits)
        // A line per line of the text `import` keeps as the source (a paragraph's breaks
        // included), so that warnings point at that text's lines.
        let lines = splitLines(file.paragraphs.joined(separator: "\n"))
        return PlanDocument(path: path, kind: kind, lines: lines)
      } catch {
        throw ImportError(path: path, message: error.description, described: true)
      }
    }
    let text = try readText(path, limit: min(limits.maxFileSize, maxTextSize))
    return PlanDocument(path: path, kind: kind, lines: splitLines(text))
  }

  /// `text` split at line breaks, numbered from 1.
  public static func splitLines(_ text: String) -> [SourceLine] {
    var number = 0
    return text.replacingOccurrences(of: "\r\n", with: "\n").split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }
    ).map {
      number += 1
      return SourceLine(number, String($0))
    }
  }

  static func readText(_ path: String, limit: Int) throws(ImportError) -> String {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      let exists = FileManager.default.fileExists(atPath: path)
      throw ImportError(
        path: path, message: exists ? "cannot read: permission denied" : "cannot open: no such file"
      )
    }
    let type = attributes[.type] as? FileAttributeType
    if type == .typeDirectory {
      throw ImportError(path: path, message: "a directory, not a plan document")
    }
    guard type == .typeRegular || type == .typeSymbolicLink else {
      throw ImportError(path: path, message: "not a regular file")
    }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    guard size <= limit else {
      throw ImportError(
        path: path, message: "the file is \(size) bytes; the limit is \(limit) bytes")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ImportError(path: path, message: "cannot read: permission denied")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      data = try handle.read(upToCount: limit + 1) ?? Data()
    } catch {
      throw ImportError(path: path, message: "cannot read: \(error.localizedDescription)")
    }
    guard data.count <= limit else {
      throw ImportError(path: path, message: "the file is over the limit of \(limit) bytes")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.contains(0) {
      throw ImportError(
        path: path, message: "a NUL byte: not UTF-8 text (UTF-16? save the file as UTF-8)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ImportError(path: path, message: "not UTF-8 text (GBK? save the file as UTF-8)")
    }
    return text
  }
}

/// A document that cannot be read, one line naming it.
public struct ImportError: Error, CustomStringConvertible, Sendable {
  /// The file.
  public var path: String
  /// Why.
  public var message: String
  /// Whether `message` names the file already (the xlsx reader's errors do).
  var described = false

  /// An error about `path`.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  init(path: String, message: String, described: Bool) {
    self.init(path: path, message: message)
    self.described = described
  }

  public var description: String { described ? message : "\(path): \(message)" }
}
