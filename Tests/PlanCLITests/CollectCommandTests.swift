import Foundation
import TestSupport
import Testing

/// The README's round trip: template → fill → collect → status, in a scratch repository.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct CollectCommandTests {
  @Test func templateFillCollectStatus() throws {
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let out = root.url.appendingPathComponent("templates").path
    let template = try Binary.run(
      "template", "guangzhou-2020", "--period", "2020-09", "--unit", "大气处", "--out", out,
      environment: env)
    #expect(template.status == 0, "\(template.stderr)")
    #expect(template.stdout.hasPrefix("guangzhou-2020: 1 template for 2020-09 in \(out)\n"))
    let path = out + "/2020年9月-08-大气处.xlsx"

    let dump = try Openpyxl.dump(path)
    let sheet = try #require(dump.sheet("填报"))
    let pm = try #require(sheet.rows(where: "A", is: "target:pm25").first)
    let coal = try #require(sheet.rows(where: "A", is: "task:coal").first)
    try Openpyxl.fill(
      path,
      entries: [
        "填报": [
          "F\(pm)": .number(28.4), "G\(pm)": .text("累计"),
          "F\(coal)": .text("推进中"), "G\(coal)": .number(80),
        ]
      ])

    let collect = try Binary.run("collect", "guangzhou-2020", path, environment: env)
    #expect(collect.status == 0, "\(collect.stderr)")
    #expect(collect.stdout.hasPrefix("2020-09.csv: 2 rows from 大气处 (2020年9月-08-大气处.xlsx)\n"))
    let csv = try String(
      contentsOfFile: root.path + "/plans/progress/guangzhou-2020/2020-09.csv", encoding: .utf8)
    #expect(csv.contains("target,pm25,28.4,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,"))

    let status = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--unit", "大气处", "--format", "json",
      environment: env)
    #expect(status.status == 0, "\(status.stderr)")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let tasks = try #require(view["tasks"] as? [[String: Any]])
    let coalStatus = try #require(tasks.first { $0["id"] as? String == "coal" })
    #expect(coalStatus["percent"] as? Double == 80)
    #expect((coalStatus["status"] as? [String: String])?["code"] == "onTrack")

    // Collecting the same workbook again needs --replace.
    let again = try Binary.run("collect", "guangzhou-2020", path, environment: env)
    #expect(again.status == 1)
    #expect(again.stderr.contains("2020-09.csv中已有大气处的2行"))
    #expect(again.stderr.hasSuffix("guangzhou-2020: nothing collected (1 problem)\n"))
    let replaced = try Binary.run("collect", "guangzhou-2020", path, "--replace", environment: env)
    #expect(replaced.status == 0, "\(replaced.stderr)")
  }

  @Test func badArguments() throws {
    let period = try Binary.run("template", "guangzhou-2020", "--period", "2020Q3")
    #expect(period.status == 64)
    #expect(period.stderr.contains("--period '2020Q3' is not a month (write 2020-09 or 2020年9月)"))
    let outside = try Binary.run("template", "guangzhou-2020", "--period", "2021-01")
    #expect(outside.status == 64)
    let none = try Binary.run("collect", "guangzhou-2020")
    #expect(none.status == 64)
    let missing = try Binary.run("collect", "guangzhou-2020", "/nonexistent/x.xlsx")
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("x.xlsx: "))
  }
}

