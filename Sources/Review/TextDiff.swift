/// A character-level comparison of two texts, for showing a revision inline (修订对照表).
///
/// Texts are compared by `Character` (grapheme cluster), so a Chinese character, an emoji or a
/// letter with its combining marks is one unit, and canonically equivalent characters (`é` and
/// `e` + U+0301) are equal. The minimal diff (Myers' O(ND) algorithm) is then cleaned up for
/// people: short coincidental equalities between edits (a shared `的` or `，` inside a rewritten
/// clause) are absorbed into the edits, and single edits are slid to clause boundaries.
///
/// The work is capped: when two long texts differ too much for a detailed diff within the cap,
/// the result is coarse — their common prefix and suffix, and one removal and one addition for
/// everything between.
public struct TextDiff: Sendable, Equatable {
  /// What a segment is to the two texts.
  public enum Kind: String, Sendable, Codable {
    /// In both texts.
    case same
    /// Only in the old text.
    case removed
    /// Only in the new text.
    case added
  }

  /// A run of characters of one kind.
  public struct Segment: Sendable, Equatable {
    /// Whether the run is in both texts, only the old one or only the new one.
    public var kind: Kind
    /// The run's characters; never empty in a computed diff.
    public var text: String

    /// A segment of `kind` with `text`.
    public init(kind: Kind, text: String) {
      self.kind = kind
      self.text = text
    }
  }

  /// The segments in reading order. Consecutive segments never have the same kind, and between
  /// two `same` segments a removal comes before an addition.
  public var segments: [Segment]

  /// The diff of `old` against `new`.
  public init(old: String, new: String) {
    self.init(old: old, new: new, workLimit: Self.workLimit)
  }

  /// The diff with a given cap on the work of the detailed diff (steps of Myers' algorithm);
  /// beyond it the result is coarse.
  init(old: String, new: String, workLimit: Int) {
    var alphabet = DiffAlphabet()
    let a = alphabet.encode(old)
    let b = alphabet.encode(new)
    let runs = DiffEngine.diff(a, b, workLimit: workLimit, characters: alphabet.characters)
    segments = Self.wholeNumbers(
      runs.map { run in
        Segment(
          kind: run.kind.publicKind, text: String(run.ids.map { alphabet.characters[Int($0)] }))
      })
  }

  /// The segments with every edit that touches a number widened to the whole number, so that
  /// numbers are compared as numbers — `[-1000-]{+800+}艘次`, `[-14.7-]{+15+}%` — never as digit
  /// fragments (`[-10-]{+8+}00`). A number is a run of digits (ASCII or full-width) with a
  /// decimal point between digits.
  static func wholeNumbers(_ input: [Segment]) -> [Segment] {
    var segments = input
    var i = 0
    while i < segments.count {
      guard segments[i].kind != .same else {
        i += 1
        continue
      }
      // The edit region: a removal, an addition, or a removal then an addition.
      var end = i + 1
      while end < segments.count, segments[end].kind != .same { end += 1 }
      var removed = segments[i..<end].filter { $0.kind == .removed }.map(\.text).joined()
      var added = segments[i..<end].filter { $0.kind == .added }.map(\.text).joined()
      let hasBefore = i > 0 && segments[i - 1].kind == .same
      let hasAfter = end < segments.count && segments[end].kind == .same
      var before = hasBefore ? segments[i - 1].text : ""
      var after = hasAfter ? segments[end].text : ""
      // The digits the edit shares with the text before and after it.
      let head = numberSuffix(before)
      let tail = numberPrefix(after)
      let editStarts = [removed.first, added.first].contains { $0.map(isNumeric) ?? false }
      let editEnds = [removed.last, added.last].contains { $0.map(isNumeric) ?? false }
      let widenBefore = !head.isEmpty && editStarts
      let widenAfter = !tail.isEmpty && editEnds
      guard widenBefore || widenAfter else {
        i = end
        continue
      }
      if widenBefore {
        before.removeLast(head.count)
        removed = head + removed
        added = head + added
      }
      if widenAfter {
        after.removeFirst(tail.count)
        removed += tail
        added += tail
      }
      var region: [Segment] = []
      if !removed.isEmpty { region.append(Segment(kind: .removed, text: removed)) }
      if !added.isEmpty { region.append(Segment(kind: .added, text: added)) }
      var lower = i
      var upper = end
      var replacement = region
      if hasBefore {
        lower -= 1
        if !before.isEmpty { replacement.insert(Segment(kind: .same, text: before), at: 0) }
      }
      if hasAfter {
        upper += 1
        if !after.isEmpty { replacement.append(Segment(kind: .same, text: after)) }
      }
      segments.replaceSubrange(lower..<upper, with: replacement)
      // Continue after the region (an emptied segment before it may have merged away).
      i = lower + (hasBefore && !before.isEmpty ? 1 : 0) + region.count
    }
    // Adjacent edits the widening joined: one removal, then one addition.
    var out: [Segment] = []
    var k = 0
    while k < segments.count {
      if segments[k].kind == .same {
        if let last = out.last, last.kind == .same {
          out[out.count - 1].text += segments[k].text
        } else {
          out.append(segments[k])
        }
        k += 1
        continue
      }
      var removed = ""
      var added = ""
      while k < segments.count, segments[k].kind != .same {
        if segments[k].kind == .removed {
          removed += segments[k].text
        } else {
          added += segments[k].text
        }
        k += 1
      }
      if !removed.isEmpty { out.append(Segment(kind: .removed, text: removed)) }
      if !added.isEmpty { out.append(Segment(kind: .added, text: added)) }
    }
    return out
  }

