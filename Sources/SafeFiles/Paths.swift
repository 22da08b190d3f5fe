import Foundation
import Glibc

/// Small path and file-system helpers over the system calls, with errors as ``FileError``.
enum Paths {
  /// The folder holding `path` and the last component of `path`.
  static func split(_ path: String) -> (parent: String, name: String) {
    var p = path
    while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
    guard let slash = p.lastIndex(of: "/") else { return (".", p) }
    let parent = String(p[..<slash])
    return (parent.isEmpty ? "/" : parent, String(p[p.index(after: slash)...]))
  }

  /// `parent/name`.
  static func join(_ parent: String, _ name: String) -> String {
    parent.hasSuffix("/") ? parent + name : parent + "/" + name
  }

  /// A name no other process picks: `<prefix><pid>-<random>`.
  static func unique(_ prefix: String) -> String {
    "\(prefix)\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
  }

  /// What is at `path`, without following a final symbolic link; nil when nothing is.
  static func kind(_ path: String) throws(FileError) -> mode_t? {
    var st = stat()
    guard lstat(path, &st) == 0 else {
      if errno == ENOENT { return nil }
      throw FileError(path: path, errno: errno)
    }
    return st.st_mode & S_IFMT
  }

  /// The number of hard links of the file at `path` (0 when it cannot be read).
  static func linkCount(_ path: String) -> Int {
    var st = stat()
    guard lstat(path, &st) == 0 else { return 0 }
    return Int(st.st_nlink)
  }

  /// Creates `path` and every missing folder above it.
  static func makeFolders(_ path: String) throws(FileError) {
    if let kind = try kind(path) {
      if kind == S_IFDIR { return }
      if kind == S_IFLNK {
        var st = stat()
        if stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { return }
      }
      throw FileError(path: path, reason: "is in the way: a file, not a folder")
    }
    let (parent, _) = split(path)
    if parent != path { try makeFolders(parent) }
    if mkdir(path, 0o777) != 0 && errno != EEXIST {
      throw FileError(path: path, errno: errno, doing: "create the folder")
    }
  }

  /// The names in the folder at `path` (not `.` and `..`), sorted.
  static func names(in path: String) throws(FileError) -> [String] {
    guard let dir = opendir(path) else { throw FileError(path: path, errno: errno) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Removes the file, symbolic link or (recursively) folder at `path`; nothing there is fine.
  static func remove(_ path: String) throws(FileError) {
    guard let kind = try kind(path) else { return }
    if kind == S_IFDIR {
      for name in try names(in: path) { try remove(join(path, name)) }
      guard rmdir(path) == 0 || errno == ENOENT else { throw FileError(path: path, errno: errno) }
    } else {
      guard unlink(path) == 0 || errno == ENOENT else { throw FileError(path: path, errno: errno) }
    }
  }

  /// Flushes the folder's entries (renames into it) to the disk; failures are ignored, as
  /// some file systems do not sync folders.
  static func syncFolder(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }
}
