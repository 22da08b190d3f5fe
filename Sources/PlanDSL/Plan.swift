@_exported import PlanModel

/// A plan as its author writes it. Lowering happens in the initialiser: ``model`` is the plain
/// value the engine reads and ``problems`` what the DSL itself found (a task declaring two lead
/// lists, say). The DSL never traps on bad input.
///
/// ```swift
/// let plan = Plan("guangzhou-2020", title: "2020年广州市生态环境保护工作计划",
///                 issuer: "gz-eeb", period: .year(2020)) {
///   Organisation { Unit("gz-eeb", "广州市生态环境局", short: "市生态环境局", kind: .department) }
///   Targets { Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米")) }
///   Chapter(1, id: "party", "推进作风建设") { Item(1, id: "politics", "坚持…。…") }
///   Responsibilities { Rule(.all, lead: ["gz-eeb"]) }
/// }
/// ```
public struct Plan: Sendable {
  /// The lowered plan.
  public let model: WorkPlan
  /// Problems found while lowering; the engine's checks come on top of these.
  public let problems: [Diagnostic]

  /// Declares a plan.
  /// - Parameters:
  ///   - id: the stable id used on the command line and in file names.
  ///   - title: the plan's title as published.
  ///   - issuer: the id of the issuing unit (甲方 of the books).
  ///   - period: the plan's period; `.year(2020)` or any `DateRange`.
  ///   - source: the repository-relative path of the document transcribed (`seeds/…`); the
  ///     engine checks every task's text against it. `nil` skips that check.
  ///   - sourceTitle: that document's title, if it has one.
  ///   - version: a label for this version (修订稿), free text.
  ///   - numbering: `.continuous` (1…n through the plan, the default) or `.perChapter`.
  ///   - weightTotal: the total the weights of targets and tasks must add up to, if any.
  ///   - assessment: how units are assessed (考核方式), as the plan words it.
  ///   - parent: the id of the plan this one is derived from (层层分解: the city's plan above a
  ///     district's); targets say which of its targets they implement (`Target(…, implements:)`).
  ///   - as: the parent plan's unit this plan is the plan of (`"gz-eeb-panyu"`): that unit's
  ///     shares of the parent's targets are what this plan must implement.
  public init(
    _ id: String, title: String, issuer: String, period: DateRange, source: String? = nil,
    sourceTitle: String? = nil, version: String? = nil,
    numbering: WorkPlan.Numbering = .continuous, weightTotal: Double? = nil,
    assessment: String? = nil, parent: String? = nil, as parentUnit: String? = nil,
    file: String = #filePath, line: Int = #line,
    @ListBuilder<any PlanContent> _ content: () -> [any PlanContent]
  ) {
    var lowering = PlanLowering(
      plan: WorkPlan(
        id: id, title: title, issuer: issuer, period: period,
        source: source.map { SourceDocument(path: $0, title: sourceTitle) }, version: version,
        numbering: numbering, weightTotal: weightTotal, assessmentMethod: assessment,
        location: SourceLocation(file: SourceLocation.relative(file), line: line)))
    if let parent { lowering.plan.parent = ParentPlan(plan: parent, unit: parentUnit) }
    for part in content() { part.lower(into: &lowering) }
    model = lowering.plan
    problems = lowering.problems
  }
}

extension Plan {
  /// A plan from an already lowered model (a revision's).
  init(model: WorkPlan, problems: [Diagnostic]) {
    self.model = model
    self.problems = problems
  }
}

/// What a plan's block accepts: ``Organisation``, ``Targets``, ``Chapter``,
/// ``Responsibilities``.
public protocol PlanContent: Sendable {
  /// Adds the declaration to the plan being lowered.
  func lower(into plan: inout PlanLowering)
}

/// A plan being lowered: the model so far and the problems found.
public struct PlanLowering: Sendable {
  var plan: WorkPlan
  var problems: [Diagnostic] = []
}

/// Turns `#filePath`/`#line` into a repository-relative location.
func here(_ file: String, _ line: Int) -> SourceLocation {
  SourceLocation(file: SourceLocation.relative(file), line: line)
}
