import PlanEngine
import Testing

@Suite struct NumeralsTests {
  @Test(arguments: [
    (1, "一"), (2, "二"), (3, "三"), (9, "九"), (10, "十"), (11, "十一"), (15, "十五"),
    (19, "十九"), (20, "二十"), (21, "二十一"), (34, "三十四"), (90, "九十"), (99, "九十九"),
  ])
  func chineseNumerals(_ n: Int, _ expected: String) {
    #expect(Numerals.chinese(n) == expected)
  }

  @Test func outsideOneToNinetyNineDecimalDigits() {
    #expect(Numerals.chinese(0) == "0")
    #expect(Numerals.chinese(100) == "100")
    #expect(Numerals.chinese(-3) == "-3")
  }
}
