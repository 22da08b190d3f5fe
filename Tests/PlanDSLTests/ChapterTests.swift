import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/ChapterTests.swift"

/// The chapters of a plan holding only `chapters`.
private func lowered(
  @ListBuilder<any PlanContent> _ chapters: () -> [any PlanContent]
) -> [PlanChapter] {
  Plan("p", title: "计划", issuer: "eeb", period: .year(2020), chapters).model.chapters
}

@Suite struct ChapterTests {
  @Test func chapterNumberIDTitleAndLocation() {
    let line = #line + 2
    let chapters = lowered {
      Chapter(3, id: "pollution", "突出精准治污、科学治污，全力打好污染防治攻坚战") {}
    }
    #expect(
      chapters == [
        PlanChapter(
          id: "pollution", number: 3, title: "突出精准治污、科学治污，全力打好污染防治攻坚战",
          location: at(file, line))
      ])
  }

  @Test func sectionsNestTwoLevelsDeep() {
    let top = #line + 1
    let chapters = lowered {
      Chapter(1, id: "air", "打好蓝天保卫战") {
        Item(1, id: "coal", "巩固燃煤整治效果。")
        Chapter(1, id: "air-mobile", "移动源") {
          Item(2, id: "diesel", "柴油货车治理。")
          Chapter(1, id: "air-mobile-ships", "船舶") {
            Item(3, id: "ships", "船舶排放控制。")
          }
        }
        Chapter(2, id: "air-dust", "扬尘") {}
      }
      Chapter(2, id: "water", "打好碧水保卫战") {}
    }
    let ships = PlanChapter(
      id: "air-mobile-ships", number: 1, title: "船舶",
      tasks: [
        PlanTask(
          id: "ships", number: 3, title: "船舶排放控制", text: "船舶排放控制。",
          location: at(file, top + 6))
      ],
      location: at(file, top + 5))
    let mobile = PlanChapter(
      id: "air-mobile", number: 1, title: "移动源",
      tasks: [
        PlanTask(
          id: "diesel", number: 2, title: "柴油货车治理", text: "柴油货车治理。",
          location: at(file, top + 4))
      ],
      sections: [ships], location: at(file, top + 3))
    let dust = PlanChapter(id: "air-dust", number: 2, title: "扬尘", location: at(file, top + 9))
    let air = PlanChapter(
      id: "air", number: 1, title: "打好蓝天保卫战",
      tasks: [
        PlanTask(
          id: "coal", number: 1, title: "巩固燃煤整治效果", text: "巩固燃煤整治效果。",
          location: at(file, top + 2))
      ],
      sections: [mobile, dust], location: at(file, top + 1))
    let water = PlanChapter(
      id: "water", number: 2, title: "打好碧水保卫战", location: at(file, top + 11))
    #expect(chapters == [air, water])
  }

  @Test func tasksAndSectionsInterleavedKeepTheirOwnOrder() {
    let chapters = lowered {
      Chapter(1, id: "c", "第一章") {
        Item(1, id: "a", "甲。")
        Chapter(2, id: "s1", "第一节") { Item(1, id: "s1-a", "节甲。") }
        Item(3, id: "b", "乙。")
        Chapter(4, id: "s2", "第二节") { Item(1, id: "s2-a", "节乙。") }
      }
    }
    let chapter = chapters.first
    #expect(chapter?.tasks.map(\.id) == ["a", "b"])
    #expect(chapter?.sections.map(\.id) == ["s1", "s2"])
    #expect(chapter?.sections.map(\.number) == [2, 4])
    #expect(chapter?.allTasks.map(\.id) == ["a", "b", "s1-a", "s2-a"])
  }

  @Test func ifAndForInsideAChapter() {
    let extra = true
    let chapters = lowered {
      Chapter(1, id: "c", "第一章") {
        for n in 1...3 {
          Item(n, id: "t\(n)", "任务\(n)。")
        }
        if extra {
          Chapter(4, id: "s", "一节") {}
        } else {
          Item(4, id: "t4", "任务4。")
        }
        if !extra {
          Item(5, id: "t5", "任务5。")
        }
      }
    }
    #expect(chapters.first?.tasks.map(\.id) == ["t1", "t2", "t3"])
    #expect(chapters.first?.sections.map(\.id) == ["s"])
  }
}
