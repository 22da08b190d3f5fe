import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

/// Frozen panes, autofilters and links to other files, in both modes, read back by openpyxl.
@Suite(.enabled(if: Openpyxl.isAvailable, "needs python3 with openpyxl (scripts/test-setup)"))
struct SheetViewTests {
  let properties = DocumentProperties(title: "测试", created: Day(2020, 3, 1))
  let link = CellStyle(fontColor: 0x0563C1, underline: true)

  /// A title, a header, three rows with links, a totals row below the filtered table.
  func write(_ path: String, mode: Workbook.Mode) throws {
    try Workbook.write(to: path, properties: properties, mode: mode) { wb in
      let sheet = try wb.addWorksheet("单位索引")
      try sheet.write("标题", row: 0, col: 0, style: CellStyle())
      try sheet.write("单位", row: 1, col: 0, style: CellStyle())
      try sheet.write("文件", row: 1, col: 1, style: CellStyle())
      let files = ["08-大气处.xlsx", "50%#处.xlsx", "sub/09-水处.xlsx"]
      for (i, file) in files.enumerated() {
        try sheet.write("处\(i)", row: 2 + i, col: 0, style: CellStyle())
        try sheet.write("第\(i)本", linkingTo: file, row: 2 + i, col: 1, style: link)
      }
      try sheet.autofilter(rows: 1...4, cols: 0...1)
      try sheet.write("合计", row: 5, col: 0, style: CellStyle())
      var view = SheetView()
      view.frozenRows = 2
      try sheet.setView(view)
    }
  }

  @Test(arguments: [Workbook.Mode.normal, .constantMemory])
  func readBack(mode: Workbook.Mode) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    try write(path, mode: mode)
    let sheet = try #require(try Openpyxl.dump(path).sheet("单位索引"))
    #expect(sheet.freezePanes == "A3")
    #expect(sheet.autoFilter == "A2:B5")
    #expect(
      sheet.links
        == ["B3": "08-大气处.xlsx", "B4": "50%25%23处.xlsx", "B5": "sub\\09-水处.xlsx"])
    #expect(sheet.text("B3") == "第0本")
    // The relationship is external and relative: the link works where the folder goes.
    let rels = try Openpyxl.part("xl/worksheets/_rels/sheet1.xml.rels", of: path)
    #expect(rels.contains("Target=\"08-大气处.xlsx\" TargetMode=\"External\""))
    #expect(!rels.contains("file:///"))
  }

  @Test func misuseIsRefusedNamingTheCell() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("a.xlsx").path
    func refused(_ expected: String, _ body: @escaping (Worksheet) throws -> Void) {
      #expect {
        try Workbook.write(to: path, properties: properties, mode: .constantMemory) { wb in
          try body(try wb.addWorksheet("表"))
        }
      } throws: { error in
        "\(error)".contains(expected)
      }
    }
    refused("'C:/x.xlsx' is not a file name relative to the workbook") {
      try $0.write("x", linkingTo: "C:/x.xlsx", row: 0, col: 0, style: CellStyle())
    }
    refused("would show the '/' of a link's text as '\\'") {
      try $0.write("a/b", linkingTo: "x.xlsx", row: 0, col: 0, style: CellStyle())
    }
    refused("write the link A1 of '表': the file name holds the control character U+0001") {
      try $0.write("x", linkingTo: "x\u{1}.xlsx", row: 0, col: 0, style: CellStyle())
    }
    // In constant memory an autofilter ending above the current row cannot be set any more.
    refused(
      "add an autofilter on A1:B3 of '表': row 5 was started; a constant-memory sheet sets an "
        + "autofilter before the rows below it"
    ) {
      try $0.write("x", row: 4, col: 0, style: CellStyle())
      try $0.autofilter(rows: 0...2, cols: 0...1)
    }
    refused("freeze the panes of '表' at row -1, column 0") {
      try $0.freezePanes(rows: -1)
    }
  }
}
