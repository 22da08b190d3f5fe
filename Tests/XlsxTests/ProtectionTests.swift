import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

/// A fill-in report template: a protected sheet whose input cells are unlocked, a hidden
/// column of keys, a hidden sheet of dropdown values; validations with Chinese messages.
enum FillInTemplate {
  static let properties = DocumentProperties(title: "进展填报", created: Day(2020, 9, 1))
  static let password = "PlanBook-2020"
  static let label = CellStyle(border: true)
  static let input = CellStyle(border: true, fill: 0xFFF2CC, unlocked: true)
  static let inputNumber = CellStyle(
    border: true, numberFormat: "0.0", fill: 0xFFF2CC, unlocked: true)
  static let inputDate = CellStyle(
    border: true, numberFormat: "yyyy-mm-dd", fill: 0xFFF2CC, unlocked: true)
  static let states = ["已完成", "按进度推进", "滞后"]
  static let keys = ["target:pm25", "target:good-days", "task:coal"]

  /// 填报: A keys (hidden), B 事项, C 本期数值 (decimal), D 状态 (list), E 填报日期 (date),
  /// F 备注 (any, with a message); rows 2–4. 选项 (hidden, protected): the states in A1:A3.
  static func write(_ path: String) throws {
    try Workbook.write(to: path, properties: properties) { wb in
      let sheet = try wb.addWorksheet("填报")
      let lists = try wb.addWorksheet("选项")
      for (i, state) in states.enumerated() {
        try lists.write(state, row: i, col: 0, style: label)
      }
      try lists.hide()
      try lists.protect()

      for (col, header) in ["键", "事项", "本期数值", "状态", "填报日期", "备注"].enumerated() {
        try sheet.write(header, row: 0, col: col, style: label)
      }
      for (i, key) in keys.enumerated() {
        let row = i + 1
        try sheet.write(key, row: row, col: 0, style: label)
        try sheet.write(["PM2.5 浓度", "优良天数比例", "燃煤锅炉整治"][i], row: row, col: 1, style: label)
        try sheet.writeBlank(row: row, col: 2, style: inputNumber)
        try sheet.writeBlank(row: row, col: 3, style: input)
        try sheet.writeBlank(row: row, col: 4, style: inputDate)
        try sheet.writeBlank(row: row, col: 5, style: input)
      }
      try sheet.setColumn(0, width: 14, hidden: true)
      try sheet.setColumn(1, width: 16)
      try sheet.setColumn(5, width: 30, hidden: false)

      try sheet.addValidation(
        DataValidation(
          .decimal(min: 0, max: 1000), inputTitle: "本期数值", inputMessage: "填写数字，不带单位",
          errorTitle: "数值有误", errorMessage: "请填写0至1000之间的数字"),
        rows: 1...3, cols: 2...2)
      try sheet.addValidation(
        DataValidation(
          .list(SheetRange(sheet: "选项", rows: 0...2, col: 0)), inputTitle: "状态",
          inputMessage: "请从下拉列表选择", errorTitle: "状态有误", errorMessage: "只能选择列表中的状态"),
        rows: 1...3, cols: 3...3)
      try sheet.addValidation(
        DataValidation(
          .date(from: Day(2020, 9, 1), through: Day(2020, 9, 30)),
          inputMessage: "报告期内的日期",
          errorMessage: "日期须在2020年9月内", allowsBlank: false),
        rows: 1...3, cols: 4...4)
      try sheet.addValidation(
        DataValidation(.any, inputTitle: "备注", inputMessage: "简要说明本期进展\n（可换行）"),
        rows: 1...3, cols: 5...5)
      try sheet.protect(password: password)
    }
  }
}

@Suite struct ProtectionTests {
  let properties = FillInTemplate.properties

  /// Excel's 16-bit sheet password hash, as Excel computes it.
  static func excelHash(_ password: String) -> String {
    var hash: UInt16 = 0
    for byte in password.utf8.reversed() {
      hash ^= UInt16(byte)
      hash = ((hash >> 14) & 1) | ((hash << 1) & 0x7FFF)
    }
    hash ^= UInt16(password.utf8.count)
    hash ^= 0xCE4B
    return String(hash, radix: 16, uppercase: true)
  }

  @Test(.enabled(if: Openpyxl.isAvailable)) func templateReadsBack() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("填报.xlsx").path
    try FillInTemplate.write(path)
    let dump = try Openpyxl.dump(path)
    #expect(dump.sheets.map(\.name) == ["填报", "选项"])

