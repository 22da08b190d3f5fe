import Books
import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import Review
import Sheets
import Tracking
import Xlsx

/// What one measure reports: the time of each repetition (seconds) and details (named
/// seconds or counts).
struct MeasureResult: Codable {
  var name: String
  var runs: [Double] = []
  /// CPU seconds (user + system, all threads) of each repetition.
  var cpu: [Double] = []
  var detail: [String: Double] = [:]
  var notes: [String: String] = [:]

  var best: Double { runs.min() ?? .nan }

  /// Whether to stop repeating: enough runs, or 20 s spent already.
  func done(_ reps: Int) -> Bool { runs.count >= reps || runs.reduce(0, +) > 20 }

  mutating func add(_ wall: Double, cpu: Double) {
    runs.append(wall)
    self.cpu.append(cpu)
  }
}

/// The measures, each run in a process of its own by `planbook-bench measure NAME`. Inputs are
/// read and prepared before the clock starts; only PlanBook's own work is timed.
enum Measures {
  static let names = [
    "grid", "grid-serial", "books", "books-serial", "overview", "status", "diff-1000",
    "diff-10000", "diff-100000", "check", "transcription-250", "transcription-500",
    "transcription-1000",
  ]

  static func run(_ name: String, work: Work, reps: Int) throws -> MeasureResult {
    var result = MeasureResult(name: name)
    switch name {
    case "grid", "grid-serial": try grid(work, reps, parallel: name == "grid", &result)
    case "books", "books-serial": try books(work, reps, parallel: name == "books", &result)
    case "overview": try overview(work, reps, &result)
    case "status": try status(work, reps, &result)
    case "check": try check(work, reps, &result)
    default:
      if name.hasPrefix("diff-"), let n = Int(name.dropFirst(5)) {
        try diff(work, n, reps, &result)
      } else if name.hasPrefix("transcription-"), let n = Int(name.dropFirst(14)) {
        try transcription(n, &result)
      } else {
        throw BenchError("unknown measure \(name); known: \(names.joined(separator: ", "))")
      }
    }
    result.detail["peakMiB.self"] = Double(peakResidentBytes()) / 1_048_576
    return result
  }

