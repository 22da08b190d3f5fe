import PlanDSL

// ILLUSTRATIVE — an invented district plan, not transcribed from any document. It shows a
// cascade (层层分解): 广州市生态环境局番禺区分局's plan under the city's `guangzhou-2020`, whose
// PM2.5 target gives the branch (gz-eeb-panyu) a share. Every unit, target value, task text,
// owner and date below is made up for demonstration; no seed holds this plan.
//
// Its targets implement the city's: PM2.5 the branch's share of `guangzhou-2020/pm25` (split
// again between two streets), COD and drinking water the city's whole targets. `planbook check`
// compares each with the city's; `planbook cascade guangzhou-2020` lists the chain.

let panyu2020IllustrativeChapter1 = Chapter(1, id: "air", "大气污染防治") {
  Item(
    1, id: "dust",
    "（示例）加强施工工地扬尘管控。全区建筑工地落实“六个100%”，每月开展一次联合检查。")
  Item(
    2, id: "vocs",
    "（示例）推进挥发性有机物综合整治。完成辖区重点企业挥发性有机物治理设施排查。"
  ) {
    Due(.endOfHalf(year: 2020, half: 1))
  }
}

let panyu2020IllustrativeChapter2 = Chapter(2, id: "water", "水污染防治") {
  Item(
    3, id: "water-sources",
    "（示例）保障饮用水水源安全。开展饮用水水源保护区环境问题排查整治。")
}

/// An illustrative district plan under the Guangzhou 2020 plan (see the comment above).
let panyu2020Illustrative = Plan(
  "panyu-2020-illustrative", title: "2020年番禺区生态环境保护工作计划（示例，非真实文件）",
  issuer: "pyb", period: .year(2020), version: "示例",
  parent: "guangzhou-2020", as: "gz-eeb-panyu"
) {
  Organisation {
    Unit("pyb", "广州市生态环境局番禺区分局", short: "番禺分局", kind: .department) {
      Unit("pyb-air", "广州市生态环境局番禺区分局大气环境股", short: "大气股", kind: .division)
      Unit("pyb-water", "广州市生态环境局番禺区分局水环境股", short: "水环境股", kind: .division)
    }
    Unit("pyb-shiqiao", "番禺区市桥街道办事处", short: "市桥街", kind: .town)
    Unit("pyb-dashi", "番禺区大石街道办事处", short: "大石街", kind: .town)
  }

  Targets {
    Target(
      "pm25", "PM2.5平均浓度", .atMost(33, "微克/立方米"), lead: ["pyb-air"],
      rollUp: .measured,
      shares: [
        Share("pyb-shiqiao", .atMost(33, "微克/立方米")),
        Share("pyb-dashi", .atMost(32, "微克/立方米")),
      ], implements: "guangzhou-2020/pm25")
    Target(
      "cod", "化学需氧量排放量", .reduction(by: 15, against: 2015), lead: ["pyb-water"],
      implements: "guangzhou-2020/cod")
    Target(
      "drinking-water", "集中式饮用水水源水质达标率", .atLeast(100, "%"), lead: ["pyb-water"],
      implements: "guangzhou-2020/drinking-water")
  }

  panyu2020IllustrativeChapter1
  panyu2020IllustrativeChapter2

  Responsibilities {
    Rule(.all, due: .endOfYear(2020))
    Rule(.chapter("air"), lead: ["pyb-air"], cooperating: ["pyb-shiqiao", "pyb-dashi"])
    Rule(.chapter("water"), lead: ["pyb-water"])
  }
}
