import Glibc

/// Named moments inside the writers where the fault tests stop the process as `kill -9`
/// would: when the environment variable `PLANBOOK_KILL_AT` names one, the process sends
/// itself `SIGKILL` there. Used only by the test suite to hit moments that a kill from
/// outside finds only by luck (the instant before or after a set is swapped in).
///
/// The moments: `set-written` (the new set is complete in its staging folder, nothing moved
/// yet), `set-exchanged` (the new set is in place, the old one not yet removed),
/// `transaction-renamed-first` (one file of a transaction renamed into place).
enum FaultPoint {
  /// The moment named in the environment, read once.
  private static let armed: String? = getenv("PLANBOOK_KILL_AT").map { String(cString: $0) }

  /// Kills the process if `name` is the armed moment.
  static func reach(_ name: String) {
    if armed == name { kill(getpid(), SIGKILL) }
  }
}
