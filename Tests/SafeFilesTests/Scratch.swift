import Foundation
import Glibc

/// A scratch folder under the system's temporary folder, removed by `remove()`.
struct Scratch {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "safefiles-\(UUID().uuidString)"
      ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func at(_ name: String) -> String { path + "/" + name }

  func write(_ text: String, _ name: String) throws {
    try FileManager.default.createDirectory(
      atPath: (at(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: at(name)))
  }

  func read(_ name: String) throws -> String {
    try String(contentsOfFile: at(name), encoding: .utf8)
  }

  /// Every name under the folder, hidden ones included, as relative paths, sorted.
  func tree(_ sub: String = "") throws -> [String] {
    let base = sub.isEmpty ? path : at(sub)
    var out: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: base).sorted() {
      let rel = sub.isEmpty ? name : sub + "/" + name
      var st = stat()
      let isDir = lstat(at(rel), &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
      out.append(isDir ? rel + "/" : rel)
      if isDir { out += try tree(rel) }
    }
    return out
  }

  func inode(_ name: String) -> UInt64 {
    var st = stat()
    return lstat(at(name), &st) == 0 ? UInt64(st.st_ino) : 0
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}
