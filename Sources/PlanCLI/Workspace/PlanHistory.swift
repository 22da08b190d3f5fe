import Foundation
import PlanJSON
import PlanModel
import Review

/// The committed versions of a plan, found by fingerprint: for a stale book, which version of
/// its plan it was made from and what changed since (`planbook verify`).
///
/// A book carries its plan's fingerprint, not the plan. The fingerprint is the SHA-256 of the
/// plan's canonical snapshot, so the version is found when some commit of the workspace's git
/// history holds `plans/snapshots/<id>.json` with that SHA-256 (the last 200 commits that
/// touched it are looked at). Nothing is guessed: when no commit holds it, verify says so.
enum PlanHistory {
  /// A committed version of a plan.
  struct Version {
    /// The abbreviated commit (`0b1b83a`).
    var commit: String
    /// The commit's date (`2024-05-01`).
    var date: String
    var plan: WorkPlan
  }

  /// What became of a search.
  enum Outcome {
    case found(Version)
    /// No commit holds a snapshot with that fingerprint.
    case notFound
    /// The history could not be searched (no git, not a repository): why.
    case unavailable(String)
  }

  /// The committed snapshot of plan `id` whose SHA-256 is `fingerprint`.
  static func find(_ id: String, fingerprint: String, in root: String) -> Outcome {
    let path = "plans/snapshots/\(id).json"
    guard !id.contains("/"), !id.hasPrefix("-") else { return .notFound }
    let log = Git.run(["log", "-n", "200", "--format=%h %cs", "--", path], in: root)
    guard log.status == 0 else {
      let why = String(decoding: log.error, as: UTF8.self).split(separator: "\n").first
      return .unavailable(why.map(String.init) ?? "git log failed")
    }
    let wanted = fingerprint.lowercased()
    for line in String(decoding: log.output, as: UTF8.self).split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count == 2 else { continue }
      let commit = String(fields[0])
      let show = Git.run(["show", "\(commit):\(path)"], in: root)
      guard show.status == 0, SHA256.hex(show.output) == wanted else { continue }
      let text = String(decoding: show.output, as: UTF8.self)
      do {
        let plan = try PlanSnapshot.decode(text, path: "\(id)@\(commit):\(path)")
        return .found(Version(commit: commit, date: String(fields[1]), plan: plan))
      } catch {
        return .unavailable("\(id)@\(commit): \(error)")
      }
    }
    return .notFound
  }

  /// What changed from `old` to `current`, in `planbook diff` terms: `2 changed, 1 added (1
  /// high-risk)`, or `no task or target changed` when only other parts did.
  static func changes(from old: Version, to current: WorkPlan) -> String {
    let diff: PlanDiff
    do {
      diff = Differ.diff(
        try PlanSide(plan: old.plan, source: "\(current.id)@\(old.commit)"),
        try PlanSide(plan: current, source: current.id))
    } catch {
      return "the versions cannot be compared (\(error))"
    }
    let parts = [
      (diff.added, "added"), (diff.changed, "changed"), (diff.removed, "removed"),
      (diff.renumbered, "renumbered"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    guard !parts.isEmpty else { return "no task or target changed" }
    let risky = diff.highRisk.count
    return parts.joined(separator: ", ") + (risky > 0 ? " (\(risky) high-risk)" : "")
  }
}
