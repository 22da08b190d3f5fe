import CalendarDays
import Foundation
import TestSupport
import Testing

@testable import Xlsx

#if canImport(Glibc)
  import Glibc
#endif

/// libxlsxwriter prints numbers with `%G`, which follows LC_NUMERIC: under a German locale a
/// careless writer puts `697,31` into the XML. The locale is set on this test's thread only
/// (`uselocale`), as a user's environment would set it for the whole process.
@Suite struct NumericLocaleTests {
  /// A locale whose LC_NUMERIC is German (glibc's masks are `1 << category`).
  static func german() -> locale_t? { newlocale(1 << LC_NUMERIC, "de_DE.UTF-8", nil) }

  static let hasGerman: Bool = {
    guard let l = german() else { return false }
    freelocale(l)
    return true
  }()

  static func radix() -> String { String(cString: nl_langinfo(nl_item(RADIXCHAR))) }

  @Test(.enabled(if: hasGerman, "needs the de_DE.UTF-8 locale (scripts/test-setup)"))
  func numbersKeepTheirDecimalPointUnderAGermanLocale() throws {
    let german = try #require(Self.german())
    defer { freelocale(german) }
    let previous = uselocale(german)
    defer { uselocale(previous) }
    // The thread really is German now.
    #expect(Self.radix() == ",")

    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.url.appendingPathComponent("de.xlsx").path
    try Workbook.write(to: path, properties: DocumentProperties(created: Day(2020, 1, 1))) {
      wb in
      let sheet = try wb.addWorksheet("S")
      try sheet.write(number: 697.31, row: 0, col: 0, style: CellStyle())
      try sheet.setColumn(0, width: 12.5)
      try sheet.setRow(0, height: 20.25)
    }
    // Still German afterwards: the writer restored the thread's locale.
    #expect(Self.radix() == ",")
    let xml = try Shell.run([
      "python3", "-c",
      "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())",
      path,
    ]).stdout
    #expect(xml.contains("<v>697.3099999999999</v>"))  // %.16G, with a point
    #expect(xml.contains("width=\"13.2"))  // 12.5 plus padding, with a point
    #expect(xml.contains("ht=\"20.25\""))
    #expect(!xml.contains("697,31"))
  }
}
