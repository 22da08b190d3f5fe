import PlanModel

/// The `keyword` rules of a plan, indexed so that a task's text is read once for all of them
/// instead of once per rule.
///
/// A keyword matches when its UTF-8 bytes occur in the text's (plan texts compare exactly; an
/// empty keyword matches nothing). Such an occurrence starts where a character starts, since a
/// keyword is valid UTF-8 itself; so a pass over the text's characters tests each against a
/// 65,536-bit filter of the keywords' first characters (their code points' low 16 bits) and
/// compares a keyword's bytes only where its first character may be.
struct KeywordIndex {
  /// The keyword rules with a non-empty keyword, in list order, each with its index; a rule's
  /// place here is its slot.
  private let rules: [(Int, ResponsibilityRule)]
  /// The keywords' bytes one after another: slot `s` is `bytes[starts[s]..<starts[s + 1]]`.
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  /// Bit `key` is set when a keyword's first character has `key` as the low 16 bits of its code
  /// point.
  private var filter: [UInt64] = []
  /// The bucket of each key (0: none); bucket `b` is `slots[bucketStarts[b - 1]..<
  /// bucketStarts[b]]`, the slots of the keywords whose first character has that key.
  private var buckets: [Int32] = []
  private var bucketStarts: [Int] = [0]
  private var slots: [Int] = []

  /// Indexes the keyword rules among `rules` (each with its index in the plan's list).
  init(_ rules: [(Int, ResponsibilityRule)]) {
    var kept: [(Int, ResponsibilityRule)] = []
    var byKey: [Int: [Int]] = [:]
    if rules.contains(where: { if case .keyword = $0.1.match { true } else { false } }) {
      filter = [UInt64](repeating: 0, count: 1024)
      buckets = [Int32](repeating: 0, count: 65536)
    }
    for (i, rule) in rules {
      guard case .keyword(let k) = rule.match, let first = k.unicodeScalars.first else {
        continue
      }
      let key = Int(first.value & 0xFFFF)
      byKey[key, default: []].append(kept.count)
      kept.append((i, rule))
      bytes += k.utf8
      starts.append(bytes.count)
      filter[key >> 6] |= 1 << UInt64(key & 63)
    }
    self.rules = kept
    for (key, list) in byKey {
      slots += list
      bucketStarts.append(slots.count)
      buckets[key] = Int32(bucketStarts.count - 1)
    }
  }

  /// The rules whose keyword occurs in `text`, in list order.
  func rules(matching text: String) -> [(Int, ResponsibilityRule)] {
    if rules.isEmpty { return [] }
    var text = text
    text.makeContiguousUTF8()
    let found =
      text.utf8.withContiguousStorageIfAvailable { occurring(in: $0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { occurring(in: $0) }
    guard found.contains(true) else { return [] }
    var out: [(Int, ResponsibilityRule)] = []
    for (slot, rule) in rules.enumerated() where found[slot] {
      out.append(rule)
    }
    return out
  }

  /// Which keywords occur in `t` (valid UTF-8), by slot.
  private func occurring(in t: UnsafeBufferPointer<UInt8>) -> [Bool] {
    var found = [Bool](repeating: false, count: rules.count)
    var left = rules.count
    filter.withUnsafeBufferPointer { filter in
      var i = 0
      while i < t.count, left > 0 {
        // The character at `i`: its length and the low 16 bits of its code point.
        let b0 = Int(t[i])
        let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        guard i + length <= t.count else { break }
        var key = b0
        if length > 1 {
          key &= 0x3F >> (length - 1)
          for k in 1..<length { key = key << 6 | Int(t[i + k] & 0x3F) }
          key &= 0xFFFF
        }
        if filter[key >> 6] & (1 << UInt64(key & 63)) != 0 {
          let b = Int(buckets[key])
          for s in bucketStarts[b - 1]..<bucketStarts[b] {
            let slot = slots[s]
            let start = starts[slot]
            let count = starts[slot + 1] - start
            guard !found[slot], t.count - i >= count else { continue }
            var n = 0
            while n < count, t[i + n] == bytes[start + n] { n += 1 }
            if n == count {
              found[slot] = true
              left -= 1
            }
          }
        }
        i += length
      }
    }
    return found
  }
}