  static func isDigit(_ c: Character) -> Bool {
    ("0"..."9").contains(c) || ("０"..."９").contains(c)
  }

  static func isNumeric(_ c: Character) -> Bool { isDigit(c) || c == "." || c == "．" }

  /// The end of `text` that belongs to a number: digits, with decimal points between digits.
  static func numberSuffix(_ text: String) -> String {
    var chars = Array(text.reversed().prefix(while: isNumeric).reversed())
    while let f = chars.first, !isDigit(f) { chars.removeFirst() }
    return String(chars)
  }

  /// The start of `text` that belongs to a number.
  static func numberPrefix(_ text: String) -> String {
    var chars = Array(text.prefix(while: isNumeric))
    while let l = chars.last, !isDigit(l) { chars.removeLast() }
    return String(chars)
  }

  /// The default cap on the work of the detailed diff (diagonals visited plus characters
  /// matched): some 15–40 ms in an optimised build, whatever the texts (32,767 characters
  /// each). A 30,000-character pair with a few hundred scattered edits stays well within it.
  static let workLimit = 3_000_000

  /// Whether the two texts are equal (no segment removed or added).
  public var isEqual: Bool { segments.allSatisfy { $0.kind == .same } }

  /// The old text: the `same` and `removed` segments in order.
  public var oldText: String {
    segments.lazy.filter { $0.kind != .added }.map(\.text).joined()
  }

  /// The new text: the `same` and `added` segments in order.
  public var newText: String {
    segments.lazy.filter { $0.kind != .removed }.map(\.text).joined()
  }

  /// The number of characters removed plus the number added.
  public var changedCharacters: Int {
    segments.reduce(0) { $0 + ($1.kind == .same ? 0 : $1.text.count) }
  }
}

// MARK: - Encoding

/// Characters numbered in order of first appearance, so the algorithms compare integers.
private struct DiffAlphabet {
  var ids: [Character: Int32] = [:]
  var characters: [Character] = []

  mutating func encode(_ text: String) -> [Int32] {
    var out: [Int32] = []
    out.reserveCapacity(text.utf8.count / 3 + 1)
    for c in text {
      if let id = ids[c] {
        out.append(id)
      } else {
        let id = Int32(truncatingIfNeeded: characters.count)
        ids[c] = id
        characters.append(c)
        out.append(id)
      }
    }
    return out
  }
}

/// What a run is while the diff is cleaned up. `replaced` is an equality the semantic cleanup
/// has given up: its characters count as both removed and added until runs are merged.
private enum RunKind: Equatable {
  case same, removed, added, replaced

  var publicKind: TextDiff.Kind {
    switch self {
    case .same: .same
    case .removed, .replaced: .removed
    case .added: .added
    }
  }
}

private struct Run {
  var kind: RunKind
  var ids: [Int32]

  init(_ kind: RunKind, _ ids: [Int32]) {
    self.kind = kind
    self.ids = ids
  }

  init(_ kind: RunKind, _ ids: ArraySlice<Int32>) {
    self.kind = kind
    self.ids = Array(ids)
  }
}

// MARK: - Myers

private enum DiffEngine {
  static func diff(_ a: [Int32], _ b: [Int32], workLimit: Int, characters: [Character]) -> [Run] {
    if a == b { return a.isEmpty ? [] : [Run(.same, a)] }
    var myers = Myers(a: a, b: b, workLimit: workLimit)
    guard let raw = myers.run() else { return coarse(a, b) }
    var runs = merge(raw)
    runs = cleanupSemantic(runs)
    runs = cleanupLossless(runs, characters: characters)
    return coalesce(runs)
  }

