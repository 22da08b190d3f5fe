/// A clause the plan adds to its books in its own words: to 三、考核方式 (before the rules
/// generated from the assessment) or to 四、其他 (after the standard clauses).
///
/// A clause either appears in the plan's source document (the transcription check looks for
/// it) or is marked ``illustrative``: written for the plan, not taken from the document.
public struct PlanClause: Sendable, Hashable, Codable {
  /// Where a clause prints.
  public enum Section: String, Sendable, Hashable, Codable, CaseIterable {
    /// 三、考核方式.
    case assessment
    /// 四、其他.
    case other
  }

  public var section: Section
  public var text: String
  /// Not in the source document: written for the plan (the transcription check skips it).
  public var illustrative: Bool
  public var location: SourceLocation? = nil

  public init(
    _ section: Section, _ text: String, illustrative: Bool = false,
    location: SourceLocation? = nil
  ) {
    self.section = section
    self.text = text
    self.illustrative = illustrative
    self.location = location
  }

  private enum CodingKeys: String, CodingKey { case section, text, illustrative }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    section = try c.decode(Section.self, forKey: .section)
    text = try c.decode(String.self, forKey: .text)
    illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(section, forKey: .section)
    try c.encode(text, forKey: .text)
    if illustrative { try c.encode(true, forKey: .illustrative) }
  }
}
