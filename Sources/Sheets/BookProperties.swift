import PlanModel
import Xlsx

/// The custom document properties every PlanBook workbook carries, so a printed or mailed book
/// can be traced back to the plan version it came from (`planbook verify`).
public enum BookProperties {
  /// The plan's id (`guangzhou-2020`).
  public static let planID = "PlanBook.PlanID"
  /// The plan's title.
  public static let planTitle = "PlanBook.PlanTitle"
  /// The plan's version label (`2020-1`).
  public static let planVersion = "PlanBook.PlanVersion"
  /// The responsible unit's id and name (`eeb-air 大气环境管理处`), or `总览` for the overview.
  public static let unit = "PlanBook.Unit"
  /// Which layout wrote the workbook: `book` or `overview`.
  public static let kind = "PlanBook.Kind"
  /// The layout's schema version (``schemaVersion``).
  public static let schemaVersion = "PlanBook.SchemaVersion"
  /// The plan's fingerprint: SHA-256 of its canonical snapshot, in hex.
  public static let fingerprint = "PlanBook.Fingerprint"

  /// The ``planVersion`` of a plan that declares no version.
  public static let unversioned = "unversioned"
  /// The ``unit`` of the overview workbook.
  public static let overviewUnit = "总览"

  /// The version of the book layout and of these properties: 2 since table headers repeat only at
  /// computed breaks, the footer names the unit and the signature block has columns A–C / D–H.
  public static let currentSchemaVersion = 2
}

extension BookProperties {
  /// The document properties of a PlanBook workbook of `plan`: `title`, the issuer as author
  /// and company, `created` fixed to the plan's first day (so the same input gives the same
  /// bytes), and the custom properties above — `unit` (`gz-eeb-air 大气环境管理处`, or
  /// ``overviewUnit``), `kind`, the plan's identity and `fingerprint` — then `extra`.
  public static func document(
    _ plan: WorkPlan, title: String, subject: String? = nil, comments: String? = nil,
    unit: String, kind: String, fingerprint: String, extra: [(String, String)] = []
  ) -> DocumentProperties {
    let issuer = plan.unit(plan.issuer)?.name ?? plan.issuer
    return DocumentProperties(
      title: title, subject: subject ?? plan.title, author: issuer, company: issuer,
      comments: comments, created: plan.period.start,
      custom: [
        (planID, plan.id),
        (planTitle, plan.title),
        (planVersion, plan.version ?? unversioned),
        (BookProperties.unit, unit),
        (BookProperties.kind, kind),
        (schemaVersion, String(currentSchemaVersion)),
        (BookProperties.fingerprint, fingerprint),
      ] + extra)
  }
}
