import ArgumentParser
import Foundation

/// A workspace that is missing, or a folder missing from it: one sentence naming the path and
/// how to point `planbook` at the right place (`PLANBOOK_ROOT`).
struct WorkspaceError: Error, CustomStringConvertible {
  var description: String
}

extension Workspace {
  /// Where the root came from.
  enum Origin: Equatable {
    /// `$PLANBOOK_ROOT`.
    case environment
    /// The nearest folder from the current directory up holding `planbook.json`.
    case repository
    /// The repository this binary was built in (it runs from inside it).
    case build
    /// The current directory, which holds `plans/`.
    case currentDirectory
    /// No workspace: `$PLANBOOK_ROOT` is not set, the binary does not run from its repository,
    /// and the current directory holds no `plans/`.
    case none

    /// How the root was found, for messages.
    var text: String {
      switch self {
      case .environment: "from PLANBOOK_ROOT"
      case .repository: "the plans repository holding planbook.json"
      case .build: "the repository planbook was built in"
      case .currentDirectory: "the current directory"
      case .none: "no workspace found"
      }
    }
  }

  /// Whether this process's executable lies inside the repository its plans were compiled from
  /// (`.build/debug/planbook`, or the test runner beside it). A copy of the binary elsewhere,
  /// or one whose repository has moved, does not: it must be told where the workspace is
  /// rather than fall back to whatever folder it is run in.
  static var runsFromBuild: Bool {
    let exe =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? Bundle.main.executablePath ?? ""
    let repository = URL(fileURLWithPath: buildRepository).standardizedFileURL.path
    return !exe.isEmpty && exe.hasPrefix(repository.hasSuffix("/") ? repository : repository + "/")
  }

  /// The repository this module was compiled in, as seen when it was built.
  static let buildRepository: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)  // Sources/PlanCLI/Workspace/WorkspaceRoot.swift
    return parts.joined(separator: "/")
  }()

  /// The file that marks a plans repository's root (written by `planbook init`).
  static let marker = "planbook.json"

  /// The nearest folder from `folder` up that holds ``marker``.
  static func enclosingRepository(of folder: String) -> String? {
    var url = URL(fileURLWithPath: folder).standardizedFileURL
    while true {
      if FileManager.default.fileExists(atPath: url.path + "/" + marker) { return url.path }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path || url.path == "/" { return nil }
      url = parent
    }
  }

  /// Whether `path` is a folder (a symbolic link to one counts).
  static func isFolder(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  /// Why the workspace file or folder `path` (holding `what`) cannot be found, and what to do
  /// (`otherwise`: what else would make it, after setting `PLANBOOK_ROOT`).
  func missing(_ path: String, holding what: String, otherwise: String? = nil) -> String {
    if let problem = workspaceProblem { return problem }
    return
      "\(path) does not exist (\(what); the workspace is \(root), \(origin.text)); set "
      + "PLANBOOK_ROOT to the repository that holds it" + (otherwise.map { ", or \($0)" } ?? "")
  }

  /// Why there is no usable workspace, or nil when the root holds `plans/`.
  var workspaceProblem: String? {
    switch origin {
    case .none:
      return
        "not in a plans repository: neither \(root) nor a folder above it holds planbook.json; "
        + "make one with `planbook init DIR` and run planbook inside it, or give --root DIR "
        + "(or set PLANBOOK_ROOT) for an existing one"
    case .environment where !Workspace.isFolder(path("plans")):
      return
        "PLANBOOK_ROOT=\(root) is not a plans repository (\(path("plans")) does not exist); "
        + "make one with `planbook init \(root)`, or set PLANBOOK_ROOT (--root) to the "
        + "repository that holds plans/ and seeds/"
    default:
      return nil
    }
  }

  /// Throws a ``WorkspaceError`` unless the root is a workspace (it holds `plans/`).
  func requireWorkspace() throws(WorkspaceError) {
    if let problem = workspaceProblem { throw WorkspaceError(description: problem) }
  }

  /// ``requireWorkspace()``, or the problem on standard error, then `<plan>: <refusal>` and
  /// exit 1: for the commands that read or write the workspace, before anything else.
  func requireWorkspace(for plan: String, refusal: String) throws {
    guard let problem = workspaceProblem else { return }
    printError(problem)
    printError("\(plan): \(refusal)")
    throw ExitCode(1)
  }

  /// `relative` made absolute, which must be an existing folder of the workspace holding
  /// `what`; otherwise a ``WorkspaceError`` naming it and how to set `PLANBOOK_ROOT`.
  func existingFolder(
    _ relative: String, holding what: String, otherwise: String? = nil
  ) throws(WorkspaceError) -> String {
    try requireWorkspace()
    let full = path(relative)
    guard Workspace.isFolder(full) else {
      throw WorkspaceError(description: missing(full, holding: what, otherwise: otherwise))
    }
    return full
  }
}
