import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

@Suite struct DataValidationTests {
  let properties = FillInTemplate.properties

  @Test(.enabled(if: Openpyxl.isAvailable)) func templateValidationsReadBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("填报.xlsx").path
    try FillInTemplate.write(path)
    let rules = try #require(try Openpyxl.dump(path).sheet("填报")?.validations)
    #expect(rules.count == 4)

    let decimal = rules[0]
    #expect(decimal.type == "decimal")
    #expect(decimal.sqref == "C2:C4")
    #expect(decimal.formula1 == "0")
    #expect(decimal.formula2 == "1000")
    #expect(decimal.promptTitle == "本期数值")
    #expect(decimal.prompt == "填写数字，不带单位")
    #expect(decimal.errorTitle == "数值有误")
    #expect(decimal.error == "请填写0至1000之间的数字")
    // Stop, the default style: the entry is refused.
    #expect(decimal.errorStyle == nil)
    #expect(decimal.allowBlank && decimal.showInputMessage && decimal.showErrorMessage)

    let list = rules[1]
    #expect(list.type == "list")
    #expect(list.sqref == "D2:D4")
    // A reference to the hidden sheet's cells, never an inline list.
    #expect(list.formula1 == "'选项'!$A$1:$A$3")
    #expect(list.formula2 == nil)
    #expect(list.promptTitle == "状态")
    #expect(list.prompt == "请从下拉列表选择")
    #expect(list.error == "只能选择列表中的状态")

    let date = rules[2]
    #expect(date.type == "date")
    #expect(date.sqref == "E2:E4")
    // Excel serial numbers of 2020-09-01 and 2020-09-30.
    #expect(date.formula1 == "44075")
    #expect(date.formula2 == "44104")
    #expect(date.promptTitle == nil)
    #expect(date.prompt == "报告期内的日期")
    #expect(date.errorTitle == nil)
    #expect(date.error == "日期须在2020年9月内")
    #expect(!date.allowBlank)

