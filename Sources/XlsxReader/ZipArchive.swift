/// A zip archive held in memory, read by its central directory, every offset checked.
///
/// Only what xlsx files use is taken: one disk, stored and deflated entries, no encryption, no
/// ZIP64 (a workbook over 4 GB is far past the caps anyway). Deflated entries are decoded by
/// ``Inflater``, bounded by the entry's compressed size and by the caps.
struct ZipArchive {
  /// One entry of the central directory.
  struct Entry {
    var name: String
    var method: Int
    var flags: Int
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int

    var isDirectory: Bool { name.hasSuffix("/") }
  }

  let path: String
  let bytes: [UInt8]
  let limits: ReadLimits
  /// The entries, in central-directory order.
  private(set) var entries: [Entry] = []
  /// Entry index by lowercased name: OPC part names are case-insensitive.
  private var index: [String: Int] = [:]
  /// Offset of the central directory: entry data must lie before it.
  private var directoryOffset = 0

  init(path: String, bytes: [UInt8], limits: ReadLimits) throws(XlsxReadError) {
    self.path = path
    self.bytes = bytes
    self.limits = limits
    try readDirectory()
  }

  private func error(
    _ kind: XlsxReadError.Kind, _ message: String, part: String? = nil
  )
    -> XlsxReadError
  {
    XlsxReadError(path: path, kind: kind, part: part, message: message)
  }

  private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
  private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

  private static let endSignature = 0x0605_4B50
  private static let zip64LocatorSignature = 0x0706_4B50
  private static let directorySignature = 0x0201_4B50
  private static let localSignature = 0x0403_4B50

