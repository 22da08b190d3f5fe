import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import Sheets
import TestSupport
import Testing
import Tracking

@testable import Books

@Suite(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
struct BookExportTests {
  let resolved = Fixtures.guangzhou

  func export() throws -> Fixtures.Export { try Fixtures.export.get() }

  /// The book sheet of `unit`.
  func book(_ unitID: String) throws -> WorkbookDump.Sheet {
    let file = try #require(BookExport.books(resolved).first { $0.unit?.id == unitID }?.fileName)
    let dump = try #require(try export().dumps[file], "no book \(file)")
    return try #require(dump.sheets.first)
  }

  @Test func oneBookPerResponsibleUnitAndTheOverview() throws {
    let names = try export().paths.map { URL(fileURLWithPath: $0).lastPathComponent }
    let units = resolved.responsibleUnits
    #expect(names.count == units.count + 1)
    #expect(names.last == "00-总览.xlsx")
    #expect(names.first == "01-\(units[0].shortName).xlsx")
    // Only the finished files and the set's list are left: no staging folder, no temporary
    // files.
    #expect(try export().folder.files() == [".planbook-set"] + names.sorted())
  }

  @Test func everyTaskIsInItsLeadAndCooperatingUnitsBooks() throws {
    #expect(resolved.tasks.count == 34)
    for t in resolved.tasks {
      for unit in t.lead + t.cooperating {
        let sheet = try book(unit)
        let rows = sheet.rows(where: "A", is: t.label)
        #expect(rows.count == 1, "task \(t.label) missing from \(unit)'s book")
        guard let row = rows.first else { continue }
        // The full text (or its first part when a very long text continues below).
        #expect(sheet.text("B\(row)").map { t.task.text.hasPrefix($0) } == true)
        #expect(sheet.text("C\(row)") == (t.lead.contains(unit) ? "牵头" : "配合"))
        // A day as a date; a named period (a quarter's end, 秋冬季) as its name and day.
        switch t.deadline {
        case .date, .endOfYear: #expect(sheet.cells["D\(row)"]?.date == t.dueDay.map(iso))
        default: #expect(sheet.text("D\(row)") == BookText.deadline(t.deadline))
        }
      }
    }
  }

  @Test func noBookHasATaskOfAnotherUnit() throws {
    for unit in resolved.responsibleUnits {
      let sheet = try book(unit.id)
      let labels = Set(resolved.tasks.filter { $0.involves(unit.id) }.map(\.label))
      let header = try #require(sheet.rows(where: "A", is: "编号").first)
      let end = try #require(sheet.rows(where: "A", is: "三、考核方式").first)
      // (The header written again where the table continues on a new page aside.)
      let listed = sheet.column("A").filter { $0.key > header && $0.key < end }
        .compactMap(\.value.text).filter { $0 != "编号" }
      #expect(Set(listed) == labels, "\(unit.shortName)")
    }
  }

  @Test func everyTargetIsInTheBookOfEveryUnitCarryingIt() throws {
    #expect(resolved.targets.count >= 13)
    for t in resolved.targets {
      for unit in t.lead + t.cooperating {
        let sheet = try book(unit)
        let name = t.target.fullName
        let row = sheet.firstRow("B") { $0.text?.hasPrefix(name) == true }
        #expect(row != nil, "target \(t.target.id) missing from \(unit)'s book")
        guard let row, let value = t.target.requirement.value,
          t.target.requirement.measure != .qualitative
        else { continue }
        #expect(sheet.cells["E\(row)"]?.number == value)
        #expect(sheet.cells["F\(row)"]?.text == t.target.requirement.unit ?? "")
        if let base = t.target.requirement.baseYear {
          #expect(sheet.cells["G\(row)"]?.number == Double(base))
        }
        // A 力争 target's direction reads 力争不低于.
        #expect(
          sheet.text("D\(row)")
            == (t.target.aspirational ? "力争" : "") + BookText.direction(t.target.requirement))
      }
    }
  }

  @Test func theAirDivisionsBookReadsRight() throws {
    let sheet = try book("gz-eeb-air")
    #expect(sheet.name == "大气处")
    #expect(sheet.merged.contains("A1:H1"))
    #expect(sheet.text("A1") == "2020年广州市生态环境保护工作计划\n目标责任书")
    #expect(sheet.cells["A1"]?.bold == true)
    #expect(sheet.text("A2") == "（广州市生态环境局大气环境管理处）")
    #expect(sheet.text("A4") == "甲方：广州市生态环境局")
    #expect(sheet.text("A5") == "乙方：广州市生态环境局大气环境管理处")
    #expect(sheet.text("A6") == "责任期：2020年1月1日至2020年12月31日")
    for heading in ["一、责任目标", "二、重点任务", "三、考核方式", "四、其他"] {
      #expect(sheet.rows(where: "A", is: heading).count == 1, "\(heading)")
    }
    let assessment = try #require(sheet.rows(where: "A", is: "三、考核方式").first)
    #expect(
      sheet.text("A\(assessment + 1)")
        == AssessmentText.clauses(resolved, unit: "gz-eeb-air").first)
    let other = try #require(sheet.rows(where: "A", is: "四、其他").first)
    #expect(sheet.text("A\(other + 1)")?.contains("一式两份") == true)
    #expect(sheet.text("A\(other + 1)")?.contains("签字（盖章）之日起生效") == true)
    // PM2.5: ≤ 35 µg/m³ as a number with its unit.
    let pm = try #require(
      sheet.firstRow("B") { $0.text?.hasPrefix("PM2.5") == true })
    #expect(sheet.text("D\(pm)") == "不高于")
    #expect(sheet.cells["E\(pm)"]?.number == 35)
    #expect(sheet.cells["E\(pm)"]?.format == "0")
    // Dates are real dates with a Chinese format.
    let dates = sheet.column("D").values.filter { $0.date != nil }
    #expect(!dates.isEmpty)
    #expect(
      dates.allSatisfy { $0.format == "yyyy\"年\"m\"月\"d\"日\"" && $0.type == "d" || $0.type == "n" })
    // Signature block, last.
    let sign = try #require(
      sheet.firstRow("A") { $0.text?.hasPrefix("甲方（盖章）") == true })
    #expect(sheet.text("D\(sign)")?.hasPrefix("乙方（盖章）") == true)
    #expect(sheet.text("A\(sign + 1)") == "负责人（签字）：\n（局长）")
    #expect(sheet.text("D\(sign + 1)") == "负责人（签字）：")
    #expect(sheet.text("A\(sign + 2)") == "____年__月__日")
    #expect(sheet.text("D\(sign + 2)") == "____年__月__日")
    #expect(sheet.maxRow == sign + 2)
    #expect(sheet.cells["B\(pm)"]?.font == "宋体")
    #expect(sheet.cells["B\(pm)"]?.wrap == true)
    #expect(sheet.cells["B\(pm)"]?.border == true)
  }

  @Test func booksPrintOnA4PortraitOnePageWide() throws {
    let fingerprint = try resolved.plan.fingerprint()
    for unit in resolved.responsibleUnits {
      let sheet = try book(unit.id)
      let p = sheet.print
      #expect(p.paper == 9)
      #expect(p.orientation == "portrait")
      #expect(p.fitToPage && p.fitToWidth == 1 && p.fitToHeight == 0)
      #expect(p.centered)
      // No print titles: a table's header is written again at each page break inside it
      // (and the first row of a page that continues a table is its header).
      #expect(p.titleRows == nil)
      for header in ["序号", "编号"] {
        for row in sheet.rows(where: "A", is: header).dropFirst() {
          #expect(p.rowBreaks.contains(row - 1), "\(unit.shortName) row \(row)")
        }
      }
      #expect(p.footer?.contains("第 &P 页 共 &N 页") == true)
      // The footer's left part names the unit.
      #expect(p.footerLeft == unit.name || p.footerLeft == unit.shortName)
      // The footer's right part names the plan and its fingerprint.
      #expect(p.footerRight == "guangzhou-2020 · \(WorkPlan.shortFingerprint(fingerprint))")
      #expect(p.margins.left == 0.6 && p.margins.top == 0.75)
      // Columns add up to less than the printable width: printed at 100 %. (The file stores
      // a width with its padding: 7 pixels a unit.)
      let pixels = sheet.columns.values.reduce(0) { $0 + ($1 * 7).rounded() }
      #expect(pixels * 0.75 <= 595 - 1.2 * 72)
    }
  }

  @Test func customPropertiesTraceTheBookToThePlanVersion() throws {
    let fingerprint = try resolved.plan.fingerprint()
    for (name, dump) in try export().dumps {
      #expect(dump.custom[BookProperties.planID] == "guangzhou-2020", "\(name)")
      #expect(dump.custom[BookProperties.fingerprint] == fingerprint)
      #expect(dump.custom[BookProperties.schemaVersion] == "2")
      #expect(dump.custom[BookProperties.planTitle] == "2020年广州市生态环境保护工作计划")
      #expect(dump.custom[BookProperties.planVersion] != nil)
      #expect(dump.core.created?.hasPrefix("2020-01-01") == true)
      if name == BookExport.overviewFileName {
        #expect(dump.custom[BookProperties.kind] == "overview")
      } else {
        #expect(dump.custom[BookProperties.kind] == "book")
        #expect(dump.custom[BookProperties.unit]?.hasPrefix("gz-") == true)
      }
    }
  }

  @Test func theOverviewListsTasksTargetsAndUnits() throws {
    let dump = try #require(try export().dumps[BookExport.overviewFileName])
    #expect(dump.sheets.map(\.name) == ["任务分工表", "指标表", "单位索引"])
    let tasks = try #require(dump.sheet("任务分工表"))
    #expect(tasks.text("A2") == "编号")
    #expect(tasks.print.titleRows == "$2:$2")
    for t in resolved.tasks {
      let row = try #require(tasks.rows(where: "A", is: t.label).first, "task \(t.label)")
      #expect(tasks.text("B\(row)") == t.task.title)
      // Lines end between names.
      let text = { (col: String) in
        (tasks.text("\(col)\(row)") ?? "").replacingOccurrences(of: "\n", with: "")
      }
      #expect(text("C") == BookText.names(t.lead, in: resolved.plan))
      #expect(text("D") == BookText.names(t.cooperating, in: resolved.plan))
      #expect(tasks.cells["E\(row)"]?.date == t.dueDay.map(iso))
    }
    // The title and five chapter headings, merged across the table.
    #expect(tasks.merged.count == 6)
    #expect(tasks.text("A3") == "一、推进作风建设、全面从严治党,扛起生态环境保护政治责任")
    let targets = try #require(dump.sheet("指标表"))
    #expect(targets.maxRow == resolved.targets.count + 2)
    let units = try #require(dump.sheet("单位索引"))
    let names = try export().paths.map { URL(fileURLWithPath: $0).lastPathComponent }
    for (i, unit) in resolved.responsibleUnits.enumerated() {
      #expect(units.text("B\(i + 3)")?.replacingOccurrences(of: "\n", with: "") == unit.name)
      let file = try #require(units.text("G\(i + 3)"))
      #expect(names.contains(file))
      #expect(
        units.cells["D\(i + 3)"]?.number
          == Double(resolved.tasks.filter { $0.lead.contains(unit.id) }.count))
    }
  }

  @Test func sameBytesTwiceAndParallelEqualsSerial() throws {
    let a = try TemporaryFolder()
    let b = try TemporaryFolder()
    defer {
      a.remove()
      b.remove()
    }
    let parallel = try BookExport.export(resolved, to: a.path, parallel: true)
    let serial = try BookExport.export(resolved, to: b.path, parallel: false)
    #expect(parallel.count == serial.count)
    for (p, s) in zip(parallel + (try export().paths), serial + serial) {
      let x = try Data(contentsOf: URL(fileURLWithPath: p))
      let y = try Data(contentsOf: URL(fileURLWithPath: s))
      #expect(x == y, "\(p) differs from \(s)")
    }
  }

  @Test func onlyTheChosenUnitsKeepTheirNumbers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let all = BookExport.books(resolved)
    let air = try #require(all.first { $0.unit?.id == "gz-eeb-air" })
    let written = try BookExport.export(resolved, to: folder.path, units: ["gz-eeb-air"])
    #expect(
      written.map { URL(fileURLWithPath: $0).lastPathComponent } == [air.fileName, "00-总览.xlsx"])
  }

  func iso(_ d: Day) -> String { d.description }
}
