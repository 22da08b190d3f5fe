/// The paragraphs of a Word document (`.docx`), read as safely as ``XlsxFile`` reads a
/// workbook: the same zip reader and inflater, the same caps (``ReadLimits``), the same strict
/// XML scanner (no DTDs, UTF-8 only), one ``XlsxReadError`` naming the file and the part for
/// whatever is wrong.
///
/// Only the main document part (`word/document.xml`, as the package relationships name it) and
/// the package relationships are read; headers, footers, notes, comments and images are not.
///
/// ```swift
/// let document = try DocxFile.open("seeds/plan.docx")
/// document.paragraphs  // ["2020年广州市生态环境保护工作计划", "一、推进作风建设…", …]
/// ```
public struct DocxFile: Sendable {
  /// The file as it was given.
  public let path: String
  /// The main part's name in the archive (`word/document.xml`).
  public let documentPart: String
  /// The text of each paragraph (`<w:p>`) of the body, tables' cells included, in document
  /// order: runs (`<w:t>`) joined, `<w:tab/>` as a tab, `<w:br/>` and `<w:cr/>` as a line
  /// break; deleted text (`<w:delText>`) and field codes (`<w:instrText>`) left out. A paragraph
  /// nested in another (a text box) comes before the paragraph holding it.
  public let paragraphs: [String]

  /// Opens and reads the document at `path`, within `limits`; at most
  /// ``ReadLimits/maxCells`` paragraphs.
  public static func open(
    _ path: String, limits: ReadLimits = .default
  ) throws(XlsxReadError)
    -> DocxFile
  {
    let bytes = try XlsxFile.readFile(path, limits: limits)
    var package = try OfficePackage(
      path: path, bytes: bytes, limits: limits, what: "a Word document")
    func failure(
      _ kind: XlsxReadError.Kind, _ message: String, part: String? = nil
    )
      -> XlsxReadError
    {
      XlsxReadError(path: path, kind: kind, part: part, message: message)
    }
    func read(_ name: String) throws(XlsxReadError) -> [UInt8]? {
      guard let entry = package.zip.entry(name), !entry.isDirectory else { return nil }
      return try package.read(entry)
    }

    var relations: [Relationships.Relation] = []
    if let data = try read("_rels/.rels") {
      let tree: XMLNode
      do {
        tree = try XMLNode.parse(data)
      } catch {
        throw XlsxFile.xmlError(error, path: path, part: "_rels/.rels", bytes: data)
      }
      relations = try Relationships(tree, source: "", part: "_rels/.rels").resolve(path: path)
    }
    let part =
      relations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "word/document.xml"
    guard let data = try read(part) else {
      throw failure(
        .missingPart,
        "no \(SafeText.printable(part)): a zip archive, but not a complete Word document")
    }
    do {
      let paragraphs = try DocxFile.paragraphs(data, limit: limits.maxCells)
      return DocxFile(path: path, documentPart: part, paragraphs: paragraphs)
    } catch {
      switch error {
      case .notDocument(let root):
        throw failure(
          .invalidContent,
          "the main part is <\(SafeText.printable(root))>, not a Word document "
            + "(an Excel or PowerPoint file?)", part: part)
      case .tooMany(let limit):
        throw failure(
          .tooLarge,
          "the document has more than \(limit) paragraphs (the limit); a work plan has far "
            + "fewer", part: part)
      case .xml(let problem):
        throw XlsxFile.xmlError(problem, path: path, part: part, bytes: data)
      }
    }
  }

  enum Failure: Error {
    case xml(XMLProblem)
    case notDocument(String)
    case tooMany(Int)
  }

  /// The paragraphs of a validated main part, scanned as a stream.
  static func paragraphs(_ bytes: [UInt8], limit: Int) throws(Failure) -> [String] {
    var scanner: XMLScanner
    do {
      scanner = try XMLScanner(validated: bytes)
    } catch {
      throw .xml(error)
    }
    var out: [String] = []
    var open: [String] = []  // the paragraphs being read, innermost last
    var inText = 0  // inside <w:t>
    var sawRoot = false
    while true {
      let event: XMLEvent?
      do {
        event = try scanner.next()
      } catch {
        throw .xml(error)
      }
      guard let event else { break }
      switch event {
      case .start(let tag):
        let local = tag.localName
        if !sawRoot {
          sawRoot = true
          guard local == "document" else { throw .notDocument(tag.name) }
        }
        switch local {
        case "p":
          open.append("")
        case "t":
          inText += 1
        case "tab":
          if !open.isEmpty && inText == 0 { open[open.count - 1] += "\t" }
        case "br", "cr":
          if !open.isEmpty && inText == 0 { open[open.count - 1] += "\n" }
        default: break
        }
      case .text(let text):
        if inText > 0, !open.isEmpty { open[open.count - 1] += text }
      case .end(let name):
        switch XMLTag.local(name) {
        case "p":
          if let paragraph = open.popLast() {
            guard out.count < limit else { throw .tooMany(limit) }
            out.append(paragraph)
          }
        case "t":
          inText = max(0, inText - 1)
        default: break
        }
      }
    }
    return out
  }
}
