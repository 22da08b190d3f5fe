import Foundation

/// A tiny file system (a tmpfs of a few hundred kilobytes) mounted on a fresh temporary folder,
/// to see what a full disk does. Mounting needs root (the CI runs as root); where it is not
/// possible, ``unavailable`` says why and tests that need one are skipped.
public struct SmallDisk: Sendable {
  public let url: URL
  public var path: String { url.path }

  /// Mounts a tmpfs of `kilobytes` on a new temporary folder.
  public init(kilobytes: Int) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("planbook-disk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let result = try Shell.run([
      "mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path,
    ])
    guard result.status == 0 else {
      try? FileManager.default.removeItem(at: url)
      throw SupportError("mount -t tmpfs failed: \(result.stderr)")
    }
  }

  /// Fills the disk to the last byte with a file named `name`.
  public func fill(_ name: String = "filler") throws {
    _ = try Shell.run([
      "dd", "if=/dev/zero", "of=\(url.appendingPathComponent(name).path)", "bs=4k",
    ])
  }

  /// Unmounts the disk and removes its folder. Lazily: after a failed write libxlsxwriter
  /// 1.1.4 can keep a temporary file of the disk open until the process ends, which would
  /// make a plain unmount fail as busy.
  public func remove() {
    _ = try? Shell.run(["umount", "-l", url.path])
    try? FileManager.default.removeItem(at: url)
  }

  /// Why no small disk can be mounted here, or nil when one can (tried once).
  public static let unavailable: String? = {
    do {
      let disk = try SmallDisk(kilobytes: 64)
      disk.remove()
      return nil
    } catch {
      return "no tmpfs can be mounted here (\(error)); the full-disk tests need root"
    }
  }()
}
