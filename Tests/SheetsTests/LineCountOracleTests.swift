import PlanModel
import Plans
import Testing

@testable import Sheets

/// The single-pass line counter against a plain reference: split into tokens (a full-width
/// character alone, a run of spaces, a run of anything else), then fill lines greedily. Every
/// text of the catalogue's plans, at several column widths and font sizes, must count alike.
@Suite struct LineCountOracleTests {
  static func reference(_ text: String, pixels: Double, fontSize: Double) -> Int {
    let room = TextMetrics.room(pixels: pixels)
    var total = 0
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var tokens: [[Unicode.Scalar]] = []
      for c in paragraph.unicodeScalars {
        let kind = TextMetrics.isFullWidth(c) ? 2 : (c == " " ? 1 : 0)
        if kind != 2, let last = tokens.last?.last,
          (TextMetrics.isFullWidth(last) ? 2 : (last == " " ? 1 : 0)) == kind
        {
          tokens[tokens.count - 1].append(c)
        } else {
          tokens.append([c])
        }
      }
      var lines = 1
      var used = 0.0
      for token in tokens {
        let w = token.reduce(0) { $0 + TextMetrics.width(of: $1, fontSize: fontSize) }
        if used + w <= room {
          used += w
        } else if token.allSatisfy({ $0 == " " }) {
          // Spaces that do not fit end the line and vanish, however many.
          lines += 1
          used = 0
        } else if w <= room {
          lines += 1
          used = w
        } else {
          for c in token {
            let cw = TextMetrics.width(of: c, fontSize: fontSize)
            if used + cw > room {
              lines += 1
              used = 0
            }
            used += cw
          }
        }
      }
      total += lines
    }
    return max(total, 1)
  }

  @Test func everyPlanTextCountsAlike() {
    var texts: [String] = [
      "", "a b  c", "一\n\n二", "PM2.5 平均浓度 35 μg/m³", String(repeating: "8", count: 90),
      // Two-, three- and four-byte characters; words longer than a line; spaces at the ends.
      "café naïve ±5 × 3 ÷ 2 ≤ 10 ℃ ①②", "中〿文䷀䷁、一ぁ\u{3040}", "𠀀𠀁 CJK 扩展 B 𠀂", " 前导 与 结尾 ", "\n\n",
      String(repeating: "Wm", count: 70) + " 之后", "a" + String(repeating: " ", count: 80) + "b",
      "https://example.gov.cn/very/long/path/without/any/spaces/at/all/whatsoever/in/it 链接",
    ]
    for plan in Catalogue.plans {
      texts += plan.model.allTasks.map(\.text) + plan.model.targets.map(\.name)
      texts += plan.model.allTasks.flatMap { $0.milestones.map(\.title) }
    }
    var checked = 0
    for text in texts {
      for units in [5.0, 10, 17, 31, 60] {
        for size in [10.5, 12, 18] {
          let px = TextMetrics.pixels(columnWidth: units)
          #expect(
            TextMetrics.lines(text, pixels: px, fontSize: size)
              == Self.reference(text, pixels: px, fontSize: size),
            "\(text.prefix(20)) \(units) \(size)")
          checked += 1
        }
      }
    }
    #expect(checked > 1000)
  }
}
