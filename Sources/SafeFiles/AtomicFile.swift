import Glibc

/// Writing one file so that a reader sees either its old content or the new, never half.
///
/// The bytes go to a hidden temporary file beside the target (`.<name>.planbook-tmp-…`),
/// are flushed to the disk, and the temporary file is renamed over the target. A failure
/// (a full disk, a folder in the way) leaves the target as it was and no temporary file.
public enum AtomicFile {
  /// Writes `bytes` to `path`, creating missing folders above it. An existing file's
  /// permissions are kept.
  public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(FileError) {
    let temp = try stage(bytes, beside: path)
    guard rename(temp, path) == 0 else {
      let code = errno
      unlink(temp)
      throw FileError(path: path, errno: code, doing: "replace it")
    }
    Paths.syncFolder(Paths.split(path).parent)
  }

  /// Writes `text` as UTF-8 to `path`; see ``write(_:to:)-(some Collection<UInt8>,_)``.
  public static func write(_ text: String, to path: String) throws(FileError) {
    try write(Array(text.utf8), to: path)
  }

  /// The prefix of the temporary files beside `name`.
  static func temporaryPrefix(_ name: String) -> String { ".\(name).planbook-tmp-" }

  /// Writes `bytes` into a new temporary file beside `path` and returns its path; the caller
  /// renames it into place or removes it.
  static func stage(
    _ bytes: some Collection<UInt8>, beside path: String
  ) throws(FileError)
    -> String
  {
    let (parent, name) = Paths.split(path)
    try Paths.makeFolders(parent)
    if let kind = try Paths.kind(path), kind == S_IFDIR {
      throw FileError(path: path, reason: "is in the way: a folder, not a file")
    }
    let temp = Paths.join(parent, Paths.unique(temporaryPrefix(name)))
    var mode: mode_t = 0o666
    var st = stat()
    if stat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else { throw FileError(path: path, errno: errno, doing: "write it") }
    var failure: Int32 = 0
    if mode != 0o666 { _ = fchmod(fd, mode) }
    let data = Array(bytes)
    data.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = Glibc.write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        done += n
      }
    }
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == 0 { failure = errno }
    guard failure == 0 else {
      unlink(temp)
      throw FileError(path: path, errno: failure, doing: "write it")
    }
    return temp
  }
}
