import Foundation
import TestSupport
import Testing

/// `planbook verify` compares a current book's cells with what the plan exports now: a book
/// edited with openpyxl (as a clerk edits it in Excel or WPS) is reported cell by cell, in the
/// book's own words, and exits 1.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct VerifyContentTests {
  let folder: TemporaryFolder
  /// The 大气处 book and the overview, as `export` wrote them.
  let book: String
  let overview: String

  init() throws {
    folder = try TemporaryFolder()
    let export = try Binary.run(
      "export", "guangzhou-2020", "--out", folder.path, "--unit", "大气处")
    #expect(export.status == 0, "\(export.stderr)")
    book = folder.path + "/08-大气处.xlsx"
    overview = folder.path + "/00-总览.xlsx"
  }

  /// The row (1-based) of the first target of the book with a number in 目标值 (column E),
  /// and that number.
  func firstTargetValue() throws -> (row: Int, value: Double) {
    let sheet = try #require(try Openpyxl.dump(book).sheets.first)
    let header = try #require(sheet.rows(where: "E", is: "目标值").first)
    let (row, cell) = try #require(
      sheet.column("E").filter { $0.key > header && $0.value.number != nil }.min {
        $0.key < $1.key
      })
    return (row, try #require(cell.number))
  }

  /// Lines of standard output that report a difference of `file` (after its verdict line).
  func differences(_ run: Binary.Run, of file: String) -> [String] {
    run.stdout.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix(file + ": ") && !$0.contains(": edited — ") && !$0.contains(": current — ")
    }
  }

  @Test func anUneditedExportIsCurrent() throws {
    defer { folder.remove() }
    let run = try Binary.run("verify", folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\(book): current — guangzhou-2020"))
    #expect(run.stdout.contains("\(overview): current — guangzhou-2020"))
    #expect(run.stdout.contains("\(folder.path): one set — 1 book and the overview"))
  }

  @Test func aChangedNumberIsReportedWithItsSectionRowColumnAndCell() throws {
    defer { folder.remove() }
    let (row, value) = try firstTargetValue()
    let first = try #require(
      try Openpyxl.dump(book).sheets.first?.rows(where: "A", is: "序号").first)
    try Openpyxl.fill(book, entries: ["大气处": ["E\(row)": .number(value - 5)]])
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    let shown = { (n: Double) in String(Int(n)) }
    #expect(
      differences(run, of: book) == [
        "\(book): 一、责任目标 row \(row - first): 目标值 \(shown(value - 5)), plan says "
          + "\(shown(value)) (E\(row))"
      ])
    #expect(run.stdout.hasPrefix("\(book): edited — 1 difference from what guangzhou-2020"))

    // JSON carries the difference, field by field.
    let json = try Binary.run("verify", book, "--format", "json")
    #expect(json.status == 1)
    let results = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let result = try #require(results.first)
    #expect(result["status"] as? String == "edited")
    #expect(result["differenceCount"] as? Int == 1)
    let difference = try #require((result["differences"] as? [[String: Any]])?.first)
    #expect(difference["kind"] as? String == "changed")
    #expect(difference["cell"] as? String == "E\(row)")
    #expect(difference["column"] as? String == "目标值")
    #expect(difference["place"] as? String == "一、责任目标 row \(row - first)")
    #expect(difference["found"] as? String == shown(value - 5))
    #expect(difference["expected"] as? String == shown(value))
  }

  @Test func aChangedUnitNameIsReportedWithItsCell() throws {
    defer { folder.remove() }
    let sheet = try #require(try Openpyxl.dump(book).sheets.first)
    let row = try #require(
      sheet.firstRow("A") { $0.text?.hasPrefix("乙方：") == true })
    try Openpyxl.fill(book, entries: ["大气处": ["A\(row)": .text("乙方：大气处")]])
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    #expect(
      differences(run, of: book) == [
        "\(book): title block: “乙方：大气处”, plan says “乙方：广州市生态环境局大气环境管理处” (A\(row))"
      ])
  }

  @Test func aDeletedRowIsReportedOnceWithWhereItWas() throws {
    defer { folder.remove() }
    let (row, _) = try firstTargetValue()
    let first = try #require(
      try Openpyxl.dump(book).sheets.first?.rows(where: "A", is: "序号").first)
    try Openpyxl.moveRows(book, sheet: "大气处", row: row)
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    let lines = differences(run, of: book)
    #expect(lines.count == 1, "\(run.stdout)")
    #expect(
      lines.first?.hasPrefix(
        "\(book): 一、责任目标 row \(row - first) is missing: 序号 \(row - first), 指标 “")
        == true)
    #expect(lines.first?.hasSuffix("(A\(row))") == true)
  }

  @Test func anAddedRowIsReportedWithItsCell() throws {
    defer { folder.remove() }
    let (row, _) = try firstTargetValue()
    try Openpyxl.moveRows(book, sheet: "大气处", row: row, insert: true)
    try Openpyxl.fill(
      book, entries: ["大气处": ["A\(row)": .number(0), "B\(row)": .text("空气质量优良天数比例")]])
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    #expect(
      differences(run, of: book) == [
        "\(book): 一、责任目标: a row the plan does not have: 序号 0, 指标 “空气质量优良天数比例” (A\(row))"
      ])
  }

  @Test func anEditedOverviewIsReportedBySheet() throws {
    defer { folder.remove() }
    let dump = try Openpyxl.dump(overview)
    let units = try #require(dump.sheet("单位索引"))
    let row = try #require(units.rows(where: "C", is: "大气处").first)
    try Openpyxl.fill(overview, entries: ["单位索引": ["B\(row)": .text("大气处（已改）")]])
    let run = try Binary.run("verify", overview)
    #expect(run.status == 1)
    #expect(
      differences(run, of: overview) == [
        "\(overview): 单位索引 row \(row - 2): 单位 “大气处（已改）”, plan says "
          + "“广州市生态环境局大气环境管理处” (B\(row))"
      ])
  }

  @Test func aFolderWithAnEditedBookIsNotACleanSet() throws {
    defer { folder.remove() }
    let (row, value) = try firstTargetValue()
    try Openpyxl.fill(book, entries: ["大气处": ["E\(row)": .number(value + 1)]])
    let run = try Binary.run("verify", folder.path)
    #expect(run.status == 1)
    #expect(
      run.stdout.hasSuffix(
        "\(folder.path): not a clean set: 1 of its books was edited after the export "
          + "(08-大气处.xlsx)\n"))
    let json = try Binary.run("verify", folder.path, "--format", "json")
    #expect(json.status == 1)
    #expect(json.stderr.contains("not a clean set"))
  }

  /// At most 20 differences a book, then how many more.
  @Test func manyDifferencesAreCapped() throws {
    defer { folder.remove() }
    var entries: [String: Openpyxl.Entry] = [:]
    for n in 1...30 { entries["J\(n)"] = .text("x\(n)") }
    try Openpyxl.fill(book, entries: ["大气处": entries])
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("\(book): edited — 30 differences"))
    let lines = differences(run, of: book)
    #expect(lines.count == 21)
    #expect(lines.last == "\(book): … and 10 more")
  }

  /// Books are untrusted: odd content (far cells, formulas, booleans, errors, control
  /// characters, an extra sheet) is reported, never a crash.
  @Test func oddContentIsReportedNotACrash() throws {
    defer { folder.remove() }
    let script = """
      import sys
      import openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      ws = wb.active
      ws["XFD1048576"] = "far"
      ws["J3"] = "=1/0"
      ws["K3"] = True
      ws["L3"] = "\\u202e\\u009b2J"
      wb.create_sheet("附表")["A1"] = 1
      wb.save(sys.argv[1])
      """
    let edit = try Shell.run(["python3", "-c", script, book])
    #expect(edit.status == 0, "\(edit.stderr)")
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    #expect(!run.stdout.contains("\u{9B}"))
    let lines = differences(run, of: book)
    #expect(lines.contains { $0.hasSuffix("(XFD1048576)") })
    #expect(
      lines.contains {
        $0.hasPrefix("\(book): title block: a row the plan does not have: TRUE, ")
          && $0.hasSuffix("(K3)")
      })
    #expect(lines.contains { $0 == "\(book): sheet “附表” is not in the plan's book" })
  }

  /// A book of an older version of the plan whose snapshot is committed: verify names the
  /// commit, what changed since in `planbook diff` terms, and the command that shows it.
  @Test func aStaleBookNamesTheCommitOfItsVersion() throws {
    defer { folder.remove() }
    let path = "plans/snapshots/guangzhou-2020.json"
    let root = Binary.root.path
    let log = try Shell.run(["git", "-C", root, "log", "--format=%h", "--", path])
    let current = try Shell.run(["sha256sum", root + "/" + path]).stdout.prefix(64)
    var older: (commit: String, fingerprint: String)?
    for commit in log.stdout.split(separator: "\n").map(String.init) {
      let text = try Shell.run(["git", "-C", root, "show", "\(commit):\(path)"]).stdout
      let file = folder.path + "/old.json"
      try Data(text.utf8).write(to: URL(fileURLWithPath: file))
      let sum = String(try Shell.run(["sha256sum", file]).stdout.prefix(64))
      if sum != current {
        older = (commit, sum)
        break
      }
    }
    let (commit, fingerprint) = try #require(older, "no older committed snapshot in git")
    let script = """
      import sys
      import openpyxl
      wb = openpyxl.load_workbook(sys.argv[1])
      for p in wb.custom_doc_props.props:
          if p.name == "PlanBook.Fingerprint": p.value = sys.argv[2]
      wb.save(sys.argv[1])
      """
    #expect(try Shell.run(["python3", "-c", script, book, fingerprint]).status == 0)
    let run = try Binary.run("verify", book)
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("\(book): stale — made from guangzhou-2020") == true)
    // The command verify suggests runs (0: no change it can name, 1: changes; 2 is trouble).
    let diff = try Binary.run("diff", "guangzhou-2020@\(commit)", "guangzhou-2020")
    #expect(diff.status != 2, "\(diff.stderr)")
    #expect(lines.count == 2)
    #expect(
      lines.last?.hasPrefix("\(book): made from guangzhou-2020@\(commit); since then: ") == true)
    #expect(
      lines.last?.hasSuffix(" — `planbook diff guangzhou-2020@\(commit) guangzhou-2020` shows what")
        == true)
  }
}
