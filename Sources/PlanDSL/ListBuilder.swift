/// The one result builder of the DSL: collects the declarations of a block into a list.
///
/// Each block names what it accepts through `Element` (`any TaskContent` in a task, `Unit` in
/// an organisation…), so a declaration in the wrong place does not compile. Having one
/// `buildExpression` per block keeps type-checking fast: a plan file of hundreds of tasks
/// checks in seconds.
@resultBuilder
public enum ListBuilder<Element> {
  public static func buildExpression(_ element: Element) -> [Element] { [element] }
  public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
  public static func buildEither(first part: [Element]) -> [Element] { part }
  public static func buildEither(second part: [Element]) -> [Element] { part }
  public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }
}
