import Books
import Foundation
import PlanModel
import TestSupport
import Testing
import Tracking
import XlsxReader

/// Issue 19 (2): a supervision notice written and read back.
@Suite struct SupervisionNoticeBookTests {
  static let notice = SupervisionNotice(
    number: "督办〔2020〕9号", year: 2020, serial: 9, unit: "gz-eeb-air",
    issuedOn: Day(2020, 9, 30), replyBy: Day(2020, 10, 10), issuer: "gz-eeb",
    items: [
      NoticeItem(
        item: ColourItem(.task, "vocs"), number: "16", title: "加强挥发性有机物污染控制",
        deadline: Day(2020, 12, 31), colour: .red, found: .yellow,
        reason: "欠进度：完成63%，序时进度74.9%", percent: 63, expected: 74.9,
        escalates: "督办〔2020〕5号", raisedFrom: .yellow),
      NoticeItem(
        item: ColourItem(.target, "ship-fuel-checks"), number: "", title: "抽检船舶燃油",
        deadline: Day(2020, 12, 31), colour: .yellow, found: .yellow,
        reason: "未达标：实际620 艘次，要求≥ 1000 艘次，差380"),
    ])

  @Test func writtenAndReadBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let resolved = Fixtures.guangzhou
    let written = try SupervisionNoticeBook.writeAll(
      [Self.notice], resolved: resolved, to: folder.path)
    #expect(
      written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["督办〔2020〕9号-08-大气处.xlsx"])
    let path = try #require(written.first)
    let file = try XlsxFile(path: path)
    #expect(file.customProperties["PlanBook.Notice"] == "督办〔2020〕9号")
    #expect(file.customProperties["PlanBook.Kind"] == "supervision")
    let cells = try file.cells(sheet: SupervisionNoticeBook.sheetName)
    #expect(cells["A1"]?.displayText == "督　办　单")
    #expect(cells["A2"]?.displayText == "红色督办")
    #expect(cells["E2"]?.displayText == "督办〔2020〕9号")
    #expect(cells["A3"]?.displayText == "被督办单位：广州市生态环境局大气环境管理处")
    #expect(cells["A4"]?.displayText.contains("2020年10月10日前将办理情况书面反馈广州市生态环境局") == true)
    // The items: number, text, deadline, colour in words, % against 序时进度, what is behind.
    #expect(cells["B6"]?.displayText == "16")
    // A task is named by its full text, as the books print it.
    #expect(cells["C6"]?.displayText.hasPrefix("加强挥发性有机物污染控制。借助科技手段") == true)
    #expect(cells["C7"]?.displayText == "抽检船舶燃油")
    #expect(cells["E6"]?.displayText == "红")
    #expect(cells["F6"]?.displayText == "63%")
    #expect(cells["G6"]?.displayText == "74.9%")
    #expect(cells["H6"]?.displayText.contains("督办〔2020〕5号（黄色）督办后至反馈时限未见进展，提级督办（红色）") == true)
    #expect(cells["B7"]?.displayText == "—")
    #expect(cells["E7"]?.displayText == "黄")
    #expect(cells["F7"]?.displayText == "—")

    // The same notice again: the same bytes.
    let again = try TemporaryFolder()
    defer { again.remove() }
    let second = try SupervisionNoticeBook.writeAll(
      [Self.notice], resolved: resolved, to: again.path)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path))
        == Data(contentsOf: URL(fileURLWithPath: try #require(second.first))))
  }
}
