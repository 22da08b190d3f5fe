import Foundation
import PlanModel
import Plans
import Review
import Testing

@Suite struct SimilarityTests {
  /// The Guangzhou 2020 plan's task with `number`.
  private func task(_ number: Int) throws -> String {
    let plan = try #require(Catalogue.plan("guangzhou-2020"))
    return try #require(plan.model.allTasks.first { $0.number == number }).text
  }

  @Test func identicalTextsAreOne() {
    #expect(Similarity.bigrams("强化扬尘污染控制", "强化扬尘污染控制") == 1)
    #expect(Similarity.bigrams("水", "水") == 1)
    #expect(Similarity.bigrams("", "") == 1)
    #expect(Similarity.bigrams("。，", "！") == 1)  // nothing left of either
  }

  @Test func disjointTextsAreZero() {
    #expect(Similarity.bigrams("大气污染防治", "水源保护区划") == 0)
    #expect(Similarity.bigrams("水", "气") == 0)
  }

  @Test func anEmptyTextAgainstAnotherIsZero() {
    #expect(Similarity.bigrams("", "强化扬尘污染控制") == 0)
    #expect(Similarity.bigrams("强化扬尘污染控制", "") == 0)
    #expect(Similarity.bigrams("。", "水") == 0)
  }

  @Test func punctuationAndWhitespaceAreIgnored() {
    #expect(Similarity.bigrams("加强扬尘污染控制。", "加强扬尘污染控制") == 1)
    #expect(Similarity.bigrams("加强 扬尘，污染控制", "加强扬尘污染控制") == 1)
    #expect(Similarity.bigrams("《方案》(2018-2020年)", "“方案”（2018-2020年）") == 1)
    #expect(Similarity.bigrams("落实“一岗双责”;推进。", "落实一岗双责，推进") == 1)
    #expect(Similarity.bigrams("水。", "水") == 1)
  }

  @Test func repeatedBigramsCountAsOftenAsTheyOccur() {
    // 哈哈哈: {哈哈 ×2}; 哈哈: {哈哈}: 2·1 / (2 + 1).
    #expect(abs(Similarity.bigrams("哈哈哈", "哈哈") - 2.0 / 3.0) < 1e-12)
    // 环境环境: {环境 ×2, 境环}; 环境: {环境}: 2·1 / (3 + 1).
    #expect(Similarity.bigrams("环境环境", "环境") == 0.5)
  }

  @Test func aSingleCharacterIsComparedAsACharacter() {
    // 水 against 水质: the characters {水} and {水, 质}: 2·1 / (1 + 2).
    #expect(abs(Similarity.bigrams("水", "水质") - 2.0 / 3.0) < 1e-12)
    #expect(Similarity.bigrams("水", "大气") == 0)
  }

  @Test func aTaskWithOneClauseRewrittenIsStillSimilar() throws {
    let text = try task(14)
    #expect(text.hasPrefix("强化扬尘污染控制。"))
    let clause = "督促推广应用全封闭建筑垃圾和粉状物料运输车辆。"
    #expect(text.contains(clause))
    let revised = text.replacingOccurrences(of: clause, with: "全面推行新型环保渣土运输车辆。")
    #expect(Similarity.bigrams(text, revised) >= 0.8)
    #expect(Similarity.bigrams(text, revised) < 1)
  }

  @Test func differentTasksAreNotSimilar() throws {
    let dust = try task(14)
    for other in [13, 15, 16] {
      #expect(Similarity.bigrams(dust, try task(other)) < 0.5, "task \(other)")
    }
  }

  @Test func symmetricAndWithinZeroAndOne() throws {
    let texts = try [task(13), task(14), task(15), "水", "", "加强扬尘污染控制。", "哈哈哈"]
    for a in texts {
      for b in texts {
        let s = Similarity.bigrams(a, b)
        #expect(s == Similarity.bigrams(b, a))
        #expect(s >= 0 && s <= 1)
      }
    }
  }
}

@Suite struct SimilarityProfilesTests {
  @Test func preparedProfilesGiveTheSameValues() {
    let texts = [
      "", "水", "水质", "加强扬尘污染控制。压实主体责任。", "加强扬尘污染控制。压实主体责任!",
      "推进黑臭水体治理。", "推进黑臭水体治理，全面落实河长制。", "a b", "ab", "水水水水",
    ]
    let profiles = Similarity.Profiles(texts)
    for i in texts.indices {
      for j in texts.indices {
        #expect(profiles.similarity(i, j) == Similarity.bigrams(texts[i], texts[j]))
        #expect(profiles.bound(i, j) >= profiles.similarity(i, j))
      }
    }
  }
}
