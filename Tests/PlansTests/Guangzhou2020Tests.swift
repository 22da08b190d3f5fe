import Foundation
import PlanEngine
import PlanModel
import Plans
import Testing

/// The Guangzhou 2020 plan against its seed, read independently of the engine.
struct Guangzhou2020Tests {
  let plan = Catalogue.plan("guangzhou-2020")!
  let seed: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return try! String(
      contentsOf: root.appendingPathComponent("seeds/003_e4c9d4035ce7ad05.txt"), encoding: .utf8)
  }()

  /// The seed's numbered lines (`13.巩固燃煤整治效果。…`) and chapter headings (`三、…`).
  var seedTasks: [(Int, String)] {
    seed.split(separator: "\n").compactMap { line in
      guard let dot = line.firstIndex(of: "."), let n = Int(line[..<dot]) else { return nil }
      return (n, String(line[line.index(after: dot)...]))
    }
  }
  var seedChapters: [String] {
    seed.split(separator: "\n").compactMap { line in
      guard let mark = line.firstIndex(of: "、"), line.distance(from: line.startIndex, to: mark) == 1
      else { return nil }
      return String(line[line.index(after: mark)...])
    }
  }

  @Test func hasTheSeedsFiveChaptersInOrder() {
    #expect(seedChapters.count == 5)
    #expect(plan.model.chapters.map(\.title) == seedChapters)
    #expect(plan.model.chapters.map(\.number) == [1, 2, 3, 4, 5])
    #expect(plan.model.chapters.map { $0.tasks.count } == [3, 9, 11, 4, 7])
  }

  @Test func hasAll34TasksWithTheirExactText() {
    let tasks = plan.model.allTasks
    #expect(seedTasks.count == 34)
    #expect(tasks.count == 34)
    #expect(tasks.map(\.number) == Array(1...34))
    for (task, (n, text)) in zip(tasks, seedTasks) {
      #expect(task.number == n)
      #expect(task.text == text, "task \(n)")
    }
    #expect(tasks[12].title == "巩固燃煤整治效果")
    #expect(Set(tasks.map(\.id)).count == 34)
  }

  @Test func hasTheOpeningParagraphsTargets() throws {
    let targets = Dictionary(uniqueKeysWithValues: plan.model.targets.map { ($0.id, $0) })
    #expect(plan.model.targets.count == 13)
    let pm25 = try #require(targets["pm25"])
    #expect(pm25.requirement == .atMost(35, "微克/立方米"))
    #expect(targets["air-quality"]?.requirement == .qualitative("达到省考核要求"))
    #expect(targets["drinking-water"]?.requirement == .atLeast(100, "%"))
    #expect(targets["water-sections"]?.requirement == .count(atLeast: 13, "个"))
    #expect(targets["good-sections"]?.requirement == .atLeast(61.5, "%"))
    #expect(targets["lost-function"]?.requirement == .equal(0, "%"))
    #expect(targets["land-safe-use"]?.requirement == .atLeast(90, "%"))
    #expect(targets["cod"]?.requirement == .reduction(by: 14.7, against: 2015))
    #expect(targets["nh3n"]?.requirement == .reduction(by: 18.4, against: 2015))
    #expect(targets["so2"]?.requirement == .reduction(by: 9.9, against: 2015))
    #expect(targets["nox"]?.requirement == .reduction(by: 9.5, against: 2015))
    #expect(targets["carbon-intensity"]?.requirement == .reduction(by: 1.1, against: 2019))
    #expect(targets["carbon-intensity-13fyp"]?.requirement == .reduction(by: 23, against: 2015))
    // Every figure of the opening paragraph is stated in the seed.
    let opening = seed.split(separator: "\n")[1]
    for figure in [
      "35微克", "100%", "13个", "61.5%", "90%", "14.7%", "18.4%", "9.9%", "9.5%", "1.1%", "23%",
    ] {
      #expect(opening.contains(figure), "\(figure)")
    }
  }

  @Test func hasTheTaskLevelFigures() throws {
    let figures = Dictionary(
      uniqueKeysWithValues: plan.model.allTasks.flatMap { t in
        t.figures.map { ($0.id, (t.number, $0)) }
      })
    #expect(figures["biomass-boilers"]?.0 == 13)
    #expect(figures["biomass-boilers"]?.1.requirement == .count(atLeast: 135, "台"))
    #expect(figures["taxi-electric"]?.1.requirement == .share(atLeast: 90, of: "新增或更新的巡游出租车"))
    let diesel = try #require(figures["diesel-spot-checks"])
    #expect(diesel.0 == 15)
    #expect(diesel.1.requirement == .share(atLeast: 50, of: "柴油车保有量"))
    #expect(diesel.1.period?.dueDay == Day(2020, 12, 31))
    #expect(figures["ship-fuel-checks"]?.1.requirement == .count(atLeast: 1000, "艘次"))
  }

  @Test func isCleanAndEveryTaskHasALead() {
    let resolved = Resolver.resolve(plan.model)
    let diagnostics = Checker.check(resolved, source: .text(seed))
    #expect(plan.problems.isEmpty)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(resolved.tasks.allSatisfy { !$0.lead.isEmpty })
    #expect(resolved.targets.allSatisfy { !$0.lead.isEmpty })
    // Keyword rules put the topical tasks where they belong.
    let byNumber = Dictionary(uniqueKeysWithValues: resolved.tasks.map { ($0.task.number, $0) })
    #expect(byNumber[3]?.lead == ["gz-eeb-discipline"])
    #expect(byNumber[14]?.lead == ["gz-eeb-air"])
    #expect(byNumber[14]?.cooperating == ["gz-housing", "gz-urban", "gz-police"])
    #expect(byNumber[15]?.leadOrigin == .declared)
    #expect(byNumber[34]?.lead == ["gz-eeb-office"])
    // Two deadlines come from keyword rules; the rest from `.all`: the year's end.
    #expect(byNumber[5]?.dueDay == Day(2020, 6, 30))
    #expect(byNumber[6]?.dueDay == Day(2020, 9, 30))
    #expect(
      byNumber.values.filter { ![5, 6].contains($0.task.number) }.allSatisfy {
        $0.dueDay == Day(2020, 12, 31)
      })
  }

  @Test func declarationsPointAtThePlanFile() throws {
    let file = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("plans/guangzhou_2020.swift"), encoding: .utf8)
    let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(plan.model.location?.file == "plans/guangzhou_2020.swift")
    let task = plan.model.allTasks[12]
    #expect(task.location?.file == "plans/guangzhou_2020.swift")
    let line = try #require(task.location?.line)
    #expect(lines[line - 1].contains("Item("))
    #expect(lines[line].contains("13, id: \"coal\""))
    let pm25 = try #require(plan.model.targets.first?.location?.line)
    #expect(lines[pm25 - 1].contains("Target(\"pm25\""))
  }
}
