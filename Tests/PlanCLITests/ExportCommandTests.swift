import Foundation
import TestSupport
import Testing

@Suite struct ExportCommandTests {
  @Test func exportsEveryBookAndSaysWhere() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try Binary.run("export", "guangzhou-2020", "--out", folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("guangzhou-2020: 43 books and the overview in \(folder.path)\n"))
    #expect(run.stdout.contains("  08-大气处.xlsx\n"))
    #expect(run.stdout.hasSuffix("  00-总览.xlsx\n"))
    let files = try folder.files()
    #expect(files.count == 45)
    #expect(files.first == ".planbook-set")
    #expect(files.dropFirst().allSatisfy { $0.hasSuffix(".xlsx") })
  }

  @Test func serialAndParallelRunsWriteTheSameBytes() throws {
    let a = try TemporaryFolder()
    let b = try TemporaryFolder()
    defer {
      a.remove()
      b.remove()
    }
    #expect(try Binary.run("export", "panyu-2018", "--out", a.path).status == 0)
    #expect(try Binary.run("export", "panyu-2018", "--out", b.path, "--serial").status == 0)
    let names = try a.files()
    #expect(names == (try b.files()))
    #expect(names.count > 5)
    for name in names {
      let x = try Data(contentsOf: a.url.appendingPathComponent(name))
      let y = try Data(contentsOf: b.url.appendingPathComponent(name))
      #expect(x == y, "\(name)")
    }
  }

  @Test func chosenUnitsByAnyName() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try Binary.run(
      "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处", "--unit",
      "gz-eeb-water")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try folder.files() == [".planbook-set", "00-总览.xlsx", "08-大气处.xlsx", "09-水处.xlsx"])
    #expect(run.stdout.hasPrefix("guangzhou-2020: 2 books and the overview"))
  }

  /// A book an earlier export left (here: a current book under an old name) is named, and
  /// deleted with --prune; another plan's book and other files are never touched.
  @Test func booksLeftByAnEarlierExportAreNamedAndPrunedOnRequest() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(try Binary.run("export", "panyu-2018", "--out", folder.path).status == 0)
    let fm = FileManager.default
    let first = try #require(try folder.files().first { $0.hasPrefix("01-") })
    let old = folder.url.appendingPathComponent("99-已撤销.xlsx").path
    try fm.copyItem(atPath: folder.url.appendingPathComponent(first).path, toPath: old)
    // Not this plan's: another plan's book, a text file named .xlsx.
    let other = try TemporaryFolder()
    defer { other.remove() }
    #expect(
      try Binary.run("export", "guangzhou-2020", "--out", other.path, "--unit", "大气处").status
        == 0)
    try fm.copyItem(
      atPath: other.url.appendingPathComponent("08-大气处.xlsx").path,
      toPath: folder.url.appendingPathComponent("08-大气处.xlsx").path)
    try Data("not a workbook".utf8).write(to: folder.url.appendingPathComponent("notes.xlsx"))

    let again = try Binary.run("export", "panyu-2018", "--out", folder.path)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stderr.contains(
        "warning: 1 book of panyu-2018 in \(folder.path) left by an earlier export is not current"))
    #expect(again.stderr.contains("  99-已撤销.xlsx ("))
    #expect(again.stderr.contains("export again with --prune"))
    #expect(fm.fileExists(atPath: old))

    let pruned = try Binary.run("export", "panyu-2018", "--out", folder.path, "--prune")
    #expect(pruned.status == 0, "\(pruned.stderr)")
    #expect(pruned.stdout.contains("removed 99-已撤销.xlsx ("))
    #expect(!pruned.stderr.contains("warning"))
    #expect(!fm.fileExists(atPath: old))
    let names = try folder.files()
    #expect(names.contains("08-大气处.xlsx"))
    #expect(names.contains("notes.xlsx"))
    #expect(names.contains(first))

    // Nothing left: no warning.
    let clean = try Binary.run("export", "panyu-2018", "--out", folder.path)
    #expect(clean.status == 0)
    #expect(clean.stderr.isEmpty, "\(clean.stderr)")
  }

  @Test func pruneNeedsEveryBook() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try Binary.run(
      "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处", "--prune")
    #expect(run.status == 64)
    #expect(run.stderr.contains("--prune needs every book"))
    #expect(try folder.files() == [])
  }

  @Test func anUnknownUnitIsAUsageError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try Binary.run("export", "guangzhou-2020", "--out", folder.path, "--unit", "火星处")
    #expect(run.status == 64)
    #expect(run.stderr.contains("'火星处' is not a unit with a book in guangzhou-2020"))
    #expect(run.stderr.contains("大气处"))
    #expect(try folder.files() == [])
  }

  @Test func anUnusableOutputFolderChangesNothing() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.url.appendingPathComponent("not-a-folder").path
    try Data("keep".utf8).write(to: URL(fileURLWithPath: file))
    let run = try Binary.run("export", "guangzhou-2020", "--out", file)
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "export failed, nothing written: \(file): cannot create the folder: a file is in its place\n"
    )
    #expect(try folder.files() == ["not-a-folder"])
  }
}

/// A full disk during an export: libxlsxwriter's raw `[ERROR]` lines (84 of them before) are
/// held back, and the disk's sentence is said once for all the books it stopped.
@Suite struct ExportFullDiskTests {
  @Test(.enabled(if: SmallDisk.unavailable == nil, Comment(rawValue: SmallDisk.unavailable ?? "")))
  func noRawLibraryLines() throws {
    let disk = try SmallDisk(kilobytes: 200)
    defer { disk.remove() }
    let out = disk.url.appendingPathComponent("books").path
    let run = try Binary.run("export", "guangzhou-2020", "--out", out)
    #expect(run.status == 1)
    // One line, naming the folder the user gave, not the hidden staging folder.
    #expect(run.stderr.hasPrefix("export failed, nothing written: "), "\(run.stderr)")
    #expect(run.stderr.hasSuffix(" could not be written into \(out): no space left on device\n"))
    #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    #expect(!run.stderr.contains(".planbook-set-"))
    #expect(!run.stderr.contains("[ERROR]"))
    #expect(!run.stderr.contains("[WARNING]"))
    #expect(!run.stderr.contains("ZIP_ERRNO"))
  }
}
