import Foundation
import PlanModel
import SafeFiles
import XlsxReader

/// `planbook verify DIR`: the books of an export folder, checked as one set.
///
/// An export replaces its folder as a whole (``SafeFiles/SetFolder``), so a folder should hold
/// one complete set: every file the last export listed (`.planbook-set`) is there, and every
/// book and overview in it comes from one version of one plan, and none was edited since. A
/// folder that does not is named with what is missing, mixed or edited.
enum VerifyFolder {
  /// The workbooks of `folder` to verify: every `.xlsx` file in it that is not hidden, sorted.
  static func workbooks(in folder: String) throws -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw CLIError.unreadable(folder)
    }
    return names.filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".xlsx") }.sorted()
      .map { URL(fileURLWithPath: folder).appendingPathComponent($0).path }
  }

  /// The line about `folder` as a set, and whether it is one complete set; `results` are the
  /// results of its workbooks.
  static func check(_ folder: String, results: [VerifyCommand.Result]) -> (String, Bool) {
    let listed: Set<String>
    do {
      listed = try SetFolder.list(in: folder)
    } catch {
      return ("\(folder): cannot read its list of books: \(error)", false)
    }
    let books = results.filter { $0.kind == "book" || $0.kind == "overview" }
    let present = Set(results.map { URL(fileURLWithPath: $0.file).lastPathComponent })
    let missing = listed.filter { $0.lowercased().hasSuffix(".xlsx") && !present.contains($0) }
      .sorted()
    var versions: [String: Int] = [:]
    for b in books { versions["\(b.planID ?? "?") \(b.fingerprint ?? "?")", default: 0] += 1 }
    if !missing.isEmpty {
      return (
        "\(folder): not a complete set: \(missing.count) of the books the last export wrote "
          + "\(missing.count == 1 ? "is" : "are") missing (\(missing.prefix(5).joined(separator: ", "))"
          + "\(missing.count > 5 ? ", …" : ""))", false
      )
    }
    if versions.count > 1 {
      let parts = versions.sorted { $0.value > $1.value }.map { key, n in
        let fields = key.split(separator: " ")
        let plan = SafeText.printable(String(fields.first ?? "?"))
        let fp = WorkPlan.shortFingerprint(String(fields.last ?? "?"))
        return "\(n) of \(plan) \(fp)"
      }
      return ("\(folder): a mix of sets: \(parts.joined(separator: ", "))", false)
    }
    let edited = results.filter { $0.status == .edited }
      .map { URL(fileURLWithPath: $0.file).lastPathComponent }
    if !edited.isEmpty {
      return (
        "\(folder): not a clean set: \(edited.count) of its books "
          + "\(edited.count == 1 ? "was" : "were") edited after the export "
          + "(\(edited.prefix(5).joined(separator: ", "))\(edited.count > 5 ? ", …" : ""))", false
      )
    }
    guard let only = books.first else {
      return ("\(folder): holds no PlanBook book", false)
    }
    let n = books.filter { $0.kind == "book" }.count
    let overview = books.contains { $0.kind == "overview" }
    return (
      "\(folder): one set — \(count(n, "book"))\(overview ? " and the overview" : "") of "
        + "\(SafeText.printable(only.planID ?? "?")), fingerprint "
        + WorkPlan.shortFingerprint(only.fingerprint ?? ""), true
    )
  }
}
