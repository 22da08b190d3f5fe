import Glibc

/// A folder of files that are replaced together, as one set: a reader sees the complete old
/// set or the complete new one, never a mix.
///
/// The new files are written into a hidden folder beside the target
/// (`.<name>.planbook-set-…`); everything else in the target folder is carried over (files as
/// hard links, folders moved); then the two folders are exchanged in one step
/// (`renameat2(RENAME_EXCHANGE)`) and the old one is removed. While this runs the folder's
/// ``FolderLock`` is held, so a second writer waits.
///
/// Each set folder holds a list of the files PlanBook wrote into it (`.planbook-set`). A
/// hidden folder left beside the target by a killed run is removed by the next run: the
/// files it lists and the links to files that live on are deleted; anything else (a file
/// someone saved into the folder at that moment) is moved back into the target, never lost.
///
/// Where the folder cannot be swapped — it is a mount point (a USB stick), the folder above it
/// cannot be written, or the file system cannot exchange two folders (FAT, some network file
/// systems) — the new files are still all written before any is moved, then moved in one at a
/// time (the staging folder and the lock inside the folder where it is a mount point), and
/// ``Outcome/wholeSet`` is false.
public enum SetFolder {
  /// The name of the list of files PlanBook wrote into a set folder.
  public static let listName = ".planbook-set"

  /// What a replacement did.
  public struct Outcome: Sendable {
    /// The paths of the new files, in the order given.
    public var written: [String]
    /// Whether the folder was replaced in one step (false: moved in one file at a time).
    public var wholeSet: Bool
  }

  /// Replaces the files `names` of `folder` (created if missing) with those `write` writes into
  /// the staging folder it is given, and removes the files `dropping` names (it is called with
  /// the folder's path once the folder is locked, and only when the folder exists). Other
  /// entries of the folder are kept. When `write` or `dropping` throws, nothing is changed.
  /// `notice` gets sentences about waiting for another writer and about what an earlier killed
  /// run left.
  public static func replace(
    _ folder: String, names: [String],
    dropping select: (String) throws -> Set<String> = { _ in [] },
    notice: (String) -> Void = { _ in }, write: (String) throws -> Void
  ) throws -> Outcome {
    var folder = folder
    if try Paths.kind(folder) == S_IFLNK, let real = realpath(folder, nil) {
      folder = String(cString: real)
      free(real)
    }
    if let kind = try Paths.kind(folder), kind != S_IFDIR {
      throw FileError(path: folder, reason: "cannot create the folder: a file is in its place")
    }
    let (parent, name) = Paths.split(folder)
    try Paths.makeFolders(parent)
    if try mustStageInside(folder) {
      return try replaceInside(
        folder, names: names, dropping: select, notice: notice, write: write)
    }
    let lock = try FolderLock.acquire(folder, waiting: notice)
    defer { lock.release() }
    try removeStale(beside: folder, notice: notice)

    let staging = Paths.join(parent, Paths.unique(".\(name).planbook-set-"))
    guard mkdir(staging, 0o777) == 0 else {
      throw FileError(path: staging, errno: errno, doing: "create the folder")
    }
    var carried: [String] = []
    var moved: [String] = []
    do {
      try writeList(names, in: staging)
      try write(staging)
      let exists = try Paths.kind(folder) != nil
      let dropping = exists ? try select(folder) : []
      let replaced = Set(names).union(dropping)
      var list = names
      if exists {
        let old = try readList(in: folder)
        // The old folder's list names everything of it this run replaces or drops, so a
        // killed run's leftover is cleaned with certainty.
        try writeList(
          old.union(try Paths.names(in: folder).filter(replaced.contains)).sorted(), in: folder)
        for entry in try Paths.names(in: folder)
        where entry != listName && !replaced.contains(entry) && !isLeftover(entry) {
          let from = Paths.join(folder, entry)
          let to = Paths.join(staging, entry)
          switch try Paths.kind(from) {
          case S_IFREG?:
            try carry(from, to: to)
            carried.append(entry)
          case S_IFLNK?:
            try copyLink(from, to: to)
            carried.append(entry)
          case .some:
            guard rename(from, to) == 0 else {
              throw FileError(path: from, errno: errno, doing: "keep it")
            }
            moved.append(entry)
          case nil: break
          }
        }
        list += carried.filter(old.contains)
        var st = stat()
        if stat(folder, &st) == 0 { chmod(staging, st.st_mode & 0o7777) }
      }
      try writeList(list.sorted(), in: staging)
      FaultPoint.reach("set-written")

      if !exists && rename(staging, folder) == 0 {
        Paths.syncFolder(parent)
        return Outcome(written: names.map { Paths.join(folder, $0) }, wholeSet: true)
      }
      if exchange(staging, folder) {
        Paths.syncFolder(parent)
        FaultPoint.reach("set-exchanged")
        // `staging` now holds the old set.
        do {
          try cleanStale(staging, target: folder, notice: notice)
        } catch {
          notice(
            "the old set in \(staging) could not be removed (\(error)); the next run removes it")
        }
        return Outcome(written: names.map { Paths.join(folder, $0) }, wholeSet: true)
      }
      // One file at a time: the file system cannot exchange folders.
      for entry in moved { rename(Paths.join(staging, entry), Paths.join(folder, entry)) }
      moved = []
      for entry in names {
        guard rename(Paths.join(staging, entry), Paths.join(folder, entry)) == 0 else {
          throw FileError(path: Paths.join(folder, entry), errno: errno, doing: "replace it")
        }
      }
      for entry in dropping { unlink(Paths.join(folder, entry)) }
      rename(Paths.join(staging, listName), Paths.join(folder, listName))
      try Paths.remove(staging)
      return Outcome(written: names.map { Paths.join(folder, $0) }, wholeSet: false)
    } catch {
      for entry in moved { rename(Paths.join(staging, entry), Paths.join(folder, entry)) }
      do {
        try Paths.remove(staging)
      } catch let cleanup {
        notice("\(cleanup); the next run removes it")
      }
      throw error
    }
  }

