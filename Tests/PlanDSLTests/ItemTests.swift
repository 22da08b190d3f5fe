import PlanDSL
import Testing

private let file = "Tests/PlanDSLTests/ItemTests.swift"

/// The tasks of a plan with one chapter holding `items`, and the problems found.
private func lowered(
  @ListBuilder<any ChapterContent> _ items: () -> [any ChapterContent]
) -> (tasks: [PlanTask], problems: [Diagnostic]) {
  let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
    Chapter(1, id: "c", "第一章", items)
  }
  return (plan.model.allTasks, plan.problems)
}

@Suite struct ItemTests {
  @Test func aTaskWithoutContent() {
    let text = "巩固燃煤整治效果。督促落实减量替代计划,关停燃煤机组。完善工业窑炉管控。"
    let line = #line + 1
    let (tasks, problems) = lowered { Item(13, id: "coal", text) }
    #expect(
      tasks == [
        PlanTask(
          id: "coal", number: 13, title: "巩固燃煤整治效果", text: text,
          location: at(file, line))
      ])
    #expect(problems == [])
  }

  @Test func titleIsTheTextUpToTheFirstFullStopOrLineBreak() {
    let (tasks, _) = lowered {
      Item(1, id: "a", "强化扬尘污染控制。压实主体责任。督促落实“6个100%”要求。")
      Item(2, id: "b", "加强挥发性有机物污染控制")
      Item(3, id: "c", "  \n推进整改。落实。 \n")
      Item(4, id: "d", "开展评估(2014-2030年). 继续推进。")
      Item(5, id: "e", "。以句号开头")
      Item(6, id: "f", "加强饮用水水源保护\n继续组织实施保护方案。")
    }
    #expect(
      tasks.map(\.title) == [
        "强化扬尘污染控制", "加强挥发性有机物污染控制", "推进整改", "开展评估(2014-2030年). 继续推进", "",
        "加强饮用水水源保护",
      ])
  }

  @Test func textIsKeptExactly() {
    let text = "  推进整改。\n落实“三线一单”。 "
    let (tasks, _) = lowered { Item(1, id: "a", text) }
    #expect(tasks.map(\.text) == [text])
  }

  @Test func locationIsTheLineWhereTheDeclarationStarts() {
    let first = #line + 2
    let (tasks, _) = lowered {
      Item(
        1, id: "multi-line",
        "写在几行上的任务。"
      ) {
        Weight(2)
      }
      Item(2, id: "one-line", "一行。")
    }
    #expect(tasks.map(\.location) == [at(file, first), at(file, first + 6)])
  }

  @Test func numberAndIDAreKeptAsGiven() {
    let (tasks, _) = lowered {
      Item(7, id: "seven", "七。")
      Item(3, id: "three", "三。")
    }
    #expect(tasks.map(\.number) == [7, 3])
    #expect(tasks.map(\.id) == ["seven", "three"])
  }
}
