import PlanDSL

// A revised version (修订稿) of the Guangzhou 2020 plan, ILLUSTRATIVE: the seed publishes one
// version only. It shows what a mid-year revision looks like to a reviewer
// (`planbook diff guangzhou-2020 guangzhou-2020-r1`): a tightened target, an inserted task that
// renumbers every later one, a reassigned lead and a slipped deadline, each with its reason.

/// The mid-year revision of the Guangzhou 2020 plan.
let guangzhou2020Revised = Plan(
  revising: guangzhou2020, id: "guangzhou-2020-r1", title: "2020年广州市生态环境保护工作计划（修订稿）",
  version: "修订稿 2020-07"
) {
  // The 修改依据 and 提出单位 of the revision as a whole, and of single changes.
  $0.basis = "局党组会议2020年7月审议意见"
  $0.proposer = "gz-eeb-office"

  // A tightened target.
  $0.target("pm25") {
    $0.requirement = .atMost(33, "微克/立方米")
    $0.reason = "落实省下达的2020年空气质量改善目标，PM2.5年均浓度目标由35收紧至33微克/立方米"
  }
  $0.note("pm25", basis: "省下达的2020年空气质量改善目标", proposer: "gz-eeb-air")

  // An inserted task: every later task moves down one number.
  $0.insert(
    Item(
      17, id: "ozone",
      "开展夏秋季臭氧污染防治攻坚。加强挥发性有机物和氮氧化物协同减排,对重点行业企业开展臭氧污染防治专项执法检查,完善臭氧污染预警和应急联动机制。"
    ) {
      Lead("gz-eeb-air")
      Cooperating("gz-eeb-enforcement", "gz-eeb-monitoring-centre")
      Due(.endOfQuarter(year: 2020, quarter: 4))
      Reason("上半年臭氧超标天数同比增加，增设臭氧污染防治攻坚任务")
    },
    after: "vocs")

  // A reassigned lead.
  $0.task("petitions") {
    $0.responsibility.lead = ["gz-eeb-office"]
    $0.responsibility.cooperating = ["gz-eeb-petition"]
    $0.reason = "信访工作改由办公室统筹，信访办配合"
  }

  // A slipped deadline.
  $0.task("legislation") {
    $0.responsibility.deadline = .endOfYear(2020)
    $0.reason = "《广州市生态环境保护条例》草案审议安排调整至下半年"
  }
  $0.note("legislation", basis: "市人大常委会2020年立法计划调整", proposer: "gz-eeb-policy")
}
