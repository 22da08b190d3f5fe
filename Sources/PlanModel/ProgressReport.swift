/// One reporting period's progress reports, as kept beside the plan
/// (`plans/progress/<plan-id>/<YYYY-MM>.csv`; format in `docs/progress-format.md`).
public struct ProgressReport: Sendable, Hashable {
  /// The month the file reports on.
  public var period: ReportingPeriod
  /// The file it was read from (relative to the repository when it is inside it).
  public var path: String
  public var entries: [ProgressEntry]
  /// Whether the file declares itself sample data: its first line (its very first bytes, no
  /// byte order mark before) is `# SAMPLE DATA…`. Commands then say so in what they print.
  public var sampleData: Bool

  public init(
    period: ReportingPeriod, path: String, entries: [ProgressEntry], sampleData: Bool = false
  ) {
    self.period = period
    self.path = path
    self.entries = entries
    self.sampleData = sampleData
  }
}

/// One row of a progress report.
public struct ProgressEntry: Sendable, Hashable {
  /// What the row reports.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A target's (or a task figure's) measured value.
    case target
    /// A target's base-year value, where the plan does not give it.
    case base
    /// A task's state and % complete.
    case task
    /// A milestone's state and % complete.
    case milestone
    /// A target's class as an assessor found it: the unit's self-assessment (自评) or a
    /// third-party or inspector finding (第三方评估).
    case finding
  }

  /// What a measured value covers.
  public enum Basis: String, Sendable, Hashable, CaseIterable {
    /// The reporting month alone.
    case period
    /// From the start of the plan's period to the report (year to date, 累计).
    case ytd
  }

  public var kind: Kind
  /// The target, task or milestone id.
  public var id: String
  /// The measured value (target) or the base-year value (base).
  public var value: Double?
  /// The value's unit, as the target states it.
  public var unit: String?
  /// For `target` rows.
  public var basis: Basis?
  /// For `base` rows: the year the value is for.
  public var baseYear: Int?
  /// For `task` and `milestone` rows (and qualitative targets).
  public var state: WorkState?
  /// For `task` and `milestone` rows: 0…100.
  public var percent: Double?
  /// For a qualitative target: reported 滞后 (behind schedule; `state` is then 推进中).
  public var lagging = false
  /// For `finding` rows: whose finding it is, and the class found.
  public var findingSource: FindingSource?
  public var finding: TargetStatus?
  /// The unit (org unit id) that reports; for a third-party finding, the assessor as written
  /// when it is not a unit of the plan.
  public var reporter: String
  /// 填报人 and 审核人: the people who filled in and checked the report (free text, may be
  /// empty; the `preparer` and `reviewer` columns of a report file).
  public var preparer = ""
  public var reviewer = ""
  /// The day the value or state holds for.
  public var date: Day
  public var note: String
  /// The file and line the row came from.
  public var location: SourceLocation?

  public init(
    kind: Kind, id: String, value: Double? = nil, unit: String? = nil, basis: Basis? = nil,
    baseYear: Int? = nil, state: WorkState? = nil, percent: Double? = nil, reporter: String,
    date: Day, note: String = "", location: SourceLocation? = nil
  ) {
    self.kind = kind
    self.id = id
    self.value = value
    self.unit = unit
    self.basis = basis
    self.baseYear = baseYear
    self.state = state
    self.percent = percent
    self.reporter = reporter
    self.date = date
    self.note = note
    self.location = location
  }
}

/// Whose finding a `finding` row records.
public enum FindingSource: String, Sendable, Hashable, CaseIterable, Codable {
  /// The responsible unit's own assessment (自评).
  case selfAssessment
  /// A third-party or inspector's assessment (第三方评估).
  case thirdParty

  /// 自评, 第三方评估.
  public var chinese: String {
    switch self {
    case .selfAssessment: "自评"
    case .thirdParty: "第三方评估"
    }
  }

  /// The source named in Chinese or by its code; nil otherwise.
  public init?(name: String) {
    guard
      let s = FindingSource.allCases.first(where: { $0.chinese == name || $0.rawValue == name })
    else { return nil }
    self = s
  }
}

/// The state a unit reports for a task or milestone.
public enum WorkState: String, Sendable, Hashable, CaseIterable, Codable {
  case notStarted
  case inProgress
  case done

  /// 未开始, 推进中, 已完成.
  public var chinese: String {
    switch self {
    case .notStarted: "未开始"
    case .inProgress: "推进中"
    case .done: "已完成"
    }
  }

  /// The state named in Chinese or by its code; nil otherwise.
  public init?(name: String) {
    guard let s = WorkState.allCases.first(where: { $0.chinese == name || $0.rawValue == name })
    else { return nil }
    self = s
  }
}
