/// A chapter (一、…) of numbered tasks. A chapter inside a chapter is a section ((一)…).
///
/// ```swift
/// Chapter(3, id: "pollution", "突出精准治污、科学治污，全力打好污染防治攻坚战") {
///   Item(13, id: "coal", "巩固燃煤整治效果。…") { … }
/// }
/// ```
public struct Chapter: PlanContent, ChapterContent {
  let number: Int
  let id: String
  let title: String
  let content: [any ChapterContent]
  let location: SourceLocation

  /// Declares a chapter.
  /// - Parameters:
  ///   - number: its number among its siblings (1 for 一、).
  ///   - id: a stable id, used by rules and by the diff.
  ///   - title: the heading as written.
  public init(
    _ number: Int, id: String, _ title: String, file: String = #filePath, line: Int = #line,
    @ListBuilder<any ChapterContent> _ content: () -> [any ChapterContent]
  ) {
    self.number = number
    self.id = id
    self.title = title
    self.content = content()
    self.location = here(file, line)
  }

  public func lower(into plan: inout PlanLowering) {
    plan.plan.chapters.append(lowered(problems: &plan.problems))
  }

  public func lower(into chapter: inout PlanChapter, problems: inout [Diagnostic]) {
    chapter.sections.append(lowered(problems: &problems))
  }

  func lowered(problems: inout [Diagnostic]) -> PlanChapter {
    var chapter = PlanChapter(id: id, number: number, title: title, location: location)
    for part in content { part.lower(into: &chapter, problems: &problems) }
    return chapter
  }
}

/// What a chapter's block accepts: ``Item`` (a task) and ``Chapter`` (a section).
public protocol ChapterContent: Sendable {
  /// Adds the declaration to the chapter being lowered.
  func lower(into chapter: inout PlanChapter, problems: inout [Diagnostic])
}
