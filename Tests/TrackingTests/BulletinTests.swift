import PlanModel
import Testing

@testable import Tracking

/// The bulletin's composition on the small fixture plan: periods in words, a first period with
/// nothing to compare, overdue and red items with their units, the notices of the period.
@Suite struct BulletinTests {
  typealias F = TrackingFixtures

  @Test func periodsInABulletinsWords() {
    #expect(Bulletin.periodName(.month(year: 2020, month: 9)) == "2020年9月")
    #expect(Bulletin.periodName(.quarter(year: 2020, quarter: 3)) == "2020年第三季度")
    #expect(Bulletin.periodName(.quarter(year: 2020, quarter: 4)) == "2020年第四季度")
    #expect(Bulletin.periodName(.half(year: 2020, half: 1)) == "2020年上半年")
    #expect(Bulletin.periodName(.year(2020)) == "2020年度")
    #expect(Bulletin.dayName(Day(2020, 9, 30)) == "2020年9月30日")
  }

  static func bulletin(
    _ period: ReportingPeriod, reports: [ProgressReport], notices: [SupervisionNotice]?
  ) -> Bulletin {
    let resolved = F.plan()
    let ranking = Ranking.rank(resolved, reports: reports, period: period)
    let previous = ranking.comparedWith.map {
      Evaluator.evaluate(resolved, reports: reports, asOf: $0.range.end)
    }
    let colours = ColourHistory.build(
      resolved, reports: reports, asOf: ranking.asOf, current: ranking.status)
    return Bulletin.compose(
      ranking: ranking, previous: previous, colours: colours, notices: notices,
      sampleData: false)
  }

  static func paragraphs(_ b: Bulletin, _ section: Int) -> [String] {
    b.sections[section].blocks.compactMap {
      if case .paragraph(let text) = $0 { return text }
      return nil
    }
  }

  static func tables(_ b: Bulletin, _ section: Int) -> [BulletinTable] {
    b.sections[section].blocks.compactMap {
      if case .table(let t) = $0 { return t }
      return nil
    }
  }