    let sheet = try #require(dump.sheet("填报"))
    #expect(sheet.state == "visible")
    let protection = try #require(sheet.protection)
    #expect(protection.sheet)
    #expect(protection.password == Self.excelHash(FillInTemplate.password))
    // Cells can be selected; nothing else is allowed.
    #expect(!protection.selectLockedCells && !protection.selectUnlockedCells)
    #expect(protection.formatCells && protection.formatColumns && protection.formatRows)
    #expect(protection.insertRows && protection.insertColumns && protection.insertHyperlinks)
    #expect(protection.deleteRows && protection.deleteColumns)
    #expect(protection.sort && protection.autoFilter && protection.pivotTables)
    #expect(protection.objects && protection.scenarios)

    // Labels and keys locked, input cells not.
    #expect(sheet.cells["A2"]?.text == "target:pm25")
    for ref in ["A1", "B1", "A2", "B2", "B4"] {
      #expect(sheet.cells[ref]?.locked == true, "\(ref)")
    }
    // Blank input cells are not in the dump's cells; their locking is checked once filled in.
    #expect(sheet.cells["C2"] == nil)

    // The key column is hidden and keeps its width; the note column is only widened.
    #expect(sheet.hiddenColumns == ["A"])
    #expect((sheet.columns["A"] ?? 0) > 14)
    #expect((sheet.columns["F"] ?? 0) > 30)

    let lists = try #require(dump.sheet("选项"))
    #expect(lists.state == "hidden")
    #expect(lists.protection?.sheet == true)
    #expect(lists.protection?.password == nil)
    #expect((1...3).map { lists.text("A\($0)") } == FillInTemplate.states)
    #expect(sheet.validations?.count == 4)

