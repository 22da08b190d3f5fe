import Foundation
import PlanModel
import Testing
import Tracking

@testable import Books

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The bulletin's OpenDocument text: escaped, well-formed, A4 portrait in the books' font,
/// columns that add up to the text width.
@Suite struct BulletinDocumentTests {
  /// A bulletin whose texts hold everything XML must escape, and a control character.
  static let hostile = Bulletin(
    planID: "p&q", planTitle: "<计划> & \"引号\" 'x'", period: .month(year: 2020, month: 9),
    asOf: Day(2020, 9, 30), title: "<script>通报</script> & co", periodName: "2020年9月",
    issuer: "局\u{1}办", date: "2020年9月30日", sampleData: false,
    opening: ["第一行\n第二行 a<b"],
    sections: [
      Bulletin.Section(
        heading: "一、指标 & 任务",
        blocks: [
          .paragraph("]]> 不是结尾 &amp; 也不是实体"),
          .table(
            BulletinTable(
              header: ["事项", "单位", "得分"],
              rows: [
                ["<b>粗</b>", "A&B", "100"],
                ["很长的事项名称" + String(repeating: "字", count: 60), "办", "9.5"],
              ],
              numeric: [2])),
        ])
    ], closing: "完")

  @Test func escapesWhatXMLMustEscape() {
    #expect(BulletinDocument.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
    #expect(BulletinDocument.escape("x\u{1}y\u{FFFE}") == "x\u{FFFD}y\u{FFFD}")
    #expect(BulletinDocument.escape("中文\t\n") == "中文\t\n")
  }

  @Test func theDocumentIsWellFormedXML() throws {
    let xml = BulletinDocument.fodt(Self.hostile)
    let parser = XMLParser(data: Data(xml.utf8))
    let ok = parser.parse()
    #expect(ok, "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(xml.contains("&lt;script&gt;通报&lt;/script&gt; &amp; co"))
    #expect(xml.contains("局\u{FFFD}办"))
    #expect(xml.contains("第一行<text:line-break/>第二行 a&lt;b"))
    #expect(!xml.contains("<b>"))
    // A4 portrait, 宋体, the page numbers in the footer, the header row repeated.
    #expect(xml.contains("fo:page-width=\"21cm\""))
    #expect(xml.contains("fo:page-height=\"29.7cm\""))
    #expect(xml.contains("style:print-orientation=\"portrait\""))
    #expect(xml.contains("style:font-name-asian=\"宋体\""))
    #expect(xml.contains("<text:page-number"))
    #expect(xml.contains("<text:page-count>"))
    #expect(xml.contains("<table:table-header-rows>"))
    // The same bulletin, the same bytes.
    #expect(BulletinDocument.fodt(Self.hostile) == xml)
  }

  @Test func columnsFillTheTextWidthAndNarrowOnesDoNotWrap() throws {
    guard case .table(let t) = Self.hostile.sections[0].blocks[1] else {
      Issue.record("no table")
      return
    }
    let widths = BulletinDocument.columnWidths(t)
    #expect(abs(widths.reduce(0, +) - BulletinDocument.textWidth) < 1e-9)
    // 单位 and 得分 keep their text on one line (0.2 cm a unit, padding 2.5 units).
    #expect(widths[1] >= Double(BulletinDocument.units("单位") + 2) * 0.2)
    #expect(widths[2] >= Double(BulletinDocument.units("得分") + 2) * 0.2)
    #expect(widths[0] > widths[1] + widths[2])
    let small = BulletinTable(header: ["名次", "单位"], rows: [["1", "办公室"]])
    let even = BulletinDocument.columnWidths(small)
    #expect(abs(even.reduce(0, +) - BulletinDocument.textWidth) < 1e-9)
  }

  @Test func aShortBulletinIsPlausibleOnOneOrTwoPages() {
    let pages = BulletinDocument.plausiblePages(Self.hostile)
    #expect(pages.contains(1))
    #expect(pages.upperBound <= 3)
  }
}
