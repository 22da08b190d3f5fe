import PlanDSL
import PlanEngine
import Testing

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
}
