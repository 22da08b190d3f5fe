import Foundation
import Testing

struct ShowCommandTests {
  @Test func showsTheResolvedPlan() throws {
    let run = try Binary.run("show", "guangzhou-2020")
    #expect(run.status == 0)
    try expectGolden(run.stdout, "show-guangzhou-2020.txt")
  }

  @Test func showsOneUnitsShareByIDOrName() throws {
    let byID = try Binary.run("show", "guangzhou-2020", "--unit", "gz-eeb-air")
    #expect(byID.status == 0)
    try expectGolden(byID.stdout, "show-guangzhou-2020-air.txt")
    let byName = try Binary.run("show", "guangzhou-2020", "--unit", "大气处")
    #expect(byName.stdout == byID.stdout)
  }

  /// A unit holding a share of a split target (番禺分局's PM2.5 ≤ 33 of the city's ≤ 35) sees
  /// that target, with its own share alone: before, its view said `0 targets`.
  @Test func aShareHolderSeesTheTargetWithItsShare() throws {
    let run = try Binary.run("show", "guangzhou-2020", "--unit", "番禺分局")
    #expect(run.status == 0)
    #expect(run.stdout.contains(", 1 target, "), "\(run.stdout)")
    #expect(
      run.stdout.contains(
        "  pm25  PM2.5平均浓度  ≤ 35 微克/立方米\n      role: share\n      share: 番禺分局  ≤ 33 微克/立方米\n"
      ), "\(run.stdout)")
    let json = try Binary.run("show", "guangzhou-2020", "--unit", "番禺分局", "--format", "json")
    let view = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let targets = view?["targets"] as? [[String: Any]] ?? []
    let pm25 = try #require(targets.first { $0["id"] as? String == "pm25" })
    #expect(pm25["role"] as? String == "share")
    let shares = pm25["shares"] as? [[String: Any]] ?? []
    #expect(shares.count == 1)
    #expect(shares.first?["unit"] as? String == "gz-eeb-panyu")
    #expect(shares.first?["requirement"] as? String == "≤ 33 微克/立方米")
  }

  @Test func anUnknownUnitIsABadArgument() throws {
    let run = try Binary.run("show", "guangzhou-2020", "--unit", "空气处")
    #expect(run.status == 64)
    #expect(
      run.stderr.hasPrefix("Error: unknown unit '空气处' in guangzhou-2020; did you mean 大气处?\n"))
  }

  /// A mistyped id is answered with the short name people use, the same in every command
  /// that takes `--unit`; a name near none is answered with the units that have a share.
  @Test func anUnknownUnitSuggestsAShortName() throws {
    let id = try Binary.run(
      "template", "guangzhou-2020", "--period", "2020-10", "--unit", "gz-eeb-ari")
    #expect(id.status == 64)
    #expect(
      id.stderr.hasPrefix(
        "Error: unknown unit 'gz-eeb-ari' in guangzhou-2020; did you mean 大气处?\n"))
    let far = try Binary.run("show", "guangzhou-2020", "--unit", "火星处")
    #expect(far.status == 64)
    #expect(
      far.stderr.hasPrefix(
        "Error: unknown unit '火星处' in guangzhou-2020; units with a share: 办公室、"))
  }

  @Test func showsAsJSON() throws {
    let run = try Binary.run("show", "guangzhou-2020", "--unit", "gz-eeb-water", "--format", "json")
    #expect(run.status == 0)
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let tasks = try #require(view["tasks"] as? [[String: Any]])
    #expect(tasks.map { $0["number"] as? Int } == [11, 17, 18])
    #expect(tasks.map { $0["role"] as? String } == ["cooperating", "lead", "lead"])
    #expect(tasks[1]["due"] as? String == "2020-12-31")
    #expect((tasks[1]["deadline"] as? [String: Any])?["kind"] as? String == "endOfYear")
    let targets = try #require(view["targets"] as? [[String: Any]])
    #expect(
      targets.map { $0["id"] as? String } == [
        "drinking-water", "water-sections", "good-sections", "lost-function",
        "drinking-source-survey",
      ])
  }

  @Test func loadsAPlanFromItsSnapshotPath() throws {
    let path = Binary.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json").path
    let fromSnapshot = try Binary.run("show", path)
    let fromCode = try Binary.run("show", "guangzhou-2020")
    #expect(fromSnapshot.status == 0)
    #expect(fromSnapshot.stdout == fromCode.stdout)
    let check = try Binary.run("check", path)
    #expect(check.status == 0)
    #expect(check.stdout == "guangzhou-2020: 0 errors, 0 warnings\n")
  }
}
