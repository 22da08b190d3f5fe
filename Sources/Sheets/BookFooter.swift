import PlanModel

/// The footer every PlanBook workbook prints: the page number and count in the centre, the
/// plan id and short fingerprint on the right, and on a unit's documents the unit on the left.
public enum BookFooter {
  /// `第 &P 页 共 &N 页` in the centre, the plan id and short fingerprint on the right.
  public static func text(plan: WorkPlan, fingerprint: String) -> String {
    let short = WorkPlan.shortFingerprint(fingerprint)
    return "&C&\"宋体\"&9第 &P 页 共 &N 页&R&\"宋体\"&8\(plan.id) · \(short)"
  }

  /// ``text(plan:fingerprint:)`` with `unit` named on the left of every page, so a page that
  /// comes loose can be put back in its book: the full name, or the short name where the full
  /// one is too long for a third of the footer (or for the 255 bytes a footer holds).
  public static func text(plan: WorkPlan, fingerprint: String, naming unit: OrgUnit) -> String {
    let full = TextMetrics.width(of: unit.name, fontSize: 8) * 0.75 <= 160
    for label in full ? [unit.name, unit.shortName] : [unit.shortName] {
      if let footer = text(plan: plan, fingerprint: fingerprint, label: label) { return footer }
    }
    return text(plan: plan, fingerprint: fingerprint)
  }

  /// ``text(plan:fingerprint:)`` with `label` on the left (`&` written as `&&`); nil when
  /// that is longer than the 255 bytes a footer holds.
  public static func text(plan: WorkPlan, fingerprint: String, label: String) -> String? {
    let escaped = label.split(separator: "&", omittingEmptySubsequences: false)
      .joined(separator: "&&")
    let footer = "&L&\"宋体\"&8\(escaped)" + text(plan: plan, fingerprint: fingerprint)
    return footer.utf8.count <= 255 ? footer : nil
  }
}
