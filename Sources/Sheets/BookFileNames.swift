import PlanModel

/// The file names of PlanBook's workbooks: each unit's book numbered in the plan's unit order
/// (`07-大气处.xlsx`), and names every system the books are mailed to can hold. The report
/// templates and the supervision notices are named after the books.
public enum BookFileNames {
  /// The file name of each of `units` — the plan's responsible units, in order
  /// (`ResolvedPlan.responsibleUnits`) — that has a book: a 责任书, or a 告知书 for a unit
  /// outside the signing chain; none for a unit `plan`'s signing declaration gives no
  /// document. Each is numbered by its place in `units`, so the number stays the same when
  /// only some units are exported.
  public static func books(
    of units: [OrgUnit], in plan: WorkPlan
  ) -> [(unit: OrgUnit, fileName: String)] {
    let width = max(2, String(units.count).count)
    var books: [(unit: OrgUnit, fileName: String)] = []
    for (n, unit) in units.enumerated() {
      if plan.document(for: unit) == .none { continue }
      let number = String(repeating: "0", count: width - String(n + 1).count) + String(n + 1)
      books.append((unit, "\(number)-\(safe(unit.shortName)).xlsx"))
    }
    return books
  }

  /// A file name from a unit's short name that every system the books are mailed to can hold
  /// (Linux, Windows, macOS): no `< > : " / \\ | ? *`, no control characters (each becomes
  /// `_`), no leading dot, no trailing dot or space, at most 180 bytes (file systems allow
  /// 255). Book names start with their number (`07-`), so a Windows reserved name (`CON`)
  /// never stands alone; a name that is one is given a `_` all the same.
  public static func safe(_ name: String) -> String {
    let forbidden: Set<Character> = ["<", ">", ":", "\"", "/", "\\", "|", "?", "*"]
    var s = String(
      name.map { c in
        forbidden.contains(c) || c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
          || c.isNewline ? "_" : c
      })
    while s.hasPrefix(".") { s.removeFirst() }
    while s.utf8.count > 180 { s.removeLast() }
    while s.hasSuffix(".") || s.hasSuffix(" ") { s.removeLast() }
    let reserved = Set(
      ["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
    if reserved.contains(s.uppercased().split(separator: ".").first.map(String.init) ?? "") {
      s = "_" + s
    }
    return s.isEmpty ? "unit" : s
  }
}
