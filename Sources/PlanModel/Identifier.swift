/// The rule every id a plan declares must follow — the plan's own id, units, chapters and
/// sections, tasks, targets and figures, milestones, removed items: 1 to ``maximumLength``
/// characters of `a`–`z`, `0`–`9` and `-`, the first a letter or digit (`[a-z0-9][a-z0-9-]*`).
///
/// Ids become folder and file names (`exports/<plan-id>/`, `plans/progress/<plan-id>/`) and
/// travel in CSV files and workbook properties, so the rule keeps them safe everywhere: no `/`
/// or `\`, no `..`, no leading dot or dash, no spaces, no control characters, one case only
/// (macOS and Windows do not tell `A` from `a`), nothing Windows refuses.
public enum Identifier {
  /// The most characters an id may have.
  public static let maximumLength = 64

  /// The rule in words, for messages and documentation.
  public static let rule =
    "1–\(maximumLength) characters of a–z, 0–9 and '-', beginning with a letter or digit"

  /// Whether `id` follows the rule (an empty id does not).
  public static func isValid(_ id: String) -> Bool {
    var count = 0
    for byte in id.utf8 {
      count += 1
      guard count <= maximumLength else { return false }
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
      case UInt8(ascii: "-") where count > 1: break
      default: return false
      }
    }
    return count > 0
  }
}
