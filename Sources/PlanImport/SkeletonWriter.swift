/// Writes an ``ImportedPlan`` as a Swift plan file in the PlanDSL: a skeleton that compiles,
/// for the author to complete (units, owners, dates) and check.
public struct SkeletonWriter: Sendable {
  /// The plan id (`guangzhou-2020`).
  public var id: String
  /// The plan's title; the title line found, or a placeholder.
  public var title: String
  /// The plan's year (`.year(…)`).
  public var year: Int
  /// The source document recorded for the transcription check (workspace-relative, or
  /// absolute), if any.
  public var source: String?
  /// The source document's title, if any.
  public var sourceTitle: String?

  /// A writer.
  public init(id: String, title: String, year: Int, source: String?, sourceTitle: String? = nil) {
    self.id = id
    self.title = title
    self.year = year
    self.source = source
    self.sourceTitle = sourceTitle
  }

  /// The name of the plan's constant: `guangzhou-2020` → `guangzhou2020`.
  public var constantName: String {
    var out = ""
    var upper = false
    for c in id {
      if c == "-" {
        upper = true
        continue
      }
      out += upper ? c.uppercased() : String(c)
      upper = false
    }
    if let first = out.first, first.isNumber { out = "plan" + out }
    return out.isEmpty ? "importedPlan" : out
  }

  /// The Swift source of the skeleton.
  public func write(_ plan: ImportedPlan) -> String {
    var ids = IdMaker()
    var lines: [String] = ["import PlanDSL", ""]
    lines.append(
      "// \(comment(title)), imported by `planbook import` from \(comment(source ?? "?")).")
    lines += [
      "//",
      "// A skeleton: the chapters, sections and items with their text as published, the targets",
      "// and the figures read from its sentences (check each against the document), and a",
      "// responsibility list with a TODO per task. The document names no owners: fill in the",
      "// units, who leads each task and target, and the dates, then run `planbook check`.",
      "",
    ]
    let restart = plan.numbersRestart
    var taskList: [(number: String, title: String, id: String)] = []
    for (index, chapter) in plan.chapters.enumerated() {
      let name = "\(constantName)Chapter\(index + 1)"
      lines.append(
        "let \(name) = "
          + chapterCode(
            chapter, path: [chapter.number], indent: "", restart: restart, ids: &ids,
            tasks: &taskList))
      lines.append("")
    }

    lines.append("/// \(comment(title))")
    var header =
      "  \(literal(id)), title: \(literal(title)), issuer: \"issuer\", period: .year(\(year))"
    if let source { header += ",\n  source: \(literal(source))" }
    if let sourceTitle { header += ", sourceTitle: \(literal(sourceTitle))" }
    if restart { header += ", numbering: .perChapter" }
    lines.append("let \(constantName) = Plan(")
    lines.append(header)
    lines.append(") {")
    lines += [
      "  Organisation {",
      "    // TODO the issuing body and every unit that leads or cooperates (the document names none).",
      "    Unit(\"issuer\", \"发文单位\", short: \"发文单位\", kind: .department)",
      "  }",
    ]
    var targetIds: [(String, String)] = []
    if !plan.targets.isEmpty {
      lines += ["", "  Targets {"]
      for target in plan.targets {
        let tid = ids.unique(IdMaker.targetId(target.name))
        targetIds.append((tid, target.name))
        lines += targetLines(target, kind: "Target", id: tid, indent: "    ")
      }
      lines.append("  }")
    }
    lines.append("")
    for index in plan.chapters.indices { lines.append("  \(constantName)Chapter\(index + 1)") }
    lines += [
      "",
      "  Responsibilities {",
      "    Rule(.all, due: .endOfYear(\(year)))",
      "    // TODO who leads and who cooperates on each task: a rule here",
      "    // (Rule(.keyword(\"…\"), lead: [\"…\"], cooperating: [\"…\"]), Rule(.chapter(\"…\"), …))",
      "    // or Lead(…)/Cooperating(…) in the item.",
    ]
    for task in taskList {
      lines.append("    // TODO \(task.number) \(comment(task.title)) (\(task.id))")
    }
    for (tid, name) in targetIds {
      lines.append(
        "    // TODO target \(tid) \(comment(name)): Rule(.target(\"\(tid)\"), lead: [\"…\"])")
    }
    lines += ["  }", "}", ""]
    return lines.joined(separator: "\n")
  }

