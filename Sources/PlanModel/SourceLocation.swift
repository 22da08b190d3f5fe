/// Where a declaration was written: a file (relative to the repository when it can be) and a
/// line. Diagnostics print it as `file:line`.
///
/// Locations are not part of the canonical snapshot; a plan loaded from a snapshot gets
/// locations pointing into the snapshot file.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  /// 1-based; 0 when unknown.
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, or `file` when the line is unknown.
  public var description: String { line > 0 ? "\(file):\(line)" : file }

  /// Shortens an absolute `#filePath` to a repository-relative path: from the last `plans/`,
  /// `Tests/`, `Sources/` or `Benchmarks/` component on (whichever comes last in the path, so a
  /// checkout inside a folder named `plans` still works); otherwise the path unchanged.
  public static func relative(_ path: String) -> String {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    let anchors: Set<Substring> = ["plans", "Tests", "Sources", "Benchmarks"]
    // The last component is the file name, never an anchor.
    guard let i = parts.dropLast().lastIndex(where: { anchors.contains($0) }) else { return path }
    return parts[i...].joined(separator: "/")
  }
}
