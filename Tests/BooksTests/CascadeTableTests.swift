import PlanModel
import Testing

@testable import Books

/// The 指标分解表's layout: landscape A4, one page wide at 100 %, the header written again at
/// the top of every page, a target's heading never alone at the foot of a page.
struct CascadeTableTests {
  static let chains = (1...40).map { n in
    CascadeTable.Chain(
      heading: "指标 t\(n)　目标\(n)",
      rows: (0...2).map { level in
        CascadeTable.Row(
          level: level, plan: level == 0 ? "city-2020" : "district-2020-illustrative",
          target: "t\(n) 某某指标名称较长需要换行显示的情形\(n)", share: level == 1 ? "分解" : "整体",
          units: "大气处", requirement: "≤ 35 微克/立方米", implements: level == 2 ? "city-2020/t\(n)" : "",
          status: "达标", measured: "28.4 微克/立方米")
      })
  }

  @Test func printsLandscapeOnePageWideWithTheHeaderOnEveryPage() {
    let plan = WorkPlan(id: "city-2020", title: "2020年某市工作计划", issuer: "eeb", period: .year(2020))
    let sheet = CascadeTable.layout(plan: plan, subtitle: "计划：city-2020", chains: Self.chains)
    #expect(sheet.page.orientation == .landscape)
    #expect(sheet.widthInPoints <= sheet.printableWidth)
    let breaks = sheet.pageBreaks()
    #expect(breaks.count >= 2)
    let header = CascadeTable.header
    func texts(_ row: Int) -> [String] {
      sheet.rows[row].cells.map { cell in
        if case .text(let t) = cell.value { t } else { "" }
      }
    }
    #expect(texts(2) == header)
    for b in breaks {
      #expect(texts(b) == header, "row \(b)")
      // The row before a break is never a target's heading (kept with its first row).
      #expect(!(texts(b - 1).first ?? "").hasPrefix("指标 t"), "row \(b - 1)")
    }
  }
}