/// Issue 14, items 10 and 11: what `collect` takes from a returned workbook, what it says back.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct CollectLoopTests {
  /// A scratch workspace with the September templates of 大气处 and 市水务局.
  func setUp() throws -> (TemporaryFolder, [String: String], air: String, water: String) {
    let root = try TemporaryFolder.workspace()
    let env = ["PLANBOOK_ROOT": root.path]
    let out = root.url.appendingPathComponent("templates").path
    let made = try Binary.run(
      "template", "guangzhou-2020", "--period", "2020-9", "--unit", "大气处", "--unit", "市水务局",
      "--out", out, environment: env)
    #expect(made.status == 0, "\(made.stderr)")
    return (root, env, out + "/2020年9月-08-大气处.xlsx", out + "/2020年9月-39-市水务局.xlsx")
  }

  func rows(_ path: String) throws -> [String: Int] {
    let sheet = try #require(try Openpyxl.dump(path).sheet("填报"))
    var found: [String: Int] = [:]
    for key in [
      "target:pm25", "target:taxi-electric", "task:coal", "preparer", "reviewer",
    ] {
      found[key] = sheet.rows(where: "A", is: key).first
    }
    return found
  }

  @Test func percentSignsNotesNamesBlankWorkbooksAndWhoIsMissing() throws {
    let (root, env, air, water) = try setUp()
    defer { root.remove() }
    let r = try rows(air)
    let pm = try #require(r["target:pm25"])
    let taxi = try #require(r["target:taxi-electric"])
    let coal = try #require(r["task:coal"])
    let note = "年均浓度，１月至当月累计；同比：（下降）３．２％　见附件"
    try Openpyxl.fill(
      air,
      entries: [
        "填报": [
          "F\(pm)": .number(28.4), "G\(pm)": .text("累计"), "H\(pm)": .text(note),
          "F\(taxi)": .text("80%"), "G\(taxi)": .text("累计"),
          "F\(coal)": .text("推进中"), "G\(coal)": .number(70),
          "F\(try #require(r["preparer"]))": .text("张三 020-12345678"),
          "F\(try #require(r["reviewer"]))": .text("李四"),
        ]
      ])
    let run = try Binary.run(
      "collect", "guangzhou-2020", air, water, "--period", "2020年9月", environment: env)
    #expect(run.status == 0, "\(run.stderr)")
    // The blank workbook is a warning naming its unit, and is not collected.
    #expect(
      run.stderr
        == "warning: 2020年9月-39-市水务局.xlsx：市水务局报回的填报表是空白的（没有填写任何数值或状态），未收集\n")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "2020-09.csv: 3 rows from 大气处 (2020年9月-08-大气处.xlsx)")
    // The units still owing September's report, 市水务局 among them, 大气处 not.
    let missing = try #require(lines.last)
    #expect(missing.hasPrefix("2020-09 尚未报送（39个单位）：办公室、"))
    #expect(missing.contains("、市水务局、"))
    #expect(!missing.contains("大气处"))

    let csv = try String(
      contentsOfFile: root.path + "/plans/progress/guangzhou-2020/2020-09.csv", encoding: .utf8)
    #expect(
      csv.hasPrefix("kind,id,value,unit,basis,state,percent,reporter,date,note,preparer,reviewer\n")
    )
    // The note exactly as typed; 80% in a % target's value cell is 80.
    #expect(
      csv.contains(
        "target,pm25,28.4,微克/立方米,ytd,,,gz-eeb-air,2020-09-30,\(note),张三 020-12345678,李四\n"))
    #expect(
      csv.contains("target,taxi-electric,80,%,ytd,,,gz-eeb-air,2020-09-30,,张三 020-12345678,李四\n"))
  }

  @Test func problemsGoBackInChineseWithTheCell() throws {
    let (root, env, air, _) = try setUp()
    defer { root.remove() }
    let r = try rows(air)
    let pm = try #require(r["target:pm25"])
    let coal = try #require(r["task:coal"])
    try Openpyxl.fill(
      air,
      entries: [
        "填报": [
          "F\(pm)": .text("三十"), "G\(pm)": .text("累计"),
          "F\(coal)": .text("已完成"), "G\(coal)": .number(90),
        ]
      ])
    let run = try Binary.run("collect", "guangzhou-2020", air, environment: env)
    #expect(run.status == 1)
    #expect(
      run.stderr
        == "2020年9月-08-大气处.xlsx: 填报!F\(pm): “三十”不是数字（请只填写数字，如35.5）\n"
        + "2020年9月-08-大气处.xlsx: 填报!G\(coal): 完成%90与“已完成”不符（应为100）\n"
        + "guangzhou-2020: nothing collected (2 problems)\n")
  }
}
