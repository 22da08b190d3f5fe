/// One step of a task with its own due date.
public struct PlanMilestone: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  public var title: String
  public var deadline: Deadline
  /// Share of the task's points, when the plan scores milestones.
  public var weight: Double?
  public var location: SourceLocation? = nil

  public init(
    id: String, title: String, deadline: Deadline, weight: Double? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.title = title
    self.deadline = deadline
    self.weight = weight
    self.location = location
  }

  private enum CodingKeys: String, CodingKey { case id, title, deadline, weight }
}
