/// The transcription check: does a task's text appear in its source document, ignoring
/// whitespace (line breaks and spaces differ between a PDF, a web page and a plan file)?
struct Transcription {
  /// Where a text stops matching the document.
  struct Mismatch: Equatable {
    /// The longest beginning of the text that the document contains.
    var matched: String
    /// What follows it in the text.
    var rest: String
  }

  let document: [Character]

  init(_ normalizedDocument: [Character]) { document = normalizedDocument }

  /// The text's characters without whitespace (full-width spaces included).
  static func normalized(_ text: String) -> [Character] {
    text.filter { !$0.isWhitespace }.map { $0 }
  }

  /// `nil` when the document contains the text; otherwise where the text departs from it.
  func mismatch(of text: String) -> Mismatch? {
    let needle = Transcription.normalized(text)
    if needle.isEmpty || contains(needle[...]) { return nil }
    // The longest prefix found: containment is monotone in the prefix length.
    var low = 0
    var high = needle.count
    while low < high {
      let mid = (low + high + 1) / 2
      if contains(needle[..<mid]) { low = mid } else { high = mid - 1 }
    }
    return Mismatch(matched: String(needle[..<low]), rest: String(needle[low...]))
  }

  private func contains(_ needle: ArraySlice<Character>) -> Bool {
    needle.isEmpty || document.firstRange(of: needle) != nil
  }
}
