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

  /// An argument the plan itself makes wrong (found once the plan is loaded, in `run`) reads
  /// exactly like one `validate` refuses: `Error:`, the command's own usage, exit 64.
  @Test func anArgumentWrongForThePlanIsTheCommandsUsageError() throws {
    func tail(_ text: String) -> [Substring] { Array(text.split(separator: "\n").dropFirst()) }
    let syntax = try Binary.run("rank", "guangzhou-2020", "--period", "Q3")
    let outside = try Binary.run("rank", "guangzhou-2020", "--period", "2019Q1")
    #expect(syntax.status == 64)
    #expect(outside.status == 64)
    #expect(outside.stderr.hasPrefix("Error: --period 2019Q1"))
    #expect(tail(outside.stderr) == tail(syntax.stderr))
    #expect(tail(outside.stderr).first?.hasPrefix("Usage: planbook rank <plan>") == true)
    for args in [
      ["show", "guangzhou-2020", "--unit", "空气"],
      ["export", "guangzhou-2020", "--unit", "空气"],
      ["status", "guangzhou-2020", "--as-of", "2020-09-30", "--unit", "空气"],
      ["template", "guangzhou-2020", "--period", "2020-09", "--unit", "空气"],
      ["template", "guangzhou-2020", "--period", "2019-09"],
      ["bulletin", "guangzhou-2020", "--period", "2019-09"],
    ] {
      let run = try Binary.run(arguments: args)
      #expect(run.status == 64, "\(args)")
      #expect(run.stdout.isEmpty, "\(args)")
      #expect(run.stderr.contains("\nUsage: planbook \(args[0]) <plan>"), "\(args)")
      #expect(
        run.stderr.hasSuffix("See 'planbook \(args[0]) --help' for more information.\n"),
        "\(args)")
    }
  }
}
