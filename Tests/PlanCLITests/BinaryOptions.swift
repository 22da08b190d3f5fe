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
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planbook-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    let err = dir.appendingPathComponent("err")
    try Data().write(to: out)
    try Data().write(to: err)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    for name in unsetting { env[name] = nil }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw TimedOut(seconds: timeout)
    }
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      stdout: try String(contentsOf: out, encoding: .utf8),
      stderr: try String(contentsOf: err, encoding: .utf8))
  }
}
