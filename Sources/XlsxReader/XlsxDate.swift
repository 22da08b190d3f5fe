import CalendarDays

/// Dates as workbooks store them: serial numbers shown through a date number format.
///
/// A date typed into Excel or WPS is a ``CellValue/number(_:)``, the count of days since the
/// workbook's epoch, and only its cell's number format (``XlsxFile/cellFormats(sheet:)``) tells
/// it from any other number:
///
/// ```swift
/// let formats = try book.cellFormats(sheet: "填报")
/// if case .number(let serial) = cells["D5"], let format = formats["D5"],
///   XlsxDate.isDateFormat(format)
/// {
///   Day(serial: serial, uses1904: book.uses1904Dates)  // 2020-06-30
/// }
/// ```
///
/// or in one step, ``XlsxFile/day(of:format:)``. The serial conversion itself, with its 1900 and
/// 1904 rules, is `Day`'s (module CalendarDays), shared with the writer.
public enum XlsxDate {
  /// Whether a number format shows a date (a day, month or year, perhaps with a time):
  /// `yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `mm-dd-yy`, `m/d/yy h:mm`, `[$-804]yyyy/m/d;@`. A
  /// format of times only (`h:mm`, `mm:ss`, `[h]:mm:ss`, `上午/下午h"时"mm"分"`) is not a date,
  /// nor is anything with no date part (`General`, `0.00`, `@`).
  ///
  /// Only the first section (before any `;`) is looked at; quoted text (`"年"`), escaped
  /// characters (`\d`), padding (`_)`, `* `) and bracketed codes (`[Red]`, `[$-804]`,
  /// `[DBNum1]`) are skipped. `m` is a month unless the format has hours or seconds.
  public static func isDateFormat(_ format: String) -> Bool {
    var hasDay = false
    var hasMonthOrMinute = false
    var hasTime = false
    var quoted = false
    var skipNext = false
    var bracket: String?
    for character in format.unicodeScalars {
      if skipNext {
        skipNext = false
        continue
      }
      if quoted {
        if character == "\"" { quoted = false }
        continue
      }
      if var inside = bracket {
        if character == "]" {
          let code = inside.lowercased()
          // [h], [mm], [ss]: elapsed time.
          if !code.isEmpty, code.allSatisfy({ "hms".contains($0) }) { hasTime = true }
          bracket = nil
        } else {
          inside.unicodeScalars.append(character)
          bracket = inside
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case "\\", "_", "*": skipNext = true
      case "[": bracket = ""
      case ";": return hasDay || (hasMonthOrMinute && !hasTime)
      case "y", "Y", "d", "D": hasDay = true
      case "m", "M": hasMonthOrMinute = true
      case "h", "H", "s", "S": hasTime = true
      default: break
      }
    }
    return hasDay || (hasMonthOrMinute && !hasTime)
  }

  /// The format code of a built-in number format id (those a workbook uses without defining
  /// them in `<numFmts>`), as ECMA-376 lists them, with the Simplified Chinese ones for ids
  /// 27–36 and 50–58 (what Excel and WPS in a Chinese locale show); nil for ids it does not
  /// know. Ids 14 and 22 (`mm-dd-yy`, `m/d/yy h:mm`) are shown in the reader's locale's
  /// short date (`yyyy/m/d` in China).
  public static func builtinFormat(_ id: Int) -> String? {
    builtinFormats[id]
  }

  private static let builtinFormats: [Int: String] = [
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
    7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy",
    31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"",
    34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
    42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
    43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
    44: "_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
    50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"",
    54: "m\"月\"d\"日\"", 55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
    57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
  ]
}

/// Reads the number formats of `xl/styles.xml`, streaming.
enum StylesReader {
  /// The number format code of each cell format (the `<xf>`s of `<cellXfs>`, in order, which a
  /// cell's `s` indexes): its `<numFmt>` in `<numFmts>`, else the built-in format of its
  /// `numFmtId`; nil for General and for built-in ids not known. At most `limit` of each.
  /// `bytes` is the styles part, validated at open.
  static func cellFormats(_ bytes: [UInt8], limit: Int) throws(SheetFailure) -> [String?] {
    var scanner = try XMLScanner.failing(bytes)
    var custom: [Int: String] = [:]
    var ids: [Int] = []
    var inNumFmts = false
    var inCellXfs = false

    func formatID(_ tag: XMLTag) throws(SheetFailure) -> Int {
      guard let text = tag.attribute("numFmtId") else { return 0 }
      guard let id = Int(text), id >= 0 else {
        throw .content(
          SheetReader.Problem(
            offset: scanner.offset,
            message: "numFmtId \(SafeText.printable(text, limit: 20)) is not a format number"))
      }
      return id
    }

    while let event = try scanner.nextOrFailure() {
      switch event {
      case .start(let tag):
        switch tag.localName {
        case "numFmts": inNumFmts = true
        case "cellXfs": inCellXfs = true
        case "numFmt" where inNumFmts:
          guard custom.count < limit else { throw .tooMany(limit, "number formats") }
          custom[try formatID(tag)] = tag.attribute("formatCode") ?? ""
        case "xf" where inCellXfs:
          guard ids.count < limit else { throw .tooMany(limit, "cell formats") }
          ids.append(try formatID(tag))
        default: break
        }
      case .end(let name):
        switch XMLTag.local(name) {
        case "numFmts": inNumFmts = false
        case "cellXfs": inCellXfs = false
        default: break
        }
      case .text: break
      }
    }
    return ids.map { id in
      guard let code = custom[id] ?? XlsxDate.builtinFormat(id),
        !code.isEmpty, code.lowercased() != "general"
      else { return nil }
      return code
    }
  }
}