    // The input styles' format is the one that unlocks.
    let styles = try Openpyxl.part("xl/styles.xml", of: path)
    #expect(styles.contains("<protection locked=\"0\"/>"))
  }

  /// How the tests simulate a unit filling the template in: openpyxl loads the protected
  /// workbook, writes the unlocked cells and saves it; everything else survives.
  @Test(.enabled(if: Openpyxl.isAvailable)) func userFillsInAndSaves() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("填报.xlsx").path
    let filled = folder.url.appendingPathComponent("已填.xlsx").path
    try FillInTemplate.write(path)
    try Openpyxl.fill(
      path,
      entries: [
        "填报": [
          "C2": .number(31.5), "D2": .text("按进度推进"), "E2": .date("2020-09-08"),
          "F2": .text("完成燃煤锅炉整治 12 台\n其余按计划推进"),
        ]
      ], savingTo: filled)

    let sheet = try #require(try Openpyxl.dump(filled).sheet("填报"))
    #expect(sheet.cells["C2"]?.number == 31.5)
    #expect(sheet.cells["C2"]?.format == "0.0")
    #expect(sheet.cells["D2"]?.text == "按进度推进")
    #expect(sheet.cells["E2"]?.date == "2020-09-08")
    #expect(sheet.cells["E2"]?.format == "yyyy-mm-dd")
    #expect(sheet.cells["F2"]?.text == "完成燃煤锅炉整治 12 台\n其余按计划推进")
    for ref in ["C2", "D2", "E2", "F2"] { #expect(sheet.cells[ref]?.locked == false, "\(ref)") }
    #expect(sheet.cells["B2"]?.locked == true)
    #expect(sheet.protection?.password == Self.excelHash(FillInTemplate.password))
    #expect(sheet.validations?.map(\.sqref) == ["C2:C4", "D2:D4", "E2:E4", "F2:F4"])
    #expect(sheet.hiddenColumns == ["A"])

    // A locked cell is refused, as Excel would refuse it.
    #expect(throws: SupportError.self) {
      try Openpyxl.fill(path, entries: ["填报": ["B2": .text("改名")]])
    }
  }

  /// LibreOffice opens and prints the protected template: the visible sheet without its
  /// hidden key column, not the hidden sheet.
  @Test(.enabled(if: LibreOffice.isAvailable)) func templatePrints() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("template.xlsx").path
    try FillInTemplate.write(path)
    let pdf = try #require(try LibreOffice.convertToPDF([path], into: folder.path).first)
    let words = try PDFText.pages(pdf).flatMap(\.words).map(\.text)
    #expect(words.contains("燃煤锅炉整治"))
    #expect(words.contains("本期数值"))
    #expect(!words.contains { $0.contains("target:") })
    #expect(!words.contains("按进度推进"))
  }

  @Test func sameInputSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let a = folder.url.appendingPathComponent("a.xlsx").path
    let b = folder.url.appendingPathComponent("b.xlsx").path
    try FillInTemplate.write(a)
    try FillInTemplate.write(b)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: a))
    #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: b))))
  }

  /// `unlocked` false and `setColumn(_:width:hidden: false)` write what was written before.
  @Test func defaultsWriteTheSameBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    func write(_ name: String, hiddenParameter: Bool) throws -> Data {
      let path = folder.url.appendingPathComponent(name).path
      try Workbook.write(to: path, properties: properties) { wb in
        let sheet = try wb.addWorksheet("S")
        try sheet.write("甲", row: 0, col: 0, style: CellStyle(border: true))
        if hiddenParameter {
          try sheet.setColumn(0, width: 12, hidden: false)
        } else {
          try sheet.setColumn(0, width: 12)
        }
      }
      return try Data(contentsOf: URL(fileURLWithPath: path))
    }
    #expect(try write("a.xlsx", hiddenParameter: false) == write("b.xlsx", hiddenParameter: true))
    #expect(CellStyle(border: true) == CellStyle(border: true, unlocked: false))
    #expect(CellStyle(border: true) != CellStyle(border: true, unlocked: true))
    let styles = try Openpyxl.part(
      "xl/styles.xml", of: folder.url.appendingPathComponent("a.xlsx").path)
    #expect(!styles.contains("protection"))
  }

  /// Passwords up to 23 printable ASCII characters hash as Excel does; longer or non-ASCII
  /// ones are refused (libxlsxwriter 1.1.4 hashes them wrongly); empty means none.
  @Test(.enabled(if: Openpyxl.isAvailable)) func passwords() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("p.xlsx").path
    let accepted = (1...23).map { n in String((0..<n).map { Array("Az9~ q@Z")[$0 % 8] }) }
    try Workbook.write(to: path, properties: properties) { wb in
      for (i, password) in accepted.enumerated() {
        try wb.addWorksheet("S\(i + 1)").protect(password: password)
      }
      try wb.addWorksheet("empty").protect(password: "")
    }
    let dump = try Openpyxl.dump(path)
    for (i, password) in accepted.enumerated() {
      #expect(dump.sheet("S\(i + 1)")?.protection?.password == Self.excelHash(password))
    }
    #expect(dump.sheet("empty")?.protection?.sheet == true)
    #expect(dump.sheet("empty")?.protection?.password == nil)

    let refused: [(String, String)] = [
      (String(repeating: "a", count: 24), "24 characters long; at most 23"),
      (String(repeating: "a", count: 40), "40 characters long"),
      ("密码", "printable ASCII"),
      ("café", "printable ASCII"),
      ("tab\there", "printable ASCII"),
    ]
    for (password, message) in refused {
      let error = #expect(throws: XlsxError.self) {
        try Workbook.write(to: path, properties: properties) { wb in
          try wb.addWorksheet("填报").protect(password: password)
        }
      }
      #expect(error?.operation == "protect '填报'")
      #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
  }

  @Test func refusedCalls() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("bad.xlsx").path
    let cases: [(String, String, (Workbook) throws -> Void)] = [
      (
        "protect '填报'", "already protected",
        { wb in
          let sheet = try wb.addWorksheet("填报")
          try sheet.protect(password: "a")
          try sheet.protect()
        }
      ),
      (
        "hide '填报'", "active (first) sheet",
        { wb in
          let sheet = try wb.addWorksheet("填报")
          _ = try wb.addWorksheet("选项")
          try sheet.hide()
        }
      ),
      (
        "hide column A of '填报'", "not a column width",
        { wb in try wb.addWorksheet("填报").setColumn(0, width: -1, hidden: true) }
      ),
      (
        "hide column A of '填报'", "not a column width",
        { wb in try wb.addWorksheet("填报").setColumn(0, width: .nan, hidden: true) }
      ),
      (
        "hide column 16384 (counted from 0) of '填报'", "outside the sheet",
        { wb in try wb.addWorksheet("填报").setColumn(16_384, width: 8, hidden: true) }
      ),
    ]
    for (operation, message, build) in cases {
      let error = #expect(throws: XlsxError.self) {
        try Workbook.write(to: path, properties: properties, build: build)
      }
      #expect(error?.operation == operation)
      #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
    #expect(try folder.files() == [])
  }

  @Test func afterCloseItThrows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var kept: Worksheet?
    try Workbook.write(to: folder.url.appendingPathComponent("a.xlsx").path, properties: properties)
    { wb in
      _ = try wb.addWorksheet("填报")
      kept = try wb.addWorksheet("选项")
    }
    let sheet = try #require(kept)
    let calls: [(String, () throws -> Void)] = [
      ("protect '选项'", { try sheet.protect(password: "a") }),
      ("hide '选项'", { try sheet.hide() }),
      ("hide column A of '选项'", { try sheet.setColumn(0, width: 8, hidden: true) }),
    ]
    for (operation, call) in calls {
      let error = #expect(throws: XlsxError.self) { try call() }
      #expect(error?.operation == operation)
      #expect(error?.message.contains("already closed") == true)
    }
  }
}
