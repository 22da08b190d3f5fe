import Foundation

extension PlanBook {
  /// `arguments` without `--root DIR` (or `--root=DIR`), which any command accepts: it sets
  /// `PLANBOOK_ROOT` to DIR, made absolute, for this run, so the command uses that plans
  /// repository.
  public static func takingRoot(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      if a == "--" {
        out += arguments[i...]
        break
      }
      var value: String? = nil
      if a == "--root", i + 1 < arguments.count {
        value = arguments[i + 1]
        i += 1
      } else if a.hasPrefix("--root=") {
        value = String(a.dropFirst("--root=".count))
      }
      if let value {
        let absolute = URL(
          fileURLWithPath: value,
          relativeTo: URL(
            fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        ).standardizedFileURL.path
        setenv("PLANBOOK_ROOT", absolute, 1)
      } else {
        out.append(a)
      }
      i += 1
    }
    return out
  }
}
