/// Who signs a unit's responsibility book with it (甲方), and what a unit outside the signing
/// chain gets instead: the plan's choice, declared per unit or per kind of unit.
///
/// A unit's document is decided by the first rule naming the unit itself, else the first
/// naming its kind, else the rule for every unit, else the default: a 责任书 with the issuer
/// as 甲方 — except for the issuer itself, which never signs with itself and gets a notice.
public struct Signing: Sendable, Hashable, Codable {
  /// Which units a rule is for.
  public enum Scope: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One unit, by id.
    case unit(String)
    /// Every unit of a kind.
    case kind(OrgUnit.Kind)
    /// Every unit.
    case all

    public var description: String {
      switch self {
      case .unit(let id): "unit \(id)"
      case .kind(let k): "kind \(k.rawValue)"
      case .all: "all units"
      }
    }

    private enum CodingKeys: String, CodingKey { case unit, kind, all }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      if let v = try c.decodeIfPresent(String.self, forKey: .unit) {
        self = .unit(v)
      } else if let v = try c.decodeIfPresent(OrgUnit.Kind.self, forKey: .kind) {
        self = .kind(v)
      } else if (try c.decodeIfPresent(Bool.self, forKey: .all)) == true {
        self = .all
      } else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "a signing rule's scope needs one of unit, kind, all"))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .unit(let v): try c.encode(v, forKey: .unit)
      case .kind(let v): try c.encode(v, forKey: .kind)
      case .all: try c.encode(true, forKey: .all)
      }
    }
  }

  /// What a unit gets.
  public enum Document: String, Sendable, Hashable, Codable, CaseIterable {
    /// A 目标责任书 signed by both parties.
    case book
    /// A 任务分工告知书: the same tables, from the issuer, with no signature block (a unit the
    /// issuer cannot bind: a body outside its government, or the issuer itself).
    case notice
    /// No document at all.
    case none
  }

  /// One line of the declaration: the units it is for, what they get and, for a book, who
  /// signs it with them.
  public struct Rule: Sendable, Hashable, Codable {
    public var scope: Scope
    public var document: Document
    /// The 甲方 (a unit id) of a ``Document/book``; nil for the others.
    public var partyA: String?
    /// Why a revision changed (or added) the line (修订理由): a change of what units sign needs
    /// one, like a task's reassigned lead.
    public var reason: String? = nil
    public var location: SourceLocation? = nil

    public init(
      _ scope: Scope, document: Document, partyA: String? = nil, reason: String? = nil,
      location: SourceLocation? = nil
    ) {
      self.scope = scope
      self.document = document
      self.partyA = partyA
      self.reason = reason
      self.location = location
    }

    private enum CodingKeys: String, CodingKey { case scope, document, partyA, reason }
  }

  /// The person (or post) who signs for a unit (责任人), printed under 负责人（签字）.
  public struct Signatory: Sendable, Hashable, Codable {
    public var unit: String
    public var name: String
    public var location: SourceLocation? = nil

    public init(unit: String, name: String, location: SourceLocation? = nil) {
      self.unit = unit
      self.name = name
      self.location = location
    }

    private enum CodingKeys: String, CodingKey { case unit, name }
  }

  public var rules: [Rule]
  public var signatories: [Signatory]

  public init(rules: [Rule] = [], signatories: [Signatory] = []) {
    self.rules = rules
    self.signatories = signatories
  }

  /// The rule that decides `unit`'s document, if one does.
  public func rule(for unit: OrgUnit) -> Rule? {
    rules.first { $0.scope == .unit(unit.id) } ?? rules.first { $0.scope == .kind(unit.kind) }
      ?? rules.first { $0.scope == .all }
  }

  /// The 责任人 named for `unit`, if any.
  public func signatory(of unit: String) -> String? {
    signatories.first { $0.unit == unit }?.name
  }
}

/// What one unit gets from a plan: a book signed with `partyA`, a notice from the issuer, or
/// nothing.
public enum UnitDocument: Sendable, Hashable {
  case book(partyA: String)
  case notice
  case none
}

extension WorkPlan {
  /// What `unit` gets: by the plan's ``Signing`` declaration, else a book with the issuer as
  /// 甲方 (a notice for the issuer itself, which never signs with itself).
  public func document(for unit: OrgUnit) -> UnitDocument {
    if let rule = signing?.rule(for: unit) {
      switch rule.document {
      case .book:
        let a = rule.partyA ?? issuer
        // Nobody signs with itself (the checker reports such a declaration as an error).
        return a == unit.id ? .notice : .book(partyA: a)
      case .notice: return .notice
      case .none: return .none
      }
    }
    return unit.id == issuer ? .notice : .book(partyA: issuer)
  }
}
