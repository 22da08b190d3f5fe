/// The class a target falls in as of a date — the seeds' 达标 / 预计达标 / 基本达标 / 未达标, and
/// 无数据 when nothing was reported. JSON and the command line use the code (`rawValue`).
public enum TargetStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// The measured value meets the requirement.
  case met
  /// Not met yet, but the value projected to the period's end meets it.
  case projected
  /// Not met, but within the target's tolerance.
  case nearlyMet
  case notMet
  case noData

  /// 达标, 预计达标, 基本达标, 未达标, 无数据.
  public var chinese: String {
    switch self {
    case .met: "达标"
    case .projected: "预计达标"
    case .nearlyMet: "基本达标"
    case .notMet: "未达标"
    case .noData: "无数据"
    }
  }

  /// The class as said of an aspirational target (力争) when `aspirational`: 达到力争目标,
  /// 预计达到力争目标, and 未达到力争目标 for both 基本达标 and 未达标 — a missed aspirational target
  /// is not a failure that costs points by default, so it is not called 未达标; else ``chinese``.
  public func chinese(aspirational: Bool) -> String {
    guard aspirational else { return chinese }
    switch self {
    case .met: return "达到力争目标"
    case .projected: return "预计达到力争目标"
    case .nearlyMet, .notMet: return "未达到力争目标"
    case .noData: return "无数据"
    }
  }
}

/// The class a task falls in as of a date, against the time-proportional expectation (序时进度).
public enum TaskStatus: String, Sendable, Hashable, Codable, CaseIterable {
  /// Reported 已完成.
  case done
  /// Ahead of 序时进度 by the plan's margin or more.
  case ahead
  /// At 序时进度, or behind it by no more than the plan's tolerance.
  case onTrack
  /// Further behind.
  case behind
  /// Past its deadline and not done.
  case overdue
  /// Reported 未开始, or not reported at all.
  case notStarted

  /// 已完成, 超进度, 达进度, 欠进度, 逾期, 未开始.
  public var chinese: String {
    switch self {
    case .done: "已完成"
    case .ahead: "超进度"
    case .onTrack: "达进度"
    case .behind: "欠进度"
    case .overdue: "逾期"
    case .notStarted: "未开始"
    }
  }
}
