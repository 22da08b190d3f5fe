import Foundation
import Glibc
import TestSupport
import Testing

@testable import SafeFiles

@Suite struct SetFolderTests {
  /// Writes `names` with `text` into the staging folder.
  func writer(_ names: [String], _ text: String) -> (String) throws -> Void {
    { staging in
      for n in names { try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/" + n)) }
    }
  }

  @Test func aNewFolderGetsTheSetAndItsList() throws {
    let s = try Scratch()
    defer { s.remove() }
    let outcome = try SetFolder.replace(
      s.at("gz"), names: ["01-a.xlsx", "00-总览.xlsx"],
      write: writer(["01-a.xlsx", "00-总览.xlsx"], "v1"))
    #expect(outcome.wholeSet)
    #expect(outcome.written == [s.at("gz/01-a.xlsx"), s.at("gz/00-总览.xlsx")])
    #expect(try s.tree() == ["gz/", "gz/.planbook-set", "gz/00-总览.xlsx", "gz/01-a.xlsx"])
    #expect(try SetFolder.list(in: s.at("gz")) == ["01-a.xlsx", "00-总览.xlsx"])
  }

  /// Other files stay (the same file, not a copy), folders stay, dropped files go, the old
  /// set's files are replaced, and nothing is left beside the folder.
  @Test func replacingKeepsWhatIsNotTheSets() throws {
    let s = try Scratch()
    defer { s.remove() }
    _ = try SetFolder.replace(
      s.at("gz"), names: ["01-a.xlsx", "02-b.xlsx"],
      write: writer(["01-a.xlsx", "02-b.xlsx"], "v1"))
    try s.write("mine", "gz/notes.txt")
    try s.write("scan", "gz/signed/01-a.pdf")
    symlink("notes.txt", s.at("gz/link"))
    let inode = s.inode("gz/notes.txt")
    let outcome = try SetFolder.replace(
      s.at("gz"), names: ["01-a.xlsx"], dropping: { _ in ["02-b.xlsx"] },
      write: writer(["01-a.xlsx"], "v2"))
    #expect(outcome.wholeSet)
    let tree = try s.tree()
    #expect(
      tree == [
        "gz/", "gz/.planbook-set", "gz/01-a.xlsx", "gz/link", "gz/notes.txt", "gz/signed/",
        "gz/signed/01-a.pdf",
      ])
    #expect(try s.read("gz/01-a.xlsx") == "v2")
    #expect(s.inode("gz/notes.txt") == inode)
    #expect(try s.read("gz/signed/01-a.pdf") == "scan")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: s.at("gz/link")) == "notes.txt")
  }

  @Test func aFailedWriteChangesNothing() throws {
    let s = try Scratch()
    defer { s.remove() }
    _ = try SetFolder.replace(s.at("gz"), names: ["01-a.xlsx"], write: writer(["01-a.xlsx"], "v1"))
    try s.write("scan", "gz/signed/x.pdf")
    let before = try s.tree()
    struct Boom: Error {}
    #expect(throws: Boom.self) {
      try SetFolder.replace(s.at("gz"), names: ["01-a.xlsx"]) { staging in
        try Data("half".utf8).write(to: URL(fileURLWithPath: staging + "/01-a.xlsx"))
        throw Boom()
      }
    }
    #expect(try s.tree() == before)
    #expect(try s.read("gz/01-a.xlsx") == "v1")
  }

  /// What runs killed at each moment leave beside the folder is cleaned by the next run; a
  /// file someone saved into the folder while a set was being swapped is put back, not lost.
  @Test func leftoversOfKilledRunsAreCleaned() throws {
    let s = try Scratch()
    defer { s.remove() }
    _ = try SetFolder.replace(s.at("gz"), names: ["01-a.xlsx"], write: writer(["01-a.xlsx"], "v1"))
    try s.write("mine", "gz/notes.txt")
    // Killed while writing, before its list: only what it wrote.
    try s.write("half", ".gz.planbook-set-1-a/01-a.xlsx")
    // Killed after the swap: the old set, a link to a kept file, a file saved meanwhile.
    try s.write("v0", ".gz.planbook-set-2-b/01-a.xlsx")
    try s.write("01-a.xlsx\n", ".gz.planbook-set-2-b/.planbook-set")
    #expect(link(s.at("gz/notes.txt"), s.at(".gz.planbook-set-2-b/notes.txt")) == 0)
    try s.write("saved late", ".gz.planbook-set-2-b/late.txt")
    // An older version's staging folder inside the folder.
    try s.write("half", "gz/.planbook-export-XYZ/01-a.xlsx")

    _ = try SetFolder.replace(s.at("gz"), names: ["01-a.xlsx"], write: writer(["01-a.xlsx"], "v2"))
    #expect(
      try s.tree() == ["gz/", "gz/.planbook-set", "gz/01-a.xlsx", "gz/late.txt", "gz/notes.txt"])
    #expect(try s.read("gz/late.txt") == "saved late")
    #expect(try s.read("gz/01-a.xlsx") == "v2")
  }

  /// A folder given as a symbolic link: the folder it points to gets the set, the link stays.
  @Test func aLinkedFolderIsReplacedWhereItIs() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("mine", "real/notes.txt")
    symlink(s.at("real"), s.at("gz"))
    _ = try SetFolder.replace(s.at("gz"), names: ["01-a.xlsx"], write: writer(["01-a.xlsx"], "v1"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: s.at("gz")) == s.at("real"))
    #expect(
      try s.tree() == ["gz", "real/", "real/.planbook-set", "real/01-a.xlsx", "real/notes.txt"])
  }

  @Test func windowsSafeListIsReadBack() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("a\nb\n", "f/.planbook-set")
    #expect(try SetFolder.list(in: s.at("f")) == ["a", "b"])
    #expect(try SetFolder.list(in: s.at("none")) == [])
  }
}

/// A folder that is a mount point (a USB stick) cannot be swapped: the set is written inside
/// it and moved in one file at a time, and the outcome says so.
@Suite struct SetFolderOnAMountPointTests {
  @Test(.enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")))
  func aMountPointIsWrittenFromInside() throws {
    let disk = try SmallDisk(kilobytes: 512)
    defer { disk.remove() }
    try Data("mine".utf8).write(to: URL(fileURLWithPath: disk.path + "/notes.txt"))
    let first = try SetFolder.replace(disk.path, names: ["01-a.xlsx", "02-b.xlsx"]) { staging in
      for n in ["01-a.xlsx", "02-b.xlsx"] {
        try Data("v1".utf8).write(to: URL(fileURLWithPath: staging + "/" + n))
      }
    }
    #expect(!first.wholeSet)
    let second = try SetFolder.replace(
      disk.path, names: ["01-a.xlsx"], dropping: { _ in ["02-b.xlsx"] }
    ) { staging in
      try Data("v2".utf8).write(to: URL(fileURLWithPath: staging + "/01-a.xlsx"))
    }
    #expect(second.written == [disk.path + "/01-a.xlsx"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == [
        ".planbook-set", "01-a.xlsx", "notes.txt",
      ])
    #expect(try String(contentsOfFile: disk.path + "/01-a.xlsx", encoding: .utf8) == "v2")
    #expect(try SetFolder.list(in: disk.path) == ["01-a.xlsx"])
    // Nothing was left beside the mount point.
    let parent = (disk.path as NSString).deletingLastPathComponent
    let name = (disk.path as NSString).lastPathComponent
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(name) }
        == [name])
  }
}
