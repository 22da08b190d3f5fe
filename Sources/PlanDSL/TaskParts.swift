/// A figure stated in a task: same kinds as a plan-level target (at most / at least / equal,
/// count, share, change against a base year, qualitative).
///
/// ```swift
/// Figure("ship-fuel-checks", "抽检船舶燃油", .count(atLeast: 1000, "艘次"))
/// ```
public struct Figure: TaskContent {
  let model: PlanTarget

  /// Declares a figure; its id shares the namespace of the plan's targets.
  /// - Parameters:
  ///   - tolerance: the band within which a miss still counts as 基本达标.
  ///   - weight: assessment points.
  ///   - period: when it is measured, if not over the whole plan (秋冬季).
  ///   - aspirational: a 力争 figure, as ``Target``'s `aspirational:`.
  public init(
    _ id: String, _ name: String, _ requirement: Requirement, tolerance: Double? = nil,
    weight: Double? = nil, period: Deadline? = nil, aspirational: Bool = false,
    file: String = #filePath, line: Int = #line
  ) {
    model = PlanTarget(
      id: id, name: name, requirement: requirement, tolerance: tolerance, weight: weight,
      period: period, aspirational: aspirational, location: here(file, line))
  }

  public func apply(to task: inout TaskDraft) { task.task.figures.append(model) }
}

/// One step of a task with its own due date.
public struct Milestone: TaskContent {
  let model: PlanMilestone

  /// Declares a milestone; its id must be unique in the plan.
  public init(
    _ id: String, _ title: String, due: Deadline, weight: Double? = nil,
    file: String = #filePath, line: Int = #line
  ) {
    model = PlanMilestone(
      id: id, title: title, deadline: due, weight: weight, location: here(file, line))
  }

  public func apply(to task: inout TaskDraft) { task.task.milestones.append(model) }
}

/// The task's lead units (牵头单位), by id; the first is the principal lead. Wins over rules.
public struct Lead: TaskContent {
  let units: [String]
  let location: SourceLocation

  public init(_ units: String..., file: String = #filePath, line: Int = #line) {
    self.units = units
    self.location = here(file, line)
  }

  public func apply(to task: inout TaskDraft) {
    if task.once("its lead units", at: location) { task.task.responsibility.lead = units }
  }
}

/// The task's cooperating units (配合单位), by id. Wins over rules; `Cooperating()` says
/// "none" even where a rule would add some.
public struct Cooperating: TaskContent {
  let units: [String]
  let location: SourceLocation

  public init(_ units: String..., file: String = #filePath, line: Int = #line) {
    self.units = units
    self.location = here(file, line)
  }

  /// Cooperating units from a list (`Cooperating(["gz-police"] + districts)`).
  public init(_ units: [String], file: String = #filePath, line: Int = #line) {
    self.units = units
    self.location = here(file, line)
  }

  public func apply(to task: inout TaskDraft) {
    if task.once("its cooperating units", at: location) {
      task.task.responsibility.cooperating = units
    }
  }
}

/// The task's deadline. Wins over rules.
public struct Due: TaskContent {
  let deadline: Deadline
  let location: SourceLocation

  public init(_ deadline: Deadline, file: String = #filePath, line: Int = #line) {
    self.deadline = deadline
    self.location = here(file, line)
  }

  public func apply(to task: inout TaskDraft) {
    if task.once("its deadline", at: location) { task.task.responsibility.deadline = deadline }
  }
}

/// The task's assessment points (分值).
public struct Weight: TaskContent {
  let points: Double
  let location: SourceLocation

  public init(_ points: Double, file: String = #filePath, line: Int = #line) {
    self.points = points
    self.location = here(file, line)
  }

  public func apply(to task: inout TaskDraft) {
    if task.once("its weight", at: location) { task.task.weight = points }
  }
}

/// Why the task changed in this version of the plan (修订理由); the diff shows it.
public struct Reason: TaskContent {
  let text: String
  let location: SourceLocation

  public init(_ text: String, file: String = #filePath, line: Int = #line) {
    self.text = text
    self.location = here(file, line)
  }

  public func apply(to task: inout TaskDraft) {
    if task.once("its revision reason", at: location) { task.task.reason = text }
  }
}
