/// `Day`, the calendar day of every plan date, lives in CalendarDays so that the workbook
/// modules (Xlsx, XlsxReader) share it without importing the plan's model; every module that
/// imports PlanModel sees it as PlanModel's own.
@_exported public import CalendarDays
