/// A work plan: one issuer, one period, targets and chapters of numbered tasks, the units that
/// answer for them and the responsibility list that assigns them.
public struct WorkPlan: Sendable, Hashable, Codable, Identifiable {
  /// How tasks are numbered.
  public enum Numbering: String, Sendable, Hashable, Codable {
    /// 1, 2, 3… through the whole plan (Guangzhou 2020).
    case continuous
    /// Restarting in every chapter and section (Panyu 2018: (一)(二)… in each chapter).
    case perChapter
  }

  /// A stable id (`guangzhou-2020`), used on the command line and in file names.
  public var id: String
  public var title: String
  /// The issuing unit's id (甲方 of every responsibility book unless ``signing`` says otherwise).
  public var issuer: String
  public var period: DateRange
  /// The document the plan was transcribed from.
  public var source: SourceDocument?
  /// A label for this version of the plan (修订稿 2020-03); free text.
  public var version: String?
  public var numbering: Numbering
  /// The declared total of all weights (分值) of targets and tasks, when the plan scores.
  public var weightTotal: Double?
  /// How units are assessed (考核方式), as the plan words it.
  public var assessmentMethod: String?
  /// How units are scored (考核细则); nil: ``AssessmentRules/default``.
  public var assessment: AssessmentRules?
  /// Tasks and targets a revision removed, with the reason (修订理由) a reviewer sees.
  public var removed: [RemovedItem]?
  /// For a revised version: the plans it revises and the revision's 修改依据 and 提出单位.
  public var revision: RevisionRecord? = nil
  /// Who signs each unit's book (甲方) and what units outside the signing chain get; nil: the
  /// issuer signs with every unit (see ``document(for:)``).
  public var signing: Signing?
  /// Clauses the plan adds to 三、考核方式 and 四、其他, each from the source document or
  /// marked illustrative.
  public var clauses: [PlanClause]?
  /// The plan this one is derived from (层层分解: a district's plan under the city's), and the
  /// parent's unit it is the plan of; nil for a plan with no parent.
  public var parent: ParentPlan? = nil
  public var units: [OrgUnit]
  public var targets: [PlanTarget]
  public var chapters: [PlanChapter]
  public var rules: [ResponsibilityRule]
  public var location: SourceLocation? = nil

  public init(
    id: String, title: String, issuer: String, period: DateRange, source: SourceDocument? = nil,
    version: String? = nil, numbering: Numbering = .continuous, weightTotal: Double? = nil,
    assessmentMethod: String? = nil, assessment: AssessmentRules? = nil,
    units: [OrgUnit] = [], targets: [PlanTarget] = [],
    chapters: [PlanChapter] = [], rules: [ResponsibilityRule] = [],
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.issuer = issuer
    self.period = period
    self.source = source
    self.version = version
    self.numbering = numbering
    self.weightTotal = weightTotal
    self.assessmentMethod = assessmentMethod
    self.assessment = assessment
    self.units = units
    self.targets = targets
    self.chapters = chapters
    self.rules = rules
    self.location = location
  }

  /// Every task, in document order.
  public var allTasks: [PlanTask] { chapters.flatMap(\.allTasks) }

  /// Every chapter and section, depth first, with its parent chapter's id.
  public var allChapters: [(chapter: PlanChapter, parent: String?)] {
    var out: [(PlanChapter, String?)] = []
    func walk(_ c: PlanChapter, _ parent: String?) {
      out.append((c, parent))
      for s in c.sections { walk(s, c.id) }
    }
    for c in chapters { walk(c, nil) }
    return out
  }

  /// The unit with `id`, if declared.
  public func unit(_ id: String) -> OrgUnit? { units.first { $0.id == id } }

  private enum CodingKeys: String, CodingKey {
    case id, title, issuer, period, source, version, numbering, weightTotal, assessmentMethod
    case assessment, removed, revision, signing, clauses, parent, units, targets, chapters, rules
  }
}

/// A plan's parent plan (``WorkPlan/parent``): the parent's id and the unit of the parent plan
/// whose plan this is (`Plan(…, parent: "guangzhou-2020", as: "gz-eeb-panyu")`): a share of a
/// parent target held by that unit is what this plan's targets implement.
public struct ParentPlan: Sendable, Hashable, Codable {
  /// The parent plan's id.
  public var plan: String
  /// The parent plan's unit this plan is the plan of; nil when the plan does not say.
  public var unit: String?

  public init(plan: String, unit: String? = nil) {
    self.plan = plan
    self.unit = unit
  }
}

/// The document a plan was transcribed from: a path relative to the repository (usually under
/// `seeds/`) and its title.
public struct SourceDocument: Sendable, Hashable, Codable {
  public var path: String
  public var title: String?

  public init(path: String, title: String? = nil) {
    self.path = path
    self.title = title
  }
}
