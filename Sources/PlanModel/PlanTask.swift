/// A numbered task (任务) of a chapter. ``id`` stays the same across versions; ``number`` is the
/// plan's own number and may change when a task is inserted before it.
public struct PlanTask: Sendable, Hashable, Codable, Identifiable {
  public var id: String
  /// The plan's number (13 in "13.巩固燃煤整治效果").
  public var number: Int
  /// The heading: the text up to its first 。 or line break (巩固燃煤整治效果).
  public var title: String
  /// The task's full text exactly as in the source, without its number.
  public var text: String
  /// Figures stated in the task (135 台 biomass boilers…).
  public var figures: [PlanTarget]
  public var milestones: [PlanMilestone]
  /// Assessment points (分值).
  public var weight: Double?
  /// Owners and deadline declared on the task itself; they win over rules.
  public var responsibility: Responsibility
  /// Why it changed in this version (修订理由).
  public var reason: String?
  public var location: SourceLocation? = nil

  public init(
    id: String, number: Int, title: String, text: String, figures: [PlanTarget] = [],
    milestones: [PlanMilestone] = [], weight: Double? = nil,
    responsibility: Responsibility = .init(), reason: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.number = number
    self.title = title
    self.text = text
    self.figures = figures
    self.milestones = milestones
    self.weight = weight
    self.responsibility = responsibility
    self.reason = reason
    self.location = location
  }

  /// The heading of a task's text: up to (not including) its first `。` or line break, or the
  /// whole text.
  public static func title(of text: String) -> String {
    let trimmed = text.trimmingWhitespace()
    if let i = trimmed.firstIndex(where: { $0 == "。" || $0.isNewline }) {
      return String(trimmed[..<i])
    }
    return trimmed
  }

  private enum CodingKeys: String, CodingKey {
    case id, number, title, text, figures, milestones, weight, responsibility, reason
  }
}

extension String {
  /// The string without leading and trailing whitespace and newlines.
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s = s.dropFirst() }
    while let l = s.last, l.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
