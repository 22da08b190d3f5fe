import PlanModel
import Tracking

/// A status class in JSON: the stable English code and the Chinese name.
struct ClassView: Codable, Equatable {
  var code: String
  var name: String

  init(_ s: TargetStatus) { (code, name) = (s.rawValue, s.chinese) }
  init(_ s: TaskStatus) { (code, name) = (s.rawValue, s.chinese) }
  init(_ s: WorkState) { (code, name) = (s.rawValue, s.chinese) }
}

/// A count of one class.
struct ClassCount: Codable, Equatable {
  var code: String
  var name: String
  var count: Int
}

/// A roll-up in JSON.
struct RollupView: Codable, Equatable {
  var tasks: Int
  var targets: Int
  /// Weighted % complete of the tasks, to one decimal; absent when there are no tasks.
  var completion: Double?
  var taskClasses: [ClassCount]
  var targetClasses: [ClassCount]

  init(_ r: Rollup) {
    tasks = r.taskCount
    targets = r.targetCount
    completion = r.taskCount > 0 ? round1(r.completion) : nil
    taskClasses = TaskStatus.allCases.compactMap { s in
      r.tasks[s].map { ClassCount(code: s.rawValue, name: s.chinese, count: $0) }
    }
    targetClasses = TargetStatus.allCases.compactMap { s in
      r.targets[s].map { ClassCount(code: s.rawValue, name: s.chinese, count: $0) }
    }
  }
}

/// `planbook status --format json`: schema `planbook.status`, documented in
/// docs/status-json.md.
struct StatusView: Codable {
  var schema = "planbook.status"
  var schemaVersion = 1
  var plan: String
  var title: String
  var asOf: String
  var unit: String?
  /// The report files read, and whether any is marked as sample data.
  var reports: [String]
  var sampleData: Bool
  var targets: [TargetView]
  var tasks: [TaskView]
  var units: [UnitView]
  var chapters: [ChapterView]
  var total: RollupView
  /// The bulletin's counts: the plan's targets per group, task figures and tasks apart.
  var tallies: [TallyView]
  /// The units with missing or late monthly reports; absent when the plan sets no report day.
  var reporting: [ReportingView]?
  /// The days of the colour history (三色预警): month ends from the first reported month, then
  /// the as-of day; each item's `colour.history` has one entry per day.
  var colourDays: [String]? = nil

  struct TargetView: Codable {
    var id: String
    var name: String
    var requirement: String
    var task: String?
    var lead: [String]
    var cooperating: [String]
    var status: ClassView
    var measured: Double?
    var unit: String?
    var measuredOn: String?
    var basis: String?
    var base: Double?
    var achieved: Double?
    var shortfall: Double?
    var projected: Double?
    /// For a year-to-date average: what the rest of the period must average, and what the
    /// recent months averaged.
    var requiredRest: Double?
    var recentMean: Double?
    var explanation: String
    /// The target group and number, when the plan groups and numbers its targets.
    var group: String?
    var number: String?
    /// The assessors' findings recorded by the date, beside the computed `status`.
    var selfAssessment: FindingView?
    var thirdParty: FindingView?
    /// The class the target is scored by (the finding's, when the plan scores by findings and
    /// one is recorded; else `status`).
    var scoredStatus: ClassView
    /// For a unit's share of a split target (指标分解): the unit holding it; the row's
    /// requirement and values are then the share's.
    var share: String? = nil
    /// For a split target's whole: how its shares make it up (`sum`, `measured`, `weighted`).
    var rollUp: String? = nil
    /// The three-colour warning (absent for a target without data or not yet due).
    var colour: ColourView? = nil
  }

  /// An item's warning colour on the as-of day, why, and its colour on each of `colourDays`.
  struct ColourView: Codable {
    var code: String
    var name: String
    var reason: String
    /// Codes, one per colour day (null: no colour that day).
    var history: [String?]

    init?(_ item: ColourItem, in h: ColourHistory?) {
      guard let h, let m = h.current(item) else { return nil }
      code = m.colour.rawValue
      name = m.colour.chinese
      reason = m.reason
      history = h.track(item).map { $0?.colour.rawValue }
    }
  }

  struct FindingView: Codable {
    var status: ClassView
    /// A unit id, or the third-party assessor as written.
    var by: String
    var date: String
    var note: String

    init(_ f: TargetFinding) {
      status = ClassView(f.status)
      by = f.by
      date = f.on.description
      note = f.note
    }
  }

  struct TallyView: Codable {
    /// `targets`, `figures` or `tasks`.
    var kind: String
    var group: String?
    var count: Int
    var classes: [ClassCount]
    var notYetDue: Int
    var selfAssessment: [ClassCount]?
    var thirdParty: [ClassCount]?
    /// The bulletin's sentence (`26项指标：达标11项、…`).
    var text: String

    init(_ t: Tally) {
      kind = t.kind.rawValue
      group = t.group
      count = t.count
      classes =
        t.kind == .tasks
        ? TaskStatus.allCases.compactMap { s in
          t.tasks[s].map { ClassCount(code: s.rawValue, name: s.chinese, count: $0) }
        } : Self.counts(t.targets)
      notYetDue = t.notYetDue
      selfAssessment = t.selfAssessment.isEmpty ? nil : Self.counts(t.selfAssessment)
      thirdParty = t.thirdParty.isEmpty ? nil : Self.counts(t.thirdParty)
      text = t.chinese
    }

