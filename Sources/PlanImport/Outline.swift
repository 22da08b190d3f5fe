/// A plan document's structure as the importer finds it: title, chapters (一、), sections
/// ((一)), items (1. (1) 1、) with their verbatim text, the targets stated before the chapters
/// and the figures stated inside each item, and what could not be placed.
public struct ImportedPlan: Sendable {
  /// The title line, when one was found (a short line naming a 计划/方案/要点 before the
  /// chapters).
  public var title: SourceLine?
  /// The first year the document names (`2020年`): the plan's period by default.
  public var year: Int?
  /// The chapters, in document order.
  public var chapters: [ImportedChapter] = []
  /// Targets stated outside any item (the opening paragraphs, a chapter's lead-in).
  public var targets: [FoundTarget] = []
  /// Whether item numbers restart in each chapter (or section).
  public var numbersRestart = false
  /// What could not be placed, or was placed by a guess, by line.
  public var warnings: [ImportWarning] = []

  /// Every item, depth first.
  public var items: [ImportedItem] { chapters.flatMap(\.allItems) }
}

/// A chapter, or a section inside one.
public struct ImportedChapter: Sendable {
  /// Its number among its siblings (3 for 三、, 2 for (二)).
  public var number: Int
  /// The heading after its number, verbatim.
  public var title: String
  /// Where the heading is.
  public var line: Int
  /// Its items and sections, in document order.
  public var entries: [Entry] = []
  /// Unnumbered lines under the heading, before its first entry.
  var body: [SourceLine] = []

  /// An item or a section.
  public enum Entry: Sendable {
    case item(ImportedItem)
    case section(ImportedChapter)
  }

  /// Its items and its sections' items, depth first.
  public var allItems: [ImportedItem] {
    entries.flatMap { entry -> [ImportedItem] in
      switch entry {
      case .item(let item): [item]
      case .section(let section): section.allItems
      }
    }
  }

  /// Its sections.
  public var sections: [ImportedChapter] {
    entries.compactMap {
      if case .section(let s) = $0 { s } else { nil }
    }
  }
}

/// A numbered item: a task.
public struct ImportedItem: Sendable {
  /// The number the document gives it.
  public var number: Int
  /// Its text without its number, verbatim; the lines under it joined with line breaks.
  public var text: String
  /// Where it starts.
  public var line: Int
  /// The figures its text states.
  public var figures: [FoundTarget] = []
}

/// Something the importer could not place, or placed by a guess.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
  /// The line (paragraph) it is about.
  public var line: Int
  /// What happened.
  public var message: String

  /// A warning about `line`.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "line \(line): \(message)" }
}

/// Reads the structure of a plan document.
public enum OutlineParser {
  /// How a line starts.
  enum Heading: Equatable {
    /// `一、`
    case chapter(Int)
    /// `(一)` or `（一）`
    case section(Int)
    /// `1.` `1．` — `1、` — `(1)` `（1）`: the style tells the item level from sub-points.
    case number(Int, style: Style)

    enum Style: Equatable { case dot, comma, paren }
  }

