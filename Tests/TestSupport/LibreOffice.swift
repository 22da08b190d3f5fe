import Foundation

/// LibreOffice and poppler: workbooks printed to PDF as a user would print them, and the
/// printed words read back with their positions.
public enum LibreOffice {
  /// Whether `soffice`, `pdftotext` and a Chinese font are here (`scripts/test-setup` installs
  /// them; CI runs it).
  public static let isAvailable: Bool = {
    func has(_ tool: String) -> Bool {
      (try? Shell.run(["sh", "-c", "command -v \(tool)"]).status) == 0
    }
    guard has("soffice"), has("pdftotext"), has("fc-list"),
      let fonts = try? Shell.run(["fc-list", ":lang=zh"])
    else { return false }
    return fonts.status == 0
      && !fonts.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
  }()

  /// Converts `files` to PDF in one run of LibreOffice, into `folder`, with a throwaway profile
  /// (so neither a user's settings nor a running LibreOffice interferes) and a time limit.
  /// Returns the PDFs' paths in the order of `files`.
  public static func convertToPDF(
    _ files: [String], into folder: String, timeLimit seconds: Int = 300
  ) throws -> [String] {
    let profile = try TemporaryFolder()
    defer { profile.remove() }
    let result = try Shell.run(
      [
        "timeout", String(seconds), "soffice",
        "-env:UserInstallation=\(profile.url.absoluteString)",
        "--headless", "--convert-to", "pdf", "--outdir", folder,
      ] + files)
    let pdfs = files.map {
      URL(fileURLWithPath: folder).appendingPathComponent(
        URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + ".pdf"
      ).path
    }
    let missing = pdfs.filter { !FileManager.default.fileExists(atPath: $0) }
    guard result.status == 0, missing.isEmpty else {
      let reason = result.status == 124 ? "timed out after \(seconds) s" : "exit \(result.status)"
      throw SupportError(
        "soffice --convert-to pdf failed (\(reason)); missing: \(missing)\n\(result.stderr)")
    }
    return pdfs
  }
}

/// A word as `pdftotext -bbox` reads it off a printed page: its text and its box in points,
/// measured from the page's top left corner.
public struct PrintedWord: Sendable, CustomStringConvertible {
  public var text: String
  public var xMin, yMin, xMax, yMax: Double

  public var midX: Double { (xMin + xMax) / 2 }
  public var midY: Double { (yMin + yMax) / 2 }

  public var description: String {
    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    return "'\(text)' at x \(f(xMin))–\(f(xMax)), y \(f(yMin))–\(f(yMax))"
  }
}

/// A printed page: its size in points and its words in `pdftotext`'s reading order.
public struct PrintedPage: Sendable {
  public var width, height: Double
  public var words: [PrintedWord]
}

/// Reads the words of a PDF with `pdftotext -bbox`.
public enum PDFText {
  /// Every page of `pdf` with its words.
  public static func pages(_ pdf: String) throws -> [PrintedPage] {
    let result = try Shell.run(["pdftotext", "-bbox", pdf, "-"])
    guard result.status == 0 else {
      throw SupportError("pdftotext -bbox \(pdf) failed: \(result.stderr)")
    }
    return try parse(result.stdout)
  }

  /// The pages of `pdftotext -bbox` output (XHTML: `<page width height>` holding
  /// `<word xMin yMin xMax yMax>text</word>`).
  static func parse(_ xhtml: String) throws -> [PrintedPage] {
    var pages: [PrintedPage] = []
    for line in xhtml.split(separator: "\n") {
      let tag = line.drop { $0 == " " }
      if tag.hasPrefix("<page ") {
        guard let width = attribute("width", tag), let height = attribute("height", tag) else {
          throw SupportError("pdftotext: a page without its size: \(tag)")
        }
        pages.append(PrintedPage(width: width, height: height, words: []))
      } else if tag.hasPrefix("<word ") {
        guard !pages.isEmpty, let xMin = attribute("xMin", tag), let yMin = attribute("yMin", tag),
          let xMax = attribute("xMax", tag), let yMax = attribute("yMax", tag),
          let open = tag.firstIndex(of: ">"), let close = tag.range(of: "</word>")
        else { throw SupportError("pdftotext: cannot read \(tag)") }
        let text = unescape(tag[tag.index(after: open)..<close.lowerBound])
        pages[pages.count - 1].words.append(
          PrintedWord(text: text, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax))
      }
    }
    return pages
  }

  private static func attribute(_ name: String, _ tag: Substring) -> Double? {
    guard let start = tag.range(of: " \(name)=\"") else { return nil }
    let rest = tag[start.upperBound...]
    return rest.firstIndex(of: "\"").flatMap { Double(rest[..<$0]) }
  }

  /// The text of an XML element: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#…;`.
  private static func unescape(_ text: Substring) -> String {
    guard text.contains("&") else { return String(text) }
    var out = ""
    var rest = text
    while let amp = rest.firstIndex(of: "&") {
      guard let semi = rest[amp...].firstIndex(of: ";") else { break }
      out += rest[..<amp]
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
        let digits = entity.dropFirst(hex ? 2 : 1)
        if entity.hasPrefix("#"), let v = UInt32(digits, radix: hex ? 16 : 10),
          let scalar = Unicode.Scalar(v)
        {
          out.unicodeScalars.append(scalar)
        } else {
          out += rest[amp...semi]
        }
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}
