import TestSupport
import Testing

@testable import Review

/// Picking a character from an alphabet, for the property tests.
extension SeededGenerator {
  mutating func pick(_ alphabet: [Character]) -> Character {
    alphabet[Int.random(in: 0..<alphabet.count, using: &self)]
  }

  mutating func text(_ length: Int, _ alphabet: [Character]) -> [Character] {
    (0..<length).map { _ in pick(alphabet) }
  }

  /// `text` with `edits` random insertions, deletions and replacements of 1…`longest`
  /// characters.
  mutating func mutate(
    _ text: [Character], edits: Int, longest: Int, _ alphabet: [Character]
  ) -> [Character] {
    var out = text
    for _ in 0..<edits {
      let at = Int.random(in: 0...out.count, using: &self)
      let length = Int.random(in: 1...longest, using: &self)
      let end = min(out.count, at + length)
      switch Int.random(in: 0..<3, using: &self) {
      case 0: out.insert(contentsOf: self.text(length, alphabet), at: at)
      case 1: out.removeSubrange(at..<end)
      default: out.replaceSubrange(at..<end, with: self.text(length, alphabet))
      }
    }
    return out
  }
}

private typealias Segment = TextDiff.Segment

private func same(_ text: String) -> Segment { Segment(kind: .same, text: text) }
private func removed(_ text: String) -> Segment { Segment(kind: .removed, text: text) }
private func added(_ text: String) -> Segment { Segment(kind: .added, text: text) }

/// The invariants every diff keeps, whatever the texts.
private func checkInvariants(
  _ diff: TextDiff, old: String, new: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(diff.oldText == old, sourceLocation: sourceLocation)
  #expect(diff.newText == new, sourceLocation: sourceLocation)
  #expect(diff.isEqual == (old == new), sourceLocation: sourceLocation)
  let changed = diff.segments.filter { $0.kind != .same }.reduce(0) { $0 + $1.text.count }
  #expect(diff.changedCharacters == changed, sourceLocation: sourceLocation)
  #expect(changed >= abs(old.count - new.count), sourceLocation: sourceLocation)
  #expect(!diff.segments.contains { $0.text.isEmpty }, sourceLocation: sourceLocation)
  for (left, right) in zip(diff.segments, diff.segments.dropFirst()) {
    #expect(left.kind != right.kind, "runs of one kind merged", sourceLocation: sourceLocation)
    #expect(
      !(left.kind == .added && right.kind == .removed), "removal before addition",
      sourceLocation: sourceLocation)
  }
}

@Suite struct TextDiffTests {
  @Test func identicalTextsAreOneSameSegment() {
    let text = "强化扬尘污染控制。压实主体责任,督促建设工程落实“6个100%”要求。"
    let diff = TextDiff(old: text, new: text)
    #expect(diff.segments == [same(text)])
    #expect(diff.isEqual)
    #expect(diff.changedCharacters == 0)
    #expect(diff.oldText == text)
    #expect(diff.newText == text)
  }

  @Test func twoEmptyTextsHaveNoSegments() {
    let diff = TextDiff(old: "", new: "")
    #expect(diff.segments.isEmpty)
    #expect(diff.isEqual)
    #expect(diff.oldText.isEmpty)
    #expect(diff.changedCharacters == 0)
  }

  @Test func anEmptySideIsOneWholeEdit() {
    #expect(TextDiff(old: "", new: "开展环境统计。").segments == [added("开展环境统计。")])
    #expect(TextDiff(old: "开展环境统计。", new: "").segments == [removed("开展环境统计。")])
    #expect(TextDiff(old: "", new: "开展环境统计。").changedCharacters == 7)
  }

