extension WorkPlan {
  /// The first 12 hex digits of a fingerprint (PlanJSON's `WorkPlan.fingerprint()`): what a
  /// footer or a table shows.
  public static func shortFingerprint(_ fingerprint: String) -> String {
    String(fingerprint.prefix(12))
  }
}
