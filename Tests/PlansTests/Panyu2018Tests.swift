import Foundation
import PlanEngine
import PlanModel
import Plans
import Testing

/// The Panyu 2018 plan against its seed, read independently of the engine.
struct Panyu2018Tests {
  let plan = Catalogue.plan("panyu-2018")!
  let seed: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return try! String(
      contentsOf: root.appendingPathComponent("seeds/004_a762016b836e1281.txt"), encoding: .utf8)
  }()

  /// The lines of the plan part of the seed: after "2018年工作计划", up to the sign-off.
  var planLines: [String] {
    let lines = seed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = lines.firstIndex(of: "2018年工作计划")! + 1
    let end = lines[start...].firstIndex(of: "番禺区环境保护局")!
    return Array(lines[start..<end])
  }

  /// The chapter headings (`三、…`) of the plan part, without their numeral.
  var seedChapters: [String] {
    planLines.compactMap { line in
      guard let mark = line.firstIndex(of: "、"), line.distance(from: line.startIndex, to: mark) == 1
      else { return nil }
      return String(line[line.index(after: mark)...])
    }
  }

  /// The numbered lines (`3.加强信访人的回访工作…`) between two lines of the plan part.
  func numberedLines(after first: String, before last: String) -> [(Int, String)] {
    let lines = planLines
    let from = lines.firstIndex(of: first)! + 1
    let to = lines[from...].firstIndex(of: last)!
    return lines[from..<to].compactMap { line in
      guard let dot = line.firstIndex(of: "."), let n = Int(line[..<dot]) else { return nil }
      return (n, String(line[line.index(after: dot)...]))
    }
  }

  static let towns = [
    "市桥街", "沙头街", "东环街", "桥南街", "小谷围街", "大石街", "洛浦街", "石壁街", "钟村街", "大龙街",
    "南村镇", "新造镇", "化龙镇", "石楼镇", "沙湾镇", "石碁镇",
  ]

  @Test func hasTheSeedsSevenChaptersInOrder() {
    #expect(seedChapters.count == 7)
    #expect(plan.model.chapters.map(\.title) == seedChapters)
    #expect(plan.model.chapters.map(\.number) == Array(1...7))
    #expect(plan.model.chapters.map { $0.allTasks.count } == [3, 2, 3, 6, 8, 1, 1])
    #expect(plan.model.numbering == .perChapter)
    #expect(plan.model.period == .year(2018))
  }

  @Test func chapterFourHoldsTheSupervisionSectionWithFiveTasks() throws {
    let four = plan.model.chapters[3]
    #expect(four.tasks.map(\.number) == [1])
    let section = try #require(four.sections.first)
    #expect(four.sections.count == 1)
    #expect(section.id == "supervision")
    #expect(section.number == 2)
    #expect(section.title == "加强监督管理")
    #expect(planLines.contains("(二)加强监督管理"))
    let seedItems = numberedLines(after: "(二)加强监督管理", before: "五、推进重点专项工作")
    #expect(seedItems.count == 5)
    #expect(section.tasks.count == 5)
    for (task, (n, text)) in zip(section.tasks, seedItems) {
      #expect(task.number == n)
      #expect(task.text == text, "四(二)\(n)")
    }
  }

  @Test func chapterFiveInterleavesTasksAndSections() {
    let five = plan.model.chapters[4]
    #expect(five.tasks.map(\.number) == [2, 4])
    #expect(five.sections.map(\.number) == [1, 3])
    #expect(five.sections.map { $0.tasks.count } == [3, 3])
    let monitoring = numberedLines(
      after: "(三)推进监测系统建设,提升水、气、土壤监测技术水平", before: "(四)强化目标任务考核及总量减排工作")
    #expect(five.sections[1].tasks.map(\.text) == monitoring.map(\.1))
  }

  @Test func everyTaskTextIsInThePlanPartOfTheSeed() {
    let part = planLines.joined().filter { !$0.isWhitespace }
    let tasks = plan.model.allTasks
    #expect(tasks.count == 24)
    #expect(Set(tasks.map(\.id)).count == 24)
    for task in tasks {
      #expect(part.contains(task.text.filter { !$0.isWhitespace }), "\(task.id)")
    }
    // A heading line and its body paragraph are one task; the title stops at the line break.
    let accountability = tasks.first { $0.id == "accountability" }
    #expect(accountability?.title == "落实环境保护责任制,加大生态环境损害责任追究力度")
    #expect(accountability?.text.hasPrefix("落实环境保护责任制,加大生态环境损害责任追究力度\n落实番禺区环境保护") == true)
    #expect(tasks.first { $0.id == "air" }?.title == "大气污染防治")
  }

  @Test func labelsFollowThePlansNumbering() {
    let resolved = Resolver.resolve(plan.model)
    let labels = Dictionary(uniqueKeysWithValues: resolved.tasks.map { ($0.task.id, $0.label) })
    #expect(labels["study-congress"] == "一(一)")
    #expect(labels["air"] == "三(一)")
    #expect(labels["enforcement-duties"] == "四(一)")
    #expect(labels["random-inspections"] == "四(二)1")
    #expect(labels["petitions"] == "四(二)3")
    #expect(labels["emergency-response"] == "四(二)5")
    #expect(labels["river-basin-polluters"] == "五(一)1")
    #expect(labels["pollution-census"] == "五(二)")
    #expect(labels["water-auto-stations"] == "五(三)2")
    #expect(labels["targets-and-reduction"] == "五(四)")
    #expect(labels["publicity-campaigns"] == "六(一)")
    #expect(labels["poverty-alleviation"] == "七(一)")
    #expect(Set(labels.values).count == 24)
  }

  @Test func isCleanAndEveryTaskHasALead() {
    let resolved = Resolver.resolve(plan.model)
    let diagnostics = Checker.check(resolved, source: .text(seed))
    #expect(plan.problems.isEmpty)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(resolved.tasks.count == 24)
    #expect(resolved.tasks.allSatisfy { !$0.lead.isEmpty })
    #expect(resolved.targets.allSatisfy { !$0.lead.isEmpty })
    let byID = Dictionary(uniqueKeysWithValues: resolved.tasks.map { ($0.task.id, $0) })
    #expect(byID["integrity"]?.lead == ["py-eeb-party"])
    #expect(byID["petitions"]?.lead == ["py-eeb-enforcement"])
    #expect(byID["polluters-publicity"]?.leadOrigin == .declared)
    #expect(byID["poverty-alleviation"]?.lead == ["py-eeb-office"])
  }

  @Test func theScatteredPolluterTasksHaveTheTownsCooperating() {
    let resolved = Resolver.resolve(plan.model)
    let towns = Set(plan.model.units.filter { $0.kind == .town }.map(\.id))
    let scattered = resolved.tasks.filter { $0.chapterID == "scattered-polluters" }
    #expect(scattered.count == 3)
    for task in scattered {
      #expect(towns.isSubset(of: Set(task.cooperating)), "\(task.label)")
    }
  }

  @Test func hasTheQualitativeTargetsAndTheJulyMilestone() throws {
    let targets = Dictionary(uniqueKeysWithValues: plan.model.targets.map { ($0.id, $0) })
    #expect(targets["surface-water"]?.requirement == .qualitative("达到上级考核要求"))
    #expect(targets["coastal-water"]?.requirement == .qualitative("达到上级考核要求"))
    #expect(targets["emission-reduction"]?.requirement == .qualitative("确保完成"))
    let part = planLines.joined()
    #expect(part.contains("推动地表水环境质量、近岸海域水质达到上级考核要求"))
    #expect(part.contains("确保完成年度减排目标任务"))

    let resolved = Resolver.resolve(plan.model)
    let stations = try #require(resolved.tasks.first { $0.task.id == "water-auto-stations" })
    #expect(stations.dueDay == Day(2018, 7, 31))
    #expect(stations.task.milestones.map(\.deadline) == [.endOfMonth(year: 2018, month: 7)])
    #expect(stations.task.figures.map(\.requirement) == [.qualitative("2018年7月全面完成建设和联网")])
    #expect(stations.task.text.contains("于2018年7月,全面完成"))
    #expect(
      resolved.tasks.filter { $0.task.id != "water-auto-stations" }.allSatisfy {
        $0.dueDay == Day(2018, 12, 31)
      })
  }

  @Test func theSixteenTownsAreUnitsOfKindTown() {
    let towns = plan.model.units.filter { $0.kind == .town }
    #expect(towns.count == 16)
    #expect(towns.map(\.shortName) == Self.towns)
    #expect(towns.allSatisfy { $0.parent == "py-gov" })
    // The towns and streets the seed names are among them.
    for name in ["南村镇", "大龙街", "石楼镇", "大石街", "沙湾镇", "桥南街", "化龙镇"] {
      #expect(seed.contains(name))
      #expect(towns.contains { $0.shortName == name }, "\(name)")
    }
    #expect(plan.model.unit("py-eeb")?.parent == "py-gov")
    #expect(plan.model.issuer == "py-eeb")
  }

  @Test func declarationsPointAtThePlanFile() {
    #expect(plan.model.location?.file == "plans/panyu_2018.swift")
    #expect(plan.model.allTasks.allSatisfy { $0.location?.file == "plans/panyu_2018.swift" })
  }
}
