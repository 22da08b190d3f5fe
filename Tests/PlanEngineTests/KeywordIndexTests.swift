import PlanModel
import Testing

@testable import PlanEngine

@Suite struct KeywordIndexTests {
  /// `rules` as the resolver numbers them, each keyword a rule.
  private func index(_ keywords: [String]) -> KeywordIndex {
    KeywordIndex(
      keywords.enumerated().map { i, k in
        (i, ResponsibilityRule(match: .keyword(k), responsibility: Responsibility(lead: ["u"])))
      })
  }

  /// Whether `word`'s bytes occur in `text`'s: what a keyword rule matches.
  private func contains(_ text: String, _ word: String) -> Bool {
    let t = Array(text.utf8)
    let w = Array(word.utf8)
    guard !w.isEmpty, t.count >= w.count else { return false }
    return (0...(t.count - w.count)).contains { Array(t[$0..<$0 + w.count]) == w }
  }

  @Test func bytesMatchLikeContains() {
    let keywords = ["扬尘", "尘污", "扬尘污染", "扬", "c", "abcd", "尘扬", "", "。", "a", "扬尘"]
    let index = index(keywords)
    for text in ["加强扬尘污染控制", "加强扬尘", "", "abc", "扬尘扬尘", "x", "abcd。", "尘"] {
      let expected = keywords.indices.filter { contains(text, keywords[$0]) }
      #expect(index.rules(matching: text).map(\.0) == expected, "\(text)")
      for i in expected { #expect(keywords[i].isEmpty || text.contains(keywords[i])) }
    }
  }

  @Test func rulesComeInListOrderWithTheirIndex() {
    let index = KeywordIndex([
      (0, ResponsibilityRule(match: .all, responsibility: Responsibility(lead: ["a"]))),
      (3, ResponsibilityRule(match: .keyword("污染"), responsibility: Responsibility(lead: ["b"]))),
      (5, ResponsibilityRule(match: .chapter("c"), responsibility: Responsibility(lead: ["c"]))),
      (7, ResponsibilityRule(match: .keyword("扬尘"), responsibility: Responsibility(lead: ["d"]))),
    ])
    let found = index.rules(matching: "扬尘污染")
    #expect(found.map(\.0) == [3, 7])
    #expect(found.map(\.1.responsibility.lead) == [["b"], ["d"]])
    #expect(KeywordIndex([]).rules(matching: "扬尘").isEmpty)
  }

  @Test func manyKeywordsSharingTheirFirstBytes() {
    // CJK characters of one block share their first two UTF-8 bytes.
    let keywords = (0..<200).map { String(UnicodeScalar(0x4E00 + $0 * 3) ?? "?") + "的" }
    let index = index(keywords)
    var text = ""
    for i in stride(from: 0, to: 200, by: 7) { text += keywords[i] + "，" }
    text += String(UnicodeScalar(0x4E00 + 3 * 199) ?? "?")
    let expected = keywords.indices.filter { contains(text, keywords[$0]) }
    #expect(expected.count == 29)
    #expect(index.rules(matching: text).map(\.0) == expected)
  }
}
