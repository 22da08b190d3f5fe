import ArgumentParser
import Foundation
import PlanJSON
import PlanModel

/// `planbook snapshot [PLAN] [--check]`: the canonical JSON of plans, in plans/snapshots/.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Write each plan's canonical JSON to plans/snapshots/<id>.json.",
    discussion: """
      Without PLAN, every plan of the catalogue. With --check nothing is written: exits 1 when \
      a snapshot is missing or differs from the plan (CI runs this).
      """)

  @Argument(help: "A plan id or snapshot path; every catalogue plan when omitted.")
  var plan: String?
  @Flag(help: "Only check that the committed snapshots are present and current.")
  var check = false
  @Option(help: "The folder of snapshots (default: plans/snapshots in the repository).")
  var dir: String?

  func run() throws {
    let workspace = Workspace()
    let plans: [WorkPlan] =
      if let plan { [try workspace.load(plan).plan] } else { try Catalogue.plans().map(\.model) }
    let folder = dir ?? workspace.snapshotFolder
    var stale = 0
    for p in plans {
      let path = folder + "/" + p.id + ".json"
      let text = try PlanSnapshot.encode(p)
      let current = FileManager.default.contents(atPath: path).map {
        String(decoding: $0, as: UTF8.self)
      }
      if check {
        if current == nil {
          stale += 1
          print("\(path): missing; run `planbook snapshot \(p.id)` and commit it")
        } else if current != text {
          stale += 1
          print(
            "\(path): stale, the plan has changed; run `planbook snapshot \(p.id)` and commit it")
        } else {
          print("\(path): current")
        }
      } else if current == text {
        print("\(path): unchanged")
      } else {
        try writeAtomically(text, to: path)
        print("\(path): written")
      }
    }
    if stale > 0 { throw ExitCode(1) }
  }
}
