import ArgumentParser
import PlanModel

/// The date and period options (`--as-of`, `--period`), parsed in the forms people type
/// (``PlanModel/Day/init(typed:)`` (`Day` of CalendarDays), ``PlanModel/ReportingPeriod/init(typed:)``), each with one
/// message: `validate()` calls these to refuse a bad value with the usage (exit 64), and
/// `run()` calls them again for the value, which can then no longer fail.
enum TypedOptions {
  /// The day `text` names; a `ValidationError` naming `option` when it names none.
  static func day(_ text: String, option: String = "--as-of") throws -> Day {
    guard let day = Day(typed: text) else {
      throw ValidationError(
        "\(option) '\(text)' is not a date (write 2020-09-30, 2020/9/30 or 2020年9月30日)")
    }
    return day
  }

  /// The month, quarter, half-year or year `text` names.
  static func period(_ text: String, option: String = "--period") throws -> ReportingPeriod {
    guard let period = ReportingPeriod(typed: text) else {
      throw ValidationError(
        "\(option) '\(text)' is not a month (2020-09), a quarter (2020Q3), a half-year (2020H1) "
          + "or a year (2020)")
    }
    return period
  }

  /// The month `text` names (a quarter or a year is refused: reports are monthly).
  static func month(_ text: String, option: String = "--period") throws -> ReportingPeriod {
    guard let month = ReportingPeriod(typed: text), case .month = month else {
      throw ValidationError("\(option) '\(text)' is not a month (write 2020-09 or 2020年9月)")
    }
    return month
  }
}
