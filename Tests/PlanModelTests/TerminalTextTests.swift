import PlanModel
import Testing

@Suite struct TerminalTextTests {
  @Test func controlsAreShownNotObeyed() {
    #expect(TerminalText.escaped("\u{1B}[2K\r当前") == "\\u{1B}[2K\\u{D}当前")
    #expect(TerminalText.escaped("a\nb\tc") == "a\\u{A}b\\u{9}c")
    #expect(TerminalText.escaped("\u{0}\u{7F}\u{85}\u{9B}") == "\\u{0}\\u{7F}\\u{85}\\u{9B}")
    #expect(TerminalText.escaped("x\u{202E}y\u{2066}z\u{2028}") == "x\\u{202E}y\\u{2066}z\\u{2028}")
  }

  @Test func everythingElseIsKept() {
    for text in ["", "大气处", "PM2.5 ≤ 35 µg/m³", "a\\u{1B}b", "😀 é \u{A0}"] {
      #expect(TerminalText.escaped(text) == text)
    }
  }

  @Test func escapingTwiceChangesNothing() {
    let once = TerminalText.escaped("\u{1B}[31m\n")
    #expect(TerminalText.escaped(once) == once)
  }
}