    let any = rules[3]
    #expect(any.type == nil)
    #expect(any.sqref == "F2:F4")
    #expect(any.formula1 == nil)
    #expect(any.promptTitle == "备注")
    // The line break survives (libxlsxwriter writes it as &#xA;).
    #expect(any.prompt == "简要说明本期进展\n（可换行）")
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func boundsNamesAndLimits() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("v.xlsx").path
    let title = String(repeating: "标", count: DataValidation.maximumTitleLength)
    let message = String(repeating: "说", count: DataValidation.maximumMessageLength)
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("填报")
      // Sheet names that must be quoted: an apostrophe, a year, a space.
      let odd = try wb.addWorksheet("O'Neil 表")
      let year = try wb.addWorksheet("2020")
      try sheet.addValidation(
        DataValidation(.list(SheetRange(sheet: odd.name, row: 0, cols: 0...3))),
        rows: 0...0, cols: 0...0)
      try sheet.addValidation(
        DataValidation(.list(try #require(SheetRange(sheet: year.name, "B2:B9")))),
        rows: 1...1, cols: 0...0)
      try sheet.addValidation(
        DataValidation(.list(SheetRange(sheet: sheet.name, rows: 99...99, col: 5))),
        rows: 2...2, cols: 0...0)
      // Bounds in either order; whole numbers; the longest texts Excel takes.
      try sheet.addValidation(
        DataValidation(
          .decimal(min: 100, max: -0.5), inputTitle: title, inputMessage: message,
          errorTitle: title, errorMessage: message),
        rows: 0...9, cols: 1...1)
      try sheet.addValidation(
        DataValidation(.wholeNumber(min: 365, max: 0), errorMessage: "天数为0至365的整数"),
        rows: 0...9, cols: 2...2)
      try sheet.addValidation(
        DataValidation(.date(from: Day(2020, 12, 31), through: Day(2020, 1, 1))),
        rows: 0...1_048_575, cols: 3...3)
      // Empty texts are left out.
      try sheet.addValidation(
        DataValidation(.decimal(min: 0.25, max: 1e9), inputTitle: "", errorMessage: ""),
        rows: 0...0, cols: 16_383...16_383)
    }
    let rules = try #require(try Openpyxl.dump(path).sheet("填报")?.validations)
    #expect(rules.map(\.sqref) == ["A1", "A2", "A3", "B1:B10", "C1:C10", "D1:D1048576", "XFD1"])
    #expect(rules.map(\.type) == ["list", "list", "list", "decimal", "whole", "date", "decimal"])
    #expect(
      rules.map(\.formula1) == [
        "'O''Neil 表'!$A$1:$D$1", "'2020'!$B$2:$B$9", "'填报'!$F$100", "-0.5", "0", "43831",
        "0.25",
      ])
    #expect(rules.map(\.formula2) == [nil, nil, nil, "100", "365", "44196", "1000000000"])
    #expect(rules[3].promptTitle == title)
    #expect(rules[3].prompt == message)
    #expect(rules[3].errorTitle == title)
    #expect(rules[3].error == message)
    #expect(rules[4].error == "天数为0至365的整数")
    #expect(rules[6].promptTitle == nil)
    #expect(rules[6].error == nil)
  }

  @Test func refusedValidationsNameTheRange() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("bad.xlsx").path
    let lists = SheetRange(sheet: "选项", rows: 0...2, col: 0)
    let long = String(repeating: "长", count: 33)
    let cases: [(DataValidation, ClosedRange<Int>, String)] = [
      (DataValidation(.list(lists), inputTitle: long), 1...3, "input title is 33 characters"),
      (DataValidation(.list(lists), errorTitle: long), 1...3, "error title is 33 characters"),
      (
        DataValidation(.list(lists), inputMessage: String(repeating: "长", count: 256)), 1...3,
        "input message is 256 characters long; Excel allows at most 255"
      ),
      (
        DataValidation(.list(lists), errorMessage: String(repeating: "长", count: 300)), 1...3,
        "error message is 300"
      ),
      // Excel counts UTF-16 units: 17 emoji are 34.
      (
        DataValidation(.any, inputTitle: String(repeating: "😀", count: 17)), 1...3,
        "input title is 34 characters"
      ),
      (DataValidation(.list(lists), inputTitle: "=状态"), 1...3, "starts with '='"),
      (DataValidation(.list(lists), errorMessage: "a\u{1}b"), 1...3, "U+1"),
      (DataValidation(.list(lists), errorMessage: "a\r\nb"), 1...3, "U+D"),
      (DataValidation(.list(lists), inputMessage: "a\0b"), 1...3, "U+0"),
      (
        DataValidation(.list(SheetRange(sheet: "选项", rows: 0...2, cols: 0...1))), 1...3,
        "must be one row or one column"
      ),
      (
        DataValidation(.list(SheetRange(sheet: "清单", rows: 0...2, col: 0))), 1...3,
        "'清单' is not a worksheet"
      ),
      (
        DataValidation(.list(SheetRange(sheet: "选项", rows: 0...1_048_576, col: 0))), 1...3,
        "outside the sheet"
      ),
      (DataValidation(.any), 1...3, "needs an input message"),
      (DataValidation(.any, inputTitle: "", inputMessage: ""), 1...3, "needs an input message"),
      (DataValidation(.decimal(min: 0, max: .infinity)), 1...3, "are not numbers"),
      (DataValidation(.decimal(min: .nan, max: 1)), 1...3, "are not numbers"),
      (
        DataValidation(.wholeNumber(min: 0, max: 1_000_000_000_000_000)), 1...3,
        "15-digit whole numbers"
      ),
      (DataValidation(.wholeNumber(min: .min, max: 0)), 1...3, "15-digit whole numbers"),
      (
        DataValidation(.date(from: Day(1899, 12, 31), through: Day(2020, 1, 1))), 1...3,
        "not a date Excel holds"
      ),
      (
        DataValidation(.date(from: Day(2020, 2, 30), through: Day(2020, 3, 1))), 1...3,
        "not a date Excel holds"
      ),
      (DataValidation(.list(lists)), 1...1_048_576, "outside the sheet"),
    ]
    for (validation, rows, message) in cases {
      let error = #expect(throws: XlsxError.self) {
        try Workbook.write(to: path, properties: properties) { wb in
          let sheet = try wb.addWorksheet("填报")
          _ = try wb.addWorksheet("选项")
          try sheet.addValidation(validation, rows: rows, cols: 1...1)
        }
      }
      #expect(error?.operation.hasPrefix("add a validation to ") == true)
      #expect(error?.operation.hasSuffix(" of '填报'") == true)
      #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
    #expect(try folder.files() == [])
  }

  @Test func afterCloseItThrows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var kept: Worksheet?
    try Workbook.write(to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties)
    { wb in kept = try wb.addWorksheet("填报") }
    let sheet = try #require(kept)
    let error = #expect(throws: XlsxError.self) {
      try sheet.addValidation(
        DataValidation(.decimal(min: 0, max: 1), errorMessage: "0至1"), rows: 1...3, cols: 2...2)
    }
    #expect(error?.operation == "add a validation to C2:C4 of '填报'")
    #expect(error?.message.contains("already closed") == true)
  }
}