  static func fresh(_ folder: String) throws {
    try? FileManager.default.removeItem(atPath: folder)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  // MARK: - (a′) the issue's reference grid: 200 books × 40 rows × 9 columns

  static func grid(_ work: Work, _ reps: Int, parallel: Bool, _ r: inout MeasureResult) throws {
    let folder = work.out + "/planbook/grid" + (parallel ? "" : "-serial")
    // The generator's own cost (random picks, strings), taken off the total.
    let (_, generating) = timed {
      for n in 0..<Sheets.gridBooks { _ = Sheets.gridCells(n) }
    }
    r.detail["generator"] = generating
    while !r.done(reps) {
      try fresh(folder)
      let errors = Errors()
      let write: @Sendable (Int) -> Void = { n in
        do {
          try Workbook.write(
            to: folder + "/\(n + 1).xlsx", properties: Sheets.properties(title: "责任书\(n + 1)"),
            mode: .constantMemory
          ) { workbook in
            try SheetWriter.write(Sheets.grid(n), into: workbook)
          }
        } catch {
          errors.add("\(n + 1).xlsx: \(error)")
        }
      }
      let (_, t, c) = measured {
        if parallel {
          DispatchQueue.concurrentPerform(iterations: Sheets.gridBooks, execute: write)
        } else {
          for n in 0..<Sheets.gridBooks { write(n) }
        }
      }
      if let e = errors.first { throw BenchError(e) }
      r.add(max(0, t - (parallel ? generating / 2 : generating)), cpu: max(0, c - generating))
    }
    r.detail["workbooks"] = Double(Sheets.gridBooks)
    if !parallel {
      let (_, tLayout) = timed {
        for n in 0..<Sheets.gridBooks { _ = Sheets.grid(n).pageBreaks() }
      }
      r.detail["layouts"] = max(0, tLayout - generating)
    }
  }

  // MARK: - (a) every responsibility book of the province

  static func books(_ work: Work, _ reps: Int, parallel: Bool, _ r: inout MeasureResult) throws {
    let folder = work.out + "/planbook/books" + (parallel ? "" : "-serial")
    let plans = try (0..<Work.cityCount).map { Resolver.resolve(try Work.load(work.city($0))) }
    var written = 0
    while !r.done(reps) {
      try fresh(folder)
      let (files, t, c) = try measured {
        try plans.map {
          try BookExport.export($0, to: folder + "/" + $0.plan.id, parallel: parallel).count
        }
      }
      written = files.reduce(0, +)
      r.add(t, cpu: c)
    }
    r.detail["workbooks"] = Double(written)
    if !parallel {
      // Where PlanBook's own time goes, apart from libxlsxwriter's: the plans' fingerprints,
      // and the layouts (text measured for row heights, page breaks) of every book.
      let (fingerprints, tFingerprint) = try timed { try plans.map { try $0.plan.fingerprint() } }
      let (_, tLayout) = timed {
        for (resolved, fingerprint) in zip(plans, fingerprints) {
          let books = BookExport.books(resolved)
          let files = Dictionary(
            books.compactMap { b in b.unit.map { ($0.id, b.fileName) } },
            uniquingKeysWith: { a, _ in a })
          for book in books {
            let sheets =
              book.unit.map {
                [ResponsibilityBook.layout(unit: $0, in: resolved, fingerprint: fingerprint)]
              } ?? Overview.layouts(resolved, files: files, fingerprint: fingerprint)
            for sheet in sheets { _ = sheet.pageBreaks() }
          }
        }
      }
      r.detail["fingerprints"] = tFingerprint
      r.detail["layouts"] = tLayout
    }
  }

  // MARK: - (b) one overview sheet of 200,000 rows

  static func overview(_ work: Work, _ reps: Int, _ r: inout MeasureResult) throws {
    let folder = work.out + "/planbook/overview"
    let (_, generating) = timed { _ = Sheets.overviewCells(rows: Sheets.overviewRows) }
    r.detail["generator"] = generating
    while !r.done(reps) {
      try fresh(folder)
      // Streamed as `BookExport` writes an overview: each row measured and written at once in
      // constant memory, only its height kept for the page breaks.
      var breaks = 0
      var rows = 0
      let (_, t, c) = try measured {
        try Workbook.write(
          to: folder + "/00-总览.xlsx", properties: Sheets.properties(title: "任务分工表"),
          mode: .constantMemory
        ) { workbook in
          try SheetWriter.stream(Sheets.overviewFrame(), into: workbook) { stream in
            var sheet = stream
            try Sheets.overview(into: &sheet)
            breaks = stream.pageBreaks().count
            rows = stream.nextRow
          }
        }
      }
      r.detail["breaks"] = Double(breaks)
      r.detail["rows"] = Double(rows)
      r.add(t - generating, cpu: c - generating)
    }
    // The layout's share: the same rows measured and dropped, nothing written.
    let (_, tLayout) = timed {
      var dropped = Sheets.DroppedRows()
      Sheets.overview(into: &dropped)
    }
    r.detail["layout"] = max(0, tLayout - generating)
  }

  // MARK: - (c) status and rank over all plans and periods

  static func status(_ work: Work, _ reps: Int, _ r: inout MeasureResult) throws {
    let plans = try (0..<Work.cityCount).map { i -> (ResolvedPlan, [ProgressReport]) in
      let resolved = Resolver.resolve(try Work.load(work.city(i)))
      return (resolved, SyntheticProgress.reports(resolved, seed: 0xC0DE + UInt64(i)))
    }
    r.detail["entries"] = Double(plans.reduce(0) { $0 + $1.1.reduce(0) { $0 + $1.entries.count } })
    while !r.done(reps) {
      let cpu = cpuTime()
      var evaluations = 0
      var rankings = 0
      var checksum = 0.0
      var statusTime = 0.0
      var rankTime = 0.0
      for (resolved, reports) in plans {
        let year = resolved.plan.period.start.year
        var periods: [ReportingPeriod] = []
        for month in 1...12 {
          let filed = Array(reports.prefix(month))
          let (status, ts) = timed {
            Evaluator.evaluate(resolved, reports: filed, asOf: Day.endOf(month: month, year: year))
          }
          statusTime += ts
          evaluations += 1
          checksum += status.total.completion
          periods.append(.month(year: year, month: month))
          if month % 3 == 0 { periods.append(.quarter(year: year, quarter: month / 3)) }
        }
        // Every month and quarter ranked as one series (each as-of day evaluated once). A
        // synthetic report holds rows of its own month only, so ranking a period from the
        // year's reports gives what ranking it from the reports filed by its end gives.
        let (series, tr) = timed {
          Ranking.series(resolved, reports: reports, periods: periods)
        }
        rankTime += tr
        for ranking in series {
          rankings += 1
          checksum += ranking.entries.first?.score.score ?? 0
        }
      }
      r.add(statusTime + rankTime, cpu: cpuTime() - cpu)
      r.detail["status"] = min(r.detail["status"] ?? .infinity, statusTime)
      r.detail["rank"] = min(r.detail["rank"] ?? .infinity, rankTime)
      r.detail["evaluations"] = Double(evaluations)
      r.detail["rankings"] = Double(rankings)
      r.notes["checksum"] = String(format: "%.4f", checksum)
    }
  }

  // MARK: - (d) diff of two versions

  static func diff(_ work: Work, _ n: Int, _ reps: Int, _ r: inout MeasureResult) throws {
    let oldText = try Work.text(work.diffOld(n))
    let newText = try Work.text(work.diffNew(n))
    while !r.done(reps) {
      let cpu = cpuTime()
      let ((old, new), tDecode) = try timed {
        (
          try PlanSnapshot.decode(oldText, path: work.diffOld(n)),
          try PlanSnapshot.decode(newText, path: work.diffNew(n))
        )
      }
      let ((a, b), tSides) = try timed {
        (try PlanSide(plan: old, source: "old"), try PlanSide(plan: new, source: "new"))
      }
      let (d, tDiff) = timed { Differ.diff(a, b) }
      r.add(tDecode + tSides + tDiff, cpu: cpuTime() - cpu)
      r.detail["decode"] = min(r.detail["decode"] ?? .infinity, tDecode)
      r.detail["fingerprints"] = min(r.detail["fingerprints"] ?? .infinity, tSides)
      r.detail["diff"] = min(r.detail["diff"] ?? .infinity, tDiff)
      r.detail["added"] = Double(d.added)
      r.detail["removed"] = Double(d.removed)
      r.detail["changed"] = Double(d.changed)
      r.detail["renumbered"] = Double(d.renumbered)
      if r.runs.count == 1 {
        // Where the diff's time goes: resolving both sides, and the rest (matching, comparing).
        let (_, tResolve) = timed {
          _ = Resolver.resolve(old)
          _ = Resolver.resolve(new)
        }
        r.detail["diff.resolve"] = tResolve
      }
    }
  }

  // MARK: - (e) check of the 100,000-task plan

  static func check(_ work: Work, _ reps: Int, _ r: inout MeasureResult) throws {
    let text = try Work.text(work.big)
    while !r.done(reps) {
      let cpu = cpuTime()
      let (plan, tDecode) = try timed { try PlanSnapshot.decode(text, path: work.big) }
      let (resolved, tResolve) = timed { Resolver.resolve(plan) }
      let (diagnostics, tCheck) = timed { Checker.check(resolved, source: .notChecked) }
      r.add(tDecode + tResolve + tCheck, cpu: cpuTime() - cpu)
      r.detail["decode"] = min(r.detail["decode"] ?? .infinity, tDecode)
      r.detail["resolve"] = min(r.detail["resolve"] ?? .infinity, tResolve)
      r.detail["check"] = min(r.detail["check"] ?? .infinity, tCheck)
      r.detail["diagnostics"] = Double(diagnostics.count)
      r.detail["tasks"] = Double(resolved.tasks.count)
    }
  }

  /// The transcription check (each task's text looked up in the source document) of a plan of
  /// `n` tasks whose document holds exactly its texts: check with the document less check
  /// without it.
  static func transcription(_ n: Int, _ r: inout MeasureResult) throws {
    let plan = Generator.big(tasks: n, seed: 0x7E47, id: "gd-\(n)")
    var document = plan.title + "\n"
    for c in plan.chapters {
      document += "\(c.number)、\(c.title)\n"
      for t in c.tasks { document += "\(t.number).\(t.text)\n" }
    }
    let resolved = Resolver.resolve(plan)
    let (_, without) = timed { Checker.check(resolved, source: .notChecked) }
    let (found, with, cpu) = measured { Checker.check(resolved, source: .text(document)) }
    r.add(max(0, with - without), cpu: max(0, cpu - without))
    r.detail["documentCharacters"] = Double(document.count)
    r.detail["textNotInSource"] = Double(found.filter { $0.code == .textNotInSource }.count)
  }
}

/// Error messages from parallel writers.
final class Errors: @unchecked Sendable {
  private var messages: [String] = []
  private let lock = NSLock()

  func add(_ message: String) {
    lock.lock()
    defer { lock.unlock() }
    messages.append(message)
  }

  var first: String? {
    lock.lock()
    defer { lock.unlock() }
    return messages.first
  }
}
