/// What a target (or a task-level figure) asks for: a direction, a value and a unit.
///
/// | measure | example | fields |
/// | --- | --- | --- |
/// | `level` | PM2.5 ≤ 35 µg/m³ | direction `atMost`/`atLeast`/`equal`, value, unit |
/// | `count` | ≥ 1000 艘次 ship fuel checks | direction, value, unit |
/// | `share` | ≥ 90 % of new taxis | direction, value, unit `%`, `of` |
/// | `change` | COD −14.7 % against 2015 | direction `decrease`/`increase`, value, unit `%`, baseYear |
/// | `qualitative` | 达到省考核要求 | text |
///
/// Fields are optional so that a plan written by hand or by another tool can be loaded and
/// checked: the engine reports a missing direction, unit or base year.
public struct Requirement: Sendable, Hashable, Codable {
  /// What kind of quantity is asked for.
  public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
    case level, count, share, change, qualitative
  }

  /// Which way the value must go.
  public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The measured value must not exceed the value (≤).
    case atMost
    /// The measured value must reach the value (≥).
    case atLeast
    /// The measured value must equal the value (=).
    case equal
    /// A reduction against the base year by at least `value` percent.
    case decrease
    /// An increase against the base year by at least `value` percent.
    case increase

    /// `≤`, `≥`, `=`, `−`, `+`.
    public var symbol: String {
      switch self {
      case .atMost: "≤"
      case .atLeast: "≥"
      case .equal: "="
      case .decrease: "−"
      case .increase: "+"
      }
    }
  }

  /// A complete requirement, one case for each measure with what that measure needs, so that
  /// code switching over it is told by the compiler of every new kind. ``kind`` gives it.
  public enum Kind: Sendable, Hashable {
    /// A level: `direction` `atMost`/`atLeast`/`equal`, the value and its unit (≤ 35 微克/立方米).
    case level(Direction, Double, unit: String)
    /// A count, as a level (≥ 1000 艘次).
    case count(Direction, Double, unit: String)
    /// A share in percent (unit `%`) of `of` when it says (≥ 90 %（新增巡游出租车）).
    case share(Direction, Double, unit: String, of: String?)
    /// A change by `value` percent (`decrease`/`increase`) against `baseYear` (较2015年 −14.7 %).
    case change(Direction, Double, unit: String, baseYear: Int)
    /// A requirement kept as text (达到省考核要求).
    case qualitative(String)
  }

  /// The requirement as a ``Kind``; nil when it is incomplete — no text (qualitative); no
  /// direction, an unfit one, no unit or no value; a change without a base year — which the
  /// engine's checker reports as an error.
  public var kind: Kind? {
    if measure == .qualitative {
      guard let text, !text.isEmpty else { return nil }
      return .qualitative(text)
    }
    guard let direction, let value, let unit, !unit.allSatisfy({ $0 == " " }) else {
      return nil
    }
    let changes = direction == .decrease || direction == .increase
    switch measure {
    case .level: return changes ? nil : .level(direction, value, unit: unit)
    case .count: return changes ? nil : .count(direction, value, unit: unit)
    case .share: return changes ? nil : .share(direction, value, unit: unit, of: of)
    case .change:
      guard changes, let baseYear else { return nil }
      return .change(direction, value, unit: unit, baseYear: baseYear)
    case .qualitative: return nil
    }
  }

  public var measure: Measure
  public var direction: Direction?
  public var value: Double?
  public var unit: String?
  /// For a share: what it is a share of (保有量, 新增巡游出租车…).
  public var of: String?
  /// For a change: the year it is measured against.
  public var baseYear: Int?
  /// For a qualitative requirement: the requirement as written (达到省考核要求).
  public var text: String?

  public init(
    measure: Measure, direction: Direction? = nil, value: Double? = nil, unit: String? = nil,
    of: String? = nil, baseYear: Int? = nil, text: String? = nil
  ) {
    self.measure = measure
    self.direction = direction
    self.value = value
    self.unit = unit
    self.of = of
    self.baseYear = baseYear
    self.text = text
  }

  /// At most `value` `unit` (≤ 35 微克/立方米).
  public static func atMost(_ value: Double, _ unit: String) -> Requirement {
    Requirement(measure: .level, direction: .atMost, value: value, unit: unit)
  }
  /// At least `value` `unit` (≥ 61.5 %).
  public static func atLeast(_ value: Double, _ unit: String) -> Requirement {
    Requirement(measure: .level, direction: .atLeast, value: value, unit: unit)
  }
  /// Exactly `value` `unit` (= 0 %).
  public static func equal(_ value: Double, _ unit: String) -> Requirement {
    Requirement(measure: .level, direction: .equal, value: value, unit: unit)
  }
  /// A count of at least `value` (≥ 1000 艘次).
  public static func count(atLeast value: Double, _ unit: String) -> Requirement {
    Requirement(measure: .count, direction: .atLeast, value: value, unit: unit)
  }
  /// A count of at most `value`.
  public static func count(atMost value: Double, _ unit: String) -> Requirement {
    Requirement(measure: .count, direction: .atMost, value: value, unit: unit)
  }
  /// A share of at least `percent` % of `of` (≥ 90 % of new taxis).
  public static func share(atLeast percent: Double, of: String) -> Requirement {
    Requirement(measure: .share, direction: .atLeast, value: percent, unit: "%", of: of)
  }
  /// A share of at most `percent` % of `of`.
  public static func share(atMost percent: Double, of: String) -> Requirement {
    Requirement(measure: .share, direction: .atMost, value: percent, unit: "%", of: of)
  }
  /// A reduction by at least `percent` % against `baseYear` (COD −14.7 % against 2015).
  public static func reduction(by percent: Double, against baseYear: Int?) -> Requirement {
    Requirement(
      measure: .change, direction: .decrease, value: percent, unit: "%", baseYear: baseYear)
  }
  /// An increase by at least `percent` % against `baseYear`.
  public static func increase(by percent: Double, against baseYear: Int?) -> Requirement {
    Requirement(
      measure: .change, direction: .increase, value: percent, unit: "%", baseYear: baseYear)
  }
  /// A requirement kept as text (达到省考核要求).
  public static func qualitative(_ text: String) -> Requirement {
    Requirement(measure: .qualitative, text: text)
  }

  /// How people read it: `≤ 35 微克/立方米`, `≥ 90 %（新增巡游出租车）`,
  /// `较2015年 −14.7 %`, `达到省考核要求`.
  public var summary: String {
    if measure == .qualitative { return text ?? "" }
    let v = value.map(Requirement.format) ?? "?"
    let u = (unit ?? "").isEmpty ? "" : " \(unit ?? "")"
    let sym = direction?.symbol ?? "?"
    switch measure {
    case .change:
      let base = baseYear.map { "较\($0)年 " } ?? ""
      return "\(base)\(sym)\(v)\(u)"
    case .share:
      let of = self.of.map { "（\($0)）" } ?? ""
      return "\(sym) \(v)\(u)\(of)"
    case .level, .count, .qualitative:
      return "\(sym) \(v)\(u)"
    }
  }

  /// A number without a needless `.0`: 35, 61.5, 0.25.
  public static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
