internal import CXlsxWriter

/// Runs `body` with the calling thread's `LC_NUMERIC` set to "C" (other categories unchanged),
/// then restores the thread's locale. Per thread (`uselocale`), so books written in parallel do
/// not disturb one another or the rest of the process.
func withCNumericLocale<T>(_ body: () throws -> T) throws -> T {
  guard let c = planbook_numeric_c_locale() else {
    throw XlsxError(
      operation: "set LC_NUMERIC to C", message: "could not create the C numeric locale")
  }
  let previous = planbook_use_locale(c)
  defer {
    _ = planbook_use_locale(previous)
    planbook_free_locale(c)
  }
  return try body()
}
