import Foundation
import Glibc
import Testing

@testable import SafeFiles

@Suite struct FileReadingTests {
  @Test func onlyAMissingFileIsNil() throws {
    let s = try Scratch()
    defer { s.remove() }
    #expect(try FileReading.bytesIfPresent(s.at("none.csv")) == nil)
    try s.write("abc", "a.csv")
    #expect(try FileReading.bytesIfPresent(s.at("a.csv")) == Array("abc".utf8))
    try s.write("", "empty.csv")
    #expect(try FileReading.bytesIfPresent(s.at("empty.csv")) == [])
  }

  @Test func aFolderIsRefused() throws {
    let s = try Scratch()
    defer { s.remove() }
    try FileManager.default.createDirectory(
      atPath: s.at("d.csv"), withIntermediateDirectories: true)
    #expect(throws: FileError(path: s.at("d.csv"), reason: "is a folder, not a file")) {
      try FileReading.bytesIfPresent(s.at("d.csv"))
    }
  }

  /// A FIFO with no writer would block a plain open for ever.
  @Test func aFIFOIsRefusedWithoutWaiting() throws {
    let s = try Scratch()
    defer { s.remove() }
    #expect(mkfifo(s.at("p.csv"), 0o644) == 0)
    #expect(throws: FileError(path: s.at("p.csv"), reason: "is a pipe (FIFO), not a regular file"))
    {
      try FileReading.bytesIfPresent(s.at("p.csv"))
    }
  }

  @Test func anOversizedFileIsRefused() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write(String(repeating: "x", count: 100), "big.csv")
    #expect(throws: FileError.self) { try FileReading.bytesIfPresent(s.at("big.csv"), limit: 99) }
  }

  @Test func anUnreadableFileIsAnErrorNotNothing() throws {
    let s = try Scratch()
    defer { s.remove() }
    // A path through a file: ENOTDIR, not ENOENT.
    try s.write("", "f")
    #expect(throws: FileError.self) { try FileReading.bytesIfPresent(s.at("f/x.csv")) }
  }
}
