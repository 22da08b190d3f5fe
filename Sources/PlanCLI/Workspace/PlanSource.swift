import Foundation
import PlanJSON
import PlanModel
import Review

/// Where a side of `planbook diff` comes from: a plan id (today's code), a snapshot file, or
/// `PLAN@REV` — the plan's committed snapshot at a git revision (never rebuilt).
enum PlanSource {
  /// A failure to produce a side, one sentence.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func load(_ argument: String, in workspace: Workspace) throws -> PlanSide {
    if let at = argument.lastIndex(of: "@"), !argument.hasSuffix(".json") {
      let id = String(argument[..<at])
      let rev = String(argument[argument.index(after: at)...])
      return try PlanSide(plan: committed(id, at: rev, in: workspace), source: argument)
    }
    if !FileManager.default.fileExists(atPath: argument), try Catalogue.plan(argument) == nil {
      let known = try Catalogue.knownIDs()
      throw Failure(
        description:
          "'\(argument)' is neither a plan (\(known)) nor a snapshot file nor PLAN@REV")
    }
    return try PlanSide(plan: workspace.load(argument).plan, source: argument)
  }

  /// The snapshot `plans/snapshots/<id>.json` as committed at `rev`, read with `git show`.
  static func committed(_ id: String, at rev: String, in workspace: Workspace) throws -> WorkPlan {
    guard !id.isEmpty, !rev.isEmpty, !rev.hasPrefix("-"), !id.contains("/") else {
      throw Failure(description: "'\(id)@\(rev)' is not PLAN@REV (e.g. guangzhou-2020@HEAD)")
    }
    let path = "plans/snapshots/\(id).json"
    let git = Git.run(["show", "\(rev):\(path)"], in: workspace.root)
    guard git.status == 0 else {
      let message = String(decoding: git.error, as: UTF8.self)
      let why = message.split(separator: "\n").first.map(String.init) ?? "git show failed"
      throw Failure(description: "\(id)@\(rev): no \(path) at \(rev) (\(why))")
    }
    let data = Data(git.output)
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure(description: "\(id)@\(rev): \(path) is not UTF-8 text")
    }
    do {
      return try PlanSnapshot.decode(text, path: "\(id)@\(rev):\(path)")
    } catch {
      throw Failure(description: error.description)
    }
  }
}