  /// Whether the folder can only be written from inside: it is a mount point (a USB stick,
  /// say: a folder beside it is on another file system) or the folder above it cannot be
  /// written.
  static func mustStageInside(_ folder: String) throws(FileError) -> Bool {
    var own = stat()
    var above = stat()
    guard stat(folder, &own) == 0 else { return false }
    guard stat(Paths.split(folder).parent, &above) == 0 else {
      throw FileError(path: Paths.split(folder).parent, errno: errno)
    }
    return own.st_dev != above.st_dev || access(Paths.split(folder).parent, W_OK) != 0
  }

  /// The replacement for a folder that cannot be swapped: the lock and the staging folder
  /// inside it, the new files moved in one at a time once all are written.
  static func replaceInside(
    _ folder: String, names: [String], dropping select: (String) throws -> Set<String>,
    notice: (String) -> Void, write: (String) throws -> Void
  ) throws -> Outcome {
    let lock = try FolderLock.acquire(
      folder, file: Paths.join(folder, ".planbook-lock"), waiting: notice)
    defer { lock.release() }
    for entry in try Paths.names(in: folder) where isLeftover(entry) {
      try Paths.remove(Paths.join(folder, entry))
    }
    let staging = Paths.join(folder, Paths.unique(".planbook-set-"))
    guard mkdir(staging, 0o777) == 0 else {
      throw FileError(path: staging, errno: errno, doing: "create the folder")
    }
    do {
      try write(staging)
      let dropping = try select(folder)
      let old = try readList(in: folder)
      let present = Set(try Paths.names(in: folder))
      for entry in names {
        guard rename(Paths.join(staging, entry), Paths.join(folder, entry)) == 0 else {
          throw FileError(path: Paths.join(folder, entry), errno: errno, doing: "replace it")
        }
      }
      for entry in dropping { unlink(Paths.join(folder, entry)) }
      let kept = old.filter { present.contains($0) && !dropping.contains($0) }
      try writeList(Array(Set(names).union(kept)).sorted(), in: folder)
      try Paths.remove(staging)
      return Outcome(written: names.map { Paths.join(folder, $0) }, wholeSet: false)
    } catch {
      do {
        try Paths.remove(staging)
      } catch let cleanup {
        notice("\(cleanup); the next run removes it")
      }
      throw error
    }
  }

  /// Whether `entry` of a folder is what an earlier PlanBook run left there: a staging folder
  /// of the versions that staged inside the target, a temporary file.
  static func isLeftover(_ entry: String) -> Bool {
    entry.hasPrefix(".planbook-export-") || entry.hasPrefix(".planbook-templates-")
      || entry.hasPrefix(".planbook-set-")
      || (entry.hasPrefix(".") && entry.contains(".planbook-tmp-"))
  }

