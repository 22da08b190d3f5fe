/// The transcription check: does a task's text appear in its source document, ignoring
/// whitespace (line breaks and spaces differ between a PDF, a web page and a plan file)?
///
/// Plans are transcribed in order, so each text is looked for first from where the previous one
/// was found, and in the whole document only when it is not there: checking a plan is linear
/// in its length instead of quadratic. Where a text was found never changes the answer (whether
/// the document contains it, and if not, its longest beginning the document contains), only
/// how long it takes. A text already looked for is not looked for again.
struct Transcription {
  /// Where a text stops matching the document.
  struct Mismatch: Equatable {
    /// The longest beginning of the text that the document contains.
    var matched: String
    /// What follows it in the text.
    var rest: String
  }

  let document: [Character]
  /// Where the text found last ends: the next search starts here.
  private(set) var resume = 0

  init(_ normalizedDocument: [Character]) { document = normalizedDocument }

  /// The text's characters without whitespace (full-width spaces included).
  static func normalized(_ text: String) -> [Character] {
    text.filter { !$0.isWhitespace }.map { $0 }
  }

  /// The answer for each text looked for so far: a text repeated (a task copied 20,000 times)
  /// is looked for once.
  private var answers: [String: Mismatch?] = [:]

  /// `nil` when the document contains the text; otherwise where the text departs from it.
  mutating func mismatch(of text: String) -> Mismatch? {
    if let known = answers[text] { return known }
    let answer = search(text)
    answers[text] = answer
    return answer
  }

  private mutating func search(_ text: String) -> Mismatch? {
    let needle = Transcription.normalized(text)
    if needle.isEmpty { return nil }
    if let found = firstRange(of: needle[...], from: resume)
      ?? (resume > 0 ? firstRange(of: needle[...], from: 0) : nil)
    {
      resume = found.upperBound
      return nil
    }
    // The longest prefix found: containment is monotone in the prefix length.
    var low = 0
    var high = needle.count
    while low < high {
      let mid = (low + high + 1) / 2
      if contains(needle[..<mid]) { low = mid } else { high = mid - 1 }
    }
    return Mismatch(matched: String(needle[..<low]), rest: String(needle[low...]))
  }

  /// The first occurrence of `needle` that starts at `start` or later.
  private func firstRange(of needle: ArraySlice<Character>, from start: Int) -> Range<Int>? {
    guard start < document.count else { return nil }
    return document[start...].firstRange(of: needle)
  }

  private func contains(_ needle: ArraySlice<Character>) -> Bool {
    needle.isEmpty || document.firstRange(of: needle) != nil
  }
}
