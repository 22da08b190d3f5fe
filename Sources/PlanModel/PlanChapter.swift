/// A chapter (一、…) of numbered tasks; it may hold sections ((一)…) of its own.
public struct PlanChapter: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// The chapter's number among its siblings (1 for 一、).
  public var number: Int
  public var title: String
  public var tasks: [PlanTask]
  /// Nested sections; they share the numbering of their parent's tasks.
  public var sections: [PlanChapter]
  public var location: SourceLocation? = nil

  public init(
    id: String, number: Int, title: String, tasks: [PlanTask] = [],
    sections: [PlanChapter] = [], location: SourceLocation? = nil
  ) {
    self.id = id
    self.number = number
    self.title = title
    self.tasks = tasks
    self.sections = sections
    self.location = location
  }

  /// All tasks of the chapter and its sections, in document order (sections after the
  /// chapter's own tasks, each in order of number).
  public var allTasks: [PlanTask] {
    var out = tasks
    for s in sections { out += s.allTasks }
    return out
  }

  private enum CodingKeys: String, CodingKey { case id, number, title, tasks, sections }
}
