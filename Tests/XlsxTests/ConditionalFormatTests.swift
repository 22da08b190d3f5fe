import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

@Suite struct ConditionalFormatTests {
  let properties = DocumentProperties(title: "状态", created: Day(2020, 3, 1))
  let body = CellStyle(border: true)
  let percent = CellStyle(border: true, numberFormat: "0.0%")

  /// The status classes of the Qingyuan bulletin: three of them contain `达标`.
  static let classes: [(text: String, fill: UInt32, font: UInt32)] = [
    ("达标", 0xC6EFCE, 0x006100),
    ("预计达标", 0xDDEBF7, 0x1F4E78),
    ("基本达标", 0xFFEB9C, 0x9C5700),
    ("未完全达标", 0xFFC7CE, 0x9C0006),
  ]

  /// A status sheet: statuses in C2:C9, completion fractions in D2:D9.
  func writeStatus(_ path: String) throws {
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("指标状态")
      try sheet.write("状态", row: 0, col: 2, style: body)
      try sheet.write("完成率", row: 0, col: 3, style: body)
      let statuses = ["达标", "预计达标", "基本达标", "未完全达标", "无数据", "达标", "达标 ", "达标"]
      for (i, status) in statuses.enumerated() {
        try sheet.write(status, row: i + 1, col: 2, style: body)
        try sheet.write(number: Double(i) / 8, row: i + 1, col: 3, style: percent)
      }
      for c in Self.classes {
        try wb.addConditionalFormat(
          .highlight(.textEquals(c.text), style: CellStyle(fill: c.fill, fontColor: c.font)),
          to: sheet, rows: 1...8, cols: 2...2)
      }
      try wb.addConditionalFormat(
        .highlight(.lessThan(0.5), style: CellStyle(bold: true, fontColor: 0), stopIfTrue: true),
        to: sheet, rows: 1...8, cols: 3...3)
      try wb.addConditionalFormat(
        .highlight(.between(0.9, 0.5), style: CellStyle(border: true, fill: 0xFFEB9C)),
        to: sheet, rows: 1...8, cols: 3...3)
      try wb.addConditionalFormat(
        .highlight(.greaterThanOrEqual(0.85), style: CellStyle(fill: 0xC6EFCE)),
        to: sheet, rows: 1...8, cols: 3...3)
      try wb.addConditionalFormat(
        .dataBar(color: 0x638EC6, low: .number(0), high: .number(1)),
        to: sheet, rows: 1...8, cols: 3...3)
      try wb.addConditionalFormat(
        .colorScale(
          low: .init(.automatic, color: 0xF8696B), mid: .init(.automatic, color: 0xFFEB84),
          high: .init(.automatic, color: 0x63BE7B)),
        to: sheet, rows: 1...8, cols: 4...4)
      try wb.addConditionalFormat(
        .colorScale(
          low: .init(.percent(10), color: 0xFFFFFF), high: .init(.percentile(90), color: 0x63BE7B)),
        to: sheet, rows: 1...8, cols: 5...5)
    }
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func statusColoursReadBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("status.xlsx").path
    try writeStatus(path)
    let sheet = try #require(try Openpyxl.dump(path).sheet("指标状态"))
    let rules = try #require(sheet.conditional)
    #expect(rules.count == 10)

    // One exact-match rule per class: `达标` is `="达标"`, which does not match `预计达标`.
    for (rule, c) in zip(rules.prefix(4), Self.classes) {
      #expect(rule.range == "C2:C9")
      #expect(rule.type == "cellIs")
      #expect(rule.operator == "equal")
      #expect(rule.formula == ["\"\(c.text)\""])
      #expect(rule.style?.fill == hex(c.fill))
      #expect(rule.style?.fontColor == hex(c.font))
      #expect(rule.style?.bold == false)
    }
    // The cells keep their own style; the rule only overlays it.
    #expect(sheet.cells["C2"]?.text == "达标")
    #expect(sheet.cells["C2"]?.border == true)
    #expect(sheet.cells["C2"]?.font == "宋体")

    let numbers = rules[4...6].map { $0 }
    #expect(numbers.map(\.range) == ["D2:D9", "D2:D9", "D2:D9"])
    #expect(numbers.map(\.operator) == ["lessThan", "between", "greaterThanOrEqual"])
    // Bounds in order, with a decimal point.
    #expect(numbers.map(\.formula) == [["0.5"], ["0.5", "0.9"], ["0.85"]])
    #expect(numbers.map(\.stopIfTrue) == [true, false, false])
    // Black is 000000, not "no colour".
    #expect(numbers[0].style?.fontColor == "000000")
    #expect(numbers[0].style?.bold == true)
    #expect(numbers[1].style?.border == true)
    #expect(numbers[1].style?.fill == "FFEB9C")

    let bar = try #require(rules[7].dataBar)
    #expect(rules[7].type == "dataBar")
    #expect(bar.color == "638EC6")
    #expect(bar.points == [.init(type: "num", value: 0), .init(type: "num", value: 1)])

