import ArgumentParser
import Foundation
import SafeFiles

/// `planbook init DIR`: a new plans repository, ready for `planbook check`.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Make a plans repository: plans/ with an example plan, seeds/, exports/, a README.",
    discussion: """
      Writes planbook.json (which marks the repository's root), plans/example_plan.swift, \
      plans/progress/, plans/snapshots/, seeds/, exports/, .gitignore and README.md into DIR \
      (made when missing). Refuses a folder that already holds planbook.json or plans/. \
      Every planbook command run inside DIR then uses its plans and data.
      """)

  @Argument(help: "The folder of the new repository (default: the current folder).")
  var dir: String = "."

  func run() throws {
    let root = URL(
      fileURLWithPath: dir,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ).standardizedFileURL.path
    let fm = FileManager.default
    for existing in [Workspace.marker, "plans"] where fm.fileExists(atPath: root + "/" + existing) {
      printError(
        "init: \(root)/\(existing) exists: \(root) is already a plans repository (or holds one); "
          + "nothing written")
      throw ExitCode(1)
    }
    let files: [(String, String)] = [
      (Workspace.marker, InitTemplates.config),
      (".gitignore", InitTemplates.gitignore),
      ("README.md", InitTemplates.readme),
      ("plans/example_plan.swift", InitTemplates.examplePlan),
      ("plans/progress/.gitkeep", ""),
      ("plans/snapshots/.gitkeep", ""),
      ("seeds/.gitkeep", ""),
      ("exports/.gitkeep", ""),
    ]
    for (name, text) in files {
      let path = root + "/" + name
      do {
        try fm.createDirectory(
          atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      } catch {
        throw CLIError.write(path, error.localizedDescription)
      }
      try writeAtomically(text, to: path)
    }
    print(
      """
      made a plans repository in \(root):
        planbook.json  README.md  .gitignore  plans/example_plan.swift  plans/progress/  \
      plans/snapshots/  seeds/  exports/
      next:
        cd \(root) && git init
        planbook check example-2026      # edit plans/example_plan.swift, check again
        planbook snapshot                # commit plans/ with plans/snapshots/
        planbook export example-2026     # the books, into exports/example-2026/
      """)
  }
}

/// The files `planbook init` writes.
enum InitTemplates {
  static let config = """
    {
      "repository": "planbook plans",
      "schemaVersion": 1
    }

    """

  static let gitignore = """
    # planbook's cache of compiled plans (.planbook/cache), made again when needed.
    /.planbook/
    # Exported books: made from the plans, mailed, not committed.
    /exports/*
    !/exports/.gitkeep
    # Left only by a run that was killed; the next run removes them.
    .*.planbook-lock
    .*.planbook-tmp-*
    .*.planbook-backup-*
    .planbook-journal

    """

  static let readme = """
    # Plans

    The bureau's work plans, written as Swift code in PlanBook's plan language, reviewed in
    git like any code. `planbook` (installed once, with PlanBook's `scripts/install`) reads
    every `plans/*.swift` itself: there is nothing to register and nothing to rebuild.

    | folder | what |
    | --- | --- |
    | `plans/` | one plan per file (`let name = Plan("plan-id", …) { … }`); `plans/snapshots/` their canonical JSON, committed with them; `plans/progress/<plan-id>/` the progress reports |
    | `seeds/` | the published plan documents the plans are transcribed from |
    | `exports/` | books and templates written by `planbook` (not committed) |

    Everyday commands, run anywhere inside this folder:

    ```sh
    planbook list                                   # the plans
    planbook check example-2026                     # every problem, as file:line
    planbook show example-2026 --unit 办公室         # one unit's tasks
    planbook export example-2026                    # the responsibility books, into exports/
    planbook snapshot                               # after a change: commit plans/ and plans/snapshots/ together
    planbook template example-2026 --period 2026-03 # the month's progress report workbooks
    planbook collect example-2026 returned/*.xlsx   # filled workbooks into plans/progress/
    planbook status example-2026 --as-of 2026-03-31
    planbook diff example-2026@HEAD~1 example-2026  # what changed since the last commit
    ```

    `planbook.json` marks this folder as a plans repository; from elsewhere use
    `planbook --root PATH …`. The first command after a plan file changes compiles the plans
    (a few seconds); later ones read `.planbook/cache`.

    """

  static let examplePlan = """
    import PlanDSL

    // An example plan: rename it, or delete it once the bureau's own plan is written.
    // A plan is a top-level `let name = Plan(…)`; planbook finds every one in plans/*.swift.

    let examplePlan = Plan(
      "example-2026", title: "2026年工作计划（示例）", issuer: "bureau", period: .year(2026)
    ) {
      Organisation {
        Unit("bureau", "示例市生态环境局", short: "市生态环境局", kind: .department) {
          Unit("bureau-office", "示例市生态环境局办公室", short: "办公室", kind: .division)
          Unit("bureau-air", "示例市生态环境局大气环境管理处", short: "大气处", kind: .division)
        }
      }
      Targets {
        Target("pm25", "PM2.5年均浓度", .atMost(30, "微克/立方米"))
      }
      Chapter(1, id: "air", "持续改善空气质量") {
        Item(1, id: "dust", "加强扬尘污染治理。")
        Item(2, id: "report", "按月报送工作进展。")
      }
      Responsibilities {
        Rule(.all, due: .endOfYear(2026))
        Rule(.chapter("air"), lead: ["bureau-air"])
        Rule(.keyword("报送"), lead: ["bureau-office"])
        Rule(.target("pm25"), lead: ["bureau-air"])
      }
    }

    """
}
