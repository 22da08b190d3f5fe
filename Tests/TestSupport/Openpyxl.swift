import Foundation

/// A workbook as openpyxl (an independent reader) sees it: `scripts/xlsx-dump.py` prints it
/// as JSON and this decodes it, so tests assert what a user of Excel or WPS would check.
public struct WorkbookDump: Decodable, Sendable {
  public struct Cell: Decodable, Sendable {
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
    /// The centre part of the footer, and its right part.
    public var footer: String?
    public var footerRight: String?
    public var centered: Bool
    public var rowBreaks: [Int]
    public var margins: Margins
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
