import Tracking

/// The Markdown form of a bulletin (`planbook bulletin --format markdown`), for review in git:
/// the same text for the same bulletin, byte for byte.
enum BulletinMarkdown {
  static func render(_ b: Bulletin) -> String {
    var out = "# \(escape(b.title))\n\n"
    out += "**\(escape(b.periodName))**\n\n"
    out += "\(escape(b.issuer))　\(escape(b.date))\n\n"
    for p in b.opening { out += "\(escape(p))\n\n" }
    for section in b.sections {
      out += "## \(escape(section.heading))\n\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let text): out += "\(escape(text))\n\n"
        case .table(let t): out += table(t) + "\n"
        }
      }
    }
    out += "\(escape(b.closing))\n\n"
    out += "\(escape(b.issuer))  \n\(escape(b.date))\n"
    return out
  }

  /// A pipe table; numeric columns right-aligned.
  static func table(_ t: BulletinTable) -> String {
    func row(_ cells: [String]) -> String {
      "| " + cells.map { cell($0) }.joined(separator: " | ") + " |\n"
    }
    var out = row(t.header)
    out +=
      "|"
      + t.header.indices.map { t.numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
    for r in t.rows { out += row(r) }
    return out
  }

  /// A cell's text: `|` escaped, line breaks as `<br>`.
  static func cell(_ text: String) -> String {
    escape(text).replacingOccurrences(of: "|", with: "\\|")
      .replacingOccurrences(of: "\n", with: "<br>")
  }

  /// Text from the plan and the reports, so that Markdown reads it as text: characters that
  /// start markup (`*`, `_`, `` ` ``, `[`, `<`, `#` at a line's start) are escaped.
  static func escape(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "\\", "*", "_", "`", "[", "]", "<", ">": out += "\\\(ch)"
      default: out.append(ch)
      }
    }
    if out.hasPrefix("#") || out.hasPrefix("-") || out.hasPrefix("+") { out = "\\" + out }
    return out
  }
}
