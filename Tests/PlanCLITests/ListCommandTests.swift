import Foundation
import Testing

struct ListCommandTests {
  @Test func listsThePlansAsText() throws {
    let run = try Binary.run("list")
    #expect(run.status == 0)
    try expectGolden(run.stdout, "list.txt")
  }

  @Test func listsThePlansAsJSON() throws {
    let run = try Binary.run("list", "--format", "json")
    #expect(run.status == 0)
    let rows = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let gz = try #require(rows.first { $0["id"] as? String == "guangzhou-2020" })
    #expect(gz["tasks"] as? Int == 34)
    #expect(gz["targets"] as? Int == 13)
    #expect((gz["period"] as? [String: String])?["end"] == "2020-12-31")
  }
}