  @Test func theFirstPeriodHasNothingToCompareWith() {
    let jan = F.report("2020-01", [F.task("a", .inProgress, 10, on: Day(2020, 1, 31))])
    let b = Self.bulletin(.month(year: 2020, month: 1), reports: [jan], notices: nil)
    #expect(b.title == "测试计划执行情况通报")
    #expect(b.issuer == "局")
    #expect(
      b.sections.map(\.heading) == [
        "一、指标完成情况", "二、与上期相比的变化", "三、重点任务进展", "四、单位考核排名", "五、逾期和红色预警事项", "六、督办情况",
      ])
    #expect(Self.paragraphs(b, 1) == ["本期为计划的首个通报期，无上期可比。"])
    // The second quarter against a first without reports: said so, not invented.
    let june = F.report("2020-06", [F.task("a", .inProgress, 40, on: Day(2020, 6, 30))])
    let q2 = Self.bulletin(.quarter(year: 2020, quarter: 2), reports: [june], notices: [])
    #expect(
      Self.paragraphs(q2, 1) == ["上期（2020年第一季度）截至2020年3月31日尚无进展报告，无上期可比。"])
    #expect(Self.paragraphs(q2, 5) == ["2020年第二季度未下发督办单。"])
    #expect(Self.paragraphs(b, 5) == ["本期无督办记录（督办台账尚未建立）。"])
  }

  @Test func anOverdueTaskIsNamedWithItsLeadAndRed() {
    let june = F.report("2020-06", [F.task("b", .inProgress, 40, on: Day(2020, 6, 20))])
    let july = F.report("2020-07", [F.task("b", .inProgress, 60, on: Day(2020, 7, 20))])
    let b = Self.bulletin(.month(year: 2020, month: 7), reports: [june, july], notices: [])
    let warnings = Self.paragraphs(b, 4)
    #expect(warnings.contains("逾期任务1项：第2项乙（水处）。"))
    // 乙 overdue, and 丁 with its first-quarter milestone never reported.
    #expect(warnings.contains("红色预警事项3项："))
    let red = Self.tables(b, 4).first?.rows.map { Array($0.prefix(3)) } ?? []
    #expect(
      red == [["任务：第2项乙", "水处", "红"], ["任务：第4项丁", "土壤处", "红"], ["节点：第4项丁·方案", "土壤处", "红"]])
    // What moved: task 乙 went from 欠进度 (June) to 逾期 (July).
    let moved = Self.tables(b, 1).first?.rows ?? []
    #expect(moved.contains(["任务：第2项乙", "水处", "欠进度", "逾期"]))
    #expect(Self.paragraphs(b, 5) == ["2020年7月未下发督办单。"])
  }

  @Test func theNoticesOfThePeriodAndThoseRaised() {
    let july = F.report("2020-07", [F.task("c", .inProgress, 10, on: Day(2020, 7, 20))])
    let raised = NoticeItem(
      item: ColourItem(.task, "c"), number: "3", title: "丙", deadline: Day(2020, 12, 31),
      colour: .red, found: .yellow, reason: "欠进度", escalates: "督办〔2020〕1号",
      raisedFrom: .yellow)
    let notice = SupervisionNotice(
      number: "督办〔2020〕2号", year: 2020, serial: 2, unit: "soil", issuedOn: Day(2020, 7, 31),
      replyBy: Day(2020, 8, 10), issuer: "boss", items: [raised])
    let b = Self.bulletin(.month(year: 2020, month: 7), reports: [july], notices: [notice])
    let text = Self.paragraphs(b, 5)
    #expect(
      text.first
        == "2020年7月下发督办单1份（督办〔2020〕2号）：红色督办1份，涉及1个单位、1个事项，其中1项因督办后至反馈时限未见进展而提级或再次督办。"
    )
    #expect(
      text.last
        == "提级或再次督办：督办〔2020〕2号（土壤处）第3项丙，督办〔2020〕1号（黄色）督办后至反馈时限未见进展，提级督办（红色）。"
    )
    #expect(
      Self.tables(b, 5).first?.rows == [["督办〔2020〕2号", "7月31日", "土壤处", "红色", "第3项丙", "8月10日"]])
  }

  /// A plan ranking its units in lists of their own: each list counted, named and tabled apart.
  @Test func oneParagraphAndTablePerRankingGroup() {
    let resolved = F.plan(
      assessment: AssessmentRules(rankingGroups: [RankingGroup("大气水", units: ["air", "water"])]))
    let june = F.report("2020-06", [F.task("a", .inProgress, 40, on: Day(2020, 6, 30))])
    let ranking = Ranking.rank(resolved, reports: [june], period: .month(year: 2020, month: 6))
    let b = Bulletin.compose(
      ranking: ranking, previous: nil,
      colours: ColourHistory.build(
        resolved, reports: [june], asOf: ranking.asOf, current: ranking.status),
      notices: nil, sampleData: true)
    #expect(b.opening.last == "（本通报所据进展报告为示例数据，仅供演示。）")
    let text = Self.paragraphs(b, 3)
    #expect(ranking.groups == ["大气水", Ranking.otherGroup])
    #expect(text.count == 2)
    #expect(text[0].hasPrefix("【大气水】按考核细则计分，2个单位中"))
    #expect(text[1].hasPrefix("【\(Ranking.otherGroup)】按考核细则计分，\(ranking.entries.count - 2)个单位中"))
    let tables = Self.tables(b, 3)
    #expect(
      tables.map { $0.rows.map { $0[2] } } == [
        ranking.entries.filter { $0.group == "大气水" }.map(\.score.unit.shortName),
        ranking.entries.filter { $0.group == Ranking.otherGroup }.map(\.score.unit.shortName),
      ])
  }
}