    let three = try #require(rules[8].colorScale)
    #expect(rules[8].range == "E2:E9")
    #expect(three.colors == ["F8696B", "FFEB84", "63BE7B"])
    #expect(three.points.map(\.type) == ["min", "percentile", "max"])
    #expect(three.points[1].value == 50)
    let two = try #require(rules[9].colorScale)
    #expect(two.colors == ["FFFFFF", "63BE7B"])
    #expect(
      two.points == [.init(type: "percent", value: 10), .init(type: "percentile", value: 90)])
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func textContainsIsAFormulaThatSurvivesLongText()
    throws
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("contains.xlsx").path
    // libxlsxwriter 1.1.4's own text rule cuts its formula at 63 bytes: 30 characters would be
    // broken mid-character there.
    let long = String(repeating: "未完全达标", count: 6)
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("任务 进度")
      let style = CellStyle(fill: 0xFFC7CE)
      try wb.addConditionalFormat(
        .highlight(.textContains("达标"), style: style), to: sheet, rows: 1...40, cols: 1...1)
      try wb.addConditionalFormat(
        .highlight(.textContains(long), style: style), to: sheet, rows: 99_999...99_999,
        cols: 27...27)
      try wb.addConditionalFormat(
        .highlight(.textContains("5* \"超\"?~"), style: style), to: sheet, rows: 0...0,
        cols: 0...0)
      try wb.addConditionalFormat(
        .highlight(.textEquals("他说\"达标\""), style: style), to: sheet, rows: 0...0, cols: 1...1)
      try wb.addConditionalFormat(
        .highlight(.textEquals(String(repeating: "达", count: 255)), style: style), to: sheet,
        rows: 0...0, cols: 2...2)
    }
    let rules = try #require(try Openpyxl.dump(path).sheet("任务 进度")?.conditional)
    #expect(rules.map(\.type) == ["expression", "expression", "expression", "cellIs", "cellIs"])
    // Relative to the range's top-left cell, as Excel writes it.
    #expect(rules[0].range == "B2:B41")
    #expect(rules[0].formula == ["NOT(ISERROR(SEARCH(\"达标\",B2)))"])
    #expect(rules[1].formula == ["NOT(ISERROR(SEARCH(\"\(long)\",AB100000)))"])
    // Quotes doubled, SEARCH's wildcards escaped with ~.
    #expect(rules[2].formula == ["NOT(ISERROR(SEARCH(\"5~* \"\"超\"\"~?~~\",A1)))"])
    #expect(rules[3].formula == ["\"他说\"\"达标\"\"\""])
    #expect(rules[4].formula == ["\"" + String(repeating: "达", count: 255) + "\""])
  }

  @Test func refusedRulesNameTheRange() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("bad.xlsx").path
    let style = CellStyle(fill: 0xFFC7CE)
    let cases: [(ConditionalFormat, ClosedRange<Int>, ClosedRange<Int>, String)] = [
      (
        .highlight(.textEquals(String(repeating: "达", count: 256)), style: style), 1...3, 0...0,
        "255"
      ),
      (.highlight(.greaterThan(.nan), style: style), 1...3, 0...0, "not a number"),
      (.highlight(.between(0, .infinity), style: style), 1...3, 0...0, "not a number"),
      (.dataBar(high: .percent(120)), 1...3, 0...0, "0 to 100"),
      (.dataBar(color: 0x1000000), 1...3, 0...0, "RRGGBB"),
      (.dataBar(), 1...1_048_576, 0...0, "outside the sheet"),
      (.dataBar(), -1...3, 0...0, "outside the sheet"),
    ]
    for (format, rows, cols, message) in cases {
      let error = #expect(throws: XlsxError.self) {
        try Workbook.write(to: path, properties: properties) { wb in
          try wb.addConditionalFormat(
            format, to: try wb.addWorksheet("指标状态"), rows: rows, cols: cols)
        }
      }
      #expect(error?.operation.hasPrefix("add a conditional format to ") == true)
      #expect(error?.operation.hasSuffix(" of '指标状态'") == true)
      #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
    #expect(try folder.files() == [])
  }

  @Test func afterCloseAndOnAnotherWorkbookItThrows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var keptBook: Workbook?
    var keptSheet: Worksheet?
    try Workbook.write(to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties)
    { wb in
      keptBook = wb
      let sheet = try wb.addWorksheet("S")
      keptSheet = sheet
      // Same name, other workbook: refused by handle, not by name.
      try Workbook.write(
        to: folder.url.appendingPathComponent("b.xlsx").path, properties: properties
      ) { other in
        _ = try other.addWorksheet("S")
        let error = #expect(throws: XlsxError.self) {
          try other.addConditionalFormat(.dataBar(), to: sheet, rows: 0...3, cols: 0...0)
        }
        #expect(error?.message.contains("is not a worksheet of") == true)
      }
    }
    let book = try #require(keptBook)
    let sheet = try #require(keptSheet)
    let error = #expect(throws: XlsxError.self) {
      try book.addConditionalFormat(
        .highlight(.textEquals("达标"), style: CellStyle()), to: sheet, rows: 0...3, cols: 0...0)
    }
    #expect(error?.operation == "add a conditional format to A1:A4 of 'S'")
    #expect(error?.message.contains("already closed") == true)
    #expect(try folder.files() == ["a.xlsx", "b.xlsx"])
  }

  @Test func sameInputSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let a = folder.url.appendingPathComponent("a.xlsx").path
    let b = folder.url.appendingPathComponent("b.xlsx").path
    try writeStatus(a)
    try writeStatus(b)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: b))))
  }

  /// A style without a font colour makes the same format as before `fontColor` existed.
  @Test func styleWithoutFontColourIsUnchanged() {
    let plain = CellStyle(bold: true, fill: 0xFFEB9C)
    #expect(plain.fontColor == nil)
    #expect(plain == CellStyle(bold: true, fill: 0xFFEB9C, fontColor: nil))
    #expect(plain != CellStyle(bold: true, fill: 0xFFEB9C, fontColor: 0x9C5700))
  }

  func hex(_ rgb: UInt32) -> String {
    let digits = String(rgb, radix: 16, uppercase: true)
    return String(repeating: "0", count: 6 - digits.count) + digits
  }
}