  @Test func insertionInTheMiddle() {
    let diff = TextDiff(
      old: "督促落实道路冲洗、洒水频次要求。",
      new: "督促落实道路冲洗、洒水、喷雾频次要求。")
    #expect(
      diff.segments == [same("督促落实道路冲洗、洒水"), added("、喷雾"), same("频次要求。")])
    #expect(diff.changedCharacters == 3)
    #expect(!diff.isEqual)
  }

  @Test func deletionInTheMiddle() {
    let diff = TextDiff(
      old: "督促严厉打击泥头车超载、带泥上路和沿途撒漏等违法行为。",
      new: "督促严厉打击泥头车超载和沿途撒漏等违法行为。")
    #expect(
      diff.segments == [
        same("督促严厉打击泥头车超载"), removed("、带泥上路"), same("和沿途撒漏等违法行为。"),
      ])
    #expect(diff.changedCharacters == 5)
  }

  @Test func replacementOfANumber() {
    let diff = TextDiff(old: "纯电动比例不低于90%", new: "纯电动比例不低于95%")
    #expect(diff.segments == [same("纯电动比例不低于"), removed("90"), added("95"), same("%")])
    #expect(diff.changedCharacters == 4)
  }

  /// Numbers are compared as numbers: a changed number is replaced whole, never as digit
  /// fragments (`[-10-]{+8+}00`).
  @Test func numbersAreReplacedWhole() {
    #expect(
      TextDiff(old: "检查船舶1000艘次", new: "检查船舶800艘次").segments == [
        same("检查船舶"), removed("1000"), added("800"), same("艘次"),
      ])
    #expect(
      TextDiff(old: "下降14.7%", new: "下降15%").segments == [
        same("下降"), removed("14.7"), added("15"), same("%"),
      ])
    #expect(
      TextDiff(old: "完成100台", new: "完成1000台").segments == [
        same("完成"), removed("100"), added("1000"), same("台"),
      ])
    #expect(
      TextDiff(old: "2020年底前", new: "2021年底前").segments == [
        removed("2020"), added("2021"), same("年底前"),
      ])
    // Text next to a number, the number unchanged: the number stays.
    #expect(
      TextDiff(old: "完成100吨", new: "完成100万吨").segments == [
        same("完成100"), added("万"), same("吨"),
      ])
    // Two numbers edited in one sentence, each whole.
    let two = TextDiff(old: "淘汰35台锅炉，整治120家企业", new: "淘汰38台锅炉，整治150家企业")
    #expect(two.segments.filter { $0.kind != .same }.map(\.text) == ["35", "38", "120", "150"])
    #expect(two.oldText == "淘汰35台锅炉，整治120家企业")
    #expect(two.newText == "淘汰38台锅炉，整治150家企业")
  }

  @Test func aRewrittenClauseSharingOneCharacterIsOneRemovalAndOneAddition() {
    // The minimal diff keeps the shared 的: 提升城市→改善农村, 的, 空气质量→人居环境.
    let diff = TextDiff(old: "着力提升城市的空气质量。", new: "着力改善农村的人居环境。")
    #expect(
      diff.segments == [
        same("着力"), removed("提升城市的空气质量"), added("改善农村的人居环境"), same("。"),
      ])
    // A shared comma too.
    let comma = TextDiff(old: "压实主体责任，督促落实。", new: "加强执法检查，严肃查处。")
    #expect(
      comma.segments == [
        removed("压实主体责任，督促落实"), added("加强执法检查，严肃查处"), same("。"),
      ])
  }

  @Test func anEqualityLongerThanTheEditsAroundItIsKept() {
    let diff = TextDiff(old: "开展区域空间生态环境评价", new: "推进区域空间生态环境评估")
    #expect(
      diff.segments == [
        removed("开展"), added("推进"), same("区域空间生态环境评"), removed("价"), added("估"),
      ])
  }

  @Test func anInsertedSentenceIsAlignedOnSentenceBoundaries() {
    // Trimming the common prefix alone would show 加强监管。完成[统计。完成]普查。
    let diff = TextDiff(old: "加强监管。完成普查。", new: "加强监管。完成统计。完成普查。")
    #expect(diff.segments == [same("加强监管。"), added("完成统计。"), same("完成普查。")])
  }

  @Test func emojiAndCombiningCharactersAreKeptWhole() {
    let family = TextDiff(old: "我们👨‍👩‍👧家", new: "我们👨‍👩‍👦家")
    #expect(family.segments == [same("我们"), removed("👨‍👩‍👧"), added("👨‍👩‍👦"), same("家")])
    #expect(family.changedCharacters == 2)

    let flag = TextDiff(old: "中国🇨🇳", new: "中国🇨🇦")
    #expect(flag.segments == [same("中国"), removed("🇨🇳"), added("🇨🇦")])

    let accent = TextDiff(old: "cafe\u{301}", new: "cafe")
    #expect(accent.segments == [same("caf"), removed("e\u{301}"), added("e")])
    #expect(accent.changedCharacters == 2)

    let thumbs = TextDiff(old: "好👍🏽", new: "好👍")
    #expect(thumbs.segments == [same("好"), removed("👍🏽"), added("👍")])
  }

  @Test func canonicallyEquivalentCharactersAreEqual() {
    let diff = TextDiff(old: "caf\u{E9}", new: "cafe\u{301}")
    #expect(diff.isEqual)
    #expect(diff.segments.count == 1)
  }

  @Test func deterministic() {
    var rng = SeededGenerator(seed: 7)
    let alphabet = Array("的发展环境保护治理，。")
    for _ in 0..<50 {
      let old = rng.text(Int.random(in: 0...30, using: &rng), alphabet)
      let new = rng.mutate(old, edits: 3, longest: 4, alphabet)
      let first = TextDiff(old: String(old), new: String(new))
      let second = TextDiff(old: String(old), new: String(new))
      #expect(first == second)
    }
  }

  @Test func reconstructsRandomPairs() {
    var rng = SeededGenerator(seed: 20_200_101)
    let alphabet: [Character] = [
      "的", "发", "展", "环", "境", "保", "护", "水", "气", "，", "。", "、", "9", "0", "%",
      "👍🏽", "e\u{301}",
    ]
    for round in 0..<600 {
      let old = rng.text(Int.random(in: 0...40, using: &rng), alphabet)
      let new =
        round % 10 == 0
        ? rng.text(Int.random(in: 0...40, using: &rng), alphabet)
        : rng.mutate(old, edits: Int.random(in: 0...5, using: &rng), longest: 6, alphabet)
      let (a, b) = (String(old), String(new))
      checkInvariants(TextDiff(old: a, new: b), old: a, new: b)
    }
  }

  @Test func aLongPairWithManyEditsIsDiffedInDetail() {
    var rng = SeededGenerator(seed: 30_000)
    let alphabet =
      Array("强化扬尘污染控制压实主体责任督促建设工程落实要求")
      + Array("严厉打击泥头车超载带上路和沿途撒漏等违法行为，。、")
    let old = rng.text(30_000, alphabet)
    let new = rng.mutate(old, edits: 300, longest: 8, alphabet)
    let (a, b) = (String(old), String(new))
    let diff = TextDiff(old: a, new: b)
    checkInvariants(diff, old: a, new: b)
    // Within the work cap: a detailed diff, not the coarse fallback.
    #expect(diff.segments.count > 300)
    #expect(diff.changedCharacters < 3_000)
  }

  @Test func beyondTheWorkCapTheDiffIsCoarse() {
    let old = "前言。开展区域空间生态环境评价。结语。"
    let new = "前言。推进区域空间生态环境评估。结语。"
    let coarse = TextDiff(old: old, new: new, workLimit: 0)
    #expect(
      coarse.segments == [
        same("前言。"), removed("开展区域空间生态环境评价"),
        added("推进区域空间生态环境评估"), same("。结语。"),
      ])
    #expect(TextDiff(old: old, new: new).segments.count == 7)
  }

  @Test func longestUnrelatedTextsFallBackToACoarseDiff() {
    var rng = SeededGenerator(seed: 32_767)
    let a = String(rng.text(32_767, Array("的发展环境保护")))
    let b = String(rng.text(32_767, Array("的治理污染水气")))
    let diff = TextDiff(old: a, new: b)
    checkInvariants(diff, old: a, new: b)

    let disjoint = TextDiff(
      old: String(repeating: "甲", count: 32_767), new: String(repeating: "乙", count: 32_767))
    #expect(disjoint.segments.map(\.kind) == [.removed, .added])
    #expect(disjoint.changedCharacters == 65_534)
  }

  @Test func kindsHaveStableNames() {
    #expect(TextDiff.Kind.same.rawValue == "same")
    #expect(TextDiff.Kind.removed.rawValue == "removed")
    #expect(TextDiff.Kind.added.rawValue == "added")
  }
}