  /// Removes the hidden set folders that killed runs left beside `folder`, and the leftovers
  /// of earlier versions inside it. Call with the folder's lock held.
  static func removeStale(beside folder: String, notice: (String) -> Void) throws(FileError) {
    let (parent, name) = Paths.split(folder)
    for entry in try Paths.names(in: parent) where entry.hasPrefix(".\(name).planbook-set-") {
      try cleanStale(Paths.join(parent, entry), target: folder, notice: notice)
    }
    if try Paths.kind(folder) == S_IFDIR {
      for entry in try Paths.names(in: folder) where isLeftover(entry) {
        try Paths.remove(Paths.join(folder, entry))
      }
    }
  }

  /// Removes a set folder that is no longer the target: the files PlanBook wrote into it
  /// and links to files that live on go; anything else goes back into `target` (or, when its
  /// name is taken there, the folder is kept and `notice` says so).
  static func cleanStale(
    _ stale: String, target: String, notice: (String) -> Void
  )
    throws(FileError)
  {
    let entries = try Paths.names(in: stale)
    guard entries.contains(listName) else {
      // Killed before its list was written: nothing but what the run was writing.
      try Paths.remove(stale)
      return
    }
    let list = try readList(in: stale)
    var kept: [String] = []
    for entry in entries where entry != listName {
      let path = Paths.join(stale, entry)
      let kind = try Paths.kind(path)
      if list.contains(entry) || isLeftover(entry)
        || (kind == S_IFREG && Paths.linkCount(path) > 1)
        || sameEntry(path, Paths.join(target, entry))
      {
        try Paths.remove(path)
      } else if try Paths.kind(target) == S_IFDIR, try Paths.kind(Paths.join(target, entry)) == nil,
        rename(path, Paths.join(target, entry)) == 0
      {
        continue
      } else {
        kept.append(entry)
      }
    }
    if kept.isEmpty {
      try Paths.remove(stale)
    } else {
      notice(
        "kept \(stale): it holds \(kept.joined(separator: ", ")), which PlanBook did not write "
          + "and which \(target) has under the same name")
    }
  }

  /// Whether `a` is a copy of `b` (as entries are carried over where hard links are not
  /// available): symbolic links to the same place, or regular files with the same bytes.
  static func sameEntry(_ a: String, _ b: String) -> Bool {
    guard let kind = try? Paths.kind(a), kind == (try? Paths.kind(b)) else { return false }
    switch kind {
    case S_IFLNK: return linkTarget(a) != nil && linkTarget(a) == linkTarget(b)
    case S_IFREG:
      guard let x = try? FileReading.bytesIfPresent(a), let y = try? FileReading.bytesIfPresent(b)
      else { return false }
      return x == y
    default: return false
    }
  }

  /// Where the symbolic link at `path` points.
  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(path, &buffer, buffer.count - 1)
    guard n >= 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Exchanges two folders in one step; false when the system or file system cannot.
  static func exchange(_ a: String, _ b: String) -> Bool {
    typealias RenameAt2 =
      @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else {
      return false
    }
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let renameExchange: UInt32 = 1 << 1
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
  }

  /// A hard link to `from` at `to`, or a copy where the file system has none.
  static func carry(_ from: String, to: String) throws(FileError) {
    if link(from, to) == 0 { return }
    guard let bytes = try FileReading.bytesIfPresent(from) else { return }
    try AtomicFile.write(bytes, to: to)
  }

  /// The symbolic link `from` made again at `to`.
  static func copyLink(_ from: String, to: String) throws(FileError) {
    guard let target = linkTarget(from) else {
      throw FileError(path: from, errno: errno, doing: "keep it")
    }
    guard symlink(target, to) == 0 else {
      throw FileError(path: from, errno: errno, doing: "keep it")
    }
  }

  /// The files the last replacement of `folder` wrote into it (its `.planbook-set`); empty
  /// when it has no list.
  public static func list(in folder: String) throws(FileError) -> Set<String> {
    try readList(in: folder)
  }

  /// The list of files PlanBook wrote into `folder`; empty when there is none.
  static func readList(in folder: String) throws(FileError) -> Set<String> {
    guard let bytes = try FileReading.bytesIfPresent(Paths.join(folder, listName)) else {
      return []
    }
    return Set(
      bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
  }

  /// Writes the list of files PlanBook wrote into `folder`.
  static func writeList(_ names: [String], in folder: String) throws(FileError) {
    try AtomicFile.write(names.map { $0 + "\n" }.joined(), to: Paths.join(folder, listName))
  }
}
