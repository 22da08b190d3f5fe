import PlanModel
import Testing

@testable import Sheets

/// The file names of the workbooks.
@Suite struct BookFileNamesTests {
  /// Books are mailed and unzipped on Windows and macOS: their names must be valid there.
  @Test(arguments: [
    ("a<b>c:d\"e|f?g*h\\i/j", "a_b_c_d_e_f_g_h_i_j"), ("处室. ", "处室"), ("CON", "_CON"),
    ("lpt1.备用", "_lpt1.备用"), ("办\u{1}公\u{7F}室\t", "办_公_室_"), ("...隐藏", "隐藏"),
    ("普通处", "普通处"),
  ])
  func fileNamesAreSafeOnEverySystem(shortName: String, expected: String) {
    #expect(BookFileNames.safe(shortName) == expected)
  }

  /// Books are numbered by the unit's place among the responsible units (two digits at
  /// least), and a unit the plan gives no document keeps its number but gets no file.
  @Test func booksAreNumberedInUnitOrder() {
    var plan = WorkPlan(
      id: "p", title: "计划", issuer: "a", period: DateRange(Day(2020, 1, 1), Day(2020, 12, 31)))
    let units = ["甲处", "乙/处", "丙处"].enumerated().map { i, name in
      OrgUnit(id: "u\(i)", name: name, shortName: name, kind: .division)
    }
    plan.units = units
    let names = BookFileNames.books(of: units, in: plan)
    #expect(names.map(\.fileName) == ["01-甲处.xlsx", "02-乙_处.xlsx", "03-丙处.xlsx"])
    #expect(names.map(\.unit.id) == ["u0", "u1", "u2"])
  }
}
