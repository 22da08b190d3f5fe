import Foundation

/// A workbook as openpyxl (an independent reader) sees it: `scripts/xlsx-dump.py` prints it
/// as JSON and this decodes it, so tests assert what a user of Excel or WPS would check.
public struct WorkbookDump: Decodable, Sendable {
  public struct Cell: Decodable, Sendable {
    /// One run of a rich text cell; a run without its own font has nil/false fields.
    public struct Run: Decodable, Sendable, Equatable {
      public var text: String
      public var font: String?
      public var size: Double?
      public var bold: Bool
      public var italic: Bool
      /// `single`, `double`… or nil.
      public var underline: String?
      public var strike: Bool
      /// RRGGBB.
      public var color: String?

      public init(
        text: String, font: String?, size: Double?, bold: Bool, italic: Bool,
        underline: String?, strike: Bool, color: String?
      ) {
        self.text = text
        self.font = font
        self.size = size
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.strike = strike
        self.color = color
      }
    }

    public var text: String?
    public var number: Double?
    public var date: String?
    public var type: String
    public var format: String
    public var wrap: Bool
    public var font: String?
    public var size: Double?
    public var bold: Bool
    public var border: Bool
    /// The runs of a rich text cell (the text is their concatenation); nil for a plain cell.
    public var runs: [Run]?
    /// Whether the cell is locked (the default) when its sheet is protected; nil from an older
    /// dump.
    public var locked: Bool?
  }

  /// A sheet's protection as written: each flag true when the action is prevented
  /// (`formatCells`, `insertRows`…; `selectLockedCells` false means locked cells can be
  /// selected).
  public struct Protection: Decodable, Sendable {
    public var sheet: Bool
    public var objects: Bool
    public var scenarios: Bool
    public var formatCells: Bool
    public var formatColumns: Bool
    public var formatRows: Bool
    public var insertColumns: Bool
    public var insertRows: Bool
    public var insertHyperlinks: Bool
    public var deleteColumns: Bool
    public var deleteRows: Bool
    public var selectLockedCells: Bool
    public var selectUnlockedCells: Bool
    public var sort: Bool
    public var autoFilter: Bool
    public var pivotTables: Bool
    /// The 16-bit password hash in hex (`DAA7`), or nil without a password.
    public var password: String?
  }

  /// A data validation as written.
  public struct Validation: Decodable, Sendable {
    /// `list`, `decimal`, `whole`, `date`…; nil for any value.
    public var type: String?
    /// `B2:B11`.
    public var sqref: String
    public var formula1: String?
    public var formula2: String?
    public var promptTitle: String?
    public var prompt: String?
    public var errorTitle: String?
    public var error: String?
    /// `warning`, `information`, or nil for the default, `stop`.
    public var errorStyle: String?
    public var allowBlank: Bool
    public var showInputMessage: Bool
    public var showErrorMessage: Bool
  }

  public struct Margins: Decodable, Sendable {
    public var left, right, top, bottom: Double
  }

  public struct Print: Decodable, Sendable {
    public var paper: Int?
    public var orientation: String?
    public var fitToWidth: Int?
    public var fitToHeight: Int?
    public var fitToPage: Bool
    public var titleRows: String?
    /// The centre part of the footer, its right part and its left part.
    public var footer: String?
    public var footerRight: String?
    public var footerLeft: String?
    public var centered: Bool
    public var rowBreaks: [Int]
    public var margins: Margins
  }

  /// One end or the midpoint of a data bar or colour scale (`min`, `max`, `num`, `percent`,
  /// `percentile`).
  public struct ScalePoint: Decodable, Sendable, Equatable {
    public var type: String
    public var value: Double?

    public init(type: String, value: Double?) {
      self.type = type
      self.value = value
    }
  }

  /// A conditional formatting rule, in priority order.
  public struct Conditional: Decodable, Sendable {
    /// The differential style a highlight applies (colours as RRGGBB).
    public struct Style: Decodable, Sendable {
      public var fill: String?
      public var fontColor: String?
      public var bold: Bool
      public var border: Bool
    }

    public struct DataBar: Decodable, Sendable {
      public var color: String?
      public var points: [ScalePoint]
    }

    public struct ColorScale: Decodable, Sendable {
      public var colors: [String?]
      public var points: [ScalePoint]
    }

    /// `B2:B13`.
    public var range: String
    /// `cellIs`, `expression`, `containsText`, `dataBar`, `colorScale`…
    public var type: String
    /// `equal`, `between`, `greaterThanOrEqual`… for `cellIs`.
    public var `operator`: String?
    public var formula: [String]
    public var text: String?
    public var priority: Int?
    public var stopIfTrue: Bool
    public var style: Style?
    public var dataBar: DataBar?
    public var colorScale: ColorScale?
  }

