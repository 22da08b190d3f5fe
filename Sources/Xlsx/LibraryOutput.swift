import Foundation

/// Keeps libxlsxwriter's own messages off the terminal. libxlsxwriter 1.1.4 prints every
/// problem to stderr as it happens (`[ERROR][packager.c:1541]: Error in closing member…`,
/// `[WARNING]: …`): a full disk during an export gave 84 such lines. The bridge reports the
/// first failure itself, through ``XlsxError``, so those lines are only noise.
///
/// How, and why this way: stderr is one file descriptor for the whole process, and books are
/// written on several threads at once, so a per-call redirection cannot work (one writer
/// would restore fd 2 while another is still writing), and pointing fd 2 at `/dev/null` would
/// also swallow whatever other threads print meanwhile (a test's report, a warning). Instead,
/// while at least one workbook is being written (a count under a lock: the first writer in
/// redirects, the last one out restores), fd 2 is a pipe, and a reader thread passes every
/// line through to the real stderr except libxlsxwriter's own (`[ERROR]…`, `[WARNING]…`).
/// The last writer out waits until the reader has handled everything written before it
/// restored fd 2, so nothing printed during a write is lost or printed after what follows
/// it. Child processes started meanwhile inherit the pipe; the reader lives as long as the
/// process, so their output still goes through. If the pipe or the reader thread cannot be
/// made, stderr is left alone (libxlsxwriter's lines then show, as before).
final class LibraryOutput: @unchecked Sendable {
  /// The one filter of the process.
  static let shared = LibraryOutput()

  /// Guards everything below but `seen`/`drained`.
  private let lock = NSLock()
  /// How many workbooks are being written.
  private var writers = 0
  /// The real stderr, duplicated once (close-on-exec): where the reader forwards lines.
  private var original: Int32 = -1
  /// The pipe's ends (close-on-exec); -1 until the filter is set up.
  private var pipeRead: Int32 = -1
  private var pipeWrite: Int32 = -1
  private var failed = false
  /// Markers written and seen: the last writer out writes one after restoring fd 2 and waits
  /// until the reader has seen it.
  private var sent = 0
  private let drained = NSCondition()
  private var seen = 0
  /// How many of libxlsxwriter's lines were held back (under `drained`).
  private var heldLines = 0

  /// How many of libxlsxwriter's lines have been held back so far.
  var held: Int {
    drained.lock()
    defer { drained.unlock() }
    return heldLines
  }

  private static let marker = Array("\u{0}planbook-stderr-marker\n".utf8)

  /// Runs `body` with libxlsxwriter's messages kept off stderr.
  func silencing<T>(_ body: () throws -> T) rethrows -> T {
    begin()
    defer { end() }
    return try body()
  }

  private func begin() {
    lock.lock()
    defer { lock.unlock() }
    writers += 1
    guard writers == 1, setUp() else { return }
    fflush(nil)
    _ = dup2(pipeWrite, STDERR_FILENO)
  }

  private func end() {
    lock.lock()
    defer { lock.unlock() }
    writers -= 1
    guard writers == 0, pipeWrite >= 0 else { return }
    fflush(nil)
    _ = dup2(original, STDERR_FILENO)
    // Everything written to the pipe before this marker is handled once the reader sees it.
    sent += 1
    let target = sent
    Self.marker.withUnsafeBytes { bytes in
      _ = write(pipeWrite, bytes.baseAddress, bytes.count)
    }
    drained.lock()
    while seen < target { drained.wait() }
    drained.unlock()
  }

  /// Makes the pipe and starts the reader, once; false when that is impossible.
  private func setUp() -> Bool {
    if pipeWrite >= 0 { return true }
    guard !failed else { return false }
    failed = true
    let saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
    guard saved >= 0 else { return false }
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
      close(saved)
      return false
    }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    original = saved
    pipeRead = ends[0]
    pipeWrite = ends[1]
    let thread = Thread { [self] in self.forward() }
    thread.name = "libxlsxwriter stderr filter"
    thread.start()
    failed = false
    return true
  }

  /// The reader: line by line, libxlsxwriter's lines held back, the rest written to the real
  /// stderr, markers counted.
  private func forward() {
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(pipeRead, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return }
      pending.append(contentsOf: buffer[0..<count])
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(pending[...newline])
        pending.removeSubrange(...newline)
        handle(line)
      }
    }
  }

  private func handle(_ line: [UInt8]) {
    if line.count >= Self.marker.count, Array(line.suffix(Self.marker.count)) == Self.marker {
      // A marker, perhaps after a line another writer left unfinished: pass that part on.
      emit(Array(line.dropLast(Self.marker.count)))
      drained.lock()
      seen += 1
      drained.broadcast()
      drained.unlock()
      return
    }
    if Self.isLibraryMessage(line) {
      drained.lock()
      heldLines += 1
      drained.unlock()
      return
    }
    emit(line)
  }

  private func emit(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { write(original, $0.baseAddress, $0.count) }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { return }
      offset += n
    }
  }

  /// libxlsxwriter's lines: `[ERROR]…` and `[WARNING]…` (its only two prefixes in 1.1.4).
  static func isLibraryMessage(_ line: [UInt8]) -> Bool {
    line.starts(with: Array("[ERROR]".utf8)) || line.starts(with: Array("[WARNING]".utf8))
  }
}
