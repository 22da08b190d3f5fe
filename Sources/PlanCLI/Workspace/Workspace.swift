import ArgumentParser
import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import SafeFiles

/// Where the repository is (plans, seeds, snapshots) and how plans are loaded from it.
struct Workspace {
  /// The repository root: `$PLANBOOK_ROOT` (which `--root DIR` sets), else the nearest folder
  /// from the current directory up that holds `planbook.json` (made by `planbook init`), else
  /// the repository this binary was built in (when it runs from there), else the current
  /// directory when it holds `plans/`. When none of these applies, the current directory, with
  /// `origin` `.none`: the commands that read or write the workspace then refuse to run (see
  /// `WorkspaceRoot.swift`).
  let root: String
  /// Where `root` came from.
  let origin: Origin

  init() {
    let fm = FileManager.default
    let cwd = fm.currentDirectoryPath
    if let env = ProcessInfo.processInfo.environment["PLANBOOK_ROOT"], !env.isEmpty {
      (root, origin) = (env, .environment)
    } else if let found = Workspace.enclosingRepository(of: cwd) {
      (root, origin) = (found, .repository)
    } else if Workspace.runsFromBuild, Workspace.isFolder(Workspace.buildRepository + "/plans") {
      (root, origin) = (Workspace.buildRepository, .build)
    } else if Workspace.isFolder(cwd + "/plans") {
      (root, origin) = (cwd, .currentDirectory)
    } else {
      (root, origin) = (cwd, .none)
    }
  }

  /// A path relative to the root, made absolute.
  func path(_ relative: String) -> String {
    relative.hasPrefix("/") ? relative : root + "/" + relative
  }

  /// The folder of committed snapshots.
  var snapshotFolder: String { path("plans/snapshots") }

  /// A loaded plan and what the DSL found while lowering it.
  struct Loaded {
    var plan: WorkPlan
    var problems: [Diagnostic]
  }

  /// Whether `argument` names a file (a snapshot) or `PLAN@REV` rather than a plan id.
  static func isPath(_ argument: String) -> Bool {
    argument.contains("/") || argument.hasSuffix(".json") || argument.contains("@")
  }

  /// Throws a `ValidationError` (usage, exit 64) unless `argument` is a plan of the repository
  /// or the path of an existing file; a ``PlanLoadError`` when the plans cannot be read.
  static func validatePlanArgument(_ argument: String) throws {
    if argument.contains("/") || argument.hasSuffix(".json") {
      guard FileManager.default.fileExists(atPath: argument) else {
        throw ValidationError("no such snapshot file: \(argument)")
      }
      return
    }
    do {
      if try Catalogue.plan(argument) != nil { return }
    } catch {
      // No repository, or plan files that do not compile: the reason, not a usage message.
      printError(error.description)
      throw ExitCode(1)
    }
    throw ValidationError(
      "unknown plan '\(argument)'; known plans: \(try Catalogue.knownIDs()) (or give a "
        + "snapshot file's path)")
  }

  /// Loads `argument`: a plan id of the repository, or the path of a snapshot file.
  func load(_ argument: String) throws -> Loaded {
    if !Workspace.isPath(argument), let plan = try Catalogue.plan(argument) {
      return Loaded(plan: plan.model, problems: plan.problems)
    }
    try Workspace.validatePlanArgument(argument)
    guard let data = FileManager.default.contents(atPath: argument) else {
      throw CLIError.unreadable(argument)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CLIError.snapshot(SnapshotError(path: argument, message: "not UTF-8 text"))
    }
    do {
      return Loaded(plan: try PlanSnapshot.decode(text, path: argument), problems: [])
    } catch {
      throw CLIError.snapshot(error)
    }
  }

  /// The plan's source document, for the transcription check.
  func sourceText(of plan: WorkPlan) -> SourceText {
    guard let source = plan.source else { return .notChecked }
    let full = path(source.path)
    guard let data = FileManager.default.contents(atPath: full) else {
      return .unreadable(reason: missing(full, holding: "the plan's source documents"))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return .unreadable(reason: "\(full) is not UTF-8 text")
    }
    return .text(text)
  }

  /// Resolves and checks a loaded plan: every problem, DSL's and engine's, sorted.
  func check(_ loaded: Loaded) -> (ResolvedPlan, [Diagnostic]) {
    let resolved = Resolver.resolve(loaded.plan)
    let diagnostics = Checker.sorted(
      loaded.problems + Checker.check(resolved, source: sourceText(of: loaded.plan))
        + parentDiagnostics(loaded.plan))
    return (resolved, diagnostics)
  }
}

/// Failures of the tool itself (not problems of a plan), one sentence each.
enum CLIError: Error, CustomStringConvertible {
  case unreadable(String)
  case snapshot(SnapshotError)
  case write(String, String)

  var description: String {
    switch self {
    case .unreadable(let path): "cannot read \(path)"
    case .snapshot(let e): e.description
    case .write(let path, let why): "cannot write \(path): \(why)"
    }
  }
}

/// Writes `text` to `path` through a temporary file beside it (``SafeFiles/AtomicFile``), so
/// a reader never sees half a file.
func writeAtomically(_ text: String, to path: String) throws {
  do {
    try AtomicFile.write(text, to: path)
  } catch {
    throw CLIError.write(path, error.reason)
  }
}

/// Canonical JSON for command output (`print` adds the final newline).
func jsonText<T: Encodable>(_ value: T) throws -> String {
  String(try CanonicalJSON.encode(value).dropLast())
}
