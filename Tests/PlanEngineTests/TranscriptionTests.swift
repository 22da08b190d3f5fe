import PlanDSL
import Testing

@testable import PlanEngine

private let file = "Tests/PlanEngineTests/TranscriptionTests.swift"

/// The base plan (its source named) with chapter 2 holding one task of `text`, declared on the
/// caller's line.
private func planWithTask(_ text: String, line: Int = #line) -> Plan {
  testPlan(source: "seeds/test.txt") {
    chapter2 { Item(2, id: "coal", text, file: #filePath, line: line) }
  }
}

/// The base document, then chapter 2's heading and `rest`.
private func document(_ rest: String) -> SourceText {
  .text(baseSourceText + "二、第二章\n" + rest)
}

@Suite struct TranscriptionTests {
  private let published = "13.巩固燃煤整治效果。关停黄埔电厂六号燃煤机组,减少燃煤发电。完善工业窑炉管控。\n"

  @Test func anExactTranscriptionPasses() {
    let plan = planWithTask("巩固燃煤整治效果。关停黄埔电厂六号燃煤机组,减少燃煤发电。完善工业窑炉管控。")
    #expect(diagnostics(of: plan, source: document(published)) == [])
  }

  @Test func aPartOfTheDocumentIsEnough() {
    let plan = planWithTask("减少燃煤发电。")
    #expect(diagnostics(of: plan, source: document(published)) == [])
  }

  @Test func lineBreaksAndSpacesInTheDocumentAreIgnored() {
    let plan = planWithTask("巩固燃煤整治效果。关停黄埔电厂六号燃煤机组,减少燃煤发电。完善工业窑炉管控。")
    let wrapped = """
      13. 巩固燃煤整治效果。 关停黄埔电厂
      六号燃煤机组,\t减少燃煤
        发电。\u{3000}\u{3000}完善工业窑炉管控。\r

      """
    #expect(diagnostics(of: plan, source: document(wrapped)) == [])
  }

  @Test func lineBreaksAndSpacesInThePlanAreIgnored() {
    let plan = planWithTask(
      """
      巩固燃煤整治效果。
      关停黄埔电厂六号燃煤机组, 减少燃煤发电。\u{3000}完善工业窑炉管控。
      """)
    #expect(diagnostics(of: plan, source: document(published)) == [])
  }

  @Test func theTitlesOfChaptersAreCheckedToo() {
    let line = #line + 2
    let plan = testPlan(source: "seeds/test.txt") {
      Chapter(2, id: "second", "第 二 章：错误的标题") { Item(2, id: "b", "减少燃煤发电。") }
    }
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(
      found.first?.message
        == "the title of chapter second does not appear in seeds/test.txt (whitespace ignored): it matches as far as “第二章”, then the plan has “：错误的标题”"
    )
  }

  @Test func aChangedWordIsFoundAndTheMessageSaysWhereItDeparts() {
    let line = #line + 1
    let plan = planWithTask("减少燃煤发电。完善工业锅炉管控。")
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(
      found.first?.message
        == "task 2 (coal) does not appear in seeds/test.txt (whitespace ignored): it matches as far as “减少燃煤发电。完善工业”, then the plan has “锅炉管控。”"
    )
  }

  @Test func halfWidthAndFullWidthPunctuationDiffer() {
    let line = #line + 1
    let plan = planWithTask("关停黄埔电厂六号燃煤机组，减少燃煤发电。")
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(found.first?.message.hasSuffix("then the plan has “，减少燃煤发电。”") == true)
  }

  @Test func aTextWhoseFirstCharacterIsNotInTheDocument() {
    let line = #line + 1
    let plan = planWithTask("鑫")
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(found.first?.message.hasSuffix("not even its first character “鑫” matches") == true)
  }

  @Test func theTextMustBeContiguousInTheDocument() {
    // Both halves occur, but not one after the other.
    let line = #line + 1
    let plan = planWithTask("完善工业窑炉管控。巩固燃煤整治效果。")
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
  }

  @Test func everyTaskIsChecked() {
    let top = #line + 3
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 {
        Item(2, id: "a", "不在文件里的第一条。")
        Item(3, id: "b", "减少燃煤发电。")
        Item(4, id: "c", "不在文件里的第二条。")
      }
    }
    #expect(
      brief(diagnostics(of: plan, source: document(published))) == [
        report(.error, "text-not-in-source", file, top),
        report(.error, "text-not-in-source", file, top + 2),
      ])
  }

  // MARK: - looking on from the previous match

  @Test func tasksOutOfOrderInTheDocumentAreStillFound() {
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 {
        Item(2, id: "a", "完善工业窑炉管控。")
        Item(3, id: "b", "巩固燃煤整治效果。")
        Item(4, id: "c", "减少燃煤发电。")
      }
    }
    #expect(diagnostics(of: plan, source: document(published)) == [])
  }

  @Test func theSameTextTwiceIsFoundTwice() {
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 {
        Item(2, id: "a", "减少燃煤发电。")
        Item(3, id: "b", "减少燃煤发电。")
      }
    }
    #expect(diagnostics(of: plan, source: document(published)) == [])
  }

  @Test func chapterTitlesOutOfOrderInTheDocumentAreStillFound() {
    let plan = testPlan(source: "seeds/test.txt") {
      Chapter(2, id: "second", "第二章") { Item(2, id: "b", "减少燃煤发电。") }
      Chapter(3, id: "third", "第三章") { Item(3, id: "c", "完善工业窑炉管控。") }
    }
    let text = baseSourceText + "三、第三章\n二、第二章\n" + published
    #expect(diagnostics(of: plan, source: .text(text)) == [])
  }

  @Test func aMismatchAfterALaterMatchIsMeasuredAgainstTheWholeDocument() {
    // Task a is found at the end of the document; task b departs from a text found only
    // before it, and the message still names the longest beginning found anywhere.
    let line = #line + 4
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 {
        Item(2, id: "a", "完善工业窑炉管控。")
        Item(3, id: "b", "巩固燃煤整治效果。关停黄埔电厂七号燃煤机组。")
      }
    }
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(
      found.first?.message
        == "task 3 (b) does not appear in seeds/test.txt (whitespace ignored): it matches as far as “…煤整治效果。关停黄埔电厂”, then the plan has “七号燃煤机组。”"
    )
  }

  /// The search that resumes where the previous text was found gives what a search of the
  /// whole document for every text gives, for texts in order, out of order, repeated, changed
  /// and spanning several sentences.
  @Test func resumingGivesTheSameAnswersAsSearchingTheWholeDocument() {
    let sentences = [
      "巩固燃煤整治效果。", "关停黄埔电厂六号燃煤机组，", "减少燃煤发电。", "完善工业窑炉管控。",
      "推进挥发性有机物综合整治。", "加强扬尘污染控制。", "强化机动车排放监管。", "减少燃煤发电量。",
    ]
    let document = Transcription.normalized(sentences.joined(separator: "\n"))
    var seed: UInt64 = 0x5EED
    func random(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(n))
    }
    for _ in 0..<200 {
      var texts: [String] = []
      for _ in 0..<(1 + random(12)) {
        let start = random(document.count)
        let end = min(document.count, start + 1 + random(30))
        var text = Array(document[start..<end])
        switch random(4) {
        case 0: text[random(text.count)] = "鑫"
        case 1: text[random(text.count)] = document[random(document.count)]
        case 2: text.insert(" ", at: random(text.count + 1))
        default: break
        }
        texts.append(String(text))
      }
      var resuming = Transcription(document)
      for text in texts {
        #expect(resuming.mismatch(of: text) == wholeDocumentMismatch(of: text, in: document))
      }
    }
  }
}

