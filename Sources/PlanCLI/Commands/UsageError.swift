import ArgumentParser
import Foundation

/// An argument found wrong only once the plan is loaded (an unknown `--unit`, a period outside
/// the plan): reported as the command's usage error, exactly as if its `validate()` had thrown
/// it — `Error: …`, the command's usage, exit 64 — while the plan is loaded once, in `run()`.
struct UsageError: Error {
  /// What is wrong, one sentence.
  var message: String
  /// The command whose usage follows the message.
  var command: ParsableCommand.Type

  init(_ message: String, of command: ParsableCommand.Type) {
    self.message = message
    self.command = command
  }

  /// A `ValidationError` thrown by a lookup (`Workspace.unit(named:in:)`) while `command` runs,
  /// as a usage error of `command`; any other error unchanged.
  static func rethrow<T>(for command: ParsableCommand.Type, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ValidationError {
      throw UsageError(error.message, of: command)
    }
  }

  /// `Error: …`, `Usage: planbook show …` and the line pointing at `--help`, as ArgumentParser
  /// prints a usage error.
  var text: String {
    let name = command.configuration.commandName ?? "\(command)"
    let usage = PlanBook.usageString(for: command)
      .split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\n" + String(repeating: " ", count: 7))
    return
      "Error: \(message)\nUsage: \(usage)\n  See 'planbook \(name) --help' for more information.\n"
  }
}

extension PlanBook {
  /// Parses `arguments` and runs the command they name, as `ParsableCommand.main` does, except
  /// that a ``UsageError`` is printed as its command's usage error (exit 64) rather than with
  /// the top-level usage.
  public static func main(_ arguments: [String]?) {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let error as UsageError {
      FileHandle.standardError.write(Data(error.text.utf8))
      Foundation.exit(ExitCode.validationFailure.rawValue)
    } catch {
      exit(withError: error)
    }
  }
}
