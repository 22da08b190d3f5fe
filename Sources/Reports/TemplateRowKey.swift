/// The hidden key in column A of a template's input row (``ReportTemplate/Column/key``): what
/// the row reports. ``ReportTemplate`` writes ``text``; the collector reads it back with
/// ``init(_:)``, so the two sides cannot disagree on a key.
public enum TemplateRowKey: Sendable, Hashable {
  /// A target's value (`target:pm25`).
  case target(String)
  /// The base-year value of a change target (`base:cod`).
  case base(String)
  /// A task's state (`task:coal`).
  case task(String)
  /// A milestone's state (`milestone:m1`).
  case milestone(String)

  /// The key as written in the sheet: the kind, a colon, the id.
  public var text: String {
    switch self {
    case .target(let id): "target:\(id)"
    case .base(let id): "base:\(id)"
    case .task(let id): "task:\(id)"
    case .milestone(let id): "milestone:\(id)"
    }
  }

  /// The key `text` is; nil for anything else (the keys of the other rows — `title`, `date`,
  /// `header`… — an empty id, an unknown kind).
  public init?(_ text: String) {
    let parts = text.split(separator: ":", maxSplits: 1)
    guard parts.count == 2 else { return nil }
    let id = String(parts[1])
    switch parts[0] {
    case "target": self = .target(id)
    case "base": self = .base(id)
    case "task": self = .task(id)
    case "milestone": self = .milestone(id)
    default: return nil
    }
  }
}
