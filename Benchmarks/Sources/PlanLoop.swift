import Foundation

/// (g) and (h): plan files picked up when they change. `planbook` compiles a repository's
/// `plans/*.swift` on demand (with `swiftc`, against the PlanDSL library beside it) and caches
/// the result by the files' contents; so the first check of a repository and the first check
/// after an edit each pay one compilation, and an unchanged repository pays none.
enum PlanLoop {
  struct Result {
    /// The repository measured.
    var name: String
    /// The first `check` of the fresh repository (nothing cached).
    var first: Double
    /// `check` after editing one plan file, each time; sorted.
    var edits: [Double]
    /// `check` again with nothing changed (the cache read), each time; sorted.
    var unchanged: [Double]
  }

  /// Measures the example repository `planbook init` makes, and a repository holding this
  /// repository's plan files (`plans/*.swift`, `seeds/`) in the shape `init` makes.
  static func measure(planbook: String, repository: String, edits: Int) throws -> [Result] {
    let fm = FileManager.default
    let top = NSTemporaryDirectory() + "planbook-bench-plans-\(getpid())"
    try? fm.removeItem(atPath: top)
    defer { try? fm.removeItem(atPath: top) }

    let example = top + "/new"
    let made = try Spawn.run(planbook, ["init", example])
    guard made.status == 0 else { throw BenchError("planbook init failed") }
    var results = [
      try loop(
        "the example `planbook init` writes (1 plan file)", planbook: planbook, root: example,
        plan: "example-2026", file: example + "/plans/example_plan.swift", edits: edits)
    ]

    let copy = top + "/repository"
    try fm.createDirectory(atPath: copy + "/plans/progress", withIntermediateDirectories: true)
    try fm.copyItem(atPath: repository + "/planbook.json", toPath: copy + "/planbook.json")
    try fm.createSymbolicLink(atPath: copy + "/seeds", withDestinationPath: repository + "/seeds")
    var lines = 0
    for name in try fm.contentsOfDirectory(atPath: repository + "/plans").sorted()
    where name.hasSuffix(".swift") {
      try fm.copyItem(atPath: repository + "/plans/" + name, toPath: copy + "/plans/" + name)
      lines += try Work.text(copy + "/plans/" + name).split(separator: "\n").count
    }
    results.append(
      try loop(
        "this repository's plans (guangzhou-2020, its revision, panyu-2018; \(lines) lines)",
        planbook: planbook, root: copy, plan: "guangzhou-2020",
        file: copy + "/plans/guangzhou_2020.swift", edits: edits))
    return results
  }

  /// The first check of `root`, then `edits` times: one line appended to `file`, check.
  static func loop(
    _ name: String, planbook: String, root: String, plan: String, file: String, edits: Int
  ) throws -> Result {
    func check() throws -> Double {
      let run = try Spawn.run(planbook, ["--root", root, "check", plan])
      guard run.status == 0 else { throw BenchError("planbook check \(plan) failed in \(root)") }
      return run.seconds
    }
    let first = try check()
    var edited: [Double] = []
    var unchanged: [Double] = []
    for i in 0..<edits {
      let text = try Work.text(file)
      try Work.write(text + "// edit \(i)\n", to: file)
      edited.append(try check())
      unchanged.append(try check())
    }
    return Result(name: name, first: first, edits: edited.sorted(), unchanged: unchanged.sorted())
  }
}