    static func counts(_ c: [TargetStatus: Int]) -> [ClassCount] {
      TargetStatus.allCases.compactMap { s in
        c[s].map { ClassCount(code: s.rawValue, name: s.chinese, count: $0) }
      }
    }
  }

  struct TaskView: Codable {
    var id: String
    var number: String
    var title: String
    var lead: [String]
    var cooperating: [String]
    var deadline: String
    var status: ClassView
    var state: ClassView?
    var percent: Double
    var expected: Double
    var reportedOn: String?
    var milestones: [MilestoneView]
    var colour: ColourView? = nil
  }

  struct MilestoneView: Codable {
    var id: String
    var title: String
    var status: ClassView
    var percent: Double
    var expected: Double
    var colour: ColourView? = nil
  }

  struct UnitView: Codable {
    var id: String
    var shortName: String
    var name: String
    var lead: RollupView
    var cooperating: RollupView
    var overall: RollupView
    var overdue: [String]
  }

  struct ChapterView: Codable {
    var id: String
    var number: Int
    var title: String
    var rollup: RollupView
  }

  init(
    _ s: StatusReport, reports: [String], sampleData: Bool, unit: String? = nil,
    colours: ColourHistory? = nil
  ) {
    plan = s.plan.id
    title = s.plan.title
    asOf = s.asOf.description
    self.unit = unit
    self.reports = reports
    self.sampleData = sampleData
    let involved = { (lead: [String], coop: [String]) in
      unit.map { lead.contains($0) || coop.contains($0) } ?? true
    }
    targets = s.targets.filter { involved($0.target.lead, $0.target.cooperating) }.map { t in
      TargetView(
        id: t.target.target.id, name: t.target.target.name,
        requirement: t.target.target.requirement.summary, task: t.target.taskID,
        lead: t.target.lead, cooperating: t.target.cooperating, status: ClassView(t.status),
        measured: t.measured, unit: t.measuredUnit ?? t.target.target.requirement.unit,
        measuredOn: t.measuredOn?.description, basis: t.basis?.rawValue, base: t.base,
        achieved: t.achieved.map(round2), shortfall: t.shortfall.map(round2),
        projected: t.projected.map(round2), requiredRest: t.requiredRest.map(round2),
        recentMean: t.recentMean.map(round2), explanation: t.explanation,
        group: t.target.target.group, number: t.target.target.number,
        selfAssessment: t.selfAssessment.map(FindingView.init),
        thirdParty: t.thirdParty.map(FindingView.init),
        scoredStatus: ClassView(t.scoredStatus(s.rules.findingUse)), share: t.target.shareUnit,
        rollUp: t.target.target.rollUp?.rawValue,
        colour: ColourView(
          ColourItem(.target, t.target.target.id, share: t.target.shareUnit), in: colours))
    }
    tasks = s.tasks.filter { involved($0.task.lead, $0.task.cooperating) }.map { t in
      TaskView(
        id: t.task.task.id, number: t.task.label, title: t.task.task.title, lead: t.task.lead,
        cooperating: t.task.cooperating,
        deadline: t.task.dueDay?.description ?? t.task.deadline.description,
        status: ClassView(t.status), state: t.state.map(ClassView.init), percent: t.percent,
        expected: round1(t.expected), reportedOn: t.reportedOn?.description,
        milestones: t.milestones.map {
          MilestoneView(
            id: $0.milestone.id, title: $0.milestone.title, status: ClassView($0.status),
            percent: $0.percent, expected: round1($0.expected),
            colour: ColourView(ColourItem(.milestone, $0.milestone.id), in: colours))
        }, colour: ColourView(ColourItem(.task, t.task.task.id), in: colours))
    }
    units = s.units.filter { unit == nil || $0.unit.id == unit }.map {
      UnitView(
        id: $0.unit.id, shortName: $0.unit.shortName, name: $0.unit.name,
        lead: RollupView($0.lead), cooperating: RollupView($0.cooperating),
        overall: RollupView($0.overall), overdue: $0.overdue)
    }
    chapters = s.chapters.map {
      ChapterView(
        id: $0.chapter.id, number: $0.chapter.number, title: $0.chapter.title,
        rollup: RollupView($0.rollup))
    }
    total = RollupView(s.total)
    tallies = s.tallies.map(TallyView.init)
    reporting = ReportingView.list(s, unit: unit)
    colourDays = colours?.days.map(\.description)
  }
}

/// One unit's missing and late monthly reports in JSON.
struct ReportingView: Codable {
  var unit: String
  var shortName: String
  /// The months (`2020-07`) not reported.
  var missing: [String]
  /// The months reported late, each with the month whose report it came with.
  var late: [Late]

  struct Late: Codable {
    var month: String
    var due: String
    var receivedWith: String
  }

  /// The units of `s` with a missing or late report (only `unit` when given); nil when the
  /// plan sets no report day.
  static func list(_ s: StatusReport, unit: String?) -> [ReportingView]? {
    guard s.rules.reportDay != nil else { return nil }
    return s.reporting.filter {
      (unit == nil || $0.unit.id == unit) && !($0.missing.isEmpty && $0.late.isEmpty)
    }.map { r in
      ReportingView(
        unit: r.unit.id, shortName: r.unit.shortName, missing: r.missing.map(\.month.description),
        late: r.late.map {
          Late(
            month: $0.month.description, due: $0.due.description,
            receivedWith: $0.receivedWith?.description ?? "")
        })
    }
  }
}

/// `v` to one decimal.
func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
/// `v` to two decimals.
func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
