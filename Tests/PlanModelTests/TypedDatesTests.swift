import PlanModel
import Testing

/// Issue 14, item 11: the date forms people type.
@Suite struct TypedDatesTests {
  @Test func daysInTheFormsPeopleType() {
    for text in [
      "2020-09-30", "2020-9-30", "2020/9/30", "2020/09/30", "2020.9.30", "2020年9月30日",
      "2020年09月30日", " 2020年9月30号 ", "２０２０年９月３０日", "２０２０／９／３０",
    ] {
      #expect(Day(typed: text) == Day(2020, 9, 30), "\(text)")
    }
    for text in ["2020-9-31", "2020/13/1", "20-9-30", "2020年9月", "九月三十日", "2020-09-30x", ""] {
      #expect(Day(typed: text) == nil, "\(text)")
    }
  }

  @Test func periodsInTheFormsPeopleType() {
    let september = ReportingPeriod.month(year: 2020, month: 9)
    for text in ["2020-09", "2020-9", "2020/9", "2020.09", "2020年9月", "２０２０年９月"] {
      #expect(ReportingPeriod(typed: text) == september, "\(text)")
    }
    #expect(ReportingPeriod(typed: "2020Q3") == .quarter(year: 2020, quarter: 3))
    #expect(ReportingPeriod(typed: "2020年第3季度") == .quarter(year: 2020, quarter: 3))
    #expect(ReportingPeriod(typed: "2020年第三季度") == .quarter(year: 2020, quarter: 3))
    #expect(ReportingPeriod(typed: "2020年上半年") == .half(year: 2020, half: 1))
    #expect(ReportingPeriod(typed: "2020年") == .year(2020))
    for text in ["2020-13", "2020年13月", "2020年第5季度", "2020-9-30", "九月"] {
      #expect(ReportingPeriod(typed: text) == nil, "\(text)")
    }
  }
}
