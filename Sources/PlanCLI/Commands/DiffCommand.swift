import ArgumentParser
import Books
import Foundation
import Review

/// `--format` of `planbook diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
  case text, markdown, json, xlsx
}

/// `--color` of `planbook diff`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

/// `planbook diff OLD [NEW]`: what changed between two versions of a plan.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two versions of a plan, as reviewers read a revision (修订对照表).",
    discussion: """
      OLD and NEW are each a plan id (today's code), a snapshot file, or PLAN@REV — the plan's \
      committed snapshot at a git revision (read with git show; old code is never rebuilt). \
      `planbook diff PLAN` compares PLAN@HEAD with today's PLAN: what a change to the plan's \
      file does. Tasks and targets are matched by id, or by the similarity of their text when \
      the id changed. High-risk changes (loosened targets, removed tasks or targets, reassigned \
      leads, deadline slips) come first.

      Exit codes, like diff(1): 0 no changes, 1 changes, 2 trouble (a side cannot be read). \
      With --require-reasons: 0 when every high-risk change carries a revision reason, 1 when \
      one does not.
      """)

  @Argument(help: "The old version (PLAN, FILE.json or PLAN@REV).") var old: String
  @Argument(help: "The new version; omitted: OLD@HEAD against today's OLD.") var new: String?
  @Option(help: "Output format: text, markdown, json or xlsx.") var format: DiffFormat = .text
  @Option(help: "Write the output to this file (any format; required for xlsx).")
  var out: String?
  @Option(help: "Colour in text output: auto (on a terminal), always or never.")
  var color: ColorChoice = .auto
  @Flag(help: "Exit 1 when a high-risk change has no revision reason (修订理由).")
  var requireReasons = false
  @Flag(help: "Compare two different plans (neither a revision of the other) anyway.")
  var allowUnrelated = false

  func run() throws {
    let workspace = Workspace()
    let diff: PlanDiff
    do {
      let (a, b) = new.map { (old, $0) } ?? ("\(old)@HEAD", old)
      let sides = (try PlanSource.load(a, in: workspace), try PlanSource.load(b, in: workspace))
      if !DiffChecks.related(sides.0.plan, sides.1.plan) {
        guard allowUnrelated else {
          printError("diff: \(DiffChecks.unrelated(sides.0, sides.1))")
          throw ExitCode(2)
        }
        printError("diff: warning: \(DiffChecks.unrelated(sides.0, sides.1))")
      }
      let checked = try [(sides.0, a), (sides.1, b)].map { side, argument in
        let checked = try DiffChecks.checked(side, argument: argument, in: workspace)
        if let warning = checked.warning { printError("diff: \(DiffText.shown(warning))") }
        return checked.resolved
      }
      diff = Differ.diff(sides.0, sides.1, resolved: (checked[0], checked[1]))
    } catch let exit as ExitCode {
      throw exit
    } catch {
      printError("diff: \(error)")
      throw ExitCode(2)
    }
    do {
      switch format {
      case .text:
        let colored =
          out == nil && (color == .always || (color == .auto && isatty(STDOUT_FILENO) == 1))
        try emit(DiffText.render(diff, color: colored))
      case .markdown:
        try emit(DiffMarkdown.render(diff))
      case .json:
        try emit(try jsonText(DiffView(diff)) + "\n")
      case .xlsx:
        guard let out else {
          printError("diff: --format xlsx needs --out FILE.xlsx")
          throw ExitCode(2)
        }
        try RevisionTable.write(diff, to: out)
      }
    } catch let exit as ExitCode {
      throw exit
    } catch {
      printError("diff: \(error)")
      throw ExitCode(2)
    }
    if let out {
      print(
        "\(DiffText.shown(diff.old.source)) → \(DiffText.shown(diff.new.source)): 修订对照表 written to \(out)"
      )
    }
    if requireReasons {
      let missing = diff.highRiskWithoutReason
      if !missing.isEmpty {
        let text = ChangeText(diff)
        for item in missing {
          printError(
            "diff: high-risk change without a reason: \(text.title(item)) (\(text.kinds(item)))")
        }
        throw ExitCode(1)
      }
      return
    }
    if diff.hasChanges { throw ExitCode(1) }
  }

  /// The output, printed, or written to `--out`.
  func emit(_ text: String) throws {
    if let out {
      try writeAtomically(text, to: out)
    } else {
      print(text, terminator: "")
    }
  }
}
