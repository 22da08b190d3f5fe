import Foundation
import TestSupport
import Testing

/// The new user's path: the tool installed into a prefix of its own, a plans repository made by
/// `planbook init`, plan files edited and picked up with nothing registered and nothing rebuilt.
@Suite struct InitCommandTests {
  /// `planbook` installed by `scripts/install` into a temporary prefix, run in a temporary
  /// folder with no `PLANBOOK_ROOT` and the repository's own plan cache.
  struct User {
    let home: TemporaryFolder
    var prefix: String { home.path + "/prefix" }
    var binary: String { prefix + "/bin/planbook" }

    init() throws {
      home = try TemporaryFolder()
      let install = try Binary.launch(
        ["--from", URL(fileURLWithPath: Binary.path).deletingLastPathComponent().path, prefix],
        executable: Binary.root.appendingPathComponent("scripts/install").path)
      #expect(install.status == 0, "\(install.stderr)")
    }

    /// Runs the installed `planbook` in `folder` (relative to the home folder, or absolute).
    func run(
      _ arguments: String..., in folder: String = "", binary: String? = nil
    ) throws
      -> Binary.Run
    {
      try Binary.launch(
        arguments, unsetting: ["PLANBOOK_ROOT", "PLANBOOK_CACHE", "PLANBOOK_LIBRARY"],
        executable: binary ?? self.binary,
        directory: URL(fileURLWithPath: folder.hasPrefix("/") ? folder : home.path + "/" + folder),
        timeout: 300)
    }

    func git(_ arguments: String..., in folder: String) throws -> Shell.Result {
      try Shell.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments,
        in: URL(fileURLWithPath: home.path + "/" + folder))
    }

