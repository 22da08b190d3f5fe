/// A calendar day read from a workbook: what a date cell shows, without its time of day.
public struct XlsxDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, 1900 (1904) to 9999.
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int
  /// The day of the month, 1 to 31.
  public var day: Int

  /// The day `year`-`month`-`day` (not checked).
  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let text = String(n)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Earlier days first.
  public static func < (a: XlsxDay, b: XlsxDay) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
}

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
///   XlsxDate.day(fromSerial: serial, uses1904: book.uses1904Dates)  // 2020-06-30
/// }
/// ```
///
/// or in one step, ``XlsxFile/day(of:format:)``.
public enum XlsxDate {
  /// The day a serial number shows as, its time of day (the fraction) dropped after rounding
  /// to the millisecond as Excel does; nil for what is not a day from 1900 (1904) to 9999.
  ///
  /// In the 1900 date system (the default) serial 1 is 1900-01-01 and 44196 is 2020-12-31.
  /// Excel, copying Lotus 1-2-3, counts a 1900-02-29 that never was: serial 60, for which this
  /// gives nil; serials 1 to 59 are January and February 1900, and from 61 on every serial is
  /// one day later than a plain count would make it. In the 1904 system (a workbook whose
  /// `workbookPr` says `date1904="1"`: ``XlsxFile/uses1904Dates``) serial 0 is 1904-01-01,
  /// with no such gap. Serial 0 of the 1900 system (shown as 1900-01-00) and negative
  /// serials are nil.
  public static func day(fromSerial serial: Double, uses1904: Bool = false) -> XlsxDay? {
    guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return nil }
    let milliseconds = Int64((serial * 86_400_000).rounded())
    let serialDay = Int(milliseconds / 86_400_000)
    // Days since 1970-01-01.
    let days: Int
    if uses1904 {
      guard serialDay <= 2_957_003 else { return nil }
      days = serialDay - 24_107
    } else {
      guard serialDay >= 1, serialDay != 60, serialDay <= 2_958_465 else { return nil }
      days = serialDay < 60 ? serialDay - 25_568 : serialDay - 25_569
    }
    return civilDay(daysSince1970: days)
  }

  /// The proleptic Gregorian day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
  static func civilDay(daysSince1970 days: Int) -> XlsxDay {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return XlsxDay(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

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
