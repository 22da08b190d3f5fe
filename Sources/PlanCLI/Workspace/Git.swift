import Foundation

/// Runs `git` in a repository, for `PLAN@REV` (`diff`) and a stale book's history (`verify`).
enum Git {
  /// `git -C root ARGUMENTS`: its exit status, standard output and standard error. A git that
  /// cannot be started is status 127 with the reason as its error.
  static func run(
    _ arguments: [String], in root: String
  ) -> (status: Int32, output: [UInt8], error: [UInt8]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do {
      try process.run()
    } catch {
      return (127, [], Array("cannot run git: \(error.localizedDescription)".utf8))
    }
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, Array(output), Array(error))
  }
}
