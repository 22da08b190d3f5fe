/// A unit of the organisation: a government, a city department, a division of the bureau, a
/// district or county government, a town or street. Units form a hierarchy through ``parent``.
public struct OrgUnit: Sendable, Hashable, Codable, Identifiable {
  /// What kind of body a unit is.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A people's government (市政府, 区政府) issuing the plan.
    case government
    /// A department of the government (市发展改革委, 市交通运输局).
    case department
    /// A division of the issuing bureau (大气环境处).
    case division
    /// A unit directly under the bureau (监测中心, 区分局).
    case directUnit
    /// A district or county government (番禺区人民政府).
    case district
    /// A town or street (沙湾镇, 桥南街).
    case town
    /// Anything else (an enterprise, a committee).
    case other
  }

  /// A stable id (`gz-eeb-air`), never shown to signers.
  public var id: String
  /// The full name (广州市生态环境局大气环境处).
  public var name: String
  /// The short name used in tables and file names (大气处).
  public var shortName: String
  public var kind: Kind
  /// The unit this one belongs to, if any.
  public var parent: String?
  public var location: SourceLocation? = nil

  public init(
    id: String, name: String, shortName: String, kind: Kind, parent: String? = nil,
    location: SourceLocation? = nil
  ) {
    self.id = id
    self.name = name
    self.shortName = shortName
    self.kind = kind
    self.parent = parent
    self.location = location
  }

  private enum CodingKeys: String, CodingKey { case id, name, shortName, kind, parent }
}
