/// A numbered task. Its text is the task's full text exactly as in the source document,
/// without the number; the heading is the text up to its first 。.
///
/// ```swift
/// Item(15, id: "mobile-sources", "深化移动源污染控制。督促实施…") {
///   Figure("taxi-electric", "新增或更新巡游出租车纯电动比例", .share(atLeast: 90, of: "新增或更新的巡游出租车"))
///   Lead("gz-eeb-air")
///   Cooperating("gz-transport")
///   Due(.endOfYear(2020))
/// }
/// ```
public struct Item: ChapterContent {
  let number: Int
  let id: String
  let text: String
  let content: [any TaskContent]
  let location: SourceLocation

  /// Declares a task.
  /// - Parameters:
  ///   - number: the plan's own number for it.
  ///   - id: a stable id that survives renumbering.
  ///   - text: the full text, as in the source.
  ///   - content: figures, milestones, owners, deadline, weight, revision reason.
  public init(
    _ number: Int, id: String, _ text: String, file: String = #filePath, line: Int = #line,
    @ListBuilder<any TaskContent> _ content: () -> [any TaskContent] = { [] }
  ) {
    self.number = number
    self.id = id
    self.text = text
    self.content = content()
    self.location = here(file, line)
  }

  public func lower(into chapter: inout PlanChapter, problems: inout [Diagnostic]) {
    var draft = TaskDraft(
      task: PlanTask(
        id: id, number: number, title: PlanTask.title(of: text), text: text, location: location))
    for part in content { part.apply(to: &draft) }
    problems += draft.problems
    chapter.tasks.append(draft.task)
  }
}

/// A task being lowered; parts of a task's block write into it.
public struct TaskDraft: Sendable {
  var task: PlanTask
  var problems: [Diagnostic] = []
  var seen: Set<String> = []

  /// Records that `what` was declared; a second declaration in the same task is a problem,
  /// and the first one stands.
  mutating func once(_ what: String, at location: SourceLocation) -> Bool {
    if seen.insert(what).inserted { return true }
    problems.append(
      Diagnostic(
        .error, .duplicateDeclaration,
        "task \(task.number) (\(task.id)) declares \(what) twice; the first declaration stands",
        at: location))
    return false
  }
}

/// What a task's block accepts: ``Figure``, ``Milestone``, ``Lead``, ``Cooperating``, ``Due``,
/// ``Weight``, ``Reason``.
public protocol TaskContent: Sendable {
  /// Writes the declaration into the task being lowered.
  func apply(to task: inout TaskDraft)
}
