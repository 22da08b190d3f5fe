import Glibc

/// An advisory lock (`flock`) on a folder that PlanBook writes, so that two runs never write
/// into it at the same time.
///
/// The lock file sits beside the folder, `.<name>.planbook-lock`, so that the folder itself
/// can be replaced as a whole while the lock is held; it is removed when the lock is
/// released. The system releases the lock when the process ends, however it ends (`kill -9`
/// included): a lock is never left stale (a file left by a killed run is simply locked anew).
public final class FolderLock {
  private var fd: Int32
  /// The lock file's path.
  public let path: String

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit { release() }

  /// The lock file of `folder`.
  public static func lockPath(of folder: String) -> String {
    let (parent, name) = Paths.split(folder)
    return Paths.join(parent, ".\(name).planbook-lock")
  }

  /// Takes the lock of `folder`, creating the folders above it. When another process holds
  /// it, `waiting` is called once with a sentence naming that process, and the call waits
  /// until it is free.
  ///
  /// `file` puts the lock file elsewhere than beside the folder (inside it, where the folder
  /// is a mount point).
  public static func acquire(
    _ folder: String, file: String? = nil, waiting: (String) -> Void = { _ in }
  ) throws(FileError) -> FolderLock {
    let path = file ?? lockPath(of: folder)
    try Paths.makeFolders(Paths.split(path).parent)
    var told = false
    while true {
      let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
      guard fd >= 0 else {
        throw FileError(path: path, errno: errno, doing: "create the lock file")
      }
      if flock(fd, LOCK_EX | LOCK_NB) != 0 {
        guard errno == EWOULDBLOCK else {
          let code = errno
          close(fd)
          throw FileError(path: path, errno: code, doing: "lock it")
        }
        if !told {
          told = true
          var buffer = [UInt8](repeating: 0, count: 32)
          let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
          let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).filter(\.isNumber) : ""
          waiting(
            "waiting: another planbook\(pid.isEmpty ? "" : " (pid \(pid))") is writing into "
              + folder)
        }
        while flock(fd, LOCK_EX) != 0 {
          guard errno == EINTR else {
            let code = errno
            close(fd)
            throw FileError(path: path, errno: code, doing: "lock it")
          }
        }
      }
      // The holder before us removes the file when it is done: the lock counts only if the
      // file we locked is still the one at the path.
      var held = stat()
      var named = stat()
      if fstat(fd, &held) == 0 && stat(path, &named) == 0 && held.st_dev == named.st_dev
        && held.st_ino == named.st_ino
      {
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return FolderLock(fd: fd, path: path)
      }
      close(fd)
    }
  }

  /// Releases the lock and removes its file (also done when the value goes away).
  public func release() {
    guard fd >= 0 else { return }
    unlink(path)
    close(fd)
    fd = -1
  }
}
