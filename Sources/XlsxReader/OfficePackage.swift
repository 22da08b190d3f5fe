/// An Office Open XML package (an xlsx workbook or a docx document) opened for reading: the
/// zip archive with the checks both readers make before reading any part, and each part read
/// within what is left of the total size and validated as XML.
struct OfficePackage {
  let path: String
  let zip: ZipArchive
  let limits: ReadLimits
  /// The bytes read so far, counted against ``ReadLimits/maxTotalSize``.
  private(set) var total = 0

  /// Opens `bytes` (the file at `path`) as a package: no entry may declare more than
  /// ``ReadLimits/maxEntrySize`` uncompressed, and `[Content_Types].xml` must be there —
  /// else it is `a zip archive, but not <what> (or a damaged one)`.
  init(path: String, bytes: [UInt8], limits: ReadLimits, what: String) throws(XlsxReadError) {
    self.path = path
    self.limits = limits
    zip = try ZipArchive(path: path, bytes: bytes, limits: limits)
    for entry in zip.entries where entry.uncompressedSize > limits.maxEntrySize {
      throw XlsxReadError(
        path: path, kind: .tooLarge, part: entry.name,
        message: "the entry declares \(sizeText(entry.uncompressedSize)) uncompressed; the "
          + "limit for one entry is \(sizeText(limits.maxEntrySize))")
    }
    guard zip.entry("[Content_Types].xml") != nil else {
      throw XlsxReadError(
        path: path, kind: .missingPart, part: nil,
        message: "no [Content_Types].xml: a zip archive, but not \(what) (or a damaged one)")
    }
  }

  /// The bytes of `entry`, within what is left of the total, validated as XML.
  mutating func read(_ entry: ZipArchive.Entry) throws(XlsxReadError) -> [UInt8] {
    let left = limits.maxTotalSize - total
    let data = try zip.contents(
      of: entry, cap: min(limits.maxEntrySize, left), capIsTotal: left < limits.maxEntrySize)
    total += data.count
    do {
      try XMLScanner.validate(data)
    } catch {
      throw XlsxFile.xmlError(error, path: path, part: entry.name, bytes: data)
    }
    return data
  }
}