/// The check as it was before it resumed: every text looked for in the whole document.
private func wholeDocumentMismatch(
  of text: String, in document: [Character]
)
  -> Transcription.Mismatch?
{
  let needle = Transcription.normalized(text)
  func contains(_ part: ArraySlice<Character>) -> Bool {
    part.isEmpty || document.firstRange(of: part) != nil
  }
  if contains(needle[...]) { return nil }
  var low = 0
  var high = needle.count
  while low < high {
    let mid = (low + high + 1) / 2
    if contains(needle[..<mid]) { low = mid } else { high = mid - 1 }
  }
  return Transcription.Mismatch(matched: String(needle[..<low]), rest: String(needle[low...]))
}

/// The transcription check of clauses (考核方式, 其他): each in the document or marked
/// illustrative.
@Suite struct ClauseTranscriptionTests {
  private let published = "13.巩固燃煤整治效果。关停黄埔电厂六号燃煤机组,减少燃煤发电。完善工业窑炉管控。\n"

  // MARK: - clauses (考核方式, 其他)

  @Test func aClauseInTheDocumentPasses() {
    let plan = testPlan(source: "seeds/test.txt") {
      Clauses { Clause(.assessment, "关停黄埔电厂六号燃煤机组") }
      chapter2 { Item(2, id: "b", "减少燃煤发电。") }
    }
    #expect(diagnostics(of: plan, source: document(published)) == [])
  }

  @Test func aClauseNotInTheDocumentIsAnErrorUnlessMarkedIllustrative() {
    let line = #line + 3
    let plan = testPlan(source: "seeds/test.txt") {
      Clauses {
        Clause(.other, "本责任书一式四份。")
        Clause(.assessment, "甲方按季度调度，年终考核。", illustrative: true)
      }
      chapter2 { Item(2, id: "b", "减少燃煤发电。") }
    }
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(found.first?.message.hasPrefix("clause 1 (other; mark it illustrative: true") == true)
  }

  @Test func thePlansAssessmentMethodIsCheckedAsAClause() {
    let line = #line + 1
    let plan = Plan(
      "test-2020", title: "计划", issuer: "eeb", period: .year(2020), source: "seeds/test.txt",
      assessment: "年终组织考核。"
    ) {
      Organisation { Unit("eeb", "测试市生态环境局", kind: .department) }
      Chapter(1, id: "base", "基础工作") { Item(1, id: "base-task", "做好基础工作。") }
      Responsibilities { Rule(.all, lead: ["eeb"]) }
    }
    let found = diagnostics(of: plan, source: document(published))
    #expect(brief(found) == [report(.error, "text-not-in-source", file, line)])
    #expect(found.first?.message.contains("assessment method (考核方式") == true)
  }
}
