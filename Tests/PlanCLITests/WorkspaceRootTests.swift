import Foundation
import TestSupport
import Testing

/// A copy of the binary away from its repository must say where it looks, not evaluate nothing.
@Suite struct WorkspaceRootTests {
  /// `planbook` installed by `scripts/install` into a folder of its own (as a user installs
  /// it, away from its repository), and a folder to run it in that is not a workspace.
  struct Installed {
    let folder: TemporaryFolder
    var binary: String { folder.path + "/bin/planbook" }
    var elsewhere: URL { folder.url.appendingPathComponent("elsewhere") }

    init() throws {
      folder = try TemporaryFolder()
      try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
      let install = try Binary.launch(
        [
          "--from", URL(fileURLWithPath: Binary.path).deletingLastPathComponent().path, folder.path,
        ],
        executable: Binary.root.appendingPathComponent("scripts/install").path)
      #expect(install.status == 0, "\(install.stderr)")
    }

    func run(_ arguments: String..., root: String?) throws -> Binary.Run {
      try Binary.launch(
        arguments, environment: root.map { ["PLANBOOK_ROOT": $0] } ?? [:],
        unsetting: root == nil ? ["PLANBOOK_ROOT"] : [], executable: binary, directory: elsewhere)
    }
  }

  @Test func withoutAWorkspaceStatusAndRankRefuseAndSayHowToSetIt() throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let cwd = installed.elsewhere.path
    let status = try installed.run("status", "guangzhou-2020", "--as-of", "2020-09-30", root: nil)
    #expect(status.status == 1)
    #expect(status.stdout == "")
    let refusal = """
      not in a plans repository: neither \(cwd) nor a folder above it holds planbook.json; make \
      one with `planbook init DIR` and run planbook inside it, or give --root DIR (or set \
      PLANBOOK_ROOT) for an existing one

      """
    #expect(status.stderr == refusal)
    let rank = try installed.run("rank", "guangzhou-2020", "--period", "2020Q3", root: nil)
    #expect(rank.status == 1)
    #expect(rank.stdout == "")
    #expect(rank.stderr == refusal)
    // Without a repository there are no plans to check either.
    let check = try installed.run("check", "guangzhou-2020", root: nil)
    #expect(check.status == 1)
    #expect(check.stderr == refusal)
  }

  /// `.build/debug/planbook` run from a folder outside any repository uses the repository it
  /// was built in (`Workspace.buildRepository`, found from its own source file's path).
  @Test func theBuiltBinaryOutsideARepositoryUsesTheOneItWasBuiltIn() throws {
    let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planbook-elsewhere-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let run = try Binary.launch(
      ["list"], unsetting: ["PLANBOOK_ROOT"], executable: Binary.path, directory: elsewhere)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("guangzhou-2020 "))
  }

  @Test func anEmptyRootIsNotAWorkspace() throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let empty = try TemporaryFolder()
    defer { empty.remove() }
    let status = try installed.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", root: empty.path)
    #expect(status.status == 1)
    #expect(
      status.stderr == """
        PLANBOOK_ROOT=\(empty.path) is not a plans repository (\(empty.path)/plans does not \
        exist); make one with `planbook init \(empty.path)`, or set PLANBOOK_ROOT (--root) to \
        the repository that holds plans/ and seeds/

        """)
    let rank = try installed.run("rank", "guangzhou-2020", "--period", "2020Q3", root: empty.path)
    #expect(rank.status == 1)
    #expect(rank.stderr.hasPrefix("PLANBOOK_ROOT=\(empty.path) is not a plans repository"))
    let collect = try installed.run("collect", "guangzhou-2020", "x.xlsx", root: empty.path)
    #expect(collect.status == 1)
    #expect(collect.stderr.hasPrefix("PLANBOOK_ROOT=\(empty.path) is not a plans repository"))
  }

  @Test func aWorkspaceWithoutTheProgressFolderOrSeeds() throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.path + "/plans/progress/guangzhou-2020"
    let status = try installed.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", root: root.path)
    #expect(status.status == 1)
    #expect(
      status.stderr == """
        \(folder) does not exist (the progress reports of guangzhou-2020; the workspace is \
        \(root.path), from PLANBOOK_ROOT); set PLANBOOK_ROOT to the repository that holds it, or \
        collect the first reports (`planbook collect`), which creates it
        guangzhou-2020: no progress reports read; nothing evaluated

        """)
    let rank = try installed.run("rank", "guangzhou-2020", "--period", "2020Q3", root: root.path)
    #expect(rank.status == 1)
    #expect(rank.stderr.hasPrefix("\(folder) does not exist"))

    // An empty folder: status evaluates with a warning, rank refuses to rank nothing.
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let empty = try installed.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", root: root.path)
    #expect(empty.status == 0, "\(empty.stderr)")
    #expect(
      empty.stderr == """
        warning: \(folder): no progress report for 2020-09 (the month of --as-of 2020-09-30); \
        every target is 无数据 and every task 未开始 or 逾期

        """)
    let none = try installed.run("rank", "guangzhou-2020", "--period", "2020Q3", root: root.path)
    #expect(none.status == 1)
    #expect(none.stdout == "")
    #expect(
      none.stderr == """
        \(folder): no progress reports for 2020Q3 (2020-07-01…2020-09-30); it has none
        guangzhou-2020: a ranking needs the period's reports; nothing ranked

        """)

    // Without seeds/ the plan's transcription cannot be checked: an error naming the path.
    try FileManager.default.removeItem(atPath: root.path + "/seeds")
    let seeds = try installed.run("check", "guangzhou-2020", root: root.path)
    #expect(seeds.status == 1)
    #expect(
      seeds.stdout.contains(
        "cannot be read: \(root.path)/seeds/003_e4c9d4035ce7ad05.txt does not exist (the plan's "
          + "source documents; the workspace is \(root.path), from PLANBOOK_ROOT); set "
          + "PLANBOOK_ROOT to the repository that holds it"))
  }

  @Test func withTheRealRootTheCopyReadsTheReports() throws {
    let installed = try Installed()
    defer { installed.folder.remove() }
    let repo = Repository.root.path
    let status = try installed.run("status", "guangzhou-2020", "--as-of", "2020-09-30", root: repo)
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stderr == "")
    #expect(status.stdout.contains("pm25"))
    #expect(status.stdout.contains("达标"))
    let rank = try installed.run("rank", "guangzhou-2020", "--period", "2020Q3", root: repo)
    #expect(rank.status == 0, "\(rank.stderr)")
    #expect(rank.stdout.contains("优秀"))
    // A quarter with no reports is not ranked; a day without its month's report is a warning.
    let q4 = try installed.run("rank", "guangzhou-2020", "--period", "2020Q4", root: repo)
    #expect(q4.status == 1)
    #expect(q4.stderr.contains("no progress reports for 2020Q4"))
    #expect(q4.stderr.contains("it has 2020-06, 2020-07, 2020-08, 2020-09"))
    let december = try installed.run(
      "status", "guangzhou-2020", "--as-of", "2020-12-31", root: repo)
    #expect(december.status == 0)
    #expect(december.stderr.contains("warning: "))
    #expect(december.stderr.contains("no progress report for 2020-12"))
    #expect(december.stderr.contains("the latest is 2020-09"))
  }
}
