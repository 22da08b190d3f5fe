/// Who signs each unit's book and what units outside the signing chain get, per unit or per
/// kind of unit (lowered to ``PlanModel/Signing``). A unit's own line wins over its kind's, and
/// its kind's over `.all`; a unit no line covers signs with the issuer.
///
/// ```swift
/// Signatures {
///   PartyA("gz-gov", for: .kind(.department))                   // 市政府 signs with departments
///   PartyA("gz-eeb", for: .kind(.division), .kind(.directUnit))  // the bureau with its divisions
///   Notice(for: .unit("gz-msa"))            // a 任务分工告知书: the tables, no signatures
///   NoDocument(for: .unit("gz-gov"))        // nothing at all
///   Signatory("gz-eeb-air", "大气处处长")    // the 责任人 printed under 负责人（签字）
/// }
/// ```
public struct Signatures: PlanContent {
  let parts: [any SignatureContent]
  let location: SourceLocation

  public init(
    file: String = #filePath, line: Int = #line,
    @ListBuilder<any SignatureContent> _ parts: () -> [any SignatureContent]
  ) {
    self.parts = parts()
    self.location = here(file, line)
  }

  public func lower(into plan: inout PlanLowering) {
    guard plan.plan.signing == nil else {
      plan.problems.append(
        Diagnostic(
          .error, .duplicateDeclaration,
          "the plan declares Signatures twice; the first declaration stands", at: location))
      return
    }
    var signing = Signing()
    for part in parts { part.add(to: &signing) }
    plan.plan.signing = signing
  }
}

/// What a ``Signatures`` block accepts: ``PartyA``, ``Notice``, ``NoDocument``, ``Signatory``.
public protocol SignatureContent: Sendable {
  /// Adds the declaration to the signing being built.
  func add(to signing: inout Signing)
}

/// The units of `scopes` get a 目标责任书 signed with `unit` as 甲方.
public struct PartyA: SignatureContent {
  let rules: [Signing.Rule]

  /// - Parameters:
  ///   - unit: the id of the 甲方 (the issuer, its parent government…); never the unit itself.
  ///   - scopes: `.unit("id")`, `.kind(.department)` or `.all`.
  public init(
    _ unit: String, for scopes: Signing.Scope..., file: String = #filePath, line: Int = #line
  ) {
    let at = here(file, line)
    rules = scopes.map { Signing.Rule($0, document: .book, partyA: unit, location: at) }
  }

  public func add(to signing: inout Signing) { signing.rules += rules }
}

/// The units of `scopes` get a 任务分工告知书 from the issuer instead of a 责任书: the same
/// tables and no signature block (a body the issuer cannot bind).
public struct Notice: SignatureContent {
  let rules: [Signing.Rule]

  public init(for scopes: Signing.Scope..., file: String = #filePath, line: Int = #line) {
    let at = here(file, line)
    rules = scopes.map { Signing.Rule($0, document: .notice, location: at) }
  }

  public func add(to signing: inout Signing) { signing.rules += rules }
}

/// The units of `scopes` get no document.
public struct NoDocument: SignatureContent {
  let rules: [Signing.Rule]

  public init(for scopes: Signing.Scope..., file: String = #filePath, line: Int = #line) {
    let at = here(file, line)
    rules = scopes.map { Signing.Rule($0, document: .none, location: at) }
  }

  public func add(to signing: inout Signing) { signing.rules += rules }
}

/// The person or post who signs for a unit (责任人), printed on its 负责人（签字） line.
public struct Signatory: SignatureContent {
  let model: Signing.Signatory

  public init(_ unit: String, _ name: String, file: String = #filePath, line: Int = #line) {
    model = Signing.Signatory(unit: unit, name: name, location: here(file, line))
  }

  public func add(to signing: inout Signing) { signing.signatories.append(model) }
}

/// Clauses the plan adds to its books: to 三、考核方式 (`.assessment`, printed before the rules
/// generated from ``Assessment``) or 四、其他 (`.other`, after the standard clauses).
///
/// ```swift
/// Clauses {
///   Clause(.assessment, "甲方按季度…", illustrative: true)   // not in the source document
///   Clause(.other, "…")                                      // the source document's words
/// }
/// ```
public struct Clauses: PlanContent {
  let clauses: [Clause]

  public init(@ListBuilder<Clause> _ clauses: () -> [Clause]) { self.clauses = clauses() }

  public func lower(into plan: inout PlanLowering) {
    plan.plan.clauses = (plan.plan.clauses ?? []) + clauses.map(\.model)
  }
}

/// One clause: its text either appears in the plan's source document (`planbook check` looks
/// for it, as for a task's text) or is marked `illustrative: true` (written for the plan).
public struct Clause: Sendable {
  let model: PlanClause

  public init(
    _ section: PlanClause.Section, _ text: String, illustrative: Bool = false,
    file: String = #filePath, line: Int = #line
  ) {
    model = PlanClause(section, text, illustrative: illustrative, location: here(file, line))
  }
}
