import Foundation
import PlanModel
import TestSupport
import Testing
import Xlsx
import XlsxReader

@testable import Sheets

/// A sheet streamed row by row is the sheet its whole layout would have been: the same rows,
/// heights, page breaks and bytes.
@Suite struct SheetStreamTests {
  let text = CellStyle(fontSize: 10.5, vertical: .top, wrap: true, border: true)
  let heading = CellStyle(fontSize: 10.5, bold: true, wrap: true, border: true, fill: 0xF2F2F2)
  let properties = DocumentProperties(title: "测试", created: Day(2020, 1, 1))

  /// A title, a repeated header, groups of rows each after a heading kept with its first row,
  /// and one text too tall for a row (continued on further rows).
  func fill<Rows: SheetRows>(_ sheet: inout Rows) throws(Rows.Failure) {
    try sheet.append([.init(0...2, .text("标题"), heading)], minHeight: 30)
    sheet.page.repeatRows = try sheet.append([
      .init(0, .text("编号"), heading), .init(1, .text("任务"), heading),
      .init(2, .text("时限"), heading),
    ])
    for group in 1...12 {
      let r = try sheet.append([.init(0...2, .text("第\(group)部分"), heading)])
      sheet.keep(r.lowerBound...(r.upperBound + 1))
      for n in 1...(group * 3) {
        let long = group == 7 && n == 2
        try sheet.append([
          .init(0, .text("\(group).\(n)"), text),
          .init(
            1, .text(String(repeating: long ? "很长的任务内容，" : "任务", count: long ? 400 : n)), text),
          .init(2, .date(Day(2020, 12, n % 28 + 1)), text),
        ])
      }
    }
    sheet.page.footer = "&C第 &P 页"
  }

  var frame: SheetLayout { SheetLayout(name: "任务", columns: [6, 30, 12]) }

  @Test func aStreamWritesTheLayoutsBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var layout = frame
    fill(&layout)
    // 2 + 12 headings + 234 tasks, one of them continued on more rows.
    #expect(layout.rows.count > 2 + 12 + 234)
    #expect(layout.rows.filter { $0.height > 300 }.count >= 2)
    let whole = folder.url.appendingPathComponent("whole.xlsx").path
    let streamed = folder.url.appendingPathComponent("streamed.xlsx").path
    for mode in [Workbook.Mode.normal, .constantMemory] {
      try Workbook.write(to: whole, properties: properties, mode: mode) {
        try SheetWriter.write(layout, into: $0)
      }
      var breaks: [Int] = []
      var next = 0
      try Workbook.write(to: streamed, properties: properties, mode: mode) {
        try SheetWriter.stream(frame, into: $0) { stream in
          var rows = stream
          try fill(&rows)
          breaks = stream.pageBreaks()
          next = stream.nextRow
        }
      }
      #expect(breaks == layout.pageBreaks())
      #expect(breaks.count > 5)
      #expect(next == layout.rows.count)
      let a = try Data(contentsOf: URL(fileURLWithPath: whole))
      #expect(a == (try Data(contentsOf: URL(fileURLWithPath: streamed))), "\(mode)")
    }
  }

  @Test func aFrameWithRowsWritesThemFirst() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var start = frame
    start.append([.init(0...2, .text("已有的一行"), heading)])
    try Workbook.write(
      to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties,
      mode: .constantMemory
    ) {
      try SheetWriter.stream(start, into: $0) { stream in
        #expect(stream.nextRow == 1)
        let added = try stream.append([.init(0, .text("第二行"), text)], minHeight: 0)
        #expect(added == 1...1)
      }
    }
    let file = try XlsxFile(path: folder.url.appendingPathComponent("a.xlsx").path)
    let cells = try file.cells(sheet: "任务")
    #expect(cells["A1"] == .text("已有的一行"))
    #expect(cells["A2"] == .text("第二行"))
  }
}
