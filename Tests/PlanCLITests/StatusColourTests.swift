import Foundation
import TestSupport
import Testing
import XlsxReader

/// Issue 19 (1): `status` shows each item's warning colour beside its class — text, JSON and
/// the dashboard — with its history month by month.
@Suite struct StatusColourTests {
  @Test func theJSONCarriesTheColourAndItsHistory() throws {
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json")
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(
      json["colourDays"] as? [String] == ["2020-06-30", "2020-07-31", "2020-08-31", "2020-09-30"])
    let tasks = try #require(json["tasks"] as? [[String: Any]])
    func colour(_ number: String) -> [String: Any]? {
      tasks.first { $0["number"] as? String == "\(number)" }?["colour"] as? [String: Any]
    }
    // 第5项, due 30 June, is 欠进度 on that day and 逾期 from July: yellow, then red.
    let five = try #require(colour("5"))
    #expect(five["code"] as? String == "red")
    #expect(five["name"] as? String == "红")
    #expect((five["history"] as? [String?])?.map { $0 ?? "-" } == ["yellow", "red", "red", "red"])
    #expect((five["reason"] as? String)?.hasPrefix("逾期未完成（完成时限2020-06-30") == true)
    let nine = try #require(colour("9"))
    #expect(nine["code"] as? String == "yellow")
    #expect(nine["reason"] as? String == "欠进度：完成62%，序时进度74.9%")
    // A target not yet due has no colour.
    let targets = try #require(json["targets"] as? [[String: Any]])
    let diesel = try #require(targets.first { $0["id"] as? String == "diesel-spot-checks" })
    #expect(diesel["colour"] == nil)
  }

  @Test func theDashboardFillsAndNamesTheColour() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("status.xlsx").path
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", path)
    #expect(run.status == 0, "\(run.stderr)")
    let cells = try XlsxFile(path: path).cells(sheet: "任务进度")
    #expect(cells["H2"]?.displayText == "预警")
    let row = try #require(
      (3...40).first { cells["A\($0)"]?.displayText == "5" })
    #expect(cells["F\(row)"]?.displayText == "逾期")
    #expect(cells["H\(row)"]?.displayText == "红")
  }
}
