import Foundation
import Testing

/// Runs the built `planbook` binary, as a user would, and captures what it prints.
struct Binary {
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The repository root (for committed files such as snapshots).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `planbook`, built beside this test bundle.
  static let path: String = {
    let exe =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("planbook")
      .path
  }()

  /// Runs `planbook` with `arguments`; output goes through files so a large one cannot block.
  static func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Run {
    try run(arguments: arguments, environment: environment)
  }

  /// Runs `planbook` with an argument list built at run time.
  static func run(arguments: [String], environment: [String: String] = [:]) throws -> Run {
    try runTogether([arguments], environment: environment)[0]
  }

  /// Starts `planbook` once per argument list, all at the same moment, and waits for all.
  static func runTogether(
    _ argumentLists: [[String]], environment: [String: String] = [:]
  ) throws -> [Run] {
    let started = try argumentLists.map { try Started(arguments: $0, environment: environment) }
    return try started.map { try $0.finish() }
  }

  /// A `planbook` process that is running; its output goes through files so a large one
  /// cannot block.
  final class Started {
    let process = Process()
    let dir: URL
    let out: URL
    let err: URL

    /// Starts `executable` (default: the built `planbook`) in `directory`, with `environment`
    /// added and the variables in `unsetting` removed.
    init(
      arguments: [String], environment: [String: String] = [:], unsetting: [String] = [],
      executable: String = Binary.path, directory: URL? = nil
    ) throws {
      dir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "planbook-cli-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      out = dir.appendingPathComponent("out")
      err = dir.appendingPathComponent("err")
      try Data().write(to: out)
      try Data().write(to: err)
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
      // One cache of compiled plans for every run of the tests, scratch workspaces included
      // (it is keyed by the plan files' contents), so the plans are compiled once.
      var env = ProcessInfo.processInfo.environment.merging(
        ["PLANBOOK_CACHE": Binary.root.appendingPathComponent(".build/planbook-test-cache").path]
      ) { $1 }.merging(environment) { $1 }
      for name in unsetting { env[name] = nil }
      process.environment = env
      if let directory { process.currentDirectoryURL = directory }
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = try FileHandle(forWritingTo: err)
      try process.run()
    }

    /// Kills the process as `kill -9` does.
    func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the process and returns what it printed.
    func finish() throws -> Run {
      process.waitUntilExit()
      defer { try? FileManager.default.removeItem(at: dir) }
      return Run(
        status: process.terminationStatus,
        stdout: try String(contentsOf: out, encoding: .utf8),
        stderr: try String(contentsOf: err, encoding: .utf8))
    }
  }
}

/// Compares `text` with the golden file `Golden/<name>`. A missing golden file, or
/// `RECORD_GOLDEN=1`, records it — and the test fails, so a new baseline never passes by
/// accident.
func expectGolden(
  _ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden").appendingPathComponent(name)
  let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
  guard !record, let golden = try? String(contentsOf: url, encoding: .utf8) else {
    try text.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded golden file \(name); check it and run again", sourceLocation: sourceLocation)
    return
  }
  #expect(text == golden, "differs from Golden/\(name)", sourceLocation: sourceLocation)
}
