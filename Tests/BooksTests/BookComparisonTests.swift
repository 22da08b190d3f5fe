import Foundation
import PlanModel
import Sheets
import Testing

@testable import Books

/// A workbook read back compared with the layout the export makes: nothing for the same cells,
/// and each difference named by section, row, column and cell.
@Suite struct BookComparisonTests {
  /// The 大气处 book of Guangzhou 2020, laid out.
  let layout: SheetLayout = {
    let resolved = Fixtures.guangzhou
    let unit = resolved.responsibleUnits.first { $0.id == "gz-eeb-air" }
    return unit.map {
      ResponsibilityBook.layout(
        unit: $0, in: resolved, fingerprint: String(repeating: "a", count: 64))
    } ?? SheetLayout(name: "", columns: [])
  }()

  /// The sheet as a reader would give it back: every value at its cell, the footer.
  func found(_ layout: SheetLayout) -> BookComparison.Sheet {
    var cells: [BookComparison.Position: BookComparison.Found] = [:]
    for (r, row) in layout.rows.enumerated() {
      for cell in row.cells {
        let p = BookComparison.Position(row: r, col: cell.cols.lowerBound)
        switch cell.value {
        case .text(let t): cells[p] = .text(t)
        case .rich(let runs): cells[p] = .text(runs.map(\.text).joined())
        case .number(let n): cells[p] = .number(n)
        case .date(let d): cells[p] = .date(d)
        case .blank: continue
        }
      }
    }
    return BookComparison.Sheet(name: layout.name, cells: cells, footer: layout.page.footer)
  }

  /// The row (zero-based) whose first cell is the number `n` after the header `序号`.
  func targetRow(_ n: Int) throws -> Int {
    let header = try #require(
      layout.rows.firstIndex { row in
        row.cells.contains { $0.value == .text("序号") }
      })
    return try #require(
      layout.rows.indices.first { r in
        r > header && layout.rows[r].cells.first?.value == .number(Double(n))
      })
  }

  /// libxlsxwriter stores 16 significant digits: a computed 1.7999999999999998 (0.6 × 3) is
  /// read back as 1.8 and is the same number.
  @Test func numbersAreComparedAsTheFileHoldsThem() {
    #expect(BookComparison.number(0.6 * 3) == BookComparison.number(1.8))
    #expect(BookComparison.number(1.8) == "1.8")
    #expect(BookComparison.number(13) == "13")
    #expect(BookComparison.number(1.8) != BookComparison.number(1.81))
  }

  @Test func theSameCellsHaveNoDifference() {
    #expect(!layout.rows.isEmpty)
    let result = BookComparison.compare(expected: [layout], found: [found(layout)])
    #expect(result.count == 0)
  }

  @Test func aChangedNumberIsNamedBySectionRowAndColumn() throws {
    let r = try targetRow(1)
    var sheet = found(layout)
    let p = BookComparison.Position(row: r, col: 4)
    guard case .number(let value) = try #require(sheet.cells[p]) else {
      Issue.record("no number at E\(r + 1)")
      return
    }
    sheet.cells[p] = .number(value - 5)
    let result = BookComparison.compare(expected: [layout], found: [sheet])
    let n = { (v: Double) in String(Int(v)) }
    #expect(
      result.differences.map(\.message) == [
        "一、责任目标 row 1: 目标值 \(n(value - 5)), plan says \(n(value)) (E\(r + 1))"
      ])
  }

  /// A deleted row is one difference, not a change to every row after it.
  @Test func aDeletedRowIsOneDifference() throws {
    let r = try targetRow(2)
    var sheet = found(layout)
    var moved: [BookComparison.Position: BookComparison.Found] = [:]
    for (p, v) in sheet.cells where p.row != r {
      moved[BookComparison.Position(row: p.row > r ? p.row - 1 : p.row, col: p.col)] = v
    }
    sheet.cells = moved
    let result = BookComparison.compare(expected: [layout], found: [sheet])
    #expect(result.count == 1)
    #expect(result.differences.first?.kind == .missingRow)
    #expect(result.differences.first?.cell == "A\(r + 1)")
    #expect(result.differences.first?.message.hasPrefix("一、责任目标 row 2 is missing: 序号 2, ") == true)
  }

  @Test func aRenamedSheetAndAnExtraOne() {
    var sheet = found(layout)
    sheet.name = "改名"
    let extra = BookComparison.Sheet(name: "附表", cells: [:], footer: nil)
    let result = BookComparison.compare(expected: [layout], found: [sheet, extra])
    #expect(
      result.differences.map(\.message) == [
        "sheet “改名”: named so in the book, the plan names it “\(layout.name)”",
        "sheet “附表” is not in the plan's book",
      ])
  }

  /// Footers compare as printed: openpyxl writes `&9 第` for `&9第`, which prints the same.
  @Test func footersCompareAsPrinted() {
    #expect(
      BookComparison.printed(footer: "&C&\"宋体\"&9第 &P 页 共 &N 页&R&\"宋体\"&8gz · 6d149f59c22a")
        == " | 第 {page} 页 共 {pages} 页 | gz · 6d149f59c22a")
    #expect(
      BookComparison.printed(footer: "&C&\"宋体\"&9 第 &P 页 共 &N 页&R&\"宋体\"&8 gz · 6d149f59c22a")
        == BookComparison.printed(footer: "&C&\"宋体\"&9第 &P 页 共 &N 页&R&\"宋体\"&8gz · 6d149f59c22a"))
    // Anything, even a lone & or an unclosed font, prints as something.
    for odd in ["&", "&\"宋体", "&&&", "&L&C&R", "\u{0}&9"] {
      _ = BookComparison.printed(footer: odd)
    }
    var sheet = found(layout)
    sheet.footer = "&C第 &P 页&Rgz · 000000000000"
    let result = BookComparison.compare(expected: [layout], found: [sheet])
    #expect(result.differences.map(\.kind) == [.footer])
  }

  @Test func cellReferences() {
    #expect(BookComparison.Position("E12") == BookComparison.Position(row: 11, col: 4))
    #expect(BookComparison.Position("$AB$3") == BookComparison.Position(row: 2, col: 27))
    #expect(BookComparison.Position("XFD1048576")?.reference == "XFD1048576")
    for bad in ["", "A", "12", "A0", "XFE1", "A1048577", "1A", "A1B", "ＡＢ1", "AAAA1"] {
      #expect(BookComparison.Position(bad) == nil, "\(bad)")
    }
  }

  /// The alignment stays within its table: a long unmatched stretch is paired in order.
  @Test func alignmentIsBounded() {
    let a = (0..<3000).map { "a\($0)" }
    let b = (0..<3000).map { $0 == 1500 ? "x" : "a\($0)" }
    let pairs = Alignment.align(a, b)
    #expect(pairs.count == 2999)
    let c = (0..<2100).map { "c\($0)" }
    let d = (0..<2100).map { "d\($0)" }
    #expect(Alignment.align(c, d).isEmpty)
  }
}
