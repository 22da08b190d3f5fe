import PlanModel
import Tracking

/// `planbook rank --format json`: schema `planbook.ranking`, documented in
/// docs/status-json.md.
struct RankView: Codable {
  var schema = "planbook.ranking"
  var schemaVersion = 1
  var plan: String
  var period: String
  var asOf: String
  var previousPeriod: String?
  var tieBreak =
    "score, then fewer overdue tasks, then higher % complete; still tied: the same rank, in the plan's unit order"
  var reports: [String]
  var sampleData: Bool
  /// The ranking groups, in order (absent when the plan ranks one list).
  var groups: [String]?
  var entries: [Entry]
  var overdue: [Overdue]
  /// As in status: units with missing or late monthly reports as of the period's last day.
  var reporting: [ReportingView]?

  struct Entry: Codable {
    var rank: Int
    var previousRank: Int?
    /// `↑2`, `↓1`, `—`, `新`.
    var change: String
    var unit: String
    var shortName: String
    var name: String
    var score: Double
    var bonus: Double
    var grade: String
    var gradeBeforeVeto: String
    /// Weighted % complete; absent for a unit without tasks.
    var completion: Double?
    /// The ranking group the unit is ranked in (absent when the plan ranks one list).
    var group: String?
    var overdue: [String]
    var lines: [Line]
  }

  struct Line: Codable {
    /// `task`, `target`, `bonus`, `veto` or `reporting`.
    var kind: String
    var id: String?
    var role: String?
    var possible: Double
    var earned: Double
    var reasons: [String]
  }

  struct Overdue: Codable {
    var unit: String
    var shortName: String
    var tasks: [String]
  }

  init(_ r: Ranking, reports: [String], sampleData: Bool) {
    plan = r.status.plan.id
    period = r.period.description
    asOf = r.asOf.description
    previousPeriod = r.comparedWith?.description
    self.reports = reports
    self.sampleData = sampleData
    groups = r.groups.isEmpty ? nil : r.groups
    let labels = Dictionary(
      r.status.tasks.map { ($0.task.task.id, $0.task.label) }, uniquingKeysWith: { a, _ in a })
    entries = r.entries.map { e in
      Entry(
        rank: e.rank, previousRank: e.previousRank, change: e.changeText, unit: e.score.unit.id,
        shortName: e.score.unit.shortName, name: e.score.unit.name, score: e.score.score,
        bonus: e.score.bonus, grade: e.score.grade, gradeBeforeVeto: e.score.gradeBeforeVeto,
        completion: e.score.hasTasks ? round1(e.score.completion) : nil, group: e.group,
        overdue: e.score.overdue.map { labels[$0] ?? $0 },
        lines: e.score.lines.map(Line.init))
    }
    overdue = r.overdue.map {
      Overdue(unit: $0.unit.id, shortName: $0.unit.shortName, tasks: $0.tasks)
    }
    reporting = ReportingView.list(r.status, unit: nil)
  }
}

extension RankView.Line {
  init(_ l: ScoreLine) {
    switch l.item {
    case .task(let id): (kind, self.id) = ("task", id)
    case .target(let id): (kind, self.id) = ("target", id)
    case .bonus: (kind, id) = ("bonus", nil)
    case .veto: (kind, id) = ("veto", nil)
    case .reporting: (kind, id) = ("reporting", nil)
    }
    role = l.role.isEmpty ? nil : l.role
    possible = round2(l.possible)
    earned = round2(l.earned)
    reasons = l.reasons
  }
}
