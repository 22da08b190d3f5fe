import Foundation
import PlanJSON
import Sheets

/// The results of a run: the table printed on the terminal and RESULTS.md.
struct Report {
  struct Writing {
    var title: String
    var script: String
    var c: Runner.Timing?
    var cConstant: Runner.Timing?
    var cParse: Runner.Timing?
    var python: Runner.Timing?
    var planbookSerial: Runner.Timing?
    var planbook: Runner.Timing?
    var identical: (same: Int, total: Int)?

    /// A replay's time less the replay's own reading of the script.
    func net(_ t: Runner.Timing?) -> Double? {
      guard let t else { return nil }
      return max(0, t.seconds - (cParse?.seconds ?? 0))
    }
  }

  var stamp: Work.Stamp
  var writing: [Writing] = []
  var status: Runner.Timing?
  var diffs: [(Int, Runner.Timing)] = []
  var check: Runner.Timing?
  var transcription: [(Int, Runner.Timing)] = []
  var list: [Double] = []
  var listFirst: Double?
  var listLoad: Double?
  var plans: [PlanLoop.Result] = []
  var plansLoad: Double?
  var loadAverages = ("", "")
  var elapsed: Double = 0
  var xlsxWriterVersion: String?

  // MARK: - goals

  struct Goal {
    var text: String
    var met: Bool?

    var verdict: String {
      switch met {
      case true?: "met"
      case false?: "**missed**"
      case nil: "—"
      }
    }
  }

  static let bookGoal = 0.6
  static let overviewGoal = 1.1
  static let overviewMemoryMiB = 40.0

  func goal(_ w: Writing) -> Goal? {
    guard let p = w.planbook else { return nil }
    switch w.script {
    case "books":
      guard let c = w.net(w.c) else { return Goal(text: "≤ 0.6 × C", met: nil) }
      return Goal(text: "≤ 0.6 × C (parallel)", met: p.seconds <= Report.bookGoal * c)
    case "overview":
      guard let cm = w.net(w.cConstant) else { return Goal(text: "≤ 1.1 × C const", met: nil) }
      let fast = p.seconds <= Report.overviewGoal * cm
      let small = p.peakMiB < Report.overviewMemoryMiB
      let verdicts = "time \(fast ? "met" : "missed"), memory \(small ? "met" : "missed")"
      return Goal(
        text: "≤ 1.1 × C constant-memory and < 40 MiB (\(verdicts))", met: fast && small)
    default: return nil
    }
  }

  var diffExponent: Double? {
    let t = Dictionary(diffs.map { ($0.0, $0.1.seconds) }, uniquingKeysWith: { a, _ in a })
    guard let a = t[10_000], let b = t[100_000], a > 0 else { return nil }
    return log10(b / a)
  }

  // MARK: - tables

  func writingRows() -> [[String]] {
    var rows: [[String]] = []
    for w in writing {
      let base = w.net(w.c)
      func ratio(_ s: Double?) -> String {
        guard let s, let base, base > 0 else { return "—" }
        return String(format: "%.2f", s / base)
      }
      func add(_ who: String, _ t: Runner.Timing?, seconds: Double?, goal: Goal? = nil) {
        guard let t, let seconds else { return }
        rows.append([
          rows.contains { $0.first == w.title } ? "" : w.title,
          who, String(format: "%.3f", seconds), ratio(seconds), cpu(t),
          String(format: "%.1f", t.peakMiB),
          load(t), goal?.text ?? "", goal?.verdict ?? "",
        ])
      }
      add("C libxlsxwriter 1.1.4", w.c, seconds: base)
      add("C libxlsxwriter, constant memory", w.cConstant, seconds: w.net(w.cConstant))
      add("Python XlsxWriter \(xlsxWriterVersion ?? "")", w.python, seconds: w.python?.seconds)
      if w.script == "overview" {
        add("PlanBook (1 thread)", w.planbook, seconds: w.planbook?.seconds, goal: goal(w))
      } else {
        add("PlanBook, 1 thread", w.planbookSerial, seconds: w.planbookSerial?.seconds)
        add("PlanBook, parallel (2 cores)", w.planbook, seconds: w.planbook?.seconds, goal: goal(w))
      }
    }
    return rows
  }

