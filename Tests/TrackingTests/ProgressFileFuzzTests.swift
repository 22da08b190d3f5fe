import Foundation
import PlanEngine
import PlanModel
import TestSupport
import Testing

@testable import Tracking

/// Seeded random mutations of the committed progress files, read by the strict parser: it must
/// never crash, and every problem it reports must say where (file:line:column).
@Suite struct ProgressFileFuzzTests {
  /// The same mutations on every run and every machine.
  typealias Random = SeededGenerator

  /// Pieces that break CSV, UTF-8, numbers, dates and ids.
  static let pieces: [[UInt8]] =
    [
      ",", "\"", "\"\"", "\n", "\r", "\r\n", "#", " ", "\t", "　", "\u{FEFF}", "\u{0}", "\u{1}",
      "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{FFFE}", "1e308", "-1e308",
      "99999999999999999999999", "-0", "0.", ".5", "NaN", "inf", "2020-02-30", "2020-13-01",
      "9999-12-31", "0000-01-01", "已完成", "推进中", "未开始", "target", "base", "task",
      "milestone", "pm25", "cod", "gz-eeb-air", "大气处", "ytd", "period", "2015", "100", "-5",
      "=SUM(A1)", "'", "kind,id,value,unit,basis,state,percent,reporter,date,note",
      String(repeating: "9", count: 400), String(repeating: "中", count: 300),
    ].map { Array($0.utf8) } + [
      [0xFF], [0xC0, 0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90],
    ]

  /// One mutation of `bytes`.
  static func mutate(_ bytes: inout [UInt8], _ r: inout Random) {
    let at = r.below(bytes.count + 1)
    switch r.below(9) {
    case 0:  // flip a bit
      if !bytes.isEmpty { bytes[r.below(bytes.count)] ^= UInt8(1 << r.below(8)) }
    case 1:  // insert a piece
      bytes.insert(contentsOf: r.pick(pieces), at: at)
    case 2:  // delete a span
      let n = min(bytes.count - at, 1 + r.below(40))
      bytes.removeSubrange(at..<at + n)
    case 3:  // replace a field (the bytes between two separators) with a piece
      let seps: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\n")]
      var start = at
      while start > 0, !seps.contains(bytes[start - 1]) { start -= 1 }
      var end = at
      while end < bytes.count, !seps.contains(bytes[end]) { end += 1 }
      bytes.replaceSubrange(start..<end, with: r.pick(pieces))
    case 4:  // duplicate a line
      let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      let line = lines[r.below(lines.count)]
      bytes.insert(contentsOf: Array(line) + [UInt8(ascii: "\n")], at: at)
    case 5:  // swap two lines
      var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map(Array.init)
      lines.swapAt(r.below(lines.count), r.below(lines.count))
      bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    case 6:  // truncate
      bytes.removeSubrange(at...)
    case 7:  // a random byte
      bytes.insert(UInt8(truncatingIfNeeded: r.next()), at: at)
    default:  // repeat a span many times
      let n = min(bytes.count - at, 1 + r.below(20))
      let span = Array(bytes[at..<at + n])
      for _ in 0..<(1 + r.below(50)) { bytes.insert(contentsOf: span, at: at) }
    }
  }

  @Test func athousandMutationsOfEachReportNeverCrashAndEveryProblemHasAPlace() throws {
    let index = PlanIndex(ProgressFixtures.guangzhou)
    let folder = Repository.root.appendingPathComponent("plans/progress/guangzhou-2020")
    let names = ["2020-06.csv", "2020-07.csv", "2020-08.csv", "2020-09.csv"]
    var r = Random(seed: 20_200_930)
    var rejected = 0
    var accepted = 0
    var unplaced: [String] = []
    var raw: [String] = []
    var controlInNote: [String] = []
    let start = Date()
    for name in names {
      let original = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
      // The path names the month, so only the text can be wrong.
      let path = "plans/progress/guangzhou-2020/\(name)"
      for _ in 0..<300 {
        var bytes = original
        for _ in 0...r.below(4) { Self.mutate(&bytes, &r) }
        do {
          let report = try ProgressFile.parse(bytes: bytes, path: path, index: index)
          accepted += 1
          #expect(report.entries.allSatisfy { ($0.location?.line ?? 0) >= 1 })
          for e in report.entries
          where (e.note + (e.unit ?? "")).unicodeScalars.contains(where: {
            isControl($0) && $0 != "\n" && $0 != "\t"
          }) {
            controlInNote.append(e.note)
          }
        } catch {
          rejected += 1
          #expect(!error.issues.isEmpty)
          for issue in error.issues
          where issue.file != path || issue.line < 1 || issue.column < 1 || issue.message.isEmpty {
            unplaced.append(issue.description)
          }
          for issue in error.issues where issue.message.unicodeScalars.contains(where: isControl) {
            raw.append(issue.description)
          }
        }
      }
    }
    let seconds = Date().timeIntervalSince(start)
    #expect(unplaced.isEmpty, "problems without a line and column: \(unplaced.prefix(5))")
    #expect(raw.isEmpty, "messages with raw control characters: \(raw.prefix(3))")
    #expect(controlInNote.isEmpty, "control characters read into notes: \(controlInNote.prefix(3))")
    #expect(rejected + accepted == 1_200)
    #expect(rejected > 900, "most mutations break a file (\(rejected) rejected)")
    // About 3 s alone in a debug build; the bound only catches a runaway (a quadratic path).
    #expect(seconds < 30, "1,200 parses took \(seconds) s")
  }
}

/// A C0 or C1 control character, DEL, or a noncharacter XML cannot carry.
private func isControl(_ s: Unicode.Scalar) -> Bool {
  s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0xFFFE || s.value == 0xFFFF
}
