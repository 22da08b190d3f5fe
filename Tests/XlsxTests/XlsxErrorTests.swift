import CXlsxWriter
import Testing

@testable import Xlsx

struct XlsxErrorTests {
  @Test func anErrorNamesTheOperationAndLibxlsxwritersMessage() {
    #expect(throws: XlsxError.self) { try check(LXW_ERROR_SHEETNAME_ALREADY_USED, "add sheet 大气处") }
    do {
      try check(LXW_ERROR_SHEETNAME_ALREADY_USED, "add sheet 大气处")
    } catch {
      #expect(error.operation == "add sheet 大气处")
      #expect(error.code == Int32(LXW_ERROR_SHEETNAME_ALREADY_USED.rawValue))
      #expect(error.description == "add sheet 大气处: Worksheet name is already in use.")
    }
  }

  @Test func successDoesNotThrow() throws {
    try check(LXW_NO_ERROR, "anything")
  }
}
