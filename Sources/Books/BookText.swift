import PlanEngine
import PlanModel

/// The wording of a book: fixed phrases, roles and requirement directions in Chinese.
enum BookText {
  static let lead = "牵头"
  static let cooperating = "配合"

  /// The role `unit` has in a task or target: 牵头, 配合 or both (牵头 wins).
  static func role(of unit: String, lead: [String], cooperating: [String]) -> String {
    lead.contains(unit) ? Self.lead : Self.cooperating
  }

  /// 不高于, 不低于, 达到, 下降, 提高: how the value column reads.
  static func direction(_ r: Requirement) -> String {
    switch r.direction {
    case .atMost: "不高于"
    case .atLeast: "不低于"
    case .equal: "等于"
    case .decrease: r.baseYear.map { "较\($0)年下降" } ?? "下降"
    case .increase: r.baseYear.map { "较\($0)年提高" } ?? "提高"
    case nil: ""
    }
  }

  /// The name of a target with what it measures (`地表水达到或好于Ⅲ类比例（国考断面）`).
  static func targetName(_ t: PlanTarget) -> String {
    if let of = t.requirement.of, !of.isEmpty { return "\(t.name)（\(of)）" }
    return t.name
  }

  /// `2020年1月1日至2020年12月31日`.
  static func period(_ r: DateRange) -> String { "\(chinese(r.start))至\(chinese(r.end))" }

  /// `2020年12月31日`.
  static func chinese(_ d: Day) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

  static func preamble(_ plan: WorkPlan) -> String {
    "为全面完成《\(plan.title)》确定的各项目标任务，落实工作责任，甲方与乙方签订本责任书，明确乙方的责任目标和重点任务如下。"
  }

  static let defaultAssessment =
    "甲方对乙方责任目标和重点任务的完成情况进行定期跟踪调度，年终组织考核，考核结果作为年度绩效考核和评先评优的重要依据。"

  static func other(_ plan: WorkPlan) -> String {
    [
      "（一）本责任书一式两份，甲乙双方各执一份。",
      "（二）本责任书自双方签字（盖章）之日起生效，责任期至\(chinese(plan.period.end))。",
      "（三）工作计划调整的，以调整后的计划为准，由甲方另行通知。",
    ].joined(separator: "\n")
  }

  /// The short names of `ids`, joined with 、.
  static func names(_ ids: [String], in plan: WorkPlan) -> String {
    ids.map { plan.unit($0)?.shortName ?? $0 }.joined(separator: "、")
  }
}