  private func chapterCode(
    _ chapter: ImportedChapter, path: [Int], indent: String, restart: Bool, ids: inout IdMaker,
    tasks: inout [(number: String, title: String, id: String)]
  ) -> String {
    let chapterId = ids.unique("chapter-" + path.map(String.init).joined(separator: "-"))
    var out = "Chapter(\(chapter.number), id: \(literal(chapterId)), \(literal(chapter.title))) {\n"
    let inner = indent + "  "
    for entry in chapter.entries {
      switch entry {
      case .section(let section):
        out +=
          inner
          + chapterCode(
            section, path: path + [section.number], indent: inner, restart: restart, ids: &ids,
            tasks: &tasks) + "\n"
      case .item(let item):
        let taskId = ids.unique(
          restart
            ? "c" + (path + [item.number]).map(String.init).joined(separator: "-")
            : "task-\(item.number)")
        let label =
          restart
          ? path.enumerated().map { i, n in
            i == 0 ? OutlineParser.chineseNumeral(n) : "(\(OutlineParser.chineseNumeral(n)))"
          }.joined() + "\(item.number)"
          : "\(item.number)"
        tasks.append(
          (label, String(item.text.prefix { $0 != "。" && $0 != "\n" }.prefix(40)), taskId))
        out += "\(inner)Item(\n\(inner)  \(item.number), id: \(literal(taskId)),\n"
        out += "\(inner)  \(literal(item.text))\n\(inner))"
        if item.figures.isEmpty {
          out += "\n"
        } else {
          out += " {\n"
          for (i, figure) in item.figures.enumerated() {
            out +=
              targetLines(
                figure, kind: "Figure", id: ids.unique("\(taskId)-f\(i + 1)"), indent: inner + "  "
              ).joined(separator: "\n") + "\n"
          }
          out += "\(inner)}\n"
        }
      }
    }
    return out + indent + "}"
  }

  private func targetLines(
    _ target: FoundTarget, kind: String, id: String, indent: String
  )
    -> [String]
  {
    // 力争 (striven for, not required) becomes the target's `aspirational:` flag.
    let striving = target.aspirational ? ", aspirational: true" : ""
    return [
      "\(indent)// line \(target.line): \(comment(target.clause))",
      "\(indent)\(kind)(\(literal(id)), \(literal(target.name)), \(requirementCode(target.requirement))\(striving))",
    ]
  }

  /// The DSL expression of a requirement.
  public static func requirementCode(_ requirement: FoundRequirement) -> String {
    func n(_ v: Double) -> String {
      v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
    switch requirement {
    case .atMost(let v, let u): return ".atMost(\(n(v)), \(literal(u)))"
    case .atLeast(let v, let u): return ".atLeast(\(n(v)), \(literal(u)))"
    case .equal(let v, let u): return ".equal(\(n(v)), \(literal(u)))"
    case .countAtLeast(let v, let u): return ".count(atLeast: \(n(v)), \(literal(u)))"
    case .countAtMost(let v, let u): return ".count(atMost: \(n(v)), \(literal(u)))"
    case .shareAtLeast(let v, let of): return ".share(atLeast: \(n(v)), of: \(literal(of)))"
    case .reduction(let v, let year):
      return ".reduction(by: \(n(v)), against: \(year.map(String.init) ?? "nil"))"
    case .increase(let v, let year):
      return ".increase(by: \(n(v)), against: \(year.map(String.init) ?? "nil"))"
    case .qualitative(let text): return ".qualitative(\(literal(text)))"
    }
  }

  private func requirementCode(_ requirement: FoundRequirement) -> String {
    SkeletonWriter.requirementCode(requirement)
  }

  private func literal(_ text: String) -> String { SkeletonWriter.literal(text) }

  /// `text` as a Swift string literal: quotes, backslashes and control characters escaped.
  public static func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// Text for a `//` comment: on one line, without control characters.
  private func comment(_ text: String) -> String {
    String(
      text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
  }
}

/// Ids, unique in the plan.
struct IdMaker {
  private var used: Set<String> = []

  mutating func unique(_ base: String) -> String {
    var id = base
    var n = 2
    while used.contains(id) {
      id = "\(base)-\(n)"
      n += 1
    }
    used.insert(id)
    return id
  }

  /// A readable id for well-known measures (`PM2.5` → `pm25`), else `target`.
  static func targetId(_ name: String) -> String {
    let known: [(String, String)] = [
      ("PM2.5", "pm25"), ("PM10", "pm10"), ("臭氧", "ozone"), ("优良天数", "good-air-days"),
      ("化学需氧量", "cod"), ("氨氮", "nh3n"), ("二氧化硫", "so2"), ("氮氧化物", "nox"),
      ("挥发性有机物", "vocs"), ("碳强度", "carbon-intensity"), ("饮用水", "drinking-water"),
      ("优良断面", "good-sections"), ("考核断面", "water-sections"), ("安全利用率", "land-safe-use"),
      ("丧失使用功能", "lost-function"), ("黑臭", "black-odorous"), ("污水", "sewage"),
      ("危险废物", "hazardous-waste"), ("噪声", "noise"), ("森林", "forest"),
    ]
    return known.first { name.contains($0.0) }?.1 ?? "target"
  }
}
