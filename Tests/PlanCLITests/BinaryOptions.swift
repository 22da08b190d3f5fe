import Foundation
import Testing

extension Binary {
  /// How a run ended when it had to be stopped.
  struct TimedOut: Error, CustomStringConvertible {
    var seconds: Double
    var description: String { "planbook did not finish within \(seconds) s and was killed" }
  }

  /// Runs `executable` (default: the built `planbook`) in `directory`, with `environment` added
  /// and the variables in `unsetting` removed; kills it and throws ``TimedOut`` after `timeout`
  /// seconds.
  static func launch(
    _ arguments: [String], environment: [String: String] = [:], unsetting: [String] = [],
    executable: String = Binary.path, directory: URL? = nil, timeout: Double = 60
  ) throws -> Run {
    let started = try Started(
      arguments: arguments, environment: environment, unsetting: unsetting,
      executable: executable, directory: directory)
    let deadline = Date().addingTimeInterval(timeout)
    while started.process.isRunning, Date() < deadline { usleep(20_000) }
    if started.process.isRunning {
      started.kill()
      _ = try started.finish()
      throw TimedOut(seconds: timeout)
    }
    return try started.finish()
  }
}
