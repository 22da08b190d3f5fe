/// How alike two texts are, in a way suited to Chinese, where words are not separated by spaces.
public enum Similarity {
  /// The Sørensen–Dice coefficient of the texts' character bigrams, from 0 (nothing in common)
  /// to 1 (the same): twice the number of bigrams the texts share, divided by the number of
  /// bigrams of both. Repeated bigrams count as often as they occur (multisets).
  ///
  /// Whitespace and punctuation, ASCII and full-width (`，。、；：？！“”‘’（）《》【】—…·`,
  /// `,.;:?!"'()[]` and the like), are ignored, so `加强扬尘污染控制。` and `加强扬尘污染控制`
  /// are the same. Two texts that are the same after that give 1 (two empty texts too); an
  /// empty text and a non-empty one give 0. A text of a single character has no bigram: when
  /// either text is that short the characters themselves are compared the same way (so two
  /// one-character texts give 1 when equal, 0 otherwise).
  ///
  /// Symmetric: `bigrams(a, b) == bigrams(b, a)`.
  public static func bigrams(_ a: String, _ b: String) -> Double {
    if a == b { return 1 }
    var ids: [Character: Int] = [:]
    let x = significant(a, ids: &ids)
    let y = significant(b, ids: &ids)
    if x == y { return 1 }
    if x.isEmpty || y.isEmpty { return 0 }
    if x.count < 2 || y.count < 2 { return dice(x, y) }
    return dice(pairs(x), pairs(y))
  }

  /// The characters of `text` that count, numbered in order of first appearance.
  static func significant(_ text: String, ids: inout [Character: Int]) -> [Int] {
    var out: [Int] = []
    for c in text where !c.isWhitespace && !ignored.contains(c) {
      if let id = ids[c] {
        out.append(id)
      } else {
        let id = ids.count
        ids[c] = id
        out.append(id)
      }
    }
    return out
  }

  /// Consecutive pairs of `ids`, each as one number.
  static func pairs(_ ids: [Int]) -> [Int] {
    zip(ids, ids.dropFirst()).map { $0 << 32 | $1 }
  }

  /// The Sørensen–Dice coefficient of two multisets given as lists.
  private static func dice(_ x: [Int], _ y: [Int]) -> Double {
    var counts: [Int: Int] = [:]
    for k in x { counts[k, default: 0] += 1 }
    var shared = 0
    for k in y {
      if let c = counts[k], c > 0 {
        counts[k] = c - 1
        shared += 1
      }
    }
    return Double(2 * shared) / Double(x.count + y.count)
  }

  /// Punctuation ignored, ASCII and full-width.
  private static let ignored: Set<Character> = [
    "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）",
    "《", "》", "【", "】", "—", "…", "·", "「", "」", "『", "』", "〈", "〉",
    "〔", "〕", "［", "］", "．", "～",
    ",", ".", ";", ":", "?", "!", "\"", "'", "(", ")", "[", "]",
  ]

  /// Texts prepared once for many comparisons (the rename matching compares every unmatched
  /// old text with every unmatched new one): their significant characters and sorted bigrams,
  /// numbered through one table.
  public struct Profiles: Sendable {
    struct Profile: Sendable {
      var text: String
      var characters: [Int]
      var sortedCharacters: [Int]
      var sortedPairs: [Int]
    }
    var profiles: [Profile]

    /// Profiles of `texts`, in order.
    public init(_ texts: [String]) {
      var ids: [Character: Int] = [:]
      profiles = texts.map { text in
        let x = Similarity.significant(text, ids: &ids)
        return Profile(
          text: text, characters: x, sortedCharacters: x.sorted(),
          sortedPairs: Similarity.pairs(x).sorted())
      }
    }

    /// ``Similarity/bigrams(_:_:)`` of texts `i` and `j`, the same value, computed from the
    /// prepared forms.
    public func similarity(_ i: Int, _ j: Int) -> Double {
      let a = profiles[i]
      let b = profiles[j]
      if a.text == b.text || a.characters == b.characters { return 1 }
      if a.characters.isEmpty || b.characters.isEmpty { return 0 }
      if a.characters.count < 2 || b.characters.count < 2 {
        return Similarity.sortedDice(a.sortedCharacters, b.sortedCharacters)
      }
      return Similarity.sortedDice(a.sortedPairs, b.sortedPairs)
    }

    /// The highest similarity texts `i` and `j` could have, from their sizes alone.
    public func bound(_ i: Int, _ j: Int) -> Double {
      let x = profiles[i].sortedPairs.count
      let y = profiles[j].sortedPairs.count
      guard x + y > 0, profiles[i].characters.count >= 2, profiles[j].characters.count >= 2
      else { return 1 }
      return Double(2 * min(x, y)) / Double(x + y)
    }
  }

  /// The Sørensen–Dice coefficient of two multisets given as sorted lists.
  static func sortedDice(_ x: [Int], _ y: [Int]) -> Double {
    var i = 0
    var j = 0
    var shared = 0
    while i < x.count, j < y.count {
      if x[i] == y[j] {
        shared += 1
        i += 1
        j += 1
      } else if x[i] < y[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return Double(2 * shared) / Double(x.count + y.count)
  }
}
