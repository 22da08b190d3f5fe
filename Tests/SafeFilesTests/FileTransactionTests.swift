import Foundation
import Glibc
import Testing

@testable import SafeFiles

@Suite struct FileTransactionTests {
  @Test func commitsEveryFileAndKeepsNoBackups() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("old 9\n", "p/2020-09.csv")
    let t = try FileTransaction(folder: s.at("p"))
    try t.stage("new 9\n", at: s.at("p/2020-09.csv"))
    try t.stage("new 10\n", at: s.at("p/2020-10.csv"))
    try t.stage("history\n", at: s.at("p/history/2020-09.csv"))
    #expect(try s.read("p/2020-09.csv") == "old 9\n", "nothing changes before the commit")
    let written = try t.commit()
    #expect(
      written == [s.at("p/2020-09.csv"), s.at("p/2020-10.csv"), s.at("p/history/2020-09.csv")])
    #expect(try s.read("p/2020-09.csv") == "new 9\n")
    #expect(try s.read("p/2020-10.csv") == "new 10\n")
    #expect(
      try s.tree("p") == ["p/2020-09.csv", "p/2020-10.csv", "p/history/", "p/history/2020-09.csv"])
  }

  /// The second month cannot be written (a folder appeared in its place): the first is put
  /// back as it was, the new file of the third is removed, nothing temporary is left.
  @Test func aFailedRenamePutsBackWhatWasRenamed() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("old 9\n", "p/2020-09.csv")
    let t = try FileTransaction(folder: s.at("p"))
    try t.stage("new 9\n", at: s.at("p/2020-09.csv"))
    try t.stage("new 10\n", at: s.at("p/2020-10.csv"))
    try t.stage("new 11\n", at: s.at("p/2020-11.csv"))
    try FileManager.default.createDirectory(
      atPath: s.at("p/2020-10.csv/inside"), withIntermediateDirectories: true)
    #expect(throws: FileError.self) { try t.commit() }
    #expect(try s.read("p/2020-09.csv") == "old 9\n")
    #expect(try s.tree("p") == ["p/2020-09.csv", "p/2020-10.csv/", "p/2020-10.csv/inside/"])
  }

  /// What a run killed between two renames leaves: the first file renamed, the second still
  /// staged, the journal. The next transaction on the folder undoes the first.
  @Test func theNextTransactionRollsBackAKilledCommit() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("old 9\n", "p/2020-09.csv")
    // The state, made by hand as commit() makes it.
    try s.write("new 10\n", "p/.2020-10.csv.planbook-tmp-1-a")
    #expect(link(s.at("p/2020-09.csv"), s.at("p/.2020-09.csv.planbook-backup-1-b")) == 0)
    try s.write("new 9\n", "p/2020-09.csv.new")
    #expect(rename(s.at("p/2020-09.csv.new"), s.at("p/2020-09.csv")) == 0)
    let journal = FileTransaction.Entry.encode([
      .init(
        target: s.at("p/2020-09.csv"), backup: s.at("p/.2020-09.csv.planbook-backup-1-b"),
        temp: s.at("p/.2020-09.csv.planbook-tmp-1-c")),
      .init(
        target: s.at("p/2020-10.csv"), backup: "", temp: s.at("p/.2020-10.csv.planbook-tmp-1-a")),
    ])
    try Data(journal).write(to: URL(fileURLWithPath: s.at("p/.planbook-journal")))

    var notices: [String] = []
    _ = try FileTransaction(folder: s.at("p")) { notices.append($0) }
    #expect(try s.read("p/2020-09.csv") == "old 9\n")
    #expect(try s.tree("p") == ["p/2020-09.csv"])
    #expect(notices.count == 1)
    #expect(notices.first?.contains("changes to 2020-09.csv were undone") == true)
  }

  @Test func leftoverTemporaryFilesAreRemoved() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("x", "p/.2020-09.csv.planbook-tmp-99-zz")
    try s.write("x", "p/history/.2020-09.csv.planbook-backup-99-zz")
    try s.write("keep", "p/.hidden-of-someone-else")
    _ = try FileTransaction(folder: s.at("p"))
    #expect(try s.tree("p") == ["p/.hidden-of-someone-else", "p/history/"])
  }

  @Test func discardChangesNothing() throws {
    let s = try Scratch()
    defer { s.remove() }
    try s.write("old", "p/a.csv")
    let t = try FileTransaction(folder: s.at("p"))
    try t.stage("new", at: s.at("p/a.csv"))
    t.discard()
    #expect(try s.read("p/a.csv") == "old")
    #expect(try s.tree("p") == ["p/a.csv"])
  }
}
