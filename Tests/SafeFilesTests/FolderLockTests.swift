import Foundation
import Glibc
import Testing

@testable import SafeFiles

@Suite struct FolderLockTests {
  /// A second writer waits, is told who holds the lock, and goes on when it is released; the
  /// lock file goes with the last holder.
  @Test func aSecondWriterWaitsAndIsTold() async throws {
    let s = try Scratch()
    defer { s.remove() }
    let folder = s.at("books")
    let first = try FolderLock.acquire(folder)
    #expect(FileManager.default.fileExists(atPath: s.at(".books.planbook-lock")))
    let waited = Flag()
    let second = Thread {
      let lock = try? FolderLock.acquire(folder) { waited.set($0) }
      lock?.release()
      waited.finish()
    }
    second.start()
    for _ in 0..<200 where waited.message == nil { usleep(10_000) }
    #expect(
      waited.message == "waiting: another planbook (pid \(getpid())) is writing into \(folder)")
    #expect(!waited.finished)
    first.release()
    for _ in 0..<200 where !waited.finished { usleep(10_000) }
    #expect(waited.finished)
    #expect(!FileManager.default.fileExists(atPath: s.at(".books.planbook-lock")))
  }
}

/// What the waiting thread saw.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var _message: String?
  private var _finished = false
  var message: String? { lock.withLock { _message } }
  var finished: Bool { lock.withLock { _finished } }
  func set(_ m: String) { lock.withLock { _message = m } }
  func finish() { lock.withLock { _finished = true } }
}
