/// One line of the responsibility list (责任清单): which tasks or targets it covers and who
/// answers for them. A task's own declaration wins over every rule; see the engine's
/// `Resolver` for the order among rules.
public struct ResponsibilityRule: Sendable, Hashable, Codable {
  /// What a rule covers.
  public enum Match: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Every task of a chapter (and its sections), by chapter id.
    case chapter(String)
    /// Every task whose text contains the keyword.
    case keyword(String)
    /// One target (plan-level or a task's figure), by id.
    case target(String)
    /// Every task of the plan: the default.
    case all

    public var description: String {
      switch self {
      case .chapter(let id): "chapter \(id)"
      case .keyword(let k): "keyword “\(k)”"
      case .target(let id): "target \(id)"
      case .all: "all tasks"
      }
    }

    private enum CodingKeys: String, CodingKey { case chapter, keyword, target, all }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      if let v = try c.decodeIfPresent(String.self, forKey: .chapter) {
        self = .chapter(v)
      } else if let v = try c.decodeIfPresent(String.self, forKey: .keyword) {
        self = .keyword(v)
      } else if let v = try c.decodeIfPresent(String.self, forKey: .target) {
        self = .target(v)
      } else if (try c.decodeIfPresent(Bool.self, forKey: .all)) == true {
        self = .all
      } else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "a rule's match needs one of chapter, keyword, target, all"))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .chapter(let v): try c.encode(v, forKey: .chapter)
      case .keyword(let v): try c.encode(v, forKey: .keyword)
      case .target(let v): try c.encode(v, forKey: .target)
      case .all: try c.encode(true, forKey: .all)
      }
    }
  }

  public var match: Match
  public var responsibility: Responsibility
  /// Why a revision changed (or added) the rule (修订理由): one reason for the decision, which
  /// `planbook diff` shows once with every task it moved. It belongs to the revision that
  /// wrote it, like a task's reason.
  public var reason: String? = nil
  public var location: SourceLocation? = nil

  public init(
    match: Match, responsibility: Responsibility, reason: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.match = match
    self.responsibility = responsibility
    self.reason = reason
    self.location = location
  }

  private enum CodingKeys: String, CodingKey { case match, responsibility, reason }
}
