import Foundation
import Testing

/// The command line as a user meets it: arguments, output, exit codes.
struct PlanBookTests {
  @Test func aBadOptionIsOneLinePlusUsage() throws {
    let run = try Binary.run("list", "--format", "yaml")
    #expect(run.status == 64)
    #expect(run.stderr.contains("Error:"))
    #expect(run.stderr.contains("Usage: planbook list"))
    #expect(run.stdout.isEmpty)
  }

  @Test func anUnknownPlanListsTheKnownOnes() throws {
    let run = try Binary.run("check", "guangzhou-2021")
    #expect(run.status == 64)
    #expect(
      run.stderr.hasPrefix("Error: unknown plan 'guangzhou-2021'; known plans: guangzhou-2020"))
    #expect(run.stderr.contains("Usage: planbook check"))
  }

  @Test func aMissingSnapshotFileIsABadArgument() throws {
    let run = try Binary.run("show", "/nonexistent/plan.json")
    #expect(run.status == 64)
    #expect(run.stderr.contains("no such snapshot file: /nonexistent/plan.json"))
  }

  @Test func helpListsTheCommands() throws {
    let run = try Binary.run("--help")
    #expect(run.status == 0)
    for command in ["list", "check", "show", "snapshot"] {
      #expect(run.stdout.contains("  \(command) "), "\(command)")
    }
  }
}
