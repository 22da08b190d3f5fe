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
    #expect(run.stderr.contains("unknown unit '火星处' in guangzhou-2020; units with a share: "))
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

/// `export --pdf` without LibreOffice: one line naming the package, exit 1, and nothing
/// written — not even the workbooks, since PDFs were asked for.
@Suite struct ExportWithoutLibreOfficeTests {
  @Test func oneClearErrorAndTheFolderUntouched() throws {
    let folder = try TemporaryFolder()
    let noTools = try TemporaryFolder()
    defer {
      folder.remove()
      noTools.remove()
    }
    let out = folder.url.appendingPathComponent("books").path
    #expect(try Binary.run("export", "panyu-2018", "--out", out).status == 0)
    let before = try snapshot(out)

    let run = try Binary.run(
      "export", "panyu-2018", "--out", out, "--pdf", environment: ["PATH": noTools.path])
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "export failed, nothing written: --pdf needs LibreOffice, and soffice is not on PATH: "
        + "install the Debian package libreoffice-calc (apt-get install libreoffice-calc)\n")
    #expect(run.stdout.isEmpty)
    #expect(try snapshot(out) == before)

    // A folder that did not exist is not made.
    let fresh = folder.url.appendingPathComponent("fresh").path
    let again = try Binary.run(
      "export", "panyu-2018", "--out", fresh, "--pdf", environment: ["PATH": noTools.path])
    #expect(again.status == 1)
    #expect(!FileManager.default.fileExists(atPath: fresh))
  }

  /// Every file of `folder` with its bytes.
  func snapshot(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
    return files
  }
}

/// `export --pdf` end to end: every workbook also as a PDF beside it, on the pages its layout
/// computed, with its title and unit on page 1; the same bytes run after run.
@Suite(
  .enabled(
    if: LibreOffice.isAvailable, "needs soffice, pdftotext and a Chinese font (scripts/test-setup)")
)
struct ExportPDFTests {
  @Test func everyWorkbookAsPDFOnTheComputedPagesWithItsTitleAndUnit() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try Binary.run("export", "guangzhou-2020", "--out", folder.path, "--pdf")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix(
        "guangzhou-2020: 43 books and the overview in \(folder.path), each also as PDF\n"))
    #expect(run.stdout.contains("  08-大气处.xlsx\n  08-大气处.pdf\n"))
    let names = try folder.files()
    let workbooks = names.filter { $0.hasSuffix(".xlsx") }
    #expect(workbooks.count == 44)
    #expect(names.count == 1 + 2 * workbooks.count, "\(names)")

    let paths = workbooks.map { folder.url.appendingPathComponent($0).path }
    let dumps = try Openpyxl.dump(paths)
    let title = "2020年广州市生态环境保护工作计划"
    for path in paths {
      let dump = try #require(dumps[path])
      // The pages the layout computed: the export writes each of its breaks into the sheet.
      let computed = dump.sheets.reduce(0) { $0 + $1.print.rowBreaks.count + 1 }
      let pdf = String(path.dropLast(5)) + ".pdf"
      let pages = try PDFText.pages(pdf)
      let name = URL(fileURLWithPath: pdf).lastPathComponent
      #expect(pages.count == computed, "\(name): \(pages.count) pages, computed \(computed)")
      let first = pages.first.map { $0.words.map(\.text).joined() } ?? ""
      #expect(first.contains(title), "\(name) page 1: \(first.prefix(80))")
      if name == "00-总览.pdf" {
        #expect(first.contains("任务分工表"))
      } else {
        // PlanBook.Unit is `id name`: the unit's full name is on page 1 (乙方).
        let unit = try #require(dump.custom["PlanBook.Unit"]?.split(separator: " ").last)
        // A 目标责任书, or a 任务分工告知书 for a unit outside the signing chain.
        #expect(first.contains("目标责任书") || first.contains("任务分工告知书"), "\(name)")
        #expect(first.contains(String(unit)), "\(name): \(unit) not on page 1")
      }
    }
  }

  @Test func twoExportsWriteTheSameBytes() throws {
    let a = try TemporaryFolder()
    let b = try TemporaryFolder()
    defer {
      a.remove()
      b.remove()
    }
    for folder in [a, b] {
      let run = try Binary.run(
        "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处", "--pdf")
      #expect(run.status == 0, "\(run.stderr)")
    }
    let names = try a.files()
    #expect(names == [".planbook-set", "00-总览.pdf", "00-总览.xlsx", "08-大气处.pdf", "08-大气处.xlsx"])
    #expect(names == (try b.files()))
    for name in names {
      let x = try Data(contentsOf: a.url.appendingPathComponent(name))
      let y = try Data(contentsOf: b.url.appendingPathComponent(name))
      #expect(x == y, "\(name) differs between two exports")
    }
    // LibreOffice's time of printing is replaced by the plan's first day.
    let pdf = try Data(contentsOf: a.url.appendingPathComponent("08-大气处.pdf"))
    #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate(D:20200101000000Z'"))
  }

  /// An export without --pdf removes the PDFs an earlier --pdf export wrote for its books
  /// (they would not match them), and nothing else.
  @Test func anExportWithoutPDFTakesTheOldPDFsAway() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try Binary.run(
      "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处", "--pdf")
    #expect(first.status == 0, "\(first.stderr)")
    try Data("mine".utf8).write(to: folder.url.appendingPathComponent("notes.pdf"))
    let second = try Binary.run(
      "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处")
    #expect(second.status == 0, "\(second.stderr)")
    #expect(
      try folder.files() == [".planbook-set", "00-总览.xlsx", "08-大气处.xlsx", "notes.pdf"])
  }
}