  func cpu(_ t: Runner.Timing) -> String { t.cpu.map { String(format: "%.2f", $0) } ?? "—" }
  func load(_ t: Runner.Timing) -> String { t.load.map { String(format: "%.1f", $0) } ?? "—" }

  func otherRows() -> [[String]] {
    var rows: [[String]] = []
    if let s = status {
      let n = Int(s.detail["evaluations"] ?? 0)
      let r = Int(s.detail["rankings"] ?? 0)
      rows.append([
        "(c) status and rank: 21 plans × 12 months (\(n) status reports, \(r) rankings)",
        String(format: "%.3f", s.seconds), cpu(s), String(format: "%.0f", s.peakMiB), load(s),
        "< 1 s",
        Goal(text: "", met: s.seconds < 1).verdict,
      ])
    }
    for (n, t) in diffs {
      var goal = ""
      var met: Bool? = nil
      if n == 10_000 {
        goal = "< 1 s"
        met = t.seconds < 1
      }
      if n == 100_000, let k = diffExponent {
        goal = String(
          format: "sub-quadratic: ×%.1f for ×10 tasks (exponent %.2f; ≤ 1.5 counts)", pow(10, k), k)
        met = k <= 1.5
      }
      rows.append([
        "(d) diff of two \(grouped(n))-task versions, 5 % changed",
        String(format: "%.3f", t.seconds), cpu(t), String(format: "%.0f", t.peakMiB), load(t), goal,
        Goal(text: "", met: met).verdict,
      ])
    }
    if let c = check {
      rows.append([
        "(e) check of the 100,000-task plan (decode + resolve + check)",
        String(format: "%.3f", c.seconds), cpu(c), String(format: "%.0f", c.peakMiB), load(c),
        "< 1 s",
        Goal(text: "", met: c.seconds < 1).verdict,
      ])
    }
    if !list.isEmpty {
      let median = list[list.count / 2]
      rows.append([
        "(f) cold start of `planbook list` (median of \(list.count) runs)",
        String(format: "%.4f", median), "—", "—",
        listLoad.map { String(format: "%.1f", $0) } ?? "—", "< 50 ms",
        Goal(text: "", met: median < 0.05).verdict,
      ])
    }
    let plansLoadText = plansLoad.map { String(format: "%.1f", $0) } ?? "—"
    for p in plans {
      rows.append([
        "(g) first check of a repository: \(p.name)", String(format: "%.3f", p.first), "—", "—",
        plansLoadText, "", "",
      ])
      if !p.edits.isEmpty {
        let median = p.edits[p.edits.count / 2]
        rows.append([
          "(h) check after editing one plan file (median of \(p.edits.count)): \(p.name)",
          String(format: "%.3f", median), "—", "—", plansLoadText, "< 2 s",
          Goal(text: "", met: median < 2).verdict,
        ])
      }
    }
    return rows
  }

