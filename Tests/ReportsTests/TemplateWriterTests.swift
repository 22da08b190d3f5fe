import Foundation
import PlanEngine
import PlanModel
import Plans
import TestSupport
import Testing

@testable import Reports

/// Issue 14, item 10: the 进展说明 cell of a filled template prints whole, and its row may be
/// made taller on the protected sheet.
@Suite(
  .enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"),
  .enabled(if: LibreOffice.isAvailable, "needs LibreOffice (scripts/test-setup)"))
struct TemplateWriterTests {
  let resolved = Resolver.resolve(
    Catalogue.plan("guangzhou-2020")?.model
      ?? WorkPlan(id: "missing", title: "", issuer: "", period: .year(2020)))

  @Test func aProgressNotePrintsWholeAndRowsMayBeResized() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let written = try TemplateWriter.writeAll(
      resolved, period: .month(year: 2020, month: 10), units: ["gz-eeb-air"],
      to: folder.path + "/t")
    let path = try #require(written.first)
    let dump = try Openpyxl.dump(path)
    let sheet = try #require(dump.sheet("填报"))
    // Row heights are not locked by the protection (formatRows false: not prevented).
    #expect(sheet.protection?.formatRows == false)
    #expect(sheet.protection?.formatCells == true)
    let coal = try #require(sheet.rows(where: "A", is: "task:coal").first)
    let note = "本月关停燃煤锅炉十二台，其中天河区五台、白云区七台，剩余锅炉年底前完成整治并验收。"
    let filled = folder.path + "/filled.xlsx"
    try Openpyxl.fill(
      path,
      entries: [
        "填报": ["F\(coal)": .text("推进中"), "G\(coal)": .number(80), "H\(coal)": .text(note)]
      ],
      savingTo: filled)
    let pdf = try #require(try LibreOffice.convertToPDF([filled], into: folder.path).first)
    // The words printed in the 进展说明 column (centred on its heading, up to the 佐证材料
    // heading), below the heading, read as the whole note.
    let page = try #require(
      try PDFText.pages(pdf).first { $0.words.contains { $0.text == "进展说明" } })
    let words = page.words
    let heading = try #require(words.first { $0.text == "进展说明" })
    let evidence = try #require(words.first { $0.text == "佐证材料" && $0.midY == heading.midY })
    let column = words.filter {
      $0.yMin > heading.yMax && $0.yMax < page.height - 60  // above the footer
        && $0.xMin > 2 * heading.midX - evidence.xMin
        && $0.xMax < evidence.xMin
    }
    #expect(column.map(\.text).joined() == note)
  }
}