  /// Common prefix, one removal, one addition, common suffix.
  static func coarse(_ a: [Int32], _ b: [Int32]) -> [Run] {
    let p = commonPrefix(a[...], b[...])
    let s = commonSuffix(a[p...], b[p...])
    var runs: [Run] = []
    if p > 0 { runs.append(Run(.same, a[..<p])) }
    if p < a.count - s { runs.append(Run(.removed, a[p..<(a.count - s)])) }
    if p < b.count - s { runs.append(Run(.added, b[p..<(b.count - s)])) }
    if s > 0 { runs.append(Run(.same, a[(a.count - s)...])) }
    return runs
  }

  static func commonPrefix(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Int {
    var i = a.startIndex
    var j = b.startIndex
    while i < a.endIndex, j < b.endIndex, a[i] == b[j] {
      i += 1
      j += 1
    }
    return i - a.startIndex
  }

  static func commonSuffix(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Int {
    var i = a.endIndex
    var j = b.endIndex
    while i > a.startIndex, j > b.startIndex, a[i - 1] == b[j - 1] {
      i -= 1
      j -= 1
    }
    return a.endIndex - i
  }
}

/// Myers' O(ND) diff, by bisection on the middle snake (as in diff-match-patch), iterative so
/// deep splits cannot overflow the stack, with a cap on the total work.
private struct Myers {
  let a: [Int32]
  let b: [Int32]
  let workLimit: Int
  var work = 0

  private enum Step {
    case solve(a0: Int, a1: Int, b0: Int, b1: Int)
    case same(Int, Int)
  }

  /// The raw runs (as ranges turned into runs), or nil when the work cap was reached.
  mutating func run() -> [Run]? {
    var out: [Run] = []
    var steps: [Step] = [.solve(a0: 0, a1: a.count, b0: 0, b1: b.count)]
    while let step = steps.popLast() {
      switch step {
      case .same(let lo, let hi):
        out.append(Run(.same, a[lo..<hi]))
      case .solve(var a0, var a1, var b0, var b1):
        let p = DiffEngine.commonPrefix(a[a0..<a1], b[b0..<b1])
        if p > 0 { out.append(Run(.same, a[a0..<(a0 + p)])) }
        a0 += p
        b0 += p
        let s = DiffEngine.commonSuffix(a[a0..<a1], b[b0..<b1])
        a1 -= s
        b1 -= s
        work += p + s
        if s > 0 { steps.append(.same(a1, a1 + s)) }
        if a0 == a1 {
          if b0 < b1 { out.append(Run(.added, b[b0..<b1])) }
        } else if b0 == b1 {
          out.append(Run(.removed, a[a0..<a1]))
        } else {
          guard let split = bisect(a0, a1, b0, b1) else { return nil }
          if let (x, y) = split, (x, y) != (a0, b0), (x, y) != (a1, b1) {
            steps.append(.solve(a0: x, a1: a1, b0: y, b1: b1))
            steps.append(.solve(a0: a0, a1: x, b0: b0, b1: y))
          } else {
            // Nothing in common (or, which cannot happen, no progress).
            out.append(Run(.removed, a[a0..<a1]))
            out.append(Run(.added, b[b0..<b1]))
          }
        }
      }
    }
    return out
  }

  /// The split point (absolute indices into `a` and `b`) of the middle snake of
  /// `a[a0..<a1]` against `b[b0..<b1]` (both non-empty); `.some(nil)` when they have no
  /// character in common; nil when the work cap was reached.
  mutating func bisect(_ a0: Int, _ a1: Int, _ b0: Int, _ b1: Int) -> (Int, Int)?? {
    let n = a1 - a0
    let m = b1 - b0
    let maxD = (n + m + 1) / 2
    let offset = maxD
    let length = 2 * maxD + 2
    var v1 = [Int](repeating: -1, count: length)
    var v2 = [Int](repeating: -1, count: length)
    v1[offset + 1] = 0
    v2[offset + 1] = 0
    let delta = n - m
    // With an odd delta the forward path meets the reverse one; with an even one, the reverse.
    let front = delta % 2 != 0
    var k1start = 0
    var k1end = 0
    var k2start = 0
    var k2end = 0
    for d in 0..<maxD {
      if work > workLimit { return nil }
      // Forward paths.
      var k1 = -d + k1start
      while k1 <= d - k1end {
        let k1Offset = offset + k1
        var x1 =
          (k1 == -d || (k1 != d && v1[k1Offset - 1] < v1[k1Offset + 1]))
          ? v1[k1Offset + 1] : v1[k1Offset - 1] + 1
        var y1 = x1 - k1
        let start = x1
        while x1 < n, y1 < m, a[a0 + x1] == b[b0 + y1] {
          x1 += 1
          y1 += 1
        }
        work += 1 + x1 - start
        v1[k1Offset] = x1
        if x1 > n {
          k1end += 2  // ran off the right
        } else if y1 > m {
          k1start += 2  // ran off the bottom
        } else if front {
          let k2Offset = offset + delta - k1
          if k2Offset >= 0, k2Offset < length, v2[k2Offset] != -1, x1 >= n - v2[k2Offset] {
            return (a0 + x1, b0 + y1)
          }
        }
        k1 += 2
      }
      // Reverse paths.
      var k2 = -d + k2start
      while k2 <= d - k2end {
        let k2Offset = offset + k2
        var x2 =
          (k2 == -d || (k2 != d && v2[k2Offset - 1] < v2[k2Offset + 1]))
          ? v2[k2Offset + 1] : v2[k2Offset - 1] + 1
        var y2 = x2 - k2
        let start = x2
        while x2 < n, y2 < m, a[a1 - x2 - 1] == b[b1 - y2 - 1] {
          x2 += 1
          y2 += 1
        }
        work += 1 + x2 - start
        v2[k2Offset] = x2
        if x2 > n {
          k2end += 2
        } else if y2 > m {
          k2start += 2
        } else if !front {
          let k1Offset = offset + delta - k2
          if k1Offset >= 0, k1Offset < length, v1[k1Offset] != -1 {
            let x1 = v1[k1Offset]
            let y1 = offset + x1 - k1Offset
            if x1 >= n - x2 { return (a0 + x1, b0 + y1) }
          }
        }
        k2 += 2
      }
    }
    // The paths meet before `maxD` unless the edit script is all of both texts.
    return .some(nil)
  }
}

// MARK: - Cleanup

extension DiffEngine {
  /// diff-match-patch's cleanupMerge: the edits between two equalities merged into one removal
  /// and one addition (removal first), their common prefix and suffix moved into the
  /// equalities; then a single edit between two equalities is slid over one of them when that
  /// removes the equality (`A[BA]C` → `[AB]AC`). Repeated until nothing changes.
  static func merge(_ input: [Run]) -> [Run] {
    var runs = mergePass(input, factor: true)
    var rounds = 0
    while shiftPass(&runs), rounds < 64 {
      runs = mergePass(runs, factor: true)
      rounds += 1
    }
    return mergePass(runs, factor: false)
  }

  /// Adjacent runs of one kind merged, removals before additions, `replaced` resolved.
  static func coalesce(_ runs: [Run]) -> [Run] { mergePass(runs, factor: false) }

  private static func mergePass(_ runs: [Run], factor: Bool) -> [Run] {
    var out: [Run] = []
    out.reserveCapacity(runs.count)
    var removed: [Int32] = []
    var added: [Int32] = []

    func appendSame(_ ids: [Int32]) {
      guard !ids.isEmpty else { return }
      if let last = out.indices.last, out[last].kind == .same {
        out[last].ids += ids
      } else {
        out.append(Run(.same, ids))
      }
    }

    func flush(before equality: [Int32]) {
      var equality = equality
      if factor, !removed.isEmpty, !added.isEmpty {
        let p = commonPrefix(removed[...], added[...])
        if p > 0 {
          appendSame(Array(removed[..<p]))
          removed.removeFirst(p)
          added.removeFirst(p)
        }
        let s = commonSuffix(removed[...], added[...])
        if s > 0 {
          equality = Array(removed.suffix(s)) + equality
          removed.removeLast(s)
          added.removeLast(s)
        }
      }
      if !removed.isEmpty { out.append(Run(.removed, removed)) }
      if !added.isEmpty { out.append(Run(.added, added)) }
      removed = []
      added = []
      appendSame(equality)
    }

    for run in runs {
      switch run.kind {
      case .removed: removed += run.ids
      case .added: added += run.ids
      case .replaced:
        removed += run.ids
        added += run.ids
      case .same: flush(before: run.ids)
      }
    }
    flush(before: [])
    return out
  }

  /// Slides single edits over a neighbouring equality when the edit ends (or starts) with it;
  /// whether anything changed.
  private static func shiftPass(_ runs: inout [Run]) -> Bool {
    var changed = false
    var i = 1
    while i < runs.count - 1 {
      if runs[i - 1].kind == .same, runs[i + 1].kind == .same {
        let previous = runs[i - 1].ids
        let edit = runs[i].ids
        let next = runs[i + 1].ids
        if edit.count >= previous.count, edit.suffix(previous.count).elementsEqual(previous) {
          runs[i].ids = previous + edit.dropLast(previous.count)
          runs[i + 1].ids = previous + next
          runs.remove(at: i - 1)
          changed = true
        } else if edit.count >= next.count, edit.prefix(next.count).elementsEqual(next) {
          runs[i - 1].ids += next
          runs[i].ids = Array(edit.dropFirst(next.count)) + next
          runs.remove(at: i + 1)
          changed = true
        }
      }
      i += 1
    }
    return changed
  }

  /// diff-match-patch's cleanupSemantic elimination: an equality no longer than the larger
  /// edit (removal or addition) on each side of it is given up — its characters become part
  /// of the removal and of the addition — and the equality before it is looked at again.
  static func cleanupSemantic(_ input: [Run]) -> [Run] {
    var runs = input
    var equalities: [Int] = []
    var lastEquality: Int?  // length of the equality on top of the stack
    var added1 = 0
    var removed1 = 0
    var added2 = 0
    var removed2 = 0
    var changed = false
    var i = 0
    while i < runs.count {
      let run = runs[i]
      if run.kind == .same {
        equalities.append(i)
        added1 = added2
        removed1 = removed2
        added2 = 0
        removed2 = 0
        lastEquality = run.ids.count
      } else {
        if run.kind != .removed { added2 += run.ids.count }
        if run.kind != .added { removed2 += run.ids.count }
        if let length = lastEquality, length <= max(added1, removed1),
          length <= max(added2, removed2), let index = equalities.popLast()
        {
          runs[index].kind = .replaced
          _ = equalities.popLast()
          i = equalities.last ?? -1
          added1 = 0
          removed1 = 0
          added2 = 0
          removed2 = 0
          lastEquality = nil
          changed = true
        }
      }
      i += 1
    }
    return changed ? merge(runs) : runs
  }

  /// diff-match-patch's cleanupSemanticLossless: a single edit between two equalities slid
  /// (without changing either text) to where it starts and ends at the best boundaries —
  /// after a sentence (。；！？), after a clause (，、：), at whitespace or punctuation; the
  /// rightmost of equally good places. An equality slid away entirely disappears.
  static func cleanupLossless(_ input: [Run], characters: [Character]) -> [Run] {
    var runs = input
    var i = 1
    while i < runs.count - 1 {
      if runs[i - 1].kind == .same, runs[i + 1].kind == .same {
        let combined = runs[i - 1].ids + runs[i].ids + runs[i + 1].ids
        let start = runs[i - 1].ids.count
        let n = runs[i].ids.count
        let total = combined.count
        func character(_ k: Int) -> Character? {
          k >= 0 && k < total ? characters[Int(combined[k])] : nil
        }
        func score(_ s: Int) -> Int {
          boundaryScore(character(s - 1), character(s))
            + boundaryScore(character(s + n - 1), character(s + n))
        }
        var s = start
        while s > 0, combined[s - 1] == combined[s + n - 1] { s -= 1 }
        var best = s
        var bestScore = score(s)
        while s + n < total, combined[s] == combined[s + n] {
          s += 1
          let sc = score(s)
          if sc >= bestScore {
            best = s
            bestScore = sc
          }
        }
        if best != start {
          runs[i - 1].ids = Array(combined[..<best])
          runs[i].ids = Array(combined[best..<(best + n)])
          runs[i + 1].ids = Array(combined[(best + n)...])
          if runs[i + 1].ids.isEmpty { runs.remove(at: i + 1) }
          if runs[i - 1].ids.isEmpty {
            runs.remove(at: i - 1)
            i -= 1
          }
        }
      }
      i += 1
    }
    return runs
  }

  /// How good a place the boundary between `left` and `right` is for an edit to start or end
  /// (nil: the edge of the surrounding equalities, which is best: the equality goes away).
  static func boundaryScore(_ left: Character?, _ right: Character?) -> Int {
    guard let left, let right else { return 6 }
    if left.isNewline || right.isNewline { return 5 }
    if sentenceEnds.contains(left) { return 4 }
    if clauseEnds.contains(left) { return 3 }
    if left.isWhitespace || right.isWhitespace { return 2 }
    if left.isPunctuation || right.isPunctuation || left.isSymbol || right.isSymbol { return 1 }
    return 0
  }

  private static let sentenceEnds: Set<Character> = ["。", "；", "！", "？", ";", "!", "?"]
  private static let clauseEnds: Set<Character> = ["，", "、", "：", ",", ":"]
}
