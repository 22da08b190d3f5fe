/// The caps a read stays within, so that a hostile file can cost only bounded time and memory.
///
/// The defaults are far above any workbook PlanBook writes and far below what would hurt the
/// machine. Tests pass smaller ones.
public struct ReadLimits: Sendable, Hashable {
  /// The largest file accepted, in bytes (compressed, as it lies on disk).
  public var maxFileSize: Int
  /// The most bytes one entry may expand to, whether its header says so or not.
  public var maxEntrySize: Int
  /// The most bytes all the entries read may expand to together.
  public var maxTotalSize: Int
  /// The most entries the archive may list.
  public var maxEntries: Int
  /// The most cells one sheet may hold (empty styled cells count), checked while the sheet is
  /// scanned: reading stops at the first cell past it. The same number bounds a sheet's merged
  /// ranges, the workbook's shared strings and its cell formats, so that nothing read from a
  /// sheet grows with the size of a hostile part.
  public var maxCells: Int

  /// Caps of the given sizes.
  public init(
    maxFileSize: Int = 50 << 20, maxEntrySize: Int = 64 << 20, maxTotalSize: Int = 256 << 20,
    maxEntries: Int = 10_000, maxCells: Int = 200_000
  ) {
    self.maxFileSize = maxFileSize
    self.maxEntrySize = maxEntrySize
    self.maxTotalSize = maxTotalSize
    self.maxEntries = maxEntries
    self.maxCells = maxCells
  }

  /// 50 MB on disk, 64 MB per entry, 256 MB in all, 10 000 entries, 200 000 cells a sheet.
  public static let `default` = ReadLimits()
}

/// `50 MB`, `1.5 MB`, `390 KB`, `812 bytes`: a size for a message (rounded down).
func sizeText(_ bytes: Int) -> String {
  let mebibyte = 1 << 20
  if bytes < 10 << 10 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
  if bytes < mebibyte { return "\(bytes >> 10) KB" }
  let tenths = bytes / (mebibyte / 10)
  return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
}
