import Foundation
import PlanModel

/// A requirement whose unit changed (µg/m³ → mg/m³, 万吨 → 吨), converted: a small table of
/// units people write in plans, each with its dimension and its factor to that dimension's
/// base unit. Units outside the table, or of different dimensions, cannot be converted.
public enum UnitConversion {
  /// What a unit change does to the requirement, the old value converted into the new unit.
  public enum Verdict: String, Sendable, Codable {
    /// Harder to meet after conversion (≤ 35 µg/m³ → ≤ 0.03 mg/m³).
    case tightened
    /// Easier to meet after conversion.
    case loosened
    /// The same requirement in another unit (≤ 35 µg/m³ → ≤ 0.035 mg/m³).
    case equal
    /// The units are not in the table, or measure different things: 单位不可换算.
    case inconvertible

    /// 收紧, 放宽, 相当, 单位不可换算.
    public var chinese: String {
      switch self {
      case .tightened: "收紧"
      case .loosened: "放宽"
      case .equal: "相当"
      case .inconvertible: "单位不可换算"
      }
    }
  }

  /// The units known, as written in plans (spelling variants folded by ``normalized(_:)``):
  /// dimension and factor to the dimension's base unit.
  static let table: [String: (dimension: String, factor: Double)] = [
    // Mass concentration in air, base mg/m³.
    "μg/m³": ("concentration", 1e-3), "微克/立方米": ("concentration", 1e-3),
    "mg/m³": ("concentration", 1), "毫克/立方米": ("concentration", 1),
    "g/m³": ("concentration", 1e3), "克/立方米": ("concentration", 1e3),
    // Mass concentration in water, base mg/L.
    "μg/l": ("waterConcentration", 1e-3), "微克/升": ("waterConcentration", 1e-3),
    "mg/l": ("waterConcentration", 1), "毫克/升": ("waterConcentration", 1),
    "g/l": ("waterConcentration", 1e3), "克/升": ("waterConcentration", 1e3),
    // Mass, base 吨.
    "kg": ("mass", 1e-3), "千克": ("mass", 1e-3), "公斤": ("mass", 1e-3),
    "t": ("mass", 1), "吨": ("mass", 1), "万吨": ("mass", 1e4), "亿吨": ("mass", 1e8),
    // Length, base 米.
    "m": ("length", 1), "米": ("length", 1), "km": ("length", 1e3), "公里": ("length", 1e3),
    "千米": ("length", 1e3),
    // Area, base 平方米.
    "m²": ("area", 1), "平方米": ("area", 1), "亩": ("area", 10_000.0 / 15),
    "公顷": ("area", 1e4), "hm²": ("area", 1e4), "km²": ("area", 1e6), "平方公里": ("area", 1e6),
    "平方千米": ("area", 1e6),
    // Volume, base 立方米.
    "m³": ("volume", 1), "立方米": ("volume", 1), "万立方米": ("volume", 1e4),
    "亿立方米": ("volume", 1e8),
    // Shares, base 1.
    "%": ("ratio", 1e-2), "‰": ("ratio", 1e-3),
  ]

  /// `µg/m3`, `ug/m³` and `μg/m^3` read alike; letters compared in lower case.
  static func normalized(_ unit: String) -> String {
    var u = unit.trimmingCharacters(in: .whitespaces)
    for (a, b) in [
      ("µ", "μ"), ("ug/", "μg/"), ("^3", "³"), ("^2", "²"), ("m3", "m³"), ("m2", "m²"),
      ("％", "%"), ("立方公里", "km³"),
    ] {
      u = u.replacingOccurrences(of: a, with: b)
    }
    let lower = u.lowercased()
    return table[u] != nil ? u : lower
  }

  /// How many `to` one `from` is (1 µg/m³ = 0.001 mg/m³), or nil when they cannot be converted.
  public static func factor(from: String, to: String) -> Double? {
    guard let a = table[normalized(from)], let b = table[normalized(to)],
      a.dimension == b.dimension
    else { return nil }
    return a.factor / b.factor
  }

  /// `old`'s value in `new`'s unit, when only the unit differs and it converts.
  public static func converted(_ old: Requirement, into new: Requirement) -> Requirement? {
    guard old.measure == new.measure, old.direction == new.direction, old.of == new.of,
      old.baseYear == new.baseYear, let v = old.value, let from = old.unit, let to = new.unit,
      let f = factor(from: from, to: to)
    else { return nil }
    var r = old
    r.value = (v * f * 1e9).rounded() / 1e9
    r.unit = to
    return r
  }

  /// What the unit change from `old` to `new` does to the requirement.
  public static func verdict(_ old: Requirement, _ new: Requirement) -> Verdict {
    guard let c = converted(old, into: new), let v0 = c.value, let v1 = new.value,
      let d = new.direction
    else { return .inconvertible }
    if abs(v0 - v1) <= 1e-9 * max(abs(v0), abs(v1), 1e-12) { return .equal }
    switch d {
    case .atMost: return v1 < v0 ? .tightened : .loosened
    case .atLeast, .decrease, .increase: return v1 > v0 ? .tightened : .loosened
    case .equal: return .inconvertible
    }
  }

  /// `换算后 ≤ 0.035 毫克/立方米 → ≤ 0.033 毫克/立方米，收紧`, or `单位不可换算`.
  public static func words(_ old: Requirement, _ new: Requirement) -> String {
    let v = verdict(old, new)
    guard v != .inconvertible, let c = converted(old, into: new) else { return v.chinese }
    return "换算后 \(c.summary) → \(new.summary)，\(v.chinese)"
  }
}
