import Glibc

/// Reading a file whose absence is a normal case, without mistaking any other failure for it.
public enum FileReading {
  /// The bytes of the regular file at `path`, or nil when there is no file there.
  ///
  /// "Not there" is the only case that gives nil. A folder, a FIFO, a device or anything else
  /// that is not a regular file is refused (a FIFO is never waited on), as is a file that
  /// cannot be opened or read, or one larger than `limit` bytes: each throws a ``FileError``
  /// naming the path and why.
  public static func bytesIfPresent(
    _ path: String, limit: Int = 256 << 20
  ) throws(FileError)
    -> [UInt8]?
  {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
      if errno == ENOENT { return nil }
      throw FileError(path: path, errno: errno, doing: "read it")
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw FileError(path: path, errno: errno, doing: "read it") }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw FileError(path: path, reason: "is a folder, not a file")
    case S_IFIFO: throw FileError(path: path, reason: "is a pipe (FIFO), not a regular file")
    default: throw FileError(path: path, reason: "is not a regular file")
    }
    guard Int(st.st_size) <= limit else {
      throw FileError(
        path: path, reason: "is \(st.st_size) bytes long; at most \(limit) are read")
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(st.st_size))
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw FileError(path: path, errno: errno, doing: "read it")
      }
      if n == 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
      guard bytes.count <= limit else {
        throw FileError(path: path, reason: "is larger than \(limit) bytes; at most that is read")
      }
    }
    return bytes
  }
}
