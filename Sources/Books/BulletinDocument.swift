import Foundation
import PlanModel
import SafeFiles
import Sheets
import Tracking

/// The bulletin (通报) as a printed document: an OpenDocument flat text (`.fodt`, one XML file)
/// laid out for A4 portrait in the books' font (宋体, body 12 pt, tables 10.5 pt, a 2-em first
/// line indent, each table's header row repeated on the pages it continues on, `第 N 页 共 M
/// 页` in the footer), printed to `docx` or `pdf` by LibreOffice headless through
/// ``PDFRenderer`` (the same process runner, throwaway profile and time limit as
/// `export --pdf`).
public enum BulletinDocument {
  /// What LibreOffice prints the document to.
  public enum Format: String, Sendable, CaseIterable {
    /// Office Open XML text (Word, WPS), LibreOffice's `MS Word 2007 XML` filter.
    case docx
    /// PDF, LibreOffice's `writer_pdf_Export` filter.
    case pdf
  }

  /// The Debian package that brings LibreOffice's text part (which reads `.fodt`).
  public static let package = "libreoffice-writer"

  /// The width of the text on the page, in centimetres (A4 less 2.5 cm on each side).
  static let textWidth = 16.0

  /// The bulletin as an OpenDocument flat text: the same bytes for the same bulletin. Text is
  /// escaped for XML; a character XML 1.0 cannot carry (a control character) becomes U+FFFD.
  public static func fodt(_ b: Bulletin) -> String {
    var body = ""
    body += p("Title", b.title)
    body += p("Subtitle", "（\(b.periodName)）")
    body += p("Issuer", "\(b.issuer)　\(b.date)")
    for text in b.opening { body += p("Body", text) }
    var tableNumber = 0
    for section in b.sections {
      body +=
        "<text:h text:style-name=\"SectionHeading\" text:outline-level=\"1\">"
        + escape(section.heading) + "</text:h>\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): body += p("Body", text)
        case .table(let t):
          tableNumber += 1
          body += table(t, number: tableNumber)
        }
      }
    }
    body += p("Body", b.closing)
    body += p("Signature", b.issuer)
    body += p("Signature", b.date)
    let day = b.asOf
    let stamp = String(format: "%04d-%02d-%02dT00:00:00", day.year, day.month, day.day)
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
      xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
      xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
      xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
      xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
      xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
      xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
      xmlns:dc="http://purl.org/dc/elements/1.1/" \
      office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
      <office:meta><dc:title>\(escape(b.title))（\(escape(b.periodName))）</dc:title>\
      <dc:subject>\(escape(b.planID)) \(escape(b.period.description))</dc:subject>\
      <meta:generator>PlanBook</meta:generator>\
      <meta:creation-date>\(stamp)</meta:creation-date><dc:date>\(stamp)</dc:date></office:meta>
      <office:font-face-decls>\
      <style:font-face style:name="\(BookStyles.font)" svg:font-family="\(BookStyles.font)" \
      style:font-family-generic="roman" style:font-pitch="variable"/>\
      </office:font-face-decls>
      <office:styles>
      \(styles)
      </office:styles>
      <office:automatic-styles>
      <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" \
      fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" \
      fo:margin-bottom="1.8cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>\
      <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" \
      fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
      <style:style style:name="Table" style:family="table"><style:table-properties \
      style:width="\(textWidth)cm" table:align="margins" fo:margin-top="0.1cm" \
      fo:margin-bottom="0.25cm"/></style:style>
      <style:style style:name="Row" style:family="table-row"><style:table-row-properties \
      fo:keep-together="always"/></style:style>
      <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties \
      fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
      <style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties \
      fo:padding="0.08cm" fo:border="0.5pt solid #000000" fo:background-color="#d9d9d9"/>\
      </style:style>
      \(columnStyles(b))
      </office:automatic-styles>
      <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">\
      <style:footer><text:p text:style-name="Footer">第 <text:page-number \
      text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页\
      </text:p></style:footer></style:master-page></office:master-styles>
      <office:body><office:text>
      \(body)</office:text></office:body>
      </office:document>

      """
  }

  /// The paragraph styles: 宋体 throughout (Chinese and Latin), as the books.
  static let styles: String = {
    let font = BookStyles.font
    func text(_ size: Double, bold: Bool = false) -> String {
      let weight =
        bold
        ? " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\""
        : ""
      return "<style:text-properties style:font-name=\"\(font)\" style:font-name-asian=\"\(font)\" "
        + "style:font-name-complex=\"\(font)\" fo:font-size=\"\(size)pt\" "
        + "style:font-size-asian=\"\(size)pt\" style:font-size-complex=\"\(size)pt\" "
        + "fo:language=\"zh\" fo:country=\"CN\" style:language-asian=\"zh\" "
        + "style:country-asian=\"CN\"\(weight)/>"
    }
    func style(_ name: String, _ paragraph: String, _ text: String) -> String {
      "<style:style style:name=\"\(name)\" style:family=\"paragraph\">"
        + "<style:paragraph-properties \(paragraph)/>\(text)</style:style>"
    }
    return [
      "<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
        + "fo:line-height=\"130%\"/>\(text(12))</style:default-style>",
      style("Standard", "fo:line-height=\"130%\"", text(12)),
      style(
        "Title", "fo:text-align=\"center\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"130%\"",
        text(18, bold: true)),
      style("Subtitle", "fo:text-align=\"center\" fo:margin-bottom=\"0.1cm\"", text(14)),
      style(
        "Issuer",
        "fo:text-align=\"center\" fo:margin-bottom=\"0.4cm\" fo:padding-bottom=\"0.15cm\" "
          + "fo:border-bottom=\"1.5pt solid #c00000\"", text(12)),
      style(
        "SectionHeading",
        "fo:margin-top=\"0.3cm\" fo:margin-bottom=\"0.15cm\" fo:keep-with-next=\"always\" "
          + "fo:line-height=\"130%\"", text(14, bold: true)),
      style(
        "Body",
        "fo:text-indent=\"24pt\" fo:text-align=\"justify\" fo:margin-bottom=\"0.15cm\" "
          + "fo:line-height=\"150%\"", text(12)),
      style("Signature", "fo:text-align=\"end\" fo:line-height=\"150%\"", text(12)),
      style("Cell", "fo:line-height=\"115%\"", text(10.5)),
      style("NumberCell", "fo:text-align=\"end\" fo:line-height=\"115%\"", text(10.5)),
      style(
        "HeadCell", "fo:text-align=\"center\" fo:line-height=\"115%\"", text(10.5, bold: true)),
      style("Footer", "fo:text-align=\"center\"", text(9)),
    ].joined(separator: "\n")
  }()

  /// One column style per column of every table (`T3C2`), widths from the text they hold.
  static func columnStyles(_ b: Bulletin) -> String {
    var out: [String] = []
    var n = 0
    for section in b.sections {
      for case .table(let t) in section.blocks {
        n += 1
        for (i, w) in columnWidths(t).enumerated() {
          out.append(
            "<style:style style:name=\"T\(n)C\(i + 1)\" style:family=\"table-column\">"
              + "<style:table-column-properties style:column-width=\""
              + String(format: "%.2f", w) + "cm\"/></style:style>")
        }
      }
    }
    return out.joined(separator: "\n")
  }

  /// The widths of a table's columns, in centimetres, adding up to the text width. A column
  /// needs its widest text (in units: a Chinese character two, at 10.5 pt about 0.2 cm a unit, digits about one)
  /// plus padding, capped at 36 units. When every column fits, each gets its need and the
  /// spare width is shared in proportion; otherwise the narrow columns (at most 18 units:
  /// names, numbers, dates, notice numbers, classes) keep their need, unwrapped, and the wide
  /// ones share the rest (when the narrow ones leave them seven Chinese characters at least).
  static func columnWidths(_ t: BulletinTable) -> [Double] {
    let unit = 0.2
    let needs = t.header.indices.map { i -> Double in
      let cells = [t.header[i]] + t.rows.map { i < $0.count ? $0[i] : "" }
      return Double(min(36, cells.map(units).max() ?? 4)) + 2.5
    }
    let available = textWidth / unit
    let total = needs.reduce(0, +)
    if total <= available { return needs.map { textWidth * $0 / total } }
    let narrow = needs.map { $0 <= 20.5 }
    let fixed = zip(needs, narrow).filter(\.1).map(\.0).reduce(0, +)
    let wide = zip(needs, narrow).filter { !$0.1 }.map(\.0).reduce(0, +)
    guard wide > 0, fixed <= available - 14 else {
      return needs.map { textWidth * $0 / total }
    }
    return zip(needs, narrow).map { need, isNarrow in
      isNarrow ? need * unit : (textWidth - fixed * unit) * need / wide
    }
  }

  /// The width of `text` in units: a full-width character 2, anything else 1.
  static func units(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
  }

  static func table(_ t: BulletinTable, number n: Int) -> String {
    func row(_ cells: [String], head: Bool) -> String {
      var out = "<table:table-row table:style-name=\"Row\">"
      for i in t.header.indices {
        let text = i < cells.count ? cells[i] : ""
        let style = head ? "HeadCell" : t.numeric.contains(i) ? "NumberCell" : "Cell"
        out +=
          "<table:table-cell table:style-name=\"\(head ? "HeadCell" : "Cell")\" "
          + "office:value-type=\"string\">\(p(style, text, newline: false))</table:table-cell>"
      }
      return out + "</table:table-row>\n"
    }
    var out = "<table:table table:name=\"表\(n)\" table:style-name=\"Table\">\n"
    for i in t.header.indices {
      out += "<table:table-column table:style-name=\"T\(n)C\(i + 1)\"/>\n"
    }
    out += "<table:table-header-rows>" + row(t.header, head: true) + "</table:table-header-rows>\n"
    for r in t.rows { out += row(r, head: false) }
    return out + "</table:table>\n"
  }

  /// A paragraph of `style` holding `text`, escaped; a line break in it is a line break.
  static func p(_ style: String, _ text: String, newline: Bool = true) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      escape(String($0))
    }
    return "<text:p text:style-name=\"\(style)\">"
      + lines.joined(separator: "<text:line-break/>") + "</text:p>" + (newline ? "\n" : "")
  }

  /// `text` as XML character data: `&`, `<`, `>`, `"` and `'` escaped; a character XML 1.0
  /// cannot carry becomes U+FFFD.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        if XMLCharacters.allows(scalar) {
          out.unicodeScalars.append(scalar)
        } else {
          out += "\u{FFFD}"
        }
      }
    }
    return out
  }

  /// The pages a printed bulletin may sensibly have: from an estimate of its lines (a line of
  /// body text holds about 37 Chinese characters, a page about 34 such lines; a table row at
  /// least one smaller line), between half and twice the estimate.
  static func plausiblePages(_ b: Bulletin) -> ClosedRange<Int> {
    func lines(_ text: String, perLine: Int) -> Double {
      Double(max(1, (units(text) + perLine - 1) / perLine))
    }
    var height = 6.0  // title, period, issuer
    for text in b.opening { height += lines(text, perLine: 74) }
    for section in b.sections {
      height += 1.5
      for block in section.blocks {
        switch block {
        case .paragraph(let text): height += lines(text, perLine: 74)
        case .table(let t):
          let widths = columnWidths(t)
          for r in [t.header] + t.rows {
            let tallest =
              zip(r, widths).map { cell, w in
                lines(cell, perLine: max(2, Int(w / textWidth * 86)))
              }.max() ?? 1
            height += tallest * 0.75 + 0.2
          }
        }
      }
    }
    height += lines(b.closing, perLine: 74) + 2
    let estimate = height / 34
    return max(1, Int((estimate / 2).rounded(.down)))...max(2, Int((estimate * 2).rounded(.up)))
  }

  /// Prints `b` to `format` and writes it to `path` atomically (the file is replaced whole or
  /// not at all): the `.fodt` is written into a throwaway folder, printed there by `soffice`,
  /// and the result moved in. A PDF's creation date becomes the bulletin's day and its
  /// document id a hash of the file (as the books' PDFs), and its page count must be
  /// plausible for the bulletin's length. Returns the pages of a PDF, nil for docx.
  @discardableResult
  public static func write(
    _ b: Bulletin, format: Format, to path: String, soffice: String
  ) throws(PDFRenderer.Failure) -> Int? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planbook-bulletin-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("bulletin.fodt")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(fodt(b).utf8).write(to: source)
    } catch {
      throw PDFRenderer.Failure("cannot stage the bulletin in \(folder.path): \(error)")
    }
    try PDFRenderer.convert(
      [source.path], into: folder.path, soffice: soffice, seconds: 120, to: format.rawValue,
      hint: "is \(package) installed?")
    let printed = folder.appendingPathComponent("bulletin.\(format.rawValue)")
    var bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: printed))
    } catch {
      throw PDFRenderer.Failure("LibreOffice wrote no \(format.rawValue) for the bulletin")
    }
    var pages: Int? = nil
    if format == .pdf {
      PDFRenderer.normalize(&bytes, created: b.asOf)
      let count = PDFRenderer.pageCount(bytes)
      let plausible = plausiblePages(b)
      guard plausible.contains(count) else {
        throw PDFRenderer.Failure(
          "LibreOffice printed the bulletin on \(count) \(count == 1 ? "page" : "pages"), not "
            + "\(plausible.lowerBound)–\(plausible.upperBound) as its length makes plausible "
            + "(is a Chinese font such as fonts-noto-cjk installed?)")
      }
      pages = count
    } else if !bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
      throw PDFRenderer.Failure("LibreOffice wrote a docx that is not a zip archive")
    }
    do {
      try AtomicFile.write(bytes, to: path)
    } catch {
      throw PDFRenderer.Failure("cannot write \(path): \(error.reason)")
    }
    return pages
  }
}
