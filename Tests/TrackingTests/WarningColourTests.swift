import Testing

@testable import Tracking

/// Issue 19 (1): the memory rule and the levels of the colours.
@Suite struct WarningColourTests {
  @Test func thePlansRecoveryMonthsKeepItYellowLonger() {
    #expect(
      ColourRules.remember([.red, .green, .green, .green], recoveryMonths: 2)
        == [.red, .yellow, .yellow, .green])
    #expect(ColourRules.remember([.red, .green], recoveryMonths: 0) == [.red, .green])
    // A day without colour keeps the memory; red again starts it over.
    #expect(
      ColourRules.remember([.red, nil, .blue, .red, .green], recoveryMonths: 1)
        == [.red, nil, .yellow, .red, .yellow])
  }

  @Test func oneLevelUp() {
    #expect(WarningColour.blue.raised == .yellow)
    #expect(WarningColour.yellow.raised == .red)
    #expect(WarningColour.red.raised == .red)
    #expect(WarningColour.allCases.map(\.chinese) == ["绿", "蓝", "黄", "红"])
  }
}
