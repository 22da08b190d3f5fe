/// How a plan is supervised (督查督办): the windows of its three-colour warnings (三色预警) and
/// of its supervision notices (督办单). Declared in the plan's assessment
/// (`Assessment { Supervision(warningDays: 20, replyDays: 7) }`); a plan that declares none is
/// supervised by ``default``, and its snapshot carries no `supervision` key.
public struct SupervisionRules: Sendable, Hashable, Codable {
  /// Days before a deadline (a task's or a milestone's, or the end of a target's period) from
  /// which an item not done is blue (蓝色预警): 30.
  public var warningDays: Int
  /// Days after a notice is issued by which the unit replies (反馈): 10. A notice whose item
  /// shows no progress in the first supervision after that day is issued again one level up.
  public var replyDays: Int
  /// Month ends an item that was red stays yellow once its gap is made up, before it can be
  /// green again (never straight from red to green): 1.
  public var recoveryMonths: Int
  /// The unit that issues the notices, by id; nil: the plan's issuer.
  public var issuer: String?
  /// The word before the notice number: `督办` gives `督办〔2020〕9号`.
  public var prefix: String

  /// The defaults: ``warningDays`` 30, ``replyDays`` 10, ``recoveryMonths`` 1, the plan's
  /// issuer, `督办`.
  public init(
    warningDays: Int = 30, replyDays: Int = 10, recoveryMonths: Int = 1, issuer: String? = nil,
    prefix: String = "督办"
  ) {
    self.warningDays = warningDays
    self.replyDays = replyDays
    self.recoveryMonths = recoveryMonths
    self.issuer = issuer
    self.prefix = prefix
  }

  /// What a plan without a `Supervision` declaration is supervised by.
  public static let `default` = SupervisionRules()

  private enum CodingKeys: String, CodingKey {
    case warningDays, replyDays, recoveryMonths, issuer, prefix
  }

  /// Reads the settings; a key left out has its default.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = Self.default
    warningDays = try c.decodeIfPresent(Int.self, forKey: .warningDays) ?? d.warningDays
    replyDays = try c.decodeIfPresent(Int.self, forKey: .replyDays) ?? d.replyDays
    recoveryMonths =
      try c.decodeIfPresent(Int.self, forKey: .recoveryMonths) ?? d.recoveryMonths
    issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
    prefix = try c.decodeIfPresent(String.self, forKey: .prefix) ?? d.prefix
  }
}

extension AssessmentRules {
  /// ``supervision``, else ``SupervisionRules/default``.
  public var supervisionRules: SupervisionRules { supervision ?? .default }
}