    func edit(_ file: String, _ replace: String, with text: String) throws {
      let path = home.path + "/" + file
      let old = try String(contentsOfFile: path, encoding: .utf8)
      #expect(old.contains(replace), "\(file) has no \(replace)")
      try old.replacingOccurrences(of: replace, with: text).write(
        toFile: path, atomically: true, encoding: .utf8)
    }
  }

  @Test func versionNamesTheToolAndTheSchema() throws {
    let user = try User()
    defer { user.home.remove() }
    let version = try user.run("--version")
    #expect(version.status == 0)
    #expect(version.stdout == "planbook 0.17.0 (snapshot schema planbook.plan 1)\n")
  }

  @Test func aNewRepositoryIsCheckedExportedEditedAndCheckedAgain() throws {
    let user = try User()
    defer { user.home.remove() }
    let made = try user.run("init", "bureau")
    #expect(made.status == 0, "\(made.stderr)")
    let fm = FileManager.default
    for name in [
      "planbook.json", ".gitignore", "README.md", "plans/example_plan.swift", "plans/progress",
      "plans/snapshots", "seeds", "exports",
    ] {
      #expect(fm.fileExists(atPath: user.home.path + "/bureau/" + name), "\(name)")
    }
    // A second init of the same folder changes nothing.
    let again = try user.run("init", "bureau")
    #expect(again.status == 1)
    #expect(again.stderr.contains("already a plans repository"))
    #expect(try user.git("init", "-q", in: "bureau").status == 0)

    // Inside the repository (in a folder below its root too), its plans are the plans.
    let list = try user.run("list", in: "bureau/plans")
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("example-2026"))
    #expect(!list.stdout.contains("guangzhou"))
    let check = try user.run("check", "example-2026", in: "bureau")
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout == "example-2026: 0 errors, 0 warnings\n")
    let export = try user.run("export", "example-2026", in: "bureau")
    #expect(export.status == 0, "\(export.stderr)")
    #expect(fm.fileExists(atPath: user.home.path + "/bureau/exports/example-2026/00-总览.xlsx"))
    #expect(try user.run("snapshot", in: "bureau").status == 0)
    #expect(fm.fileExists(atPath: user.home.path + "/bureau/plans/snapshots/example-2026.json"))
    #expect(try user.git("add", "-A", in: "bureau").status == 0)
    #expect(try user.git("commit", "-qm", "plans", in: "bureau").status == 0)
    // The cache and the exports are not committed.
    let tracked = try user.git("ls-files", in: "bureau").stdout
    #expect(!tracked.contains(".planbook/"))
    #expect(!tracked.contains("00-总览.xlsx"))

    // An edit is picked up at once: a problem at its line of the plan file.
    try user.edit(
      "bureau/plans/example_plan.swift", "Item(2, id: \"report\", \"按月报送工作进展。\")",
      with: "Item(2, id: \"report\", \"按月报送工作进展。\") { Lead(\"nobody\") }")
    let broken = try user.run("check", "example-2026", in: "bureau")
    #expect(broken.status == 1)
    #expect(broken.stdout.contains("plans/example_plan.swift:20: error:"), "\(broken.stdout)")
    // A plan file that does not compile: the compiler's message at its file and line.
    try user.edit("bureau/plans/example_plan.swift", "{ Lead(\"nobody\") }", with: "{ Lead( }")
    let wrong = try user.run("check", "example-2026", in: "bureau")
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("plans/example_plan.swift:20:"), "\(wrong.stderr)")
    #expect(wrong.stderr.contains("the plan files do not compile"))
    // Fixed, with a tightened target: checks again, and differs from the committed version.
    try user.edit("bureau/plans/example_plan.swift", " { Lead( }", with: "")
    try user.edit("bureau/plans/example_plan.swift", ".atMost(30,", with: ".atMost(28,")
    let fixed = try user.run("check", "example-2026", in: "bureau")
    #expect(fixed.stdout == "example-2026: 0 errors, 0 warnings\n", "\(fixed.stderr)")
    let diff = try user.run("diff", "example-2026@HEAD", "example-2026", in: "bureau")
    #expect(diff.status == 1, "\(diff.stderr)")
    #expect(diff.stdout.contains("≤ 30 微克/立方米 → ≤ 28 微克/立方米"))

    // The month's report templates, and progress reports read from plans/progress/.
    let template = try user.run("template", "example-2026", "--period", "2026-03", in: "bureau")
    #expect(template.status == 0, "\(template.stderr)")
    let progress = user.home.path + "/bureau/plans/progress/example-2026"
    try fm.createDirectory(atPath: progress, withIntermediateDirectories: true)
    try """
    kind,id,value,unit,basis,state,percent,reporter,date,note
    target,pm25,26.5,微克/立方米,ytd,,,bureau-air,2026-03-31,
    task,dust,,,,推进中,30,bureau-air,2026-03-31,

    """.write(toFile: progress + "/2026-03.csv", atomically: true, encoding: .utf8)
    let status = try user.run("status", "example-2026", "--as-of", "2026-03-31", in: "bureau")
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("26.5 微克/立方米  达标"), "\(status.stdout)")

    // A new plan file is a new plan: no catalogue to edit.
    let second = try String(
      contentsOfFile: user.home.path + "/bureau/plans/example_plan.swift", encoding: .utf8
    )
    .replacingOccurrences(of: "let examplePlan", with: "let secondPlan")
    .replacingOccurrences(of: "\"example-2026\"", with: "\"second-2026\"")
    try second.write(
      toFile: user.home.path + "/bureau/plans/second.swift", atomically: true, encoding: .utf8)
    let both = try user.run("list", "--format", "json", in: "bureau")
    #expect(both.stdout.contains("\"second-2026\""), "\(both.stderr)")

    // Outside the repository: refused, with how to make one; --root names it from anywhere.
    let outside = try user.run("list")
    #expect(outside.status == 1)
    #expect(outside.stderr.contains("not in a plans repository"))
    #expect(outside.stderr.contains("planbook init DIR"))
    let rooted = try user.run("--root", "bureau", "check", "second-2026")
    #expect(rooted.status == 0, "\(rooted.stderr)")

    // The installed tool moved elsewhere still finds what it compiles the plans against.
    try fm.moveItem(atPath: user.prefix, toPath: user.home.path + "/moved")
    try user.edit("bureau/plans/second.swift", ".atMost(28,", with: ".atMost(27,")
    let moved = try user.run(
      "check", "second-2026", in: "bureau", binary: user.home.path + "/moved/bin/planbook")
    #expect(moved.stdout == "second-2026: 0 errors, 0 warnings\n", "\(moved.stderr)")
  }

  /// This repository is a plans repository too: the installed tool, run inside it, reads its
  /// plans (no list of them anywhere), and its committed snapshots are current.
  @Test func thisRepositoryIsAPlansRepository() throws {
    let user = try User()
    defer { user.home.remove() }
    let repository = Repository.root.path + "/plans"
    let list = try user.run("list", "--format", "json", in: repository)
    #expect(list.status == 0, "\(list.stderr)")
    for id in ["guangzhou-2020", "guangzhou-2020-r1", "panyu-2018"] {
      #expect(list.stdout.contains("\"\(id)\""))
    }
    let snapshots = try user.run("snapshot", "--check", in: repository)
    #expect(snapshots.status == 0, "\(snapshots.stdout)\(snapshots.stderr)")
    let check = try user.run("check", "panyu-2018", in: repository)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }
}
