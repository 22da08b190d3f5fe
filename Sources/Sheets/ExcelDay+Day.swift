import ExcelDates
import PlanModel

/// PlanModel's `Day` and the workbooks' `ExcelDay` (module ExcelDates), converted at the
/// boundary: layouts and reports hold `Day`s; Xlsx writes and XlsxReader reads `ExcelDay`s.
extension Day {
  /// The same calendar day as the workbook modules hold it.
  public var excelDay: ExcelDay { ExcelDay(year, month, day) }

  /// The same calendar day as PlanModel holds it.
  public init(_ day: ExcelDay) { self.init(day.year, day.month, day.day) }
}
