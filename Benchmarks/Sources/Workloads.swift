import Books
import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import Xlsx

/// The work folder (`Benchmarks/work/`, not committed): generated plans as snapshot JSON, the
/// cell scripts the baselines replay, and every measure's output.
struct Work {
  /// Bump when the generator changes: the work folder is then generated again.
  static let generatorVersion = 1
  static let diffSizes = [1_000, 10_000, 100_000]
  static let bigTasks = 100_000

  let root: String
  /// Where workbooks are written: by default a folder in memory (`/dev/shm`, tmpfs) when there
  /// is one, so the writers' own work is measured rather than the disk's.
  let out: String

  init(root: String, out: String? = nil) {
    self.root = root
    if let out {
      self.out = out
    } else {
      let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
      let shm = mounts.split(separator: "\n").contains { $0.hasPrefix("tmpfs /dev/shm tmpfs ") }
      self.out = shm ? "/dev/shm/planbook-bench" : root + "/out"
    }
  }

  var plans: String { root + "/plans" }
  var scripts: String { root + "/scripts" }
  var logs: String { root + "/logs" }
  var stamp: String { root + "/stamp.json" }

  func city(_ i: Int) -> String { plans + "/cities/\(Phrases.cities[i].id)-\(Generator.year).json" }
  var big: String { plans + "/gd-100k.json" }
  func diffOld(_ n: Int) -> String { n == Work.bigTasks ? big : plans + "/diff-\(n)-old.json" }
  func diffNew(_ n: Int) -> String { plans + "/diff-\(n)-new.json" }
  func script(_ name: String) -> String { scripts + "/\(name).txt" }

  static let cityCount = 21

  /// Whether the folder holds what this generator version makes.
  var isCurrent: Bool {
    guard let data = FileManager.default.contents(atPath: stamp),
      let s = try? JSONDecoder().decode(Stamp.self, from: data)
    else { return false }
    return s.version == Work.generatorVersion
  }

  struct Stamp: Codable {
    var version: Int
    var cityTasks: Int
    var cityUnits: Int
    var cityTargets: Int
    var books: Int
    var revisions: [String: SyntheticRevision.Counts]
    var scriptCells: [String: Int]
    var scriptBytes: [String: Int]
    var diagnostics: [String: String]
  }

  func readStamp() throws -> Stamp {
    guard let data = FileManager.default.contents(atPath: stamp) else {
      throw BenchError("no \(stamp): run `planbook-bench generate` first")
    }
    return try JSONDecoder().decode(Stamp.self, from: data)
  }

  // MARK: - loading

  static func load(_ path: String) throws -> WorkPlan {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchError("cannot read \(path)")
    }
    return try PlanSnapshot.decode(String(decoding: data, as: UTF8.self), path: path)
  }

  static func text(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchError("cannot read \(path)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  // MARK: - generating

  /// Generates every plan and cell script. Prints what it made.
  func generate() throws {
    let fm = FileManager.default
    for old in [plans, scripts, stamp] { try? fm.removeItem(atPath: old) }
    for dir in [plans + "/cities", scripts, logs] {
      try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    var diagnostics: [String: String] = [:]
    func summary(_ plan: WorkPlan) -> String {
      let d = Checker.check(Resolver.resolve(plan), source: .notChecked)
      let errors = d.filter { $0.severity == .error }
      let codes = Dictionary(grouping: d, by: \.code).map { "\($0.key) \($0.value.count)" }
        .sorted().joined(separator: ", ")
      if let e = errors.first { print("  first error: \(e)") }
      let detail = codes.isEmpty ? "" : " (\(codes))"
      return "\(errors.count) errors, \(d.count - errors.count) warnings\(detail)"
    }

    // The province.
    let (_, cityTime) = try timed {
      for i in 0..<Work.cityCount {
        let plan = Generator.city(i)
        try Work.write(try PlanSnapshot.encode(plan), to: city(i))
        if i == 0 { diagnostics["city"] = summary(plan) }
      }
    }
    print(String(format: "  21 city plans          %6.2f s", cityTime))

    // The 100,000-task plan, and the versions compared.
    var revisions: [String: SyntheticRevision.Counts] = [:]
    let (_, bigTime) = try timed {
      for n in Work.diffSizes {
        let old =
          n == Work.bigTasks
          ? Generator.big(tasks: n, seed: 0xB16, id: "gd-100k")
          : Generator.big(tasks: n, seed: 0xD1FF + UInt64(n), id: "gd-\(n)")
        let (new, counts) = SyntheticRevision.revise(old, share: 0.05, seed: 0x5EC + UInt64(n))
        revisions[String(n)] = counts
        try Work.write(try PlanSnapshot.encode(old), to: diffOld(n))
        try Work.write(try PlanSnapshot.encode(new), to: diffNew(n))
        if n == Work.bigTasks { diagnostics["big"] = summary(old) }
      }
    }
    print(String(format: "  plans of 1k/10k/100k tasks and their revisions %6.2f s", bigTime))

    // The cell scripts: what PlanBook writes, for the baselines to replay.
    var cells: [String: Int] = [:]
    var bytes: [String: Int] = [:]
    var books = 0
    let (_, scriptTime) = try timed {
      let grid = try CellScript(path: script("grid"))
      for n in 0..<Sheets.gridBooks {
        grid.workbook(
          "\(n + 1).xlsx", properties: Sheets.properties(title: "责任书\(n + 1)"),
          sheets: [Sheets.grid(n)])
      }
      try grid.close()
      cells["grid"] = grid.cells

      let province = try CellScript(path: script("books"))
      for i in 0..<Work.cityCount {
        let resolved = Resolver.resolve(try Work.load(city(i)))
        books += try Province.script(resolved, into: province)
      }
      try province.close()
      cells["books"] = province.cells

      let overview = try CellScript(path: script("overview"))
      overview.workbook(
        "00-总览.xlsx", properties: Sheets.properties(title: "任务分工表"),
        sheets: [Sheets.overview()])
      try overview.close()
      cells["overview"] = overview.cells
    }
    for name in ["grid", "books", "overview"] {
      let attributes = try? fm.attributesOfItem(atPath: script(name))
      bytes[name] = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }
    print(String(format: "  cell scripts           %6.2f s", scriptTime))

    let sample = Generator.city(0)
    let stamp = Stamp(
      version: Work.generatorVersion, cityTasks: sample.allTasks.count,
      cityUnits: sample.units.count, cityTargets: sample.targets.count, books: books,
      revisions: revisions, scriptCells: cells, scriptBytes: bytes, diagnostics: diagnostics)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try Work.write(String(decoding: try encoder.encode(stamp), as: UTF8.self), to: self.stamp)
    print("  books in the province: \(books) (+ \(Work.cityCount) overviews)")
    for (k, v) in diagnostics.sorted(by: { $0.key < $1.key }) { print("  check \(k): \(v)") }
  }
}

/// The province's books, as `BookExport` writes them.
enum Province {
  /// Adds the books and the overview of `resolved` to `script`, with the document properties
  /// `BookExport` gives them. Returns the number of unit books.
  static func script(_ resolved: ResolvedPlan, into script: CellScript) throws -> Int {
    let plan = resolved.plan
    let fingerprint = try plan.fingerprint()
    let books = BookExport.books(resolved)
    let files = BookExport.fileNames(resolved)
    let folder = plan.id
    for book in books {
      let (sheets, properties) = BookExport.content(
        book, of: resolved, fingerprint: fingerprint, files: files)
      script.workbook("\(folder)/\(book.fileName)", properties: properties, sheets: sheets)
    }
    return books.count - 1
  }
}
