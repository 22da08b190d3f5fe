import Foundation
import TestSupport
import Testing
import XlsxReader

/// Issue 19 (2, 3): `planbook supervise` month by month over the Guangzhou sample reports, in a
/// scratch workspace: notices, escalation through the ledger, and re-running a day.
@Suite struct SuperviseCommandTests {
  static let progress = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020")

  /// Copies the month's sample report into the scratch workspace and supervises its last day.
  static func month(
    _ m: String, _ day: String, root: TemporaryFolder
  ) throws -> Binary.Run {
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let name = "2020-\(m).csv"
    let target = folder.appendingPathComponent(name)
    if !FileManager.default.fileExists(atPath: target.path) {
      try FileManager.default.copyItem(at: progress.appendingPathComponent(name), to: target)
    }
    return try Binary.run(
      "supervise", "guangzhou-2020", "--as-of", day, environment: ["PLANBOOK_ROOT": root.path])
  }

  static func bytes(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test func threeMonthsOfEscalationWithTheLedger() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let ledger = root.path + "/plans/progress/guangzhou-2020/supervision.json"
    let exports = root.path + "/exports/guangzhou-2020/supervision"

    let june = try Self.month("06", "2020-06-30", root: root)
    #expect(june.status == 0, "\(june.stderr)")
    #expect(june.stdout.hasPrefix("guangzhou-2020: 11 notices as of 2020-06-30 issued in "))
    #expect(june.stdout.contains("  督办〔2020〕11号  信息中心  黄1  督办〔2020〕11号-23-信息中心.xlsx\n"))
    #expect(june.stdout.hasSuffix("(11 notices)\n"))

    // July: 信息中心 reported nothing on task 30 after its June notice: raised to red.
    let july = try Self.month("07", "2020-07-31", root: root)
    #expect(july.status == 0, "\(july.stderr)")
    #expect(july.stdout.contains("6 notices as of 2020-07-31 issued"))
    #expect(
      july.stdout.contains(
        "  督办〔2020〕17号  信息中心  红1  督办〔2020〕17号-23-信息中心.xlsx\n"
          + "    第30项：督办〔2020〕11号（黄色）督办后至反馈时限未见进展，提级督办（红色）\n"))

    // The notice as printed: read back from the workbook.
    let book = try XlsxFile(path: exports + "/2020-07-31/督办〔2020〕17号-23-信息中心.xlsx")
    let cells = try book.cells(sheet: "督办单")
    #expect(cells["A2"]?.displayText == "红色督办")
    #expect(cells["E2"]?.displayText == "督办〔2020〕17号")
    #expect(cells["A3"]?.displayText == "被督办单位：广州市生态环境局信息中心")
    #expect(cells["B6"]?.displayText == "30")
    #expect(cells["C6"]?.displayText.hasPrefix("完善信息化监管体系。推进生态环境数据资源整合共享。") == true)
    #expect(cells["E6"]?.displayText == "红")
    #expect(cells["G6"]?.displayText == "58.2%")
    #expect(
      cells["H6"]?.displayText
        == "未开始，序时进度58.2%；督办〔2020〕11号（黄色）督办后至反馈时限未见进展，提级督办（红色）")

    // August: red again for what is still not moving; numbers go on from the ledger.
    let august = try Self.month("08", "2020-08-31", root: root)
    #expect(august.status == 0, "\(august.stderr)")
    #expect(august.stdout.contains("3 notices as of 2020-08-31 issued"))
    #expect(august.stdout.contains("第30项：督办〔2020〕17号（红色）督办后至反馈时限未见进展，再次督办（红色）"))
    #expect(august.stdout.hasSuffix("(20 notices)\n"))

    // Re-running August changes nothing: the same ledger bytes, the same notice bytes.
    let ledgerBefore = try Self.bytes(ledger)
    let folder = exports + "/2020-08-31"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasSuffix(".xlsx")
    }.sorted()
    #expect(names.count == 3)
    let before = try names.map { try Self.bytes(folder + "/" + $0) }
    let again = try Self.month("08", "2020-08-31", root: root)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stdout.contains("3 notices as of 2020-08-31 issued earlier (the ledger has them)"))
    #expect(try Self.bytes(ledger) == ledgerBefore)
    #expect(try names.map { try Self.bytes(folder + "/" + $0) } == before)

    // September, then an earlier day without notices of its own is refused.
    let september = try Self.month("09", "2020-09-30", root: root)
    #expect(september.status == 0, "\(september.stderr)")
    #expect(september.stdout.hasSuffix("(22 notices)\n"))
    let backwards = try Binary.run(
      "supervise", "guangzhou-2020", "--as-of", "2020-07-15",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(backwards.status == 1)
    #expect(backwards.stderr.contains("supervision runs forward"))
    #expect(try Self.bytes(ledger).count > ledgerBefore.count)
  }

  @Test func aBrokenLedgerIsRefusedWhole() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("{\"schema\": \"planbook.supervision\"".utf8).write(
      to: folder.appendingPathComponent("supervision.json"))
    let run = try Self.month("09", "2020-09-30", root: root)
    #expect(run.status == 1)
    #expect(run.stderr.contains("supervision.json: not a supervision ledger"))
    #expect(run.stderr.hasSuffix("guangzhou-2020: no notices issued\n"))
    #expect(!FileManager.default.fileExists(atPath: root.path + "/exports"))
  }

  @Test func badArguments() throws {
    let run = try Binary.run("supervise", "guangzhou-2020", "--as-of", "2020-13-01")
    #expect(run.status == 64)
    #expect(run.stderr.contains("--as-of '2020-13-01' is not a date"))
  }
}

/// `supervise --pdf`: each notice printed to PDF beside its workbook, the same bytes again.
@Suite(.enabled(if: LibreOffice.isAvailable, "needs LibreOffice (scripts/test-setup)"))
struct SupervisePDFTests {
  @Test func noticesAsPDF() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let out = root.path + "/notices"
    _ = try SuperviseCommandTests.month("06", "2020-06-30", root: root)
    let july = try SuperviseCommandTests.month("07", "2020-07-31", root: root)
    #expect(july.status == 0, "\(july.stderr)")
    let run = try Binary.run(
      "supervise", "guangzhou-2020", "--as-of", "2020-07-31", "--pdf", "--out", out,
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out).filter {
      !$0.hasPrefix(".")
    }.sorted()
    #expect(files.count == 12)
    #expect(files.contains("督办〔2020〕17号-23-信息中心.pdf"))
    let pdf = try SuperviseCommandTests.bytes(out + "/督办〔2020〕17号-23-信息中心.pdf")
    #expect(pdf.starts(with: Data("%PDF".utf8)))
    let again = try Binary.run(
      "supervise", "guangzhou-2020", "--as-of", "2020-07-31", "--pdf", "--out", out,
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try SuperviseCommandTests.bytes(out + "/督办〔2020〕17号-23-信息中心.pdf") == pdf)
  }
}
