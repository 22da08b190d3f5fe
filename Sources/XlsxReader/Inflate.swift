/// Why a deflate stream could not be decoded.
enum InflateFailure: Error, Equatable {
  /// The compressed bytes end before the stream does.
  case truncated
  /// The output would pass the cap.
  case tooLarge
  /// The stream is not valid deflate data.
  case invalid(String)
}

/// A DEFLATE (RFC 1951) decoder over a bounded slice of bytes, with a cap on its output.
///
/// It reads only `input[start..<end]` and stops with ``InflateFailure/truncated`` when those
/// bytes run out, and with ``InflateFailure/tooLarge`` as soon as the output would pass `cap`,
/// whatever the zip headers declared: a zip bomb is stopped while it expands.
struct Inflater {
  private let input: [UInt8]
  private var position: Int
  private let end: Int
  private var bitBuffer: UInt64 = 0
  private var bitCount = 0
  private let cap: Int
  private(set) var output: [UInt8] = []

  /// Decodes `input[range]` into at most `cap` bytes; `expected` (the declared size) only
  /// reserves memory, never more than `cap`.
  static func inflate(
    _ input: [UInt8], range: Range<Int>, cap: Int, expected: Int
  ) throws(InflateFailure) -> [UInt8] {
    var inflater = Inflater(input: input, range: range, cap: cap)
    inflater.output.reserveCapacity(max(0, min(expected, cap, 1 << 26)))
    try inflater.run()
    return inflater.output
  }

  private init(input: [UInt8], range: Range<Int>, cap: Int) {
    self.input = input
    self.position = range.lowerBound
    self.end = range.upperBound
    self.cap = cap
  }

  /// A canonical Huffman code: the number of codes of each length and the symbols in order.
  struct Huffman {
    var counts: [Int]
    var symbols: [Int]

    /// Builds the code for `lengths`; `left` > 0 when the code is incomplete, < 0 when it is
    /// over-subscribed.
    init(lengths: ArraySlice<Int>, left: inout Int) {
      counts = Array(repeating: 0, count: 16)
      for length in lengths { counts[length] += 1 }
      symbols = Array(repeating: 0, count: lengths.count)
      left = 1
      if counts[0] == lengths.count {
        left = 0
        return
      }
      for length in 1...15 {
        left <<= 1
        left -= counts[length]
        if left < 0 { return }
      }
      var offsets = Array(repeating: 0, count: 16)
      for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
      for (symbol, length) in zip(0..., lengths) where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }
  }

  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  private static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  private static let fixedCodes: (Huffman, Huffman) = {
    var lengths = Array(repeating: 8, count: 288)
    for i in 144..<256 { lengths[i] = 9 }
    for i in 256..<280 { lengths[i] = 7 }
    var left = 0
    let literals = Huffman(lengths: lengths[...], left: &left)
    let distances = Huffman(lengths: Array(repeating: 5, count: 30)[...], left: &left)
    return (literals, distances)
  }()

  private mutating func bits(_ n: Int) throws(InflateFailure) -> Int {
    while bitCount < n {
      guard position < end else { throw .truncated }
      bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
      position += 1
      bitCount += 8
    }
    let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
    bitBuffer >>= UInt64(n)
    bitCount -= n
    return value
  }

  private mutating func run() throws(InflateFailure) {
    var last = false
    while !last {
      last = try bits(1) == 1
      switch try bits(2) {
      case 0: try stored()
      case 1: try codes(Inflater.fixedCodes.0, Inflater.fixedCodes.1)
      case 2:
        let (literals, distances) = try dynamicCodes()
        try codes(literals, distances)
      default: throw .invalid("a block of the reserved type 3")
      }
    }
  }

  private mutating func stored() throws(InflateFailure) {
    bitBuffer = 0
    bitCount = 0
    guard end - position >= 4 else { throw .truncated }
    let length = Int(input[position]) | Int(input[position + 1]) << 8
    let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
    position += 4
    guard length == ~complement & 0xFFFF else {
      throw .invalid("a stored block whose length does not match its complement")
    }
    guard end - position >= length else { throw .truncated }
    guard output.count + length <= cap else { throw .tooLarge }
    output.append(contentsOf: input[position..<(position + length)])
    position += length
  }

  private mutating func decode(_ code: Huffman) throws(InflateFailure) -> Int {
    var value = 0
    var first = 0
    var index = 0
    for length in 1...15 {
      value |= try bits(1)
      let count = code.counts[length]
      if value - count < first { return code.symbols[index + (value - first)] }
      index += count
      first += count
      first <<= 1
      value <<= 1
    }
    throw .invalid("a code that is not in its Huffman table")
  }

  private mutating func dynamicCodes() throws(InflateFailure) -> (Huffman, Huffman) {
    let literalCount = try bits(5) + 257
    let distanceCount = try bits(5) + 1
    let codeLengthCount = try bits(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else {
      throw .invalid("too many literal or distance codes")
    }
    var lengths = Array(repeating: 0, count: 19)
    for i in 0..<codeLengthCount { lengths[Inflater.codeLengthOrder[i]] = try bits(3) }
    var left = 0
    let lengthCode = Huffman(lengths: lengths[...], left: &left)
    guard left == 0 else { throw .invalid("an incomplete code-length code") }

    lengths = []
    lengths.reserveCapacity(literalCount + distanceCount)
    while lengths.count < literalCount + distanceCount {
      let symbol = try decode(lengthCode)
      if symbol < 16 {
        lengths.append(symbol)
        continue
      }
      var repeated = 0
      var times = 0
      switch symbol {
      case 16:
        guard let previous = lengths.last else {
          throw .invalid("a repeated length with no length before it")
        }
        repeated = previous
        times = 3 + (try bits(2))
      case 17: times = 3 + (try bits(3))
      default: times = 11 + (try bits(7))
      }
      guard lengths.count + times <= literalCount + distanceCount else {
        throw .invalid("more code lengths than codes")
      }
      lengths.append(contentsOf: repeatElement(repeated, count: times))
    }
    guard lengths[256] != 0 else { throw .invalid("no end-of-block code") }

    let literals = Huffman(lengths: lengths[0..<literalCount], left: &left)
    guard left >= 0, left == 0 || literalCount == literals.counts[0] + literals.counts[1] else {
      throw .invalid("a bad literal/length code")
    }
    let distances = Huffman(lengths: lengths[literalCount...], left: &left)
    guard left >= 0, left == 0 || distanceCount == distances.counts[0] + distances.counts[1] else {
      throw .invalid("a bad distance code")
    }
    return (literals, distances)
  }

  private mutating func codes(_ literals: Huffman, _ distances: Huffman) throws(InflateFailure) {
    while true {
      let symbol = try decode(literals)
      if symbol < 256 {
        guard output.count < cap else { throw .tooLarge }
        output.append(UInt8(symbol))
        continue
      }
      if symbol == 256 { return }
      let lengthIndex = symbol - 257
      guard lengthIndex < 29 else { throw .invalid("an invalid length code") }
      let length = Inflater.lengthBase[lengthIndex] + (try bits(Inflater.lengthExtra[lengthIndex]))
      let distanceSymbol = try decode(distances)
      guard distanceSymbol < 30 else { throw .invalid("an invalid distance code") }
      let distance =
        Inflater.distanceBase[distanceSymbol] + (try bits(Inflater.distanceExtra[distanceSymbol]))
      guard distance <= output.count else { throw .invalid("a distance too far back") }
      guard output.count + length <= cap else { throw .tooLarge }
      var from = output.count - distance
      for _ in 0..<length {
        output.append(output[from])
        from += 1
      }
    }
  }
}