  func details() -> [String] {
    var out: [String] = []
    func f(_ d: [String: Double], _ k: String) -> String {
      String(format: "%.3f s", d[k] ?? .nan)
    }
    for w in writing {
      var parts: [String] = []
      if let id = w.identical {
        parts.append(
          "C constant-memory files byte-identical to PlanBook's: \(id.same) of \(id.total)")
      }
      if let p = w.cParse {
        parts.append(
          String(format: "replay's own script reading (taken off the C times): %.3f s", p.seconds))
      }
      if let c = w.c {
        parts.append(
          "cells: \(Int(c.detail["cells"] ?? 0)) in \(Int(c.detail["workbooks"] ?? 0)) workbooks")
      }
      if w.script == "overview", let p = w.planbook {
        parts.append(
          [
            "PlanBook streams the sheet (SheetWriter.stream, constant memory): of its time the ",
            "layout (rows measured, nothing kept but heights) takes \(f(p.detail, "layout")); ",
            "\(Int(p.detail["rows"] ?? 0)) rows, \(Int(p.detail["breaks"] ?? 0)) page breaks ",
            "computed (libxlsxwriter writes the first 1,023, Excel's limit); ",
            "the synthetic rows' own making, \(f(p.detail, "generator")), is taken off",
          ].joined())
      }
      if w.script == "grid", let p = w.planbookSerial {
        parts.append(
          [
            "PlanBook's layouts alone (SheetLayout.append, pageBreaks) \(f(p.detail, "layouts")); ",
            "the synthetic cells' own making, \(f(p.detail, "generator")), is taken off ",
            "PlanBook's times",
          ].joined())
      }
      if w.script == "books", let p = w.planbookSerial {
        parts.append(
          [
            "PlanBook's layouts alone (ResponsibilityBook.layout, Overview.layouts, pageBreaks) ",
            "\(f(p.detail, "layouts")), the 21 fingerprints \(f(p.detail, "fingerprints"))",
          ].joined())
      }
      out.append("\(w.title): " + parts.joined(separator: "; ") + ".")
    }
    if let s = status {
      out.append(
        [
          "(c): Evaluator.evaluate \(f(s.detail, "status")), Ranking.series \(f(s.detail, "rank")) ",
          "(each as-of day of a plan's months and quarters evaluated and scored once); ",
          "\(Int(s.detail["entries"] ?? 0)) progress rows in all.",
        ].joined())
    }
    for (n, t) in diffs {
      func count(_ k: String) -> Int { Int(t.detail[k] ?? 0) }
      out.append(
        [
          "(d) \(grouped(n)) tasks: decode both \(f(t.detail, "decode")), ",
          "PlanSide (fingerprints) \(f(t.detail, "fingerprints")), ",
          "Differ.diff \(f(t.detail, "diff")) of which resolving both ",
          "\(f(t.detail, "diff.resolve")); \(count("added")) added, \(count("changed")) changed, ",
          "\(count("removed")) removed, \(count("renumbered")) renumbered.",
        ].joined())
    }
    if let c = check {
      out.append(
        [
          "(e): PlanSnapshot.decode \(f(c.detail, "decode")), ",
          "Resolver.resolve \(f(c.detail, "resolve")), Checker.check \(f(c.detail, "check")); ",
          "\(Int(c.detail["diagnostics"] ?? 0)) diagnostics. Without a source document ",
          "(the transcription check is measured apart).",
        ].joined())
    }
    if !transcription.isEmpty {
      let parts = transcription.map { n, t in
        "\(grouped(n)) tasks " + String(format: "%.3f s", t.seconds)
      }
      var line =
        "(e) transcription check (each task's text looked up in the source document): "
        + parts.joined(separator: ", ")
      if let a = transcription.first, let b = transcription.last, a.1.seconds > 0, b.0 > a.0 {
        let k = log(b.1.seconds / a.1.seconds) / log(Double(b.0) / Double(a.0))
        let at100k = b.1.seconds * pow(100_000 / Double(b.0), k)
        line += String(
          format: " — grows with exponent %.2f; at 100,000 tasks about %.0f s", k, at100k)
        if at100k >= 3600 { line += String(format: " (%.1f h)", at100k / 3600) }
      }
      out.append(line + ".")
    }
    if let first = listFirst, !list.isEmpty {
      out.append(
        String(
          format: "(f): first run %.1f ms, fastest %.1f ms, slowest %.1f ms.", first * 1000,
          (list.first ?? 0) * 1000, (list.last ?? 0) * 1000))
    }
    for p in plans where !p.edits.isEmpty {
      out.append(
        "(h) \(p.name): after an edit "
          + String(
            format: "%.3f–%.3f s; unchanged (read from .planbook/cache) median %.3f s.",
            p.edits.first ?? 0, p.edits.last ?? 0, p.unchanged[p.unchanged.count / 2]))
    }
    return out
  }

  // MARK: - output

  static let writingHeader = [
    "workload", "writer", "seconds", "÷ C", "CPU s", "peak MiB", "other load", "goal", "",
  ]
  static let otherHeader = ["measure", "seconds", "CPU s", "peak MiB", "other load", "goal", ""]

