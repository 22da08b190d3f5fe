import Books
import Foundation
import PlanEngine
import PlanModel
import Sheets
import Xlsx

/// The cells PlanBook writes, as a flat text script the baselines replay (`Benchmarks/c/books.c`,
/// `Benchmarks/python/replay.py`): the same workbooks, sheets, column widths, row heights,
/// cells, formats, merges, document properties and print set-up (page breaks included, as
/// PlanBook computes them), in the order PlanBook makes its libxlsxwriter calls — so a replay
/// in constant-memory mode (as PlanBook writes them) makes byte-identical files.
///
/// One record per line, fields separated by tabs; text escapes `\\`, `\n`, `\t`, `\r`. An
/// optional field is `-` when absent and `=value` when present.
///
/// | record | fields |
/// | --- | --- |
/// | `F` | format id, font name, size, bold, h-align (g l c r), v-align (t c b), wrap, |
/// | | border, number format?, fill?, font colour? |
/// | `W` | workbook path (relative to the output folder) |
/// | `P` | title?, subject?, author?, company?, comments?, created (seconds since 1970) |
/// | `U` | custom property name, value |
/// | `S` | sheet name |
/// | `K` | column, width |
/// | `R` | row, height |
/// | `T` `N` `B` | row, column, format, then text / number / nothing |
/// | `D` | row, column, format, year, month, day |
/// | `M` | row, first column, last column, format, text |
/// | `G` | paper, orientation (p l), margins l r t b, centre, fit wide, |
/// | | repeat rows (first last, or - -), footer?, gridlines hidden, breaks (a,b,… or -) |
/// | `E` | end of workbook (close) |
final class CellScript {
  private let file: UnsafeMutablePointer<FILE>
  private var formats: [CellStyle: Int] = [:]
  private var buffer: [UInt8] = []
  let path: String
  private(set) var workbooks = 0
  private(set) var cells = 0

  init(path: String) throws {
    self.path = path
    guard let f = fopen(path, "w") else {
      throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    file = f
    buffer.reserveCapacity(1 << 20)
  }

  /// Adds one workbook of `sheets`, written to `name` under the replay's output folder.
  func workbook(_ name: String, properties: DocumentProperties, sheets: [SheetLayout]) {
    workbooks += 1
    line("W", name)
    line(
      "P", opt(properties.title), opt(properties.subject), opt(properties.author),
      opt(properties.company), opt(properties.comments),
      String(properties.created.ordinal * 86_400))
    for (n, v) in properties.custom { line("U", n, v) }
    for sheet in sheets { self.sheet(sheet) }
    line("E")
  }

  private func sheet(_ layout: SheetLayout) {
    line("S", layout.name)
    for (c, w) in layout.columns.enumerated() { line("K", String(c), num(w)) }
    for (r, row) in layout.rows.enumerated() {
      line("R", String(r), num(row.height))
      for cell in row.cells {
        cells += 1
        let f = String(format(cell.style))
        let rs = String(r)
        if cell.cols.count > 1 {
          let text: String
          switch cell.value {
          case .text(let t): text = t
          default: text = ""
          }
          line(
            "M", rs, String(cell.cols.lowerBound), String(cell.cols.upperBound), f, text)
          continue
        }
        let c = String(cell.cols.lowerBound)
        switch cell.value {
        case .text(let t): line("T", rs, c, f, t)
        case .number(let n): line("N", rs, c, f, num(n))
        case .date(let d): line("D", rs, c, f, String(d.year), String(d.month), String(d.day))
        case .blank: line("B", rs, c, f)
        case .rich(let runs): line("T", rs, c, f, runs.map(\.text).joined())
        }
      }
    }
    let p = layout.page
    let breaks = layout.pageBreaks().filter { $0 > 0 }
    line(
      "G", String(p.paper), p.orientation == .portrait ? "p" : "l", num(p.margins.left),
      num(p.margins.right), num(p.margins.top), num(p.margins.bottom),
      p.centerHorizontally ? "1" : "0", String(p.fitPagesWide),
      p.repeatRows.map { String($0.lowerBound) } ?? "-",
      p.repeatRows.map { String($0.upperBound) } ?? "-", opt(p.footer),
      p.gridlinesHidden ? "1" : "0",
      breaks.isEmpty ? "-" : breaks.map(String.init).joined(separator: ","))
  }

  /// The format id of `style`, defined on first use.
  private func format(_ style: CellStyle) -> Int {
    if let id = formats[style] { return id }
    let id = formats.count + 1
    formats[style] = id
    let h: String
    switch style.horizontal {
    case .general: h = "g"
    case .left: h = "l"
    case .center: h = "c"
    case .right: h = "r"
    }
    let v: String
    switch style.vertical {
    case .top: v = "t"
    case .center: v = "c"
    case .bottom: v = "b"
    }
    line(
      "F", String(id), style.fontName, num(style.fontSize), style.bold ? "1" : "0", h, v,
      style.wrap ? "1" : "0", style.border ? "1" : "0", opt(style.numberFormat),
      opt(style.fill.map { String($0) }), opt(style.fontColor.map { String($0) }))
    return id
  }

  private func opt(_ s: String?) -> String { s.map { "=" + $0 } ?? "-" }

  private func num(_ d: Double) -> String { d.description }

  private func line(_ fields: String...) {
    for (i, f) in fields.enumerated() {
      if i > 0 { buffer.append(9) }
      for b in f.utf8 {
        switch b {
        case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
        case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
        case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
        case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
        default: buffer.append(b)
        }
      }
    }
    buffer.append(0x0A)
    if buffer.count >= 1 << 20 { flush() }
  }

  private func flush() {
    buffer.withUnsafeBufferPointer { p in
      _ = fwrite(p.baseAddress, 1, p.count, file)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  func close() throws {
    flush()
    guard fclose(file) == 0 else { throw BenchError("cannot write \(path)") }
  }
}

/// A failure of the benchmark itself, one sentence.
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
