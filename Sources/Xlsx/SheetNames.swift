import PlanModel

/// Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or ending
/// with an apostrophe, unique regardless of case; a name that collides after cleaning gets a
/// suffix (`大气处 (2)`).
public enum SheetNames {
  /// The longest name Excel allows.
  public static let maximumLength = 31

  /// Valid, unique sheet names for `names`, in the same order.
  public static func make(_ names: [String]) -> [String] {
    var used = Set<String>()
    return names.map { name in
      let base = clean(name)
      var candidate = base
      var n = 2
      while used.contains(candidate.lowercased()) {
        let suffix = " (\(n))"
        candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
        n += 1
      }
      used.insert(candidate.lowercased())
      return candidate
    }
  }

  /// One name made valid: forbidden characters (and line breaks and the control characters an
  /// xlsx file cannot hold) become `_`, apostrophes at the ends are dropped, it is cut to 31
  /// characters, and an empty name becomes `Sheet`.
  public static func clean(_ name: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var s = String(
      name.map { c in
        forbidden.contains(c) || c.isNewline || !c.unicodeScalars.allSatisfy(XMLCharacters.allows)
          ? "_" : c
      })
    while s.hasPrefix("'") { s.removeFirst() }
    s = String(s.prefix(maximumLength))
    while s.hasSuffix("'") { s.removeLast() }
    return s.isEmpty ? "Sheet" : s
  }
}
