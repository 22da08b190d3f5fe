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
    let path = out + "/2020-09-08-大气处.xlsx"

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
    #expect(collect.stdout == "2020-09.csv: 2 rows from 大气处 (2020-09-08-大气处.xlsx)\n")
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
    #expect(again.stderr.contains("2020-09.csv already has 2 rows from 大气处"))
    #expect(again.stderr.hasSuffix("guangzhou-2020: nothing collected (1 problem)\n"))
    let replaced = try Binary.run("collect", "guangzhou-2020", path, "--replace", environment: env)
    #expect(replaced.status == 0, "\(replaced.stderr)")
  }

  @Test func badArguments() throws {
    let period = try Binary.run("template", "guangzhou-2020", "--period", "2020Q3")
    #expect(period.status == 64)
    #expect(period.stderr.contains("--period '2020Q3' is not a month (YYYY-MM)"))
    let outside = try Binary.run("template", "guangzhou-2020", "--period", "2021-01")
    #expect(outside.status == 64)
    let none = try Binary.run("collect", "guangzhou-2020")
    #expect(none.status == 64)
    let missing = try Binary.run("collect", "guangzhou-2020", "/nonexistent/x.xlsx")
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("x.xlsx: "))
  }
}