  /// Finds the end-of-central-directory record and reads the directory.
  private mutating func readDirectory() throws(XlsxReadError) {
    let n = bytes.count
    guard n > 0 else { throw error(.notZip, "empty file (0 bytes), not an xlsx workbook") }
    if n >= 8, bytes[0..<8].elementsEqual([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw error(
        .notZip,
        "an OLE compound file (a legacy .xls, or a password-protected workbook), "
          + "not an xlsx zip archive")
    }
    var end: Int?
    if n >= 22 {
      var at = n - 22
      let lowest = max(0, n - 22 - 0xFFFF)
      while at >= lowest {
        if u32(at) == ZipArchive.endSignature, at + 22 + u16(at + 20) <= n {
          end = at
          break
        }
        at -= 1
      }
    }
    guard let end else {
      if n >= 4, u32(0) == ZipArchive.localSignature {
        throw error(
          .corruptZip,
          "truncated or damaged zip archive: it has no end-of-central-directory record")
      }
      throw error(.notZip, "not an xlsx workbook: not a zip archive")
    }
    if end >= 20, u32(end - 20) == ZipArchive.zip64LocatorSignature {
      throw error(.unsupported, "a ZIP64 archive, which this reader does not take")
    }
    let disk = u16(end + 4)
    let directoryDisk = u16(end + 6)
    let entriesOnDisk = u16(end + 8)
    let entryCount = u16(end + 10)
    let directorySize = u32(end + 12)
    let directoryOffset = u32(end + 16)
    guard disk == 0, directoryDisk == 0, entriesOnDisk == entryCount else {
      throw error(.unsupported, "a split (multi-disk) zip archive")
    }
    guard entryCount != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF
    else { throw error(.unsupported, "a ZIP64 archive, which this reader does not take") }
    guard entryCount <= limits.maxEntries else {
      throw error(
        .tooManyEntries,
        "the archive lists \(entryCount) entries; the limit is \(limits.maxEntries)")
    }
    guard directoryOffset + directorySize <= end else {
      throw error(
        .corruptZip,
        "truncated or damaged zip archive: the central directory lies outside the file")
    }
    self.directoryOffset = directoryOffset

    var at = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    for number in 1..<(entryCount + 1) {
      guard at + 46 <= directoryEnd, u32(at) == ZipArchive.directorySignature else {
        throw error(
          .corruptZip,
          "damaged zip archive: central directory entry \(number) of \(entryCount) is not there")
      }
      let nameLength = u16(at + 28)
      let extraLength = u16(at + 30)
      let commentLength = u16(at + 32)
      let next = at + 46 + nameLength + extraLength + commentLength
      guard next <= directoryEnd else {
        throw error(
          .corruptZip, "damaged zip archive: central directory entry \(number) runs past its end")
      }
      let entry = Entry(
        name: ZipArchive.name(bytes[(at + 46)..<(at + 46 + nameLength)]),
        method: u16(at + 10), flags: u16(at + 8), crc: UInt32(u32(at + 16)),
        compressedSize: u32(at + 20), uncompressedSize: u32(at + 24),
        localHeaderOffset: u32(at + 42))
      if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF
        || entry.localHeaderOffset == 0xFFFF_FFFF
      {
        throw error(
          .unsupported, "a ZIP64 entry, which this reader does not take", part: entry.name)
      }
      let key = entry.name.lowercased()
      guard index[key] == nil else {
        throw error(.corruptZip, "the archive holds two entries of this name", part: entry.name)
      }
      index[key] = entries.count
      entries.append(entry)
      at = next
    }
  }

  /// An entry name: UTF-8 when it is valid UTF-8, else each byte as a Latin-1 character.
  private static func name(_ raw: ArraySlice<UInt8>) -> String {
    if isValidUTF8(raw) { return String(decoding: raw, as: UTF8.self) }
    return String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
  }

  /// The entry called `name`, compared without regard to case.
  func entry(_ name: String) -> Entry? {
    index[name.lowercased()].map { entries[$0] }
  }

  /// The uncompressed bytes of `entry`, at most `cap` of them (the smaller of the per-entry cap
  /// and what is left of the total), checked against the entry's size and CRC.
  func contents(of entry: Entry, cap: Int, capIsTotal: Bool) throws(XlsxReadError) -> [UInt8] {
    let part = entry.name
    guard entry.flags & 1 == 0 else {
      throw error(
        .unsupported, "the entry is encrypted; password-protected workbooks are not supported",
        part: part)
    }
    let limitText =
      capIsTotal
      ? "the entries read expand to more than \(sizeText(limits.maxTotalSize)) in all (the limit)"
      : "the entry expands to more than \(sizeText(cap)) (the limit for one entry)"
    guard entry.uncompressedSize <= cap else {
      throw error(
        .tooLarge,
        capIsTotal
          ? "the entry declares \(sizeText(entry.uncompressedSize)) uncompressed, which takes "
            + "the entries read past \(sizeText(limits.maxTotalSize)) in all (the limit)"
          : "the entry declares \(sizeText(entry.uncompressedSize)) uncompressed; "
            + "the limit for one entry is \(sizeText(cap))", part: part)
    }
    let header = entry.localHeaderOffset
    guard header + 30 <= directoryOffset, u32(header) == ZipArchive.localSignature else {
      throw error(
        .corruptZip, "damaged zip archive: the entry's local header is missing", part: part)
    }
    let nameLength = u16(header + 26)
    let start = header + 30 + nameLength + u16(header + 28)
    let end = start + entry.compressedSize
    guard end <= directoryOffset else {
      throw error(
        .corruptZip, "truncated or damaged zip archive: the entry's data runs past its end",
        part: part)
    }
    guard ZipArchive.name(bytes[(header + 30)..<(header + 30 + nameLength)]) == entry.name else {
      throw error(
        .corruptZip, "damaged zip archive: the local header names another entry", part: part)
    }
    var data: [UInt8]
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.uncompressedSize else {
        throw error(
          .corruptZip, "damaged zip archive: a stored entry whose sizes differ", part: part)
      }
      data = Array(bytes[start..<end])
    case 8:
      // Stop at the size the header declares (already within the cap): a stream that goes on
      // is a bomb or damage, and is not expanded further.
      let bound = min(cap, entry.uncompressedSize)
      do {
        data = try Inflater.inflate(
          bytes, range: start..<end, cap: bound, expected: entry.uncompressedSize)
      } catch {
        switch error {
        case .tooLarge where bound < cap:
          throw self.error(
            .tooLarge,
            "the entry expands past the \(sizeText(entry.uncompressedSize)) its header declares "
              + "(a zip bomb, or a damaged archive); stopped there", part: part)
        case .tooLarge:
          throw self.error(
            .tooLarge,
            "\(limitText); its header declares \(sizeText(entry.uncompressedSize))", part: part)
        case .truncated:
          throw self.error(
            .corruptZip, "truncated or damaged zip archive: the entry's deflate data ends early",
            part: part)
        case .invalid(let why):
          throw self.error(
            .corruptZip, "damaged zip archive: the entry's deflate data has \(why)", part: part)
        }
      }
    default:
      throw error(
        .unsupported,
        "the entry uses compression method \(entry.method); only stored (0) and deflate (8) "
          + "are supported", part: part)
    }
    guard data.count == entry.uncompressedSize else {
      throw error(
        .corruptZip,
        "damaged zip archive: the entry expands to \(sizeText(data.count)), its header declares "
          + sizeText(entry.uncompressedSize), part: part)
    }
    guard CRC32.checksum(data) == entry.crc else {
      throw error(.corruptZip, "damaged zip archive: the entry fails its CRC-32 check", part: part)
    }
    return data
  }
}
