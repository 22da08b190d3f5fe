import Foundation
import Testing

struct SnapshotCommandTests {
  let committed = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")

  func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snapshots-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func theCommittedSnapshotIsCurrent() throws {
    let run = try Binary.run("snapshot", "--check")
    #expect(run.status == 0)
    #expect(run.stdout.contains("plans/snapshots/guangzhou-2020.json: current\n"))
    #expect(run.stdout.contains("plans/snapshots/panyu-2018.json: current\n"))
  }

  @Test func writesTheSameBytesAsCommitted() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try Binary.run("snapshot", "guangzhou-2020", "--dir", dir.path)
    #expect(run.status == 0)
    #expect(run.stdout == "\(dir.path)/guangzhou-2020.json: written\n")
    let written = try Data(contentsOf: dir.appendingPathComponent("guangzhou-2020.json"))
    #expect(written == (try Data(contentsOf: committed)))
    let again = try Binary.run("snapshot", "guangzhou-2020", "--dir", dir.path)
    #expect(again.stdout == "\(dir.path)/guangzhou-2020.json: unchanged\n")
  }

  @Test func checkFailsWhenMissingOrStale() throws {
    let dir = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = try Binary.run("snapshot", "--check", "--dir", dir.path)
    #expect(missing.status == 1)
    #expect(
      missing.stdout.contains(
        "guangzhou-2020.json: missing; run `planbook snapshot guangzhou-2020`"))

    let stale = try String(contentsOf: committed, encoding: .utf8)
      .replacingOccurrences(of: "\"number\": 34", with: "\"number\": 35")
    try stale.write(
      to: dir.appendingPathComponent("guangzhou-2020.json"), atomically: true, encoding: .utf8)
    let run = try Binary.run("snapshot", "--check", "--dir", dir.path)
    #expect(run.status == 1)
    #expect(run.stdout.contains("guangzhou-2020.json: stale"))
    // --check never writes.
    #expect(
      try String(contentsOf: dir.appendingPathComponent("guangzhou-2020.json"), encoding: .utf8)
        == stale)
  }
}