  /// The outline of `document`.
  public static func parse(_ document: PlanDocument) -> ImportedPlan {
    var plan = ImportedPlan()
    var preamble: [SourceLine] = []
    var chapters: [ImportedChapter] = []
    var itemStyle: Heading.Style?
    // The chapter, section and item being read.
    var chapter: ImportedChapter?
    var section: ImportedChapter?
    var item: ImportedItem?

    func closeItem() {
      guard let done = item else { return }
      item = nil
      if section != nil {
        section?.entries.append(.item(done))
      } else {
        chapter?.entries.append(.item(done))
      }
    }
    func closeSection() {
      closeItem()
      guard let done = section else { return }
      section = nil
      chapter?.entries.append(.section(done))
    }
    func closeChapter() {
      closeSection()
      if let done = chapter { chapters.append(done) }
      chapter = nil
    }

    let start = planStart(document, warnings: &plan.warnings)
    for raw in document.lines[start...] {
      let text = cleaned(raw.text, kind: document.kind)
      if text.isEmpty { continue }
      let line = SourceLine(raw.number, text)
      switch heading(of: text) {
      case .some((.chapter(let n), let rest)):
        closeChapter()
        if let last = chapters.last, n != last.number + 1 {
          plan.warnings.append(
            ImportWarning(
              line: line.number,
              message: "chapter \(chineseNumeral(n)) follows chapter "
                + "\(chineseNumeral(last.number))"))
        }
        chapter = ImportedChapter(number: n, title: rest, line: line.number)
      case .some((.section(let n), let rest)) where chapter != nil:
        closeSection()
        section = ImportedChapter(number: n, title: rest, line: line.number)
      case .some((.number(let n, let style), let rest))
      where chapter != nil && (itemStyle == nil || itemStyle == style):
        itemStyle = style
        closeItem()
        item = ImportedItem(number: n, text: rest, line: line.number)
      default:
        if item != nil {
          item?.text += "\n" + text
        } else if section != nil {
          section?.body.append(line)
        } else if chapter != nil {
          chapter?.body.append(line)
        } else {
          preamble.append(line)
        }
      }
    }
    closeChapter()

    // Sections without items are items (番禺: (一) a task, (二) a section with items 1–5);
    // a chapter without entries is one item holding its paragraphs.
    plan.chapters = chapters.map { normalised($0, warnings: &plan.warnings) }
    plan.numbersRestart = numbersRestart(plan.chapters)

    // The title: a short line before the chapters naming a plan.
    plan.title = preamble.first { isTitle($0.text) }
    let yearSource = [plan.title].compactMap { $0 } + preamble + document.lines[start...]
    plan.year = yearSource.lazy.compactMap { firstYear($0.text) }.first

    // Targets: in the lines outside items, and in each item.
    let finder = TargetFinder()
    for line in preamble where line != plan.title {
      let found = finder.targets(in: line.text, line: line.number, qualitative: true)
      if found.isEmpty {
        plan.warnings.append(
          ImportWarning(
            line: line.number,
            message: "not placed: before the first chapter, and no target in it: "
              + excerpt(line.text)))
      }
      plan.targets += found
    }
    for c in plan.chapters {
      for line in c.body + c.sections.flatMap(\.body) {
        plan.targets += finder.targets(in: line.text, line: line.number, qualitative: true)
      }
    }
    plan.chapters = plan.chapters.map { withFigures($0, finder) }
    if plan.chapters.isEmpty {
      plan.warnings.append(
        ImportWarning(
          line: document.lines.first?.number ?? 1,
          message: "no chapter heading (一、…) found: nothing to import as tasks"))
    }
    plan.warnings.sort { $0.line < $1.line }
    return plan
  }

  /// Where the plan starts: the first line, or — when the chapter numbering starts again at
  /// 一、 (a summary of last year before this year's plan) — the title line just before the
  /// last 一、, else that 一、 itself.
  static func planStart(_ document: PlanDocument, warnings: inout [ImportWarning]) -> Int {
    let lines = document.lines
    let firsts = lines.indices.filter {
      if case .chapter(1) = heading(of: cleaned(lines[$0].text, kind: document.kind))?.0 {
        return true
      }
      return false
    }
    guard firsts.count > 1, let last = firsts.last else { return lines.startIndex }
    var start = last
    var seen = 0
    var i = last - 1
    while i > firsts[firsts.count - 2], seen < 5 {
      let text = cleaned(lines[i].text, kind: document.kind)
      if !text.isEmpty {
        seen += 1
        if isTitle(text) {
          start = i
          break
        }
      }
      i -= 1
    }
    warnings.append(
      ImportWarning(
        line: lines[lines.startIndex].number,
        message:
          "lines \(lines[lines.startIndex].number)–\(lines[start].number - 1) left out: the "
          + "chapter numbering starts again at line \(lines[last].number); the plan is taken "
          + "from line \(lines[start].number)"))
    return start
  }

  private static func normalised(
    _ chapter: ImportedChapter, warnings: inout [ImportWarning]
  ) -> ImportedChapter {
    var out = chapter
    out.entries = chapter.entries.map { entry in
      guard case .section(let s) = entry else { return entry }
      if s.entries.isEmpty {
        let text = ([s.title] + s.body.map(\.text)).joined(separator: "\n")
        return .item(ImportedItem(number: s.number, text: text, line: s.line))
      }
      for line in s.body {
        warnings.append(
          ImportWarning(
            line: line.number,
            message: "not placed: a paragraph between section (\(chineseNumeral(s.number))) and "
              + "its first item: \(excerpt(line.text))"))
      }
      return .section(s)
    }
    if out.entries.isEmpty {
      if chapter.body.isEmpty {
        warnings.append(
          ImportWarning(
            line: chapter.line,
            message: "chapter \(chineseNumeral(chapter.number)) has no text: no task made"))
      } else {
        let text = chapter.body.map(\.text).joined(separator: "\n")
        out.entries = [.item(ImportedItem(number: 1, text: text, line: chapter.body[0].number))]
        warnings.append(
          ImportWarning(
            line: chapter.body[0].number,
            message: "chapter \(chineseNumeral(chapter.number)) has no numbered items: its "
              + "text is one task, numbered 1"))
      }
      out.body = []
    } else {
      for line in chapter.body {
        warnings.append(
          ImportWarning(
            line: line.number,
            message: "not placed: a paragraph between chapter "
              + "\(chineseNumeral(chapter.number)) and its first item: \(excerpt(line.text))"))
      }
    }
    return out
  }