  func text() -> String {
    var out = render(Report.writingHeader, writingRows(), markdown: false)
    out += "\n" + render(Report.otherHeader, otherRows(), markdown: false)
    out += "\n" + details().map { "- " + $0 }.joined(separator: "\n") + "\n"
    out += String(format: "\nWhole run: %.0f s.\n", elapsed)
    return out.replacingOccurrences(of: "**", with: "")
  }

  func markdown(machine: String, analysis: String, command: String) -> String {
    let cells = stamp.scriptCells.sorted { $0.key < $1.key }
      .map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")
    let checked = stamp.diagnostics.sorted { $0.key < $1.key }
      .map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    var out = """
      # PlanBook benchmark results

      Written by `\(command)` (`Benchmarks/Sources`, see `Benchmarks/README.md`); every number
      below comes from that run. *seconds*: wall time, the best of up to three runs (one when a
      run takes over 20 s); the writers of (a′), (a) and (b) take turns, one run each per round,
      the best of five. C times are the replay's time less its own reading of the script.
      *CPU s*: user + system time of that run, all threads. *peak MiB*: the process's peak
      resident memory (VmHWM; each measure runs in a process of its own). *other load*: cores
      busy with other work just before the measure started (the machine is shared; each measure
      waits up to 20 s for it to fall under 0.25). Load averages at the start and end of the run:
      `\(loadAverages.0.trimmingCharacters(in: .whitespacesAndNewlines))` →
      `\(loadAverages.1.trimmingCharacters(in: .whitespacesAndNewlines))`.

      ## Machine

      \(machine)
      ## Workload

      - Province: 21 city plans, each \(stamp.cityUnits) units, \(stamp.cityTasks) tasks, \
      \(stamp.cityTargets) targets, 12 monthly progress reports; \(stamp.books) \
      responsibility books and 21 overviews.
      - One plan of 100,000 tasks; versions of 1,000, 10,000 and 100,000 tasks with 5 % of \
      tasks changed (\(revisions)).
      - Cells replayed by the baselines: \(cells).
      - Generated plans checked: \(checked).

      ## Writing workbooks: PlanBook and the other writers on the same cells


      """
    out += render(Report.writingHeader, writingRows(), markdown: true)
    out += """

      The issue's figures for the same kind of cells (grid / 200,000-row sheet, C = 1.00):
      libxlsxwriter constant memory 0.97 / 0.74, rust_xlsxwriter 0.72 / 0.69,
      pyexcelerate 1.9 / 3.1, Python XlsxWriter 3.5 / 3.6, openpyxl 4.7 / 6.8.

      ## Engine


      """
    out += render(Report.otherHeader, otherRows(), markdown: true)
    out += "\n## Details\n\n" + details().map { "- " + $0 }.joined(separator: "\n") + "\n"
    out += String(format: "\nThe whole run took %.0f s.\n", elapsed)
    if !analysis.isEmpty { out += "\n" + analysis }
    return out
  }

  var revisions: String {
    stamp.revisions.sorted { Int($0.key) ?? 0 < Int($1.key) ?? 0 }.map { k, c in
      [
        "\(grouped(Int(k) ?? 0)): \(c.inserted) inserted, \(c.removed) removed, ",
        "\(c.edited) edited, \(c.deadlines) deadlines moved, ",
        "\(c.reassigned) leads reassigned, \(c.renamed) re-identified",
      ].joined()
    }.joined(separator: "; ")
  }

  func render(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
    if markdown {
      var out = "| " + header.joined(separator: " | ") + " |\n"
      out += "|" + header.map { _ in " --- |" }.joined() + "\n"
      for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
      return out
    }
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ r: [String]) -> String {
      r.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }
        .joined(separator: "  ").replacingOccurrences(
          of: "\\s+$", with: "", options: .regularExpression)
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
  }
}

/// 200000 → `200,000`.
func grouped(_ n: Int) -> String {
  let s = String(n)
  var out = ""
  for (i, c) in s.enumerated() {
    if i > 0, (s.count - i) % 3 == 0 { out += "," }
    out.append(c)
  }
  return out
}
