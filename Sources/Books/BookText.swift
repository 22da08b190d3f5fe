import PlanEngine
import PlanModel

/// The wording of a book: fixed phrases, roles and requirement directions in Chinese.
enum BookText {
  static let lead = "牵头"
  static let cooperating = "配合"
  /// The role of a unit holding a share of a split target (分解目标).
  static let share = "分解"

  /// The role `unit` has in a task or target: 牵头, 配合 or both (牵头 wins).
  static func role(of unit: String, lead: [String], cooperating: [String]) -> String {
    lead.contains(unit) ? Self.lead : Self.cooperating
  }

  /// 不高于, 不低于, 达到, 下降, 提高: how the value column reads.
  static func direction(_ r: Requirement) -> String {
    func words(_ d: Requirement.Direction, _ baseYear: Int?) -> String {
      switch d {
      case .atMost: "不高于"
      case .atLeast: "不低于"
      case .equal: "等于"
      case .decrease: baseYear.map { "较\($0)年下降" } ?? "下降"
      case .increase: baseYear.map { "较\($0)年提高" } ?? "提高"
      }
    }
    return switch r.kind {
    case .level(let d, _, _)?, .count(let d, _, _)?, .share(let d, _, _, _)?: words(d, nil)
    case .change(let d, _, _, let year)?: words(d, year)
    case .qualitative?: ""
    // Incomplete (the checker's error): as its fields say.
    case nil: r.direction.map { words($0, r.baseYear) } ?? ""
    }
  }

  /// `2020年1月1日至2020年12月31日`.
  static func period(_ r: DateRange) -> String { "\(chinese(r.start))至\(chinese(r.end))" }

  /// `2020年12月31日`.
  static func chinese(_ d: Day) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

  static func preamble(_ plan: WorkPlan) -> String {
    "为全面完成《\(plan.title)》确定的各项目标任务，落实工作责任，甲方与乙方签订本责任书，明确乙方的责任目标和重点任务如下。"
  }

  /// The document a unit signs, and the one a unit outside the signing chain is sent.
  static let bookTitle = "目标责任书"
  static let noticeTitle = "任务分工告知书"

  static func noticePreamble(_ plan: WorkPlan, issuer: String) -> String {
    "根据《\(plan.title)》，现将贵单位牵头或配合的责任目标和重点任务告知如下，请予支持配合，并按要求向\(issuer)报送进展情况。"
  }

  static func noticeOther(_ plan: WorkPlan) -> String {
    var lines = [
      "（一）本告知书不作签署，自印发之日起执行，责任期至\(chinese(plan.period.end))。",
      "（二）工作计划调整的，以调整后的计划为准，另行告知。",
    ]
    lines += clauses(plan, from: 3)
    return lines.joined(separator: "\n")
  }

  /// `负责人（签字）：`, with the 责任人 the plan names on the line below (`（局长）`).
  static func signHere(_ signatory: String?) -> String {
    "负责人（签字）：" + (signatory.map { "\n（\($0)）" } ?? "")
  }

  /// A deadline in one style: `2020年12月31日`; a named period with its day,
  /// `2020年第三季度末（9月30日）`, `秋冬季（2020年10月1日至12月31日）`.
  static func deadline(_ d: Deadline) -> String {
    guard let day = d.dueDay else { return d.description }
    let md = "\(day.month)月\(day.day)日"
    switch d {
    case .date, .endOfYear: return chinese(day)
    case .endOfMonth(let y, let m): return "\(y)年\(m)月底（\(md)）"
    case .endOfQuarter(let y, let q):
      return "\(y)年第\(["一", "二", "三", "四"][q - 1])季度末（\(md)）"
    case .endOfHalf(let y, let h): return "\(y)年\(h == 1 ? "上" : "下")半年（\(md)）"
    case .period(let name, let r):
      let end = r.start.year == r.end.year ? md : chinese(r.end)
      return "\(name)（\(chinese(r.start))至\(end)）"
    }
  }

  /// The plan's own 四、其他 clauses, numbered on from `n`.
  static func clauses(_ plan: WorkPlan, from n: Int) -> [String] {
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return (plan.clauses ?? []).filter { $0.section == .other }.enumerated().map { i, c in
      let k = n + i
      return "（\(k <= numerals.count ? numerals[k - 1] : String(k))）\(c.text)"
    }
  }

  static func other(_ plan: WorkPlan) -> String {
    ([
      "（一）本责任书一式两份，甲乙双方各执一份。",
      "（二）本责任书自双方签字（盖章）之日起生效，责任期至\(chinese(plan.period.end))。",
      "（三）工作计划调整的，以调整后的计划为准，由甲方另行通知。",
    ] + clauses(plan, from: 4)).joined(separator: "\n")
  }

  /// The short names of `ids`, joined with 、.
  static func names(_ ids: [String], in plan: WorkPlan) -> String {
    ids.map { plan.unit($0)?.shortName ?? $0 }.joined(separator: "、")
  }
}
