import ArgumentParser
import Foundation
import PlanImport

/// `planbook import FILE --id ID [--out plans/ID.swift]`: a published plan document as a Swift
/// plan skeleton.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Write a Swift plan skeleton from a plan document (.txt, .md, .docx).",
    discussion: """
      Chapters from 一、, sections from (一), items numbered 1. (1) 1、 with their text as \
      published; targets and the figures of each item read from the sentences (direction, \
      value, unit, base year; 力争 marked); a responsibility list with a TODO per task; the \
      document recorded as the plan's source so `planbook check` compares every text with it. \
      What could not be placed is listed on standard error by line (exit 0). A document that \
      cannot be read: one line naming it, exit 65. A .docx is read with the xlsx reader's caps; \
      its text is written to seeds/<name>.txt (the source `check` reads).
      """)

  @Argument(help: "The plan document: a .txt, .md or .docx file.")
  var file: String
  @Option(help: "The plan id (a–z, 0–9, -): the plan's id and the default file name.")
  var id: String
  @Option(help: "Where to write the skeleton (default: plans/<id>.swift in the workspace).")
  var out: String?
  @Option(help: "The plan's title (default: the title line the document starts with).")
  var title: String?
  @Option(help: "The plan's year (default: the first year the document names).")
  var year: Int?
  @Flag(help: "Overwrite an existing output file.")
  var force = false

  func validate() throws {
    guard id.count <= 64, id.wholeMatch(of: /[a-z0-9][a-z0-9-]*/) != nil else {
      throw ValidationError(
        "--id '\(id)': 1 to 64 characters of a–z, 0–9 and -, the first a letter or digit")
    }
    guard PlanDocument.kind(of: file) != nil else {
      throw ValidationError("\(file): not a .txt, .md or .docx file (save a .doc or .pdf as one)")
    }
    if let year, !(1900...2999).contains(year) {
      throw ValidationError("--year \(year): not a year")
    }
  }

  func run() throws {
    let workspace = Workspace()
    let document: PlanDocument
    do {
      document = try PlanDocument.read(file)
    } catch {
      printError("import: \(error.description)")
      throw ExitCode(65)
    }
    let plan = OutlineParser.parse(document)
    let target = out ?? workspace.path("plans/\(id).swift")
    if !force && FileManager.default.fileExists(atPath: target) {
      printError("import: \(target) exists; nothing written (--force overwrites it)")
      throw ExitCode(1)
    }

    var source = recordedPath(file, root: workspace.root)
    var sourceTitle: String?
    if document.kind == .docx {
      // `check` reads text: the document's paragraphs go to seeds/<name>.txt.
      let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
      let textPath = workspace.path("seeds/\(name).txt")
      let text = document.lines.map(\.text).joined(separator: "\n") + "\n"
      let existing = FileManager.default.contents(atPath: textPath)
      if existing == nil || force {
        try FileManager.default.createDirectory(
          atPath: (textPath as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        try writeAtomically(text, to: textPath)
        printError("import: wrote the text of \(file) to \(textPath) (the source `check` reads)")
      } else if existing != Data(text.utf8) {
        printError(
          "import: \(textPath) exists and differs; nothing written (--force overwrites it)")
        throw ExitCode(1)
      }
      source = recordedPath(textPath, root: workspace.root)
      sourceTitle = (file as NSString).lastPathComponent
    }

    var warnings = plan.warnings
    let planTitle: String
    if let title {
      planTitle = title
    } else if let found = plan.title {
      planTitle = found.text
    } else {
      planTitle = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
      warnings.append(
        ImportWarning(
          line: document.lines.first?.number ?? 1,
          message: "no title line found: the title is the file name; give --title"))
    }
    let planYear: Int
    if let year {
      planYear = year
    } else if let found = plan.year {
      planYear = found
    } else {
      planYear = 2020
      warnings.append(
        ImportWarning(
          line: document.lines.first?.number ?? 1,
          message: "no year found: the period is 2020; give --year"))
    }
    let writer = SkeletonWriter(
      id: id, title: planTitle, year: planYear, source: source, sourceTitle: sourceTitle)
    let code = writer.write(plan)
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try writeAtomically(code, to: target)

    for warning in warnings.sorted(by: { $0.line < $1.line }) {
      printError("\(file):\(warning.line): warning: \(warning.message)")
    }
    let items = plan.items
    let figures = items.reduce(0) { $0 + $1.figures.count }
    let aspirational =
      plan.targets.filter(\.aspirational).count
      + items.reduce(0) { $0 + $1.figures.filter(\.aspirational).count }
    let sections = plan.chapters.reduce(0) { $0 + $1.sections.count }
    print(
      "wrote \(target): \(plan.chapters.count) chapters, \(sections) sections, \(items.count) "
        + "tasks, \(plan.targets.count) targets, \(figures) figures in tasks"
        + (aspirational > 0 ? " (\(aspirational) 力争)" : "")
        + (warnings.isEmpty ? "" : "; \(warnings.count) warnings"))
  }

  /// `path` as the plan records it: relative to the workspace root when inside it, else absolute.
  private func recordedPath(_ path: String, root: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let absolute = ((path.hasPrefix("/") ? path : cwd + "/" + path) as NSString).standardizingPath
    let base = (root as NSString).standardizingPath
    return absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
  }
}
