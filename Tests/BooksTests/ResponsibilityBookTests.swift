import Foundation
import PlanEngine
import PlanModel
import Sheets
import TestSupport
import Testing
import Tracking

@testable import Books

/// What a book says, read back with openpyxl from the Guangzhou export, against the plan: the
/// points (分值) against what `rank` scores with, 三、考核方式 against the assessment rules, the
/// 甲方 against the plan's signing declaration.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct ResponsibilityBookTests {
  let resolved = Fixtures.guangzhou
  var plan: WorkPlan { resolved.plan }
  var rules: AssessmentRules { plan.assessment ?? .default }

  /// The book sheet of `unit`.
  func book(_ unitID: String) throws -> WorkbookDump.Sheet {
    let file = try #require(BookExport.books(resolved).first { $0.unit?.id == unitID }?.fileName)
    let dump = try #require(try Fixtures.export.get().dumps[file], "no book \(file)")
    return try #require(dump.sheets.first)
  }

  /// The units that get a book or a notice.
  var unitsWithADocument: [OrgUnit] {
    resolved.responsibleUnits.filter { plan.document(for: $0) != .none }
  }

  /// The texts of column A between the rows holding `from` and `to`.
  func paragraphs(_ sheet: WorkbookDump.Sheet, from: String, to: String) throws -> [String] {
    let start = try #require(sheet.rows(where: "A", is: from).first)
    let end = try #require(sheet.rows(where: "A", is: to).first)
    return sheet.column("A").filter { $0.key > start && $0.key < end }.sorted { $0.key < $1.key }
      .compactMap(\.value.text)
  }

  // MARK: - 分值

  @Test func everyRowsPointsAndTheTotalAreWhatRankScoresWith() throws {
    // Scored as of the plan's last day with no reports: every target and task is due, so
    // every one counts towards what the unit answers for.
    let status = Evaluator.evaluate(resolved, reports: [], asOf: plan.period.end)
    let scores = Dictionary(uniqueKeysWithValues: Assessor.score(status).map { ($0.unit.id, $0) })
    #expect(unitsWithADocument.count == 43)
    for unit in unitsWithADocument {
      let sheet = try book(unit.id)
      let score = try #require(scores[unit.id], "\(unit.shortName) is not ranked")
      func possible(_ item: ScoreLine.Item) -> Double? {
        score.lines.first { $0.item == item }?.possible
      }
      for t in resolved.tasks(for: unit.id) {
        let row = try #require(sheet.rows(where: "A", is: t.label).first)
        #expect(sheet.cells["H\(row)"]?.number == possible(.task(t.task.id)), "\(unit.shortName)")
      }
      for t in resolved.targets(for: unit.id) {
        let name = t.target.fullName
        let row = try #require(
          sheet.firstRow("B") { $0.text?.hasPrefix(name) == true })
        // An aspirational target (力争) puts no points at stake: a dash, and 0 in the score.
        if t.target.aspirational {
          #expect(sheet.cells["H\(row)"]?.text == "—", "\(unit.shortName) \(t.target.id)")
          #expect(possible(.target(t.target.id)) == 0)
          continue
        }
        #expect(
          sheet.cells["H\(row)"]?.number == possible(.target(t.target.id)),
          "\(unit.shortName) \(t.target.id)")
        // A cooperating unit's row carries its share: 30 % of the 2 points.
        if !t.lead.contains(unit.id) { #expect(sheet.cells["H\(row)"]?.number == 0.6) }
      }
      let total = try #require(sheet.rows(where: "B", is: "分值合计").first, "\(unit.shortName)")
      let answered = score.lines.reduce(0) { $0 + $1.possible }
      let printed = try #require(sheet.cells["H\(total)"]?.number)
      #expect(abs(printed - answered) < 1e-9, "\(unit.shortName): \(printed) vs \(answered)")
    }
    // No row of any book is left with a dash for its points, but the 力争 target's.
    for unit in unitsWithADocument {
      let sheet = try book(unit.id)
      let dashes = sheet.column("H").filter { $0.value.text == "—" }.map(\.key)
      #expect(
        dashes.allSatisfy { sheet.cells["D\($0)"]?.text?.hasPrefix("力争") == true },
        "\(unit.shortName)")
    }
  }

  // MARK: - 三、考核方式

  @Test func theAssessmentClausesAreTheRulesRankScoresWith() throws {
    for unit in unitsWithADocument {
      let sheet = try book(unit.id)
      let printed = try paragraphs(sheet, from: "三、考核方式", to: "四、其他")
      let party = plan.document(for: unit) == .notice ? "贵单位" : "乙方"
      #expect(
        printed == AssessmentText.clauses(resolved, unit: unit.id, party: party),
        "\(unit.shortName)")
      let text = printed.joined(separator: "\n")
      // Grades: every band with its minimum.
      for band in rules.grades where band.minimum > 0 {
        #expect(text.contains("\(Requirement.format(band.minimum))分及以上"))
        #expect(text.contains("为\(band.name)"))
      }
      // The reporting duty: the plan's day of the month.
      let day = try #require(rules.reportDay)
      #expect(text.contains("每月\(day)日前报送上月"), "\(unit.shortName)")
      // Vetoes: in the book of every unit carrying the target, and in no other.
      for v in rules.vetoes {
        guard case .targetNotMet(let id) = v.match else { continue }
        let target = try #require(resolved.targets.first { $0.target.id == id })
        let carries = target.involves(unit.id)
        #expect(
          text.contains("\(target.target.name)未达标或无数据的，考核等次最高为\(v.cap)") == carries,
          "\(unit.shortName)")
        #expect(text.contains("一票否决") == carries, "\(unit.shortName)")
      }
      // The points clause states the total the table adds up to.
      let total = AssessmentText.points(resolved, unit: unit.id).total
      #expect(text.contains("合计\(Requirement.format((total * 100).rounded() / 100))分"))
      // Bonuses and their cap in the books of units leading a task, or carrying a 力争 target
      // (whose clause says a miss takes nothing).
      let leads = resolved.tasks(for: unit.id).contains { $0.lead.contains(unit.id) }
      let striving = resolved.targets(for: unit.id).contains { $0.target.aspirational }
      #expect(
        text.contains("加分合计不超过\(Requirement.format(rules.bonusCap))分") == (leads || striving))
      #expect(text.contains("力争目标不计入应得分值") == striving, "\(unit.shortName)")
    }
    // The deductions per unit of shortfall, in the words of the 考核细则, where they apply.
    let air = try paragraphs(book("gz-eeb-air"), from: "三、考核方式", to: "四、其他")
      .joined()
    #expect(air.contains("PM2.5平均浓度每差1微克/立方米扣0.5分"))
    #expect(air.contains("抽检船舶燃油每差100艘次扣0.5分"))
    let water = try paragraphs(book("gz-eeb-water"), from: "三、考核方式", to: "四、其他")
      .joined()
    #expect(water.contains("一票否决：城市集中式饮用水水源水质达标率未达标或无数据的，考核等次最高为不合格（饮用水安全一票否决）"))
    #expect(!water.contains("PM2.5"))
    // No target of Guangzhou has a tolerance: no book speaks of 基本达标.
    #expect(!water.contains("基本达标"))
  }

  // MARK: - 甲方

  @Test func theFirstPartyOfEveryBookIsThePlansSigningDeclaration() throws {
    let signing = try #require(plan.signing)
    let issuer = try #require(plan.unit(plan.issuer))
    #expect(!resolved.responsibleUnits.contains(issuer))
    for unit in unitsWithADocument {
      let sheet = try book(unit.id)
      // The declaration, read here on its own: the unit's own line, else its kind's.
      let rule = try #require(
        signing.rules.first { $0.scope == .unit(unit.id) }
          ?? signing.rules.first { $0.scope == .kind(unit.kind) })
      switch rule.document {
      case .book:
        let partyA = try #require(plan.unit(rule.partyA ?? plan.issuer))
        #expect(partyA.id != unit.id)
        #expect(sheet.text("A1")?.hasSuffix("目标责任书") == true)
        #expect(sheet.text("A4") == "甲方：\(partyA.name)", "\(unit.shortName)")
        #expect(sheet.text("A5") == "乙方：\(unit.name)")
        let sign = try #require(sheet.rows(where: "A", is: "甲方（盖章）：\n\(partyA.name)").first)
        // A long name is broken between its parts: compared without the line breaks.
        #expect(
          sheet.text("D\(sign)")?.split(separator: "\n").joined() == "乙方（盖章）：\(unit.name)")
        #expect(sheet.text("A\(sign + 1)")?.hasPrefix("负责人（签字）：") == true)
        #expect(sheet.text("D\(sign + 1)")?.hasPrefix("负责人（签字）：") == true)
      case .notice:
        #expect(sheet.text("A1")?.hasSuffix("任务分工告知书") == true)
        #expect(sheet.text("A4") == "致：\(unit.name)")
        let texts = sheet.cells.values.compactMap(\.text)
        #expect(!texts.contains { $0.hasPrefix("甲方") || $0.contains("盖章") })
      case .none:
        Issue.record("\(unit.shortName) has a book but the plan gives it none")
      }
    }
    // As declared: departments sign with the city government, divisions with the bureau;
    // 广州海事局, outside the city government, is sent a notice.
    #expect(try book("gz-police").text("A4") == "甲方：广州市人民政府")
    #expect(try book("gz-eeb-air").text("A4") == "甲方：广州市生态环境局")
    #expect(try book("gz-msa").text("A4") == "致：广州海事局")
  }

  // MARK: - in memory: what the Guangzhou plan does not have

  /// The texts of every cell of a layout.
  func texts(_ layout: SheetLayout) -> [String] {
    layout.rows.flatMap(\.cells).compactMap {
      if case .text(let t) = $0.value { return t }
      return nil
    }
  }

  @Test func theIssuerLeadingATaskIsSentANoticeNotABookSignedWithItself() throws {
    var model = plan
    model.signing = nil
    model.chapters[0].tasks[0].responsibility.lead = ["gz-eeb"]
    let resolved = Resolver.resolve(model)
    let issuer = try #require(model.unit("gz-eeb"))
    #expect(resolved.responsibleUnits.contains(issuer))
    #expect(model.document(for: issuer) == .notice)
    let layout = ResponsibilityBook.layout(unit: issuer, in: resolved, fingerprint: "0")
    let all = texts(layout)
    #expect(all.first == "\(model.title)\n任务分工告知书")
    #expect(!all.contains { $0.hasPrefix("甲方") || $0.hasPrefix("乙方") })
    // Any other unit signs with the issuer.
    let air = try #require(model.unit("gz-eeb-air"))
    let book = texts(ResponsibilityBook.layout(unit: air, in: resolved, fingerprint: "0"))
    #expect(book.contains("甲方：广州市生态环境局"))
  }

  @Test func aToleranceAndTheLeadOfACooperatedTargetArePrinted() throws {
    var model = plan
    let pm = try #require(model.targets.firstIndex { $0.id == "pm25" })
    model.targets[pm].tolerance = 2
    let resolved = Resolver.resolve(model)
    let air = try #require(model.unit("gz-eeb-air"))
    let book = texts(ResponsibilityBook.layout(unit: air, in: resolved, fingerprint: "0"))
    #expect(book.contains { $0.hasPrefix("PM2.5平均浓度") && $0.contains("允许偏差：2微克/立方米（偏差以内为基本达标）") })
    // With a tolerance 基本达标 can happen, and its deduction is stated.
    #expect(book.contains { $0.contains("责任目标基本达标（未达标但在允许偏差以内）的扣该项分值的50%") })
    // The monitoring centre cooperates on PM2.5: its row names the lead.
    let centre = try #require(model.unit("gz-eeb-monitoring-centre"))
    let other = texts(ResponsibilityBook.layout(unit: centre, in: resolved, fingerprint: "0"))
    #expect(other.contains { $0.hasPrefix("PM2.5平均浓度") && $0.hasSuffix("牵头：大气处") })
  }

  /// Guangzhou's 力争13个地表水考核断面: the requirement reads 力争不低于 13 个, the row says how it
  /// is scored (the bonus only in the lead's book), and 三、考核方式 states the rule.
  @Test func anAspirationalTargetReadsAsOne() throws {
    for (unit, note) in [
      ("gz-eeb-water", "力争目标：达到的加2分，未达到不扣分"), ("gz-water", "力争目标：未达到不扣分"),
    ] {
      let sheet = try book(unit)
      let row = try #require(sheet.firstRow("B") { $0.text?.hasPrefix("地表水考核断面") == true })
      #expect(sheet.cells["D\(row)"]?.text == "力争不低于", "\(unit)")
      #expect(sheet.cells["E\(row)"]?.number == 13)
      #expect(sheet.cells["F\(row)"]?.text == "个")
      #expect(sheet.cells["B\(row)"]?.text?.contains(note) == true, "\(unit)")
      #expect(sheet.cells["H\(row)"]?.text == "—")
      #expect(
        sheet.column("A").values.contains {
          $0.text?.contains("力争目标不计入应得分值，未达到的不扣分，达到的由牵头单位加分（地表水考核断面水质达到考核要求的断面数加2分）")
            == true
        }, "\(unit)")
    }
    // Other targets read as before.
    let sheet = try book("gz-eeb-water")
    let good = try #require(sheet.firstRow("B") { $0.text?.hasPrefix("水质优良断面比例") == true })
    #expect(sheet.cells["D\(good)"]?.text == "不低于")
  }

  @Test func everyDateOfABookIsInOneStyle() throws {
    // 规划引领 (task 6) is due at the end of the third quarter; 法制体系 (task 5) mid-year.
    let planning = try book("gz-eeb-planning")
    let six = try #require(planning.rows(where: "A", is: "6").first)
    #expect(planning.text("D\(six)") == "2020年第三季度末（9月30日）")
    let policy = try book("gz-eeb-policy")
    let five = try #require(policy.rows(where: "A", is: "5").first)
    #expect(policy.text("D\(five)") == "2020年上半年（6月30日）")
    // 秋冬季 on the target it bounds, with its days in the same style.
    let air = try book("gz-eeb-air")
    #expect(
      air.column("B").values.contains {
        $0.text?.contains("考核时段：秋冬季（2020年10月1日至12月31日）") == true
      })
    // No ISO date and no 2020年底 anywhere: days read 2020年12月31日.
    let iso = try Regex("[0-9]{4}-[0-9]{2}-[0-9]{2}")
    for unit in unitsWithADocument {
      let sheet = try book(unit.id)
      for text in sheet.cells.values.compactMap(\.text) {
        #expect(text.firstMatch(of: iso) == nil, "\(unit.shortName): \(text)")
        #expect(!text.contains("年底"), "\(unit.shortName): \(text)")
      }
      for cell in sheet.cells.values where cell.date != nil {
        #expect(cell.format == "yyyy\"年\"m\"月\"d\"日\"")
      }
    }
  }
}