  /// A chart as openpyxl reads it from the sheet's drawing.
  public struct Chart: Decodable, Sendable {
    public struct Series: Decodable, Sendable {
      public var name: String?
      /// `'指标状态'!$A$2:$A$13`.
      public var categories: String?
      public var values: String?
      /// Colours as RRGGBB.
      public var fill: String?
      public var line: String?
      public var dash: String?
      /// Points.
      public var lineWidth: Double?
      public var marker: String?
      public var markerSize: Int?
      public var showsValues: Bool
      public var valueFormat: String?
    }

    public struct Axis: Decodable, Sendable {
      public var title: String?
      public var min: Double?
      public var max: Double?
      public var numberFormat: String?
    }

    /// A corner of the anchor: zero-based cell, offsets in EMU (9525 a pixel).
    public struct Corner: Decodable, Sendable, Equatable {
      public var col: Int
      public var row: Int
      public var colOffset: Int
      public var rowOffset: Int

      public init(col: Int, row: Int, colOffset: Int, rowOffset: Int) {
        self.col = col
        self.row = row
        self.colOffset = colOffset
        self.rowOffset = rowOffset
      }
    }

    /// `lineChart`, `barChart`.
    public var type: String
    /// `col` (columns) or `bar` (horizontal bars) for a `barChart`.
    public var barDirection: String?
    public var title: String?
    public var series: [Series]
    public var categoryAxis: Axis
    public var valueAxis: Axis
    /// `r`, `b`, `t`, `l`, or nil without a legend.
    public var legend: String?
    public var from: Corner?
    public var to: Corner?
  }

  public struct Sheet: Decodable, Sendable {
    public var name: String
    public var state: String
    public var cells: [String: Cell]
    public var merged: [String]
    public var columns: [String: Double]
    public var rows: [String: Double]
    public var maxRow: Int
    public var print: Print
    /// Conditional formatting rules in priority order (nil from an older dump).
    public var conditional: [Conditional]?
    /// Charts in the sheet's drawing (nil from an older dump).
    public var charts: [Chart]?
    /// The sheet's protection, nil when it is not protected (or from an older dump).
    public var protection: Protection?
    /// Data validations in the order written (nil from an older dump).
    public var validations: [Validation]?
    /// The letters of hidden columns, sorted (nil from an older dump).
    public var hiddenColumns: [String]?
    /// The top-left cell of the unfrozen part (`A3`: two rows frozen), nil when nothing is
    /// frozen (or from an older dump).
    public var freezePanes: String?
    /// The autofilter's range (`A2:F41`), nil without one.
    public var autoFilter: String?
    /// Each linked cell's target (`G3`: `01-办公室.xlsx`); nil from an older dump.
    public var links: [String: String]?

    /// The text of a cell, or nil.
    public func text(_ ref: String) -> String? { cells[ref]?.text }

    /// Every cell's text or number in one column, by row number.
    public func column(_ letter: String) -> [Int: Cell] {
      var out: [Int: Cell] = [:]
      for (ref, cell) in cells where ref.prefix(while: { $0.isLetter }) == letter {
        if let row = Int(ref.drop { $0.isLetter }) { out[row] = cell }
      }
      return out
    }

    /// The row numbers whose column `letter` holds exactly `text`.
    /// The topmost row whose cell in column `letter` satisfies `test` (rows in sheet order, not
    /// the dictionary's, which differs from run to run).
    public func firstRow(_ letter: String, where test: (Cell) -> Bool) -> Int? {
      column(letter).filter { test($0.value) }.keys.min()
    }

    public func rows(where letter: String, is text: String) -> [Int] {
      column(letter).filter { $0.value.text == text }.map(\.key).sorted()
    }
  }

  public struct Core: Decodable, Sendable {
    public var title: String?
    public var creator: String?
    public var created: String?
  }

  public var sheets: [Sheet]
  public var custom: [String: String]
  public var core: Core
  /// The names of the parts in the zip (`xl/charts/chart1.xml`…); nil from an older dump.
  public var parts: [String]?

  /// The sheet named `name`.
  public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
}

/// Errors of the test helpers.
public struct SupportError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Reads workbooks back with openpyxl.
public enum Openpyxl {
  /// Whether python3 with openpyxl is here (`scripts/test` installs it).
  public static let isAvailable: Bool =
    (try? Shell.run(["python3", "-c", "import openpyxl"]).status) == 0

  /// The workbook at `path`, as openpyxl reads it.
  public static func dump(_ path: String) throws -> WorkbookDump {
    let script = Repository.root.appendingPathComponent("scripts/xlsx-dump.py").path
    let result = try Shell.run(["python3", script, path])
    guard result.status == 0 else {
      throw SupportError("xlsx-dump.py \(path) failed: \(result.stderr)")
    }
    return try JSONDecoder().decode(WorkbookDump.self, from: Data(result.stdout.utf8))
  }