  private static func withFigures(
    _ chapter: ImportedChapter, _ finder: TargetFinder
  )
    -> ImportedChapter
  {
    var out = chapter
    out.entries = chapter.entries.map { entry in
      switch entry {
      case .item(var item):
        item.figures = finder.targets(in: item.text, line: item.line, qualitative: false)
        return .item(item)
      case .section(let s): return .section(withFigures(s, finder))
      }
    }
    return out
  }

  /// Whether item numbers start again in some chapter or section rather than running on.
  static func numbersRestart(_ chapters: [ImportedChapter]) -> Bool {
    var last = 0
    var restart = false
    func walk(_ entries: [ImportedChapter.Entry], level: Int) {
      for entry in entries {
        switch entry {
        case .item(let item):
          if item.number <= last { restart = true }
          last = item.number
        case .section(let s):
          walk(s.entries, level: level + 1)
        }
      }
    }
    for c in chapters { walk(c.entries, level: 0) }
    return restart
  }

  /// The line without Markdown's heading, list and quote markers (text files are taken as
  /// they are) and without surrounding whitespace.
  static func cleaned(_ text: String, kind: PlanDocument.Kind) -> String {
    var s = Substring(text).trimmingWhitespace()
    guard kind == .markdown else { return String(s) }
    if s.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }) && s.count >= 3 {
      return ""
    }
    while let first = s.first, first == "#" || first == ">" { s = s.dropFirst() }
    s = s.trimmingWhitespace()
    if s.hasPrefix("- ") || s.hasPrefix("* ") || s.hasPrefix("+ ") {
      s = s.dropFirst(2).trimmingWhitespace()
    }
    return String(s)
  }

  /// The heading a line starts with, and the rest of the line.
  static func heading(of text: String) -> (Heading, String)? {
    if let m = text.prefixMatch(of: /([一二三四五六七八九十]{1,3})、\s*(.+)/),
      let n = chineseNumber(String(m.1))
    {
      return (.chapter(n), String(m.2))
    }
    if let m = text.prefixMatch(of: /[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)/),
      let n = chineseNumber(String(m.1))
    {
      return (.section(n), String(m.2))
    }
    if let m = text.prefixMatch(of: /([0-9]{1,3})\s*([.．、])\s*(.+)/), let n = Int(m.1) {
      // 2.5微克 is not item 2.
      if m.2 != "、", let first = m.3.first, first.isNumber { return nil }
      return (.number(n, style: m.2 == "、" ? .comma : .dot), String(m.3))
    }
    if let m = text.prefixMatch(of: /[（(]([0-9]{1,3})[）)]\s*(.+)/), let n = Int(m.1) {
      return (.number(n, style: .paren), String(m.2))
    }
    return nil
  }

  /// 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23.
  static func chineseNumber(_ text: String) -> Int? {
    let digits: [Character: Int] = [
      "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    let chars = Array(text)
    switch chars.count {
    case 1: return chars[0] == "十" ? 10 : digits[chars[0]]
    case 2:
      if chars[0] == "十" { return digits[chars[1]].map { 10 + $0 } }
      if chars[1] == "十" { return digits[chars[0]].map { $0 * 10 } }
      return nil
    case 3:
      guard chars[1] == "十", let tens = digits[chars[0]], let ones = digits[chars[2]] else {
        return nil
      }
      return tens * 10 + ones
    default: return nil
    }
  }

  /// 1 → 一, 12 → 十二, 23 → 二十三.
  static func chineseNumeral(_ n: Int) -> String {
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    guard n > 0, n < 100 else { return String(n) }
    if n < 10 { return digits[n] }
    return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10]
  }

  static func isTitle(_ text: String) -> Bool {
    text.count <= 60 && !text.hasSuffix("。") && !text.contains("，") && !text.contains(",")
      && text.contains(/计划|方案|要点|安排|规划/)
  }

  static func firstYear(_ text: String) -> Int? {
    guard let m = text.firstMatch(of: /((?:19|20)[0-9][0-9])\s*年/) else { return nil }
    return Int(m.1)
  }

  static func excerpt(_ text: String) -> String {
    text.count <= 30 ? text : String(text.prefix(30)) + "…"
  }
}

extension Substring {
  func trimmingWhitespace() -> Substring {
    var s = self
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return s
  }
}
