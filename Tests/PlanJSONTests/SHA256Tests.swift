import PlanModel
import Testing

@testable import PlanJSON

@Suite struct SHA256Tests {
  @Test func knownAnswers() {
    #expect(
      SHA256.hex(Array("".utf8))
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func paddingBoundaries() {
    // 55, 56 and 64 bytes straddle the one-block / two-block padding boundary.
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 55))
        == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 56))
        == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 64))
        == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }

  @Test func feedingInPiecesGivesTheSameDigest() {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    for cut in [0, 1, 55, 63, 64, 65, 128, 999, 1000] {
      var h = SHA256()
      h.update(bytes[..<cut])
      h.update(bytes[cut...])
      #expect(h.finalize() == SHA256.hash(bytes), "cut at \(cut)")
    }
    var many = SHA256()
    for b in bytes { many.update([b]) }
    #expect(many.finalize() == SHA256.hash(bytes))
  }

  @Test func fingerprintIgnoresNothingButLocations() throws {
    let plan = WorkPlan(
      id: "p", title: "T", issuer: "i",
      period: DateRange(Day(2020, 1, 1), Day(2020, 12, 31)))
    var moved = plan
    moved.location = SourceLocation(file: "x.swift", line: 9)
    var retitled = plan
    retitled.title = "T2"
    #expect(try plan.fingerprint() == moved.fingerprint())
    #expect(try plan.fingerprint() != retitled.fingerprint())
    #expect(try plan.fingerprint().count == 64)
  }
}
