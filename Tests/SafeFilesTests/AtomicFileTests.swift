import Foundation
import Glibc
import TestSupport
import Testing

@testable import SafeFiles

@Suite struct AtomicFileTests {
  @Test func writesCreatingFoldersAndLeavesNoTemporaryFile() throws {
    let s = try Scratch()
    defer { s.remove() }
    try AtomicFile.write("一\n", to: s.at("a/b/c.csv"))
    #expect(try s.read("a/b/c.csv") == "一\n")
    try AtomicFile.write("二\n", to: s.at("a/b/c.csv"))
    #expect(try s.read("a/b/c.csv") == "二\n")
    #expect(try s.tree() == ["a/", "a/b/", "a/b/c.csv"])
  }

  @Test func keepsTheFilesPermissions() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("old", "f.txt")
    chmod(s.at("f.txt"), 0o600)
    try AtomicFile.write("new", to: s.at("f.txt"))
    var st = stat()
    stat(s.at("f.txt"), &st)
    #expect(st.st_mode & 0o777 == 0o600)
  }

  @Test func aFolderInTheWayIsAPlainErrorAndChangesNothing() throws {
    let s = try Scratch()
    defer { s.remove() }
    try FileManager.default.createDirectory(
      atPath: s.at("x.csv"), withIntermediateDirectories: true)
    #expect(throws: FileError(path: s.at("x.csv"), reason: "is in the way: a folder, not a file")) {
      try AtomicFile.write("data", to: s.at("x.csv"))
    }
    try s.write("", "file")
    #expect(throws: FileError(path: s.at("file"), reason: "is in the way: a file, not a folder")) {
      try AtomicFile.write("data", to: s.at("file/y.csv"))
    }
    #expect(try s.tree() == ["file", "x.csv/"])
  }

  @Test(.enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")))
  func aFullDiskSaysSoAndLeavesTheOldFile() throws {
    let disk = try SmallDisk(kilobytes: 64)
    defer { disk.remove() }
    let path = disk.path + "/2020-09.csv"
    try AtomicFile.write("old\n", to: path)
    let big = [UInt8](repeating: 65, count: 200 * 1024)
    #expect(
      throws: FileError(path: path, reason: "cannot write it: no space left on device")
    ) { try AtomicFile.write(big, to: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["2020-09.csv"])
  }
}
