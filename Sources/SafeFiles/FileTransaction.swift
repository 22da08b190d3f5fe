import Glibc

/// Several files written all or nothing, under the lock of the folder that holds them.
///
/// ``stage(_:at:)`` writes each new content to a temporary file beside its target, so a full
/// disk fails before anything is replaced. ``commit()`` then renames them into place, one by
/// one, keeping a hard link to each old file; if a rename fails, the files already renamed
/// are put back as they were. A journal (`.planbook-journal` in the folder) lists the renames
/// while they happen, so a run killed in the middle of a commit is rolled back by the next
/// transaction on the folder, before it does anything else.
public final class FileTransaction {
  /// The folder the transaction's files belong to: its lock and journal are there.
  public let folder: String
  private let lock: FolderLock
  private var staged: [(target: String, temp: String)] = []

  /// Takes the lock of `folder` (calling `notice` if it has to wait) and rolls back a commit
  /// that a killed run left half done (calling `notice` to say so).
  public init(folder: String, notice: (String) -> Void = { _ in }) throws(FileError) {
    self.folder = folder
    lock = try FolderLock.acquire(folder, waiting: notice)
    try Paths.makeFolders(folder)
    try recover(notice: notice)
  }

  deinit { discard() }

  /// Rolls back a commit that a killed run left half done in `folder`, if there is one (a
  /// reader calls this before reading the folder, so it never reads half a collect); waits
  /// for a transaction that is running. `notice` says what was undone.
  public static func recoverIfInterrupted(
    _ folder: String, notice: (String) -> Void = { _ in }
  ) throws(FileError) {
    let journal = Paths.join(folder, journalName)
    guard try Paths.kind(journal) != nil else { return }
    _ = try FileTransaction(folder: folder, notice: notice)
  }

  /// The journal's name in the folder.
  static let journalName = ".planbook-journal"

  /// The journal's path.
  var journalPath: String { Paths.join(folder, FileTransaction.journalName) }

  /// Writes `bytes` to a temporary file beside `path`, to be renamed into place by
  /// ``commit()``.
  public func stage(_ bytes: some Collection<UInt8>, at path: String) throws(FileError) {
    staged.append((path, try AtomicFile.stage(bytes, beside: path)))
  }

  /// Stages `text` as UTF-8.
  public func stage(_ text: String, at path: String) throws(FileError) {
    try stage(Array(text.utf8), at: path)
  }

  /// Removes the staged files; nothing is changed.
  public func discard() {
    for s in staged { unlink(s.temp) }
    staged = []
  }

  /// Renames every staged file into place, or none: on a failure the files already renamed
  /// get their old content back (or are removed, if they are new) and the error names the
  /// file that failed. Returns the targets, in staging order.
  @discardableResult
  public func commit() throws(FileError) -> [String] {
    defer { staged = [] }
    var entries: [Entry] = []
    do {
      for s in staged {
        var backup = ""
        if try Paths.kind(s.target) != nil {
          let (parent, name) = Paths.split(s.target)
          backup = Paths.join(parent, Paths.unique(".\(name).planbook-backup-"))
          try keepCopy(of: s.target, at: backup)
        }
        entries.append(Entry(target: s.target, backup: backup, temp: s.temp))
      }
      try AtomicFile.write(Entry.encode(entries), to: journalPath)
    } catch {
      for e in entries where !e.backup.isEmpty { unlink(e.backup) }
      discard()
      throw error
    }
    for (i, e) in entries.enumerated() {
      guard rename(e.temp, e.target) == 0 else {
        let failure = FileError(path: e.target, errno: errno, doing: "replace it")
        roll(back: entries, committed: i)
        unlink(journalPath)
        throw failure
      }
      if i == 0 { FaultPoint.reach("transaction-renamed-first") }
    }
    for e in entries { Paths.syncFolder(Paths.split(e.target).parent) }
    // The commit point: once the journal is gone, the new files stand.
    unlink(journalPath)
    Paths.syncFolder(folder)
    for e in entries where !e.backup.isEmpty { unlink(e.backup) }
    return entries.map(\.target)
  }

  /// Puts back the first `committed` entries and removes the temporary files of the others.
  private func roll(back entries: [Entry], committed: Int) {
    for (i, e) in entries.enumerated() {
      if i < committed {
        if e.backup.isEmpty { unlink(e.target) } else { rename(e.backup, e.target) }
      } else {
        unlink(e.temp)
        if !e.backup.isEmpty { unlink(e.backup) }
      }
    }
  }

  /// A hard link to `path` at `backup`, or a copy where the file system has no hard links.
  private func keepCopy(of path: String, at backup: String) throws(FileError) {
    if link(path, backup) == 0 { return }
    guard let bytes = try FileReading.bytesIfPresent(path) else { return }
    let temp = try AtomicFile.stage(bytes, beside: path)
    guard rename(temp, backup) == 0 else {
      let code = errno
      unlink(temp)
      throw FileError(path: path, errno: code, doing: "keep a copy of it")
    }
  }

  /// Rolls back what a killed commit left (a journal), then removes the temporary and
  /// backup files killed runs left in the folder and its subfolders.
  private func recover(notice: (String) -> Void) throws(FileError) {
    if let bytes = try FileReading.bytesIfPresent(journalPath) {
      let entries = Entry.decode(bytes)
      // A rename is done when its temporary file is gone.
      let committed = entries.prefix { access($0.temp, F_OK) != 0 }.count
      roll(back: entries, committed: committed)
      unlink(journalPath)
      Paths.syncFolder(folder)
      if committed > 0 {
        notice(
          "an earlier run was stopped while writing into \(folder); its changes to "
            + entries.prefix(committed).map { Paths.split($0.target).name }.joined(separator: ", ")
            + " were undone")
      }
    }
    var folders = [folder]
    for name in try Paths.names(in: folder)
    where try Paths.kind(Paths.join(folder, name)) == S_IFDIR {
      folders.append(Paths.join(folder, name))
    }
    for f in folders {
      for name in try Paths.names(in: f)
      where name.hasPrefix(".")
        && (name.contains(".planbook-tmp-") || name.contains(".planbook-backup-"))
      {
        unlink(Paths.join(f, name))
      }
    }
  }

  /// One file of a commit, as the journal lists it.
  struct Entry {
    var target: String
    /// The hard link keeping the old content; empty when the target is new.
    var backup: String
    var temp: String

    /// Fields end with NUL (no path holds one), three per entry.
    static func encode(_ entries: [Entry]) -> [UInt8] {
      var bytes: [UInt8] = []
      for e in entries {
        for field in [e.target, e.backup, e.temp] { bytes += Array(field.utf8) + [0] }
      }
      return bytes
    }

    static func decode(_ bytes: [UInt8]) -> [Entry] {
      let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
      }
      return stride(from: 0, to: fields.count - 2, by: 3).map {
        Entry(target: fields[$0], backup: fields[$0 + 1], temp: fields[$0 + 2])
      }
    }
  }
}
