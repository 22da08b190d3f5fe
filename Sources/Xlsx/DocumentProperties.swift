import CalendarDays

/// The standard document properties (File → Properties) and the custom ones.
public struct DocumentProperties: Sendable, Equatable {
  public var title: String?
  public var subject: String?
  public var author: String?
  public var company: String?
  public var comments: String?
  /// The `created` date. Fixed by the caller (from the plan, not the clock), so the same input
  /// gives the same bytes.
  public var created: Day
  /// Custom properties, written in this order as text.
  public var custom: [(name: String, value: String)]

  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    comments: String? = nil, created: Day, custom: [(name: String, value: String)] = []
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.comments = comments
    self.created = created
    self.custom = custom
  }

  public static func == (a: DocumentProperties, b: DocumentProperties) -> Bool {
    a.title == b.title && a.subject == b.subject && a.author == b.author
      && a.company == b.company && a.comments == b.comments && a.created == b.created
      && a.custom.map(\.name) == b.custom.map(\.name)
      && a.custom.map(\.value) == b.custom.map(\.value)
  }
}
