import PlanEngine

/// Folds renumberings into ranges, for every numbering scheme a plan uses: continuous numbers
/// (`17` … `34` → `18` … `35`: `第17–34项 → 第18–35项`), and numbers that restart per chapter,
/// whose labels end in a Chinese number in brackets (`四(二)`) or an Arabic one (`四(二)2`):
/// `第四(二)1–5项 → 第四(二)2–6项`, `第五(二)–(四)项 → 第五(三)–(五)项`. A run is folded when
/// its labels keep their prefixes (the chapter part, or both move to the same other chapter)
/// and their numbers are consecutive and move by the same amount.
enum Renumbering {
  /// A task label split into what comes before its own number, and that number.
  struct Label: Equatable {
    /// `四(二)` of `四(二)2`; `四` of `四(二)`; empty for a continuous number.
    var prefix: String
    var number: Int
    /// The number in brackets in Chinese (`(二)`), else in Arabic digits.
    var chinese: Bool

    /// `2` or `(二)`.
    var numberText: String { chinese ? "(\(Numerals.chinese(number)))" : String(number) }

    /// Splits `label`: trailing Arabic digits, or a trailing Chinese number in brackets; nil
    /// for anything else.
    init?(_ label: String) {
      let digits = label.reversed().prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty, let n = Int(String(digits.reversed())) {
        prefix = String(label.dropLast(digits.count))
        number = n
        chinese = false
        return
      }
      guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return nil }
      let inner = String(label[label.index(after: open)..<label.index(before: label.endIndex)])
      guard let n = Label.chineseValues[inner] else { return nil }
      prefix = String(label[..<open])
      number = n
      chinese = true
    }

    static let chineseValues: [String: Int] = Dictionary(
      (1...99).map { (Numerals.chinese($0), $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Each renumbering `(from, to)`, in order, consecutive runs folded: `第17–34项 → 第18–35项`,
  /// a lone one `第4项 → 第5项`.
  static func ranges(_ pairs: [(from: String, to: String)]) -> [String] {
    let parsed = pairs.map { (Label($0.from), Label($0.to)) }
    /// Whether pair `k` continues the run that pair `j` ends, started by pair `i`.
    func continues(_ i: Int, _ j: Int, _ k: Int) -> Bool {
      guard let a = parsed[i].0, let b = parsed[i].1, let p = parsed[j].0,
        let x = parsed[k].0, let y = parsed[k].1
      else { return false }
      return x.prefix == a.prefix && y.prefix == b.prefix && x.chinese == a.chinese
        && y.chinese == b.chinese && x.number == p.number + 1
        && y.number - x.number == b.number - a.number
    }
    var out: [String] = []
    var i = 0
    while i < pairs.count {
      var j = i
      while j + 1 < pairs.count, continues(i, j, j + 1) { j += 1 }
      if j > i, let c = parsed[j].0, let d = parsed[j].1 {
        out.append("第\(pairs[i].from)–\(c.numberText)项 → 第\(pairs[i].to)–\(d.numberText)项")
      } else {
        out.append("第\(pairs[i].from)项 → 第\(pairs[i].to)项")
      }
      i = j + 1
    }
    return out
  }
}
