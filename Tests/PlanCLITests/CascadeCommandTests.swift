import Foundation
import TestSupport
import Testing

/// `planbook cascade`: each target of guangzhou-2020 down to the illustrative district plan
/// that implements it.
struct CascadeCommandTests {
  @Test func theTextListsEachLevelWithItsStatus() throws {
    let run = try Binary.run("cascade", "guangzhou-2020", "--as-of", "2020-09-30")
    #expect(run.status == 0, "\(run.stderr)")
    try expectGolden(run.stdout, "cascade-guangzhou-2020-2020-09-30.txt")
  }

  @Test func withoutADateThereIsNoStatus() throws {
    let run = try Binary.run("cascade", "guangzhou-2020")
    #expect(run.status == 0)
    #expect(!run.stdout.contains("状态"))
    #expect(
      run.stdout.contains(
        "    1   panyu-2020-illustrative  pm25  整体  大气股    ≤ 33 微克/立方米  guangzhou-2020/pm25\n"))
  }

  typealias Object = [String: Any]

  @Test func jsonHasEveryLevelOfTheChain() throws {
    let run = try Binary.run(
      "cascade", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json")
    #expect(run.status == 0, "\(run.stderr)")
    let doc = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? Object)
    #expect(doc["plan"] as? String == "guangzhou-2020")
    #expect(doc["asOf"] as? String == "2020-09-30")
    let plans = try #require(doc["plans"] as? [Object])
    #expect(plans.map { $0["plan"] as? String } == ["guangzhou-2020", "panyu-2020-illustrative"])
    #expect(plans[1]["level"] as? Int == 1)
    #expect(plans[1]["parent"] as? String == "guangzhou-2020")
    #expect(plans[1]["parentUnit"] as? String == "gz-eeb-panyu")
    #expect((plans[1]["reports"] as? [Any])?.isEmpty == true)
    #expect((plans[0]["reports"] as? [String])?.count == 4)
    let chains = try #require(doc["chains"] as? [Object])
    #expect(chains.count == 13)
    let pm25 = try #require(chains.first { $0["target"] as? String == "pm25" })
    let rows = try #require(pm25["rows"] as? [Object])
    #expect(rows.map { $0["level"] as? Int } == [0, 0, 1, 1, 1])
    #expect(
      rows.map { $0["share"] as? String } == [nil, "gz-eeb-panyu", nil, "pyb-shiqiao", "pyb-dashi"])
    #expect(rows[0]["summary"] as? String == "≤ 35 微克/立方米")
    #expect(rows[0]["status"] as? String == "met" && rows[0]["statusChinese"] as? String == "达标")
    #expect(rows[0]["measured"] as? Double == 28.4)
    #expect(rows[0]["units"] as? [String] == ["大气处"])
    #expect(rows[1]["units"] as? [String] == ["番禺分局"])
    #expect(rows[1]["status"] as? String == "met" && rows[1]["measured"] as? Double == 29.8)
    #expect(rows[2]["status"] as? String == "noData")  // the district plan has no reports
    #expect(rows[2]["plan"] as? String == "panyu-2020-illustrative")
    #expect(rows[2]["implements"] as? String == "guangzhou-2020/pm25")
    let requirement = try #require(rows[4]["requirement"] as? Object)
    #expect(
      requirement["direction"] as? String == "atMost" && requirement["value"] as? Double == 32)
    // Without --as-of: no status fields, no asOf.
    let plain = try Binary.run("cascade", "guangzhou-2020", "--format", "json")
    #expect(!plain.stdout.contains("\"status\"") && !plain.stdout.contains("\"asOf\""))
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func theWorkbookHasOneRowPerTargetPerLevel() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("指标分解表.xlsx").path
    let run = try Binary.run(
      "cascade", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "guangzhou-2020: 指标分解表 written to \(path)\n")
    let book = try Openpyxl.dump(path)
    let sheet = try #require(book.sheet("指标分解表"))
    #expect(sheet.text("A1") == "2020年广州市生态环境保护工作计划 指标分解表")
    #expect(
      (1...9).map { sheet.text("\(["A", "B", "C", "D", "E", "F", "G", "H", "I"][$0 - 1])3") }
        == ["层级", "计划", "指标", "类别", "责任单位", "要求", "落实上级指标", "状态", "实际值"])
    #expect(sheet.text("A4") == "指标 pm25　PM2.5平均浓度")
    #expect(sheet.text("B5") == "guangzhou-2020" && sheet.text("H5") == "达标")
    #expect(sheet.text("D6") == "分解" && sheet.text("E6") == "番禺分局")
    #expect(sheet.text("F6") == "≤ 33 微克/立方米" && sheet.text("H6") == "达标")
    #expect(sheet.text("H7") == "无数据")
    #expect(sheet.text("A7") == "1" && sheet.text("B7") == "panyu-2020-illustrative")
    #expect(sheet.text("G7") == "guangzhou-2020/pm25")
    #expect(sheet.text("E9") == "大石街" && sheet.text("F9") == "≤ 32 微克/立方米")
    // Printable: A4 landscape, one page wide, page numbers.
    #expect(sheet.print.paper == 9 && sheet.print.orientation == "landscape")
    #expect(sheet.print.fitToWidth == 1)
    #expect(sheet.print.footer?.contains("第 &P 页 共 &N 页") == true)
    #expect(book.custom["PlanBook.Kind"] == "cascade")
    // Byte-deterministic.
    let again = folder.url.appendingPathComponent("again.xlsx").path
    _ = try Binary.run(
      "cascade", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", again)
    #expect(
      FileManager.default.contents(atPath: path) == FileManager.default.contents(atPath: again))
  }

  @Test func aBadDateIsAUsageError() throws {
    let run = try Binary.run("cascade", "guangzhou-2020", "--as-of", "2020-13-01")
    #expect(run.status == 64)
    #expect(run.stderr.contains("--as-of '2020-13-01' is not a date"))
  }
}
