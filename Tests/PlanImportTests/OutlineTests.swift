import Testing

@testable import PlanImport

@Suite struct OutlineTests {
  @Test func guangzhouHasItsFiveChaptersAnd34TasksNumberedThrough() throws {
    let plan = try Seeds.guangzhou()
    #expect(plan.chapters.count == 5)
    #expect(plan.chapters.map { $0.allItems.count } == [3, 9, 11, 4, 7])
    #expect(plan.items.map(\.number) == Array(1...34))
    #expect(!plan.numbersRestart)
    #expect(plan.chapters[2].title == "突出精准治污、科学治污,全力打好污染防治攻坚战")
    #expect(plan.chapters[2].line == 17)
    let coal = try #require(plan.items.first { $0.number == 13 })
    #expect(coal.text.hasPrefix("巩固燃煤整治效果。督促落实《广州市煤炭消费减量替代三年行动计划(2018-2020年)》"))
    #expect(coal.text.hasSuffix("完善工业窑炉管控。"))
    #expect(plan.year == 2020)
    #expect(plan.title == nil)  // the seed starts with a paragraph, not a title
  }

  @Test func guangzhouTargetsAreThe13OfItsOpeningParagraph() throws {
    let plan = try Seeds.guangzhou()
    #expect(plan.targets.count == 13)
    #expect(plan.targets.allSatisfy { $0.line == 2 })
    #expect(
      plan.targets.map(\.requirement) == [
        .atMost(35, "微克/立方米"), .qualitative("达到省考核要求"), .atLeast(100, "%"),
        .countAtLeast(13, "个"), .atLeast(61.5, "%"), .equal(0, "%"), .atLeast(90, "%"),
        .reduction(14.7, against: 2015), .reduction(18.4, against: 2015),
        .reduction(9.9, against: 2015), .reduction(9.5, against: 2015),
        .reduction(1.1, against: 2019), .reduction(23, against: 2015),
      ])
    #expect(
      plan.targets.map(\.name) == [
        "PM2.5平均浓度", "环境空气质量其他5项指标和优良天数比例", "城市集中式饮用水水源水质达标率",
        "地表水考核断面水质全面达到考核要求", "水质优良断面比例", "丧失使用功能水体断面比例", "污染地块安全利用率",
        "化学需氧量排放量", "氨氮排放量", "二氧化硫排放量", "氮氧化物排放量", "碳强度", "碳强度（“十三五”累计）",
      ])
    // 力争13个地表水考核断面…: the one aspirational target.
    #expect(plan.targets.filter(\.aspirational).map(\.requirement) == [.countAtLeast(13, "个")])
  }

  @Test func guangzhouFiguresAreAttachedToTheirTasks() throws {
    let plan = try Seeds.guangzhou()
    let figures = plan.items.filter { !$0.figures.isEmpty }
    #expect(figures.map(\.number) == [13, 15])
    #expect(figures[0].figures.map(\.requirement) == [.countAtLeast(135, "台")])
    #expect(
      figures[1].figures.map(\.requirement) == [
        .atLeast(90, "%"), .shareAtLeast(50, of: "保有量"), .countAtLeast(1000, "艘次"),
      ])
  }

  @Test func panyuIsTakenFromThe2018PlanAfterLastYearsSummary() throws {
    let plan = try Seeds.panyu()
    #expect(plan.title?.text == "2018年工作计划")
    #expect(plan.title?.number == 61)
    #expect(plan.year == 2018)
    #expect(plan.chapters.count == 7)
    #expect(plan.items.count == 24)
    #expect(plan.numbersRestart)
    // 四(二), 五(一) and 五(三) are sections; the other (一)(二)… are tasks.
    #expect(plan.chapters.map { $0.sections.map(\.number) } == [[], [], [], [2], [1, 3], [], []])
    #expect(plan.chapters.map { $0.allItems.count } == [3, 2, 3, 6, 8, 1, 1])
    // A heading line and the paragraph under it are one task, on two lines.
    let air = try #require(plan.chapters[2].allItems.first)
    #expect(air.text.hasPrefix("大气污染防治\n加强机动车尾气污染控制"))
    #expect(
      plan.warnings.map(\.description).first
        == "line 1: lines 1–60 left out: the chapter numbering starts again at line 63; the "
        + "plan is taken from line 61")
    #expect(
      plan.warnings.contains {
        $0.line == 101
          && $0.message == "chapter 六 has no numbered items: its text is one task, numbered 1"
      })
  }

  @Test func subPointsContinueTheirItemAndASectionWithoutItemsIsATask() {
    let plan = OutlineParser.parse(
      Seeds.document(
        """
        # 2021年某区生态环境保护工作要点

        2021年,全区PM2.5年均浓度控制在30微克/立方米以内。
        ## 一、大气污染防治
        1、推进燃煤锅炉整治。完成20台燃煤锅炉淘汰。
        （1）开展排查。
        （2）力争淘汰率达到100%。
        2、加强扬尘管控。
        ## 二、水污染防治
        这一段不属于任何一项。
        （一）黑臭水体
        1、完成5条黑臭水体整治。
        （二）饮用水源保护
        开展水源地规范化建设。
        """, kind: .markdown))
    #expect(plan.title?.text == "2021年某区生态环境保护工作要点")
    #expect(plan.targets.map(\.requirement) == [.atMost(30, "微克/立方米")])
    #expect(plan.chapters.map(\.title) == ["大气污染防治", "水污染防治"])
    let first = plan.chapters[0].allItems[0]
    #expect(first.text == "推进燃煤锅炉整治。完成20台燃煤锅炉淘汰。\n（1）开展排查。\n（2）力争淘汰率达到100%。")
    #expect(first.figures.map(\.requirement) == [.countAtLeast(20, "台"), .atLeast(100, "%")])
    #expect(first.figures.map(\.aspirational) == [false, true])
    #expect(plan.chapters[1].sections.map(\.title) == ["黑臭水体"])
    let water = plan.chapters[1].allItems
    #expect(water.map(\.number) == [1, 2])
    #expect(water[1].text == "饮用水源保护\n开展水源地规范化建设。")
    #expect(plan.numbersRestart)
    #expect(
      plan.warnings.map(\.description) == [
        "line 10: not placed: a paragraph between chapter 二 and its first item: 这一段不属于任何一项。"
      ])
  }

  @Test func aDocumentWithoutChaptersSaysSo() {
    let plan = OutlineParser.parse(Seeds.document("工作简报\n\n今年完成了很多工作。"))
    #expect(plan.chapters.isEmpty)
    #expect(
      plan.warnings.map(\.description) == [
        "line 1: not placed: before the first chapter, and no target in it: 工作简报",
        "line 1: no chapter heading (一、…) found: nothing to import as tasks",
        "line 3: not placed: before the first chapter, and no target in it: 今年完成了很多工作。",
      ])
  }

  @Test func chineseNumbers() {
    #expect(
      ["一", "九", "十", "十二", "二十", "二十三"].map(OutlineParser.chineseNumber)
        == [1, 9, 10, 12, 20, 23])
    #expect(OutlineParser.chineseNumber("零") == nil)
  }
}
