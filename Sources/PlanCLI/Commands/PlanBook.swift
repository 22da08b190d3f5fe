import ArgumentParser

/// The `planbook` command: plans as Swift code, checked, assigned, exported.
public struct PlanBook: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "planbook",
    abstract: "Turn a yearly work plan into signed, tracked responsibility.",
    discussion: """
      PLAN is a plan id of the plans repository (see `planbook list`) or the path of a plan \
      snapshot JSON file (plans/snapshots/<id>.json). The repository is the folder holding \
      planbook.json at or above the current directory (`planbook init DIR` makes one), or \
      `--root DIR` (any command), or $PLANBOOK_ROOT.
      """,
    version: PlanBookVersion.text,
    subcommands: [
      ListCommand.self, CheckCommand.self, ShowCommand.self, SnapshotCommand.self,
      ExportCommand.self, VerifyCommand.self, StatusCommand.self, RankCommand.self,
      DiffCommand.self, TemplateCommand.self, CollectCommand.self, SuperviseCommand.self,
      BulletinCommand.self, CascadeCommand.self, ImportCommand.self, InitCommand.self,
    ]
  )

  public init() {}
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// Options every command taking a plan shares.
struct PlanOptions: ParsableArguments {
  @Argument(help: "A plan id from the catalogue, or the path of a snapshot JSON file.")
  var plan: String

  /// Rejects a plan that is neither a known id nor an existing file while the command's usage
  /// can still be shown.
  func validate() throws { try Workspace.validatePlanArgument(plan) }
}
