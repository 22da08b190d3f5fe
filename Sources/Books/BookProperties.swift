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

  /// The version of the book layout and of these properties.
  public static let currentSchemaVersion = 1
}
