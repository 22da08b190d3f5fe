import PlanModel

/// Unit names in cells: a name, or a list of short names, broken into lines between names or
/// after the name of the unit it belongs to, never inside a word (a reader wraps Chinese
/// between any two characters).
public enum UnitNames {
  /// A unit's `name` to show in a cell `pixels` wide: as it is when it fits on one line, else
  /// broken into lines at the boundaries of its parts — after the name of another unit of
  /// `plan` it starts with (广州市生态环境局 / 环境影响评价与排放管理处), or after its city,
  /// district or county (番禺区 / …) — so no line ends inside a word. A part that still does
  /// not fit is left for the reader to wrap.
  public static func name(
    _ name: String, in plan: WorkPlan, pixels: Double, fontSize: Double
  ) -> String {
    func fits(_ s: Substring) -> Bool {
      TextMetrics.lines(String(s), pixels: pixels, fontSize: fontSize) == 1
    }
    guard !fits(name[...]) else { return name }
    // Where a part may end, as character offsets into the name.
    var ends: Set<Int> = []
    for unit in plan.units where unit.name.count < name.count && name.hasPrefix(unit.name) {
      ends.insert(unit.name.count)
    }
    for (i, c) in name.enumerated() where i > 0 && "省市区县".contains(c) {
      ends.insert(i + 1)
      break
    }
    var lines: [Substring] = []
    var rest = name[...]
    var offset = 0
    while !fits(rest) {
      // The longest first part that fits.
      guard
        let end = ends.filter({ $0 > offset && $0 < offset + rest.count })
          .sorted(by: >).first(where: { fits(rest.prefix($0 - offset)) })
      else { break }
      lines.append(rest.prefix(end - offset))
      rest = rest.dropFirst(end - offset)
      offset = end
    }
    return (lines + [rest]).joined(separator: "\n")
  }

  /// The short names of `ids`, joined with 、, in a cell `pixels` wide: when they take more
  /// than a line, each line ends after a whole name (a name longer than a line is left for
  /// the reader to wrap).
  public static func list(
    _ ids: [String], in plan: WorkPlan, pixels: Double, fontSize: Double
  ) -> String {
    let names = ids.map { plan.unit($0)?.shortName ?? $0 }
    var lines: [String] = []
    var line = ""
    for (i, name) in names.enumerated() {
      let piece = name + (i < names.count - 1 ? "、" : "")
      if !line.isEmpty,
        TextMetrics.lines(line + piece, pixels: pixels, fontSize: fontSize) > 1
      {
        lines.append(line)
        line = piece
      } else {
        line += piece
      }
    }
    return (lines + [line]).joined(separator: "\n")
  }
}
