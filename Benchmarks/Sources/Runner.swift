import Foundation

/// `planbook-bench run`: generates the work folder if needed, runs every measure in a process
/// of its own and the baselines on the same cells, prints the table and writes RESULTS.md.
struct Runner {
  struct Options {
    var work = "Benchmarks/work"
    var out: String?
    var cProgram: String?
    var planbook: String?
    var python: String?
    var pythonReplay = "Benchmarks/python/replay.py"
    var results: String?
    var machine: String?
    var analysis: String?
    var only: Set<String>?
    var quick = false
    var command = "scripts/bench"
  }

  let options: Options
  let work: Work
  let me: String
  var lines: [String] = []

  init(options: Options) throws {
    self.options = options
    work = Work(root: options.work, out: options.out)
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { throw BenchError("cannot find this program's path") }
    me = String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  func wanted(_ group: String) -> Bool { options.only?.contains(group) ?? true }

  func reps(_ n: Int) -> Int { options.quick ? 1 : n }

  // MARK: - running things

  struct Timing {
    var seconds: Double
    var peakMiB: Double
    /// CPU seconds (user + system) of the best run.
    var cpu: Double?
    /// Other work on the machine when the measure started, in cores.
    var load: Double?
    var detail: [String: Double] = [:]
    var notes: [String: String] = [:]
    var runs: [Double] = []

    /// The faster of two timings of the same thing, with the runs of both and the higher peak.
    static func best(_ a: Timing?, _ b: Timing?) -> Timing? {
      guard let a else { return b }
      guard let b else { return a }
      var best = b.seconds < a.seconds ? b : a
      best.runs = a.runs + b.runs
      best.peakMiB = max(a.peakMiB, b.peakMiB)
      best.load = max(a.load ?? 0, b.load ?? 0)
      return best
    }
  }

  /// A PlanBook measure in a process of its own.
  func planbook(_ name: String, reps: Int) throws -> Timing {
    let result = work.logs + "/\(name).json"
    let log = work.logs + "/\(name).log"
    let load = otherLoad()
    print("  measuring \(name) (\(reps)×)…", terminator: "")
    fflush(nil)
    let run = try Spawn.run(
      me,
      [
        "measure", name, "--work", work.root, "--out", work.out, "--reps", String(reps),
        "--result", result,
      ],
      stdoutPath: log, stderrPath: log + ".err")
    guard run.status == 0 else {
      let err = (try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? ""
      throw BenchError("measure \(name) failed (exit \(run.status)): \(err)")
    }
    let m = try JSONDecoder().decode(
      MeasureResult.self, from: Data(try Work.text(result).utf8))
    print(String(format: " %.3f s", m.best))
    let best = m.runs.indices.min { m.runs[$0] < m.runs[$1] }
    return Timing(
      seconds: m.best, peakMiB: m.detail["peakMiB.self"] ?? 0,
      cpu: best.flatMap { $0 < m.cpu.count ? m.cpu[$0] : nil }, load: load, detail: m.detail,
      notes: m.notes, runs: m.runs)
  }

  struct Replay: Decodable {
    var seconds: Double
    var workbooks: Int
    var cells: Int
    var version: String?
    var peak_kib: Int?
  }

  /// The C program replaying `script` (best of `reps`), its peak memory, and the replay's own
  /// parsing time (mode `parse`) taken off.
  func c(_ mode: String, _ script: String, reps: Int) throws -> Timing? {
    guard let program = options.cProgram else { return nil }
    let folder = work.out + "/c-\(mode)/\(script)"
    var best = Timing(seconds: .infinity, peakMiB: 0)
    best.load = otherLoad()
    print("  C \(mode) \(script) (\(reps)×)…", terminator: "")
    fflush(nil)
    for _ in 0..<reps {
      try Measures.fresh(folder)
      let run = try Spawn.run(
        program, [mode, work.script(script), folder], stderrPath: work.logs + "/c.err")
      guard run.status == 0 else { throw BenchError("the C baseline failed (\(mode) \(script))") }
      let r = try JSONDecoder().decode(Replay.self, from: Data(run.output.utf8))
      best.runs.append(r.seconds)
      if r.seconds < best.seconds {
        best.seconds = r.seconds
        best.cpu = run.cpuSeconds
        best.detail["workbooks"] = Double(r.workbooks)
        best.detail["cells"] = Double(r.cells)
      }
      best.peakMiB = max(best.peakMiB, Double(r.peak_kib ?? 0) / 1024)
    }
    print(String(format: " %.3f s", best.seconds))
    return best
  }

  /// The Python XlsxWriter replay, when Python has XlsxWriter.
  func python(_ script: String) throws -> (Timing, String)? {
    guard let python = options.python else { return nil }
    let folder = work.out + "/python/\(script)"
    try Measures.fresh(folder)
    let load = otherLoad()
    print("  Python XlsxWriter \(script)…", terminator: "")
    fflush(nil)
    let run = try Spawn.run(
      python, [options.pythonReplay, work.script(script), folder],
      stderrPath: work.logs + "/python.err")
    guard run.status == 0 else { throw BenchError("the Python baseline failed (\(script))") }
    let r = try JSONDecoder().decode(Replay.self, from: Data(run.output.utf8))
    print(String(format: " %.3f s", r.seconds))
    let timing = Timing(
      seconds: r.seconds, peakMiB: Double(r.peak_kib ?? 0) / 1024, cpu: run.cpuSeconds,
      load: load)
    return (timing, r.version ?? "")
  }

  /// Whether every file PlanBook wrote under `a` has a byte-identical twin under `b`.
  func identical(_ a: String, _ b: String) -> (same: Int, total: Int) {
    let fm = FileManager.default
    guard let files = fm.enumerator(atPath: a) else { return (0, 0) }
    var same = 0
    var total = 0
    for case let file as String in files where file.hasSuffix(".xlsx") {
      total += 1
      if let x = fm.contents(atPath: a + "/" + file), let y = fm.contents(atPath: b + "/" + file),
        x == y
      {
        same += 1
      }
    }
    return (same, total)
  }

  // MARK: - the run

  mutating func run() throws {
    let started = Date()
    let loadBefore = (try? Work.text("/proc/loadavg")) ?? ""
    if !work.isCurrent {
      print("Generating the work folder \(work.root) …")
      try work.generate()
    }
    let stamp = try work.readStamp()
    try FileManager.default.createDirectory(atPath: work.logs, withIntermediateDirectories: true)
    var report = Report(stamp: stamp)

    // (a′) and (a), (b): the writers side by side on the same cells.
    let writing: [(group: String, script: String, title: String)] = [
      ("grid", "grid", "(a′) reference grid: 200 books × 40 rows × 9 columns"),
      ("books", "books", "(a) the province's books: \(stamp.books) books + 21 overviews"),
      ("overview", "overview", "(b) one overview sheet of 200,000 rows"),
    ]
    for w in writing where wanted(w.group) {
      print("\(w.title)")
      var rows = Report.Writing(title: w.title, script: w.script)
      // The writers take turns, one run each per round, so a burst of the host's other work
      // falls on one run of each rather than on all runs of one writer.
      for _ in 0..<reps(5) {
        rows.c = Timing.best(rows.c, try c("normal", w.script, reps: 1))
        rows.cConstant = Timing.best(rows.cConstant, try c("constant", w.script, reps: 1))
        rows.cParse = Timing.best(rows.cParse, try c("parse", w.script, reps: 1))
        if w.group == "overview" {
          rows.planbook = Timing.best(rows.planbook, try planbook("overview", reps: 1))
        } else {
          rows.planbookSerial = Timing.best(
            rows.planbookSerial, try planbook(w.group + "-serial", reps: 1))
          rows.planbook = Timing.best(rows.planbook, try planbook(w.group, reps: 1))
        }
      }
      if let (t, version) = try python(w.script) {
        rows.python = t
        report.xlsxWriterVersion = version
      }
      if options.cProgram != nil {
        rows.identical = identical(
          work.out + "/planbook/\(w.group)", work.out + "/c-constant/\(w.script)")
      }
      report.writing.append(rows)
    }

    if wanted("status") {
      print("(c) status and rank")
      report.status = try planbook("status", reps: reps(3))
    }
    if wanted("diff") {
      print("(d) diff")
      for n in Work.diffSizes {
        report.diffs.append((n, try planbook("diff-\(n)", reps: reps(n >= 100_000 ? 1 : 3))))
      }
    }
    if wanted("check") {
      print("(e) check")
      report.check = try planbook("check", reps: reps(3))
      for n in [250, 500, 1000] {
        report.transcription.append((n, try planbook("transcription-\(n)", reps: 1)))
      }
    }
    if wanted("list"), let planbook = options.planbook {
      print("(f) cold start of planbook list")
      var times: [Double] = []
      report.listLoad = otherLoad()
      for _ in 0..<(options.quick ? 5 : 21) {
        let run = try Spawn.run(planbook, ["list"])
        guard run.status == 0 else { throw BenchError("planbook list failed") }
        times.append(run.seconds)
      }
      report.listFirst = times.first
      report.list = times.dropFirst().sorted()
    }
    if wanted("plans"), let planbook = options.planbook {
      print("(g) (h) plan files picked up: first check, check after an edit")
      report.plansLoad = otherLoad()
      report.plans = try PlanLoop.measure(
        planbook: planbook, repository: FileManager.default.currentDirectoryPath,
        edits: options.quick ? 2 : 5)
    }
    report.elapsed = Date().timeIntervalSince(started)
    report.loadAverages = (loadBefore, (try? Work.text("/proc/loadavg")) ?? "")

    let table = report.text()
    print("")
    print(table)
    if let results = options.results {
      let machine = options.machine.flatMap { try? Work.text($0) } ?? ""
      let analysis = options.analysis.flatMap { try? Work.text($0) } ?? ""
      try Work.write(
        report.markdown(machine: machine, analysis: analysis, command: options.command),
        to: results)
      print("Wrote \(results)")
    }
  }
}