  /// The text of one part of the xlsx zip (`xl/charts/chart1.xml`), read by Python's zipfile:
  /// for what openpyxl does not keep, such as a chart's cached values.
  public static func part(_ name: String, of path: String) throws -> String {
    let script =
      "import sys, zipfile; "
      + "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode('utf-8'))"
    let result = try Shell.run(["python3", "-c", script, path, name])
    guard result.status == 0 else {
      throw SupportError("reading \(name) of \(path) failed: \(result.stderr)")
    }
    return result.stdout
  }

  /// A value a user types into a cell.
  public enum Entry: Sendable {
    /// Text, kept as text even when it begins with `=` (as typed into a text cell).
    case text(String)
    case number(Double)
    /// An ISO date, `2020-09-08`.
    case date(String)
  }

  /// Fills in a workbook as a user of Excel or WPS would: openpyxl loads `path`, writes
  /// `entries` (by sheet name, then A1 reference) and saves the result to `output` (or over
  /// `path`). A cell that is locked on a protected sheet is refused, as Excel would refuse it;
  /// validations are not enforced.
  public static func fill(
    _ path: String, entries: [String: [String: Entry]], savingTo output: String? = nil
  ) throws {
    var json: [String: [String: [String: Any]]] = [:]
    for (sheet, cells) in entries {
      var values: [String: [String: Any]] = [:]
      for (ref, entry) in cells {
        switch entry {
        case .text(let s): values[ref] = ["text": s]
        case .number(let n): values[ref] = ["number": n]
        case .date(let d): values[ref] = ["date": d]
        }
      }
      json[sheet] = values
    }
    let data = try JSONSerialization.data(withJSONObject: json)
    let script = """
      import datetime, json, sys
      import openpyxl
      path, output, entries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
      wb = openpyxl.load_workbook(path, rich_text=True)
      for sheet, cells in entries.items():
          ws = wb[sheet]
          for ref, v in cells.items():
              c = ws[ref]
              if ws.protection.sheet and c.protection.locked:
                  sys.exit(f"{ref} of '{sheet}' is locked")
              if "text" in v:
                  c.value = v["text"]
                  c.data_type = "s"  # text, even when it begins with '=' (a text cell)
              elif "number" in v: c.value = v["number"]
              else: c.value = datetime.date.fromisoformat(v["date"])
      wb.save(output)
      """
    let result = try Shell.run([
      "python3", "-c", script, path, output ?? path, String(decoding: data, as: UTF8.self),
    ])
    guard result.status == 0 else {
      throw SupportError("filling in \(path) failed: \(result.stderr)")
    }
  }

  /// Deletes `count` rows from row `row` (1-based) of sheet `sheet`, or inserts them there
  /// (`insert`), as a user of Excel does (the rows below move, merged ranges with them), and
  /// saves over `path`.
  public static func moveRows(
    _ path: String, sheet: String, row: Int, count: Int = 1, insert: Bool = false
  ) throws {
    let script = """
      import sys
      import openpyxl
      path, sheet, row, count, insert = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
      wb = openpyxl.load_workbook(path, rich_text=True)
      ws = wb[sheet]
      # openpyxl moves cells, not merged ranges: unmerge, move, merge again where they went.
      ranges = [(r.min_row, r.max_row, r.min_col, r.max_col) for r in ws.merged_cells.ranges]
      for r in list(ws.merged_cells.ranges): ws.unmerge_cells(str(r))
      if insert: ws.insert_rows(row, count)
      else: ws.delete_rows(row, count)
      for top, bottom, left, right in ranges:
          if not insert and top >= row and bottom < row + count: continue
          shift = (count if insert else -count) if top >= row else 0
          ws.merge_cells(start_row=top + shift, end_row=bottom + shift, start_column=left, end_column=right)
      wb.save(path)
      """
    let result = try Shell.run([
      "python3", "-c", script, path, sheet, String(row), String(count), insert ? "1" : "0",
    ])
    guard result.status == 0 else {
      throw SupportError("moving rows of \(path) failed: \(result.stderr)")
    }
  }

  /// Several workbooks read in one run of the script, by path.
  public static func dump(_ paths: [String]) throws -> [String: WorkbookDump] {
    guard paths.count > 1 else {
      return try Dictionary(uniqueKeysWithValues: paths.map { ($0, try dump($0)) })
    }
    let script = Repository.root.appendingPathComponent("scripts/xlsx-dump.py").path
    let result = try Shell.run(["python3", script] + paths)
    guard result.status == 0 else {
      throw SupportError("xlsx-dump.py failed: \(result.stderr)")
    }
    return try JSONDecoder().decode(
      [String: WorkbookDump].self, from: Data(result.stdout.utf8))
  }
}
