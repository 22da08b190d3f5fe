import PlanDSL
import PlanEngine
import Testing

private let file = "Tests/PlanEngineTests/PlanDiagnosticsTests.swift"

/// The messages of the diagnostics that say more than a sentence: suggestions, first
/// declarations, where a text departs.
@Suite struct PlanDiagnosticsTests {
  @Test func missingLeadNamesTheTaskItsTitleAndItsChapter() {
    let line = #line + 4
    let plan = testPlan(numbering: .perChapter, withRule: false) {
      Responsibilities { Rule(.chapter("base"), lead: ["eeb"]) }
      chapter2 {
        Chapter(1, id: "section", "一节") {
          Item(1, id: "orphan", "治理扬尘。压实责任。")
        }
      }
    }
    #expect(
      diagnostics(of: plan) == [
        Diagnostic(
          .error, .missingLead,
          "task 二(一)1 (orphan) “治理扬尘” has no lead unit: declare Lead(…) on it or add a rule that covers it (chapter second, a keyword of its text, or .all)",
          at: at(file, line + 1))
      ])
  }

  @Test func unknownUnitSuggestsTheNearestIDs() {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("polic") }
        Item(3, id: "b", "乙。") { Lead("watr") }
        Item(4, id: "c", "丙。") { Lead("ee") }
      }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “polic” (lead of task 2); did you mean police?",
        "unknown unit “watr” (lead of task 3); did you mean water?",
        "unknown unit “ee” (lead of task 4); did you mean eeb?",
      ])
  }

  @Test func unknownUnitSuggestsEveryIDAtTheSmallestDistanceSorted() {
    let plan = testPlan {
      Organisation {
        Unit("district-2", "第二区", kind: .district, parent: "gov")
        Unit("district-1", "第一区", kind: .district, parent: "gov")
        Unit("district-10", "第十区", kind: .district, parent: "gov")
      }
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("district-") }
      }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “district-” (lead of task 2); did you mean district-1, district-2?"
      ])
  }

  @Test func aShortTypoTooFarFromEveryIDGetsTheListInstead() {
    // Two edits in a three-letter id is too far to guess.
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("ari") }
      }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “ari” (lead of task 2); known units: air, eeb, gov, police, transport, water"
      ])
  }

  @Test func unknownUnitNotesAShortNameUsedInsteadOfAnID() {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("大气处") }
      }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “大气处” (lead of task 2); “大气处” is the name of unit air: refer to units by id"
      ])
  }

  @Test func unknownUnitWithNothingNearListsTheKnownUnits() {
    let plan = testPlan {
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("development-reform-commission") }
      }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “development-reform-commission” (lead of task 2); known units: air, eeb, gov, police, transport, water"
      ])
  }

  @Test func theListOfKnownUnitsIsCutAtEight() {
    let plan = testPlan {
      Organisation {
        for n in 1...4 {
          Unit("district-\(n)", "第\(n)区", kind: .district, parent: "gov")
        }
      }
      chapter2 {
        Item(2, id: "a", "甲。") { Lead("development-reform-commission") }
      }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “development-reform-commission” (lead of task 2); known units: air, district-1, district-2, district-3, district-4, eeb, gov, police, … (10 in all)"
      ])
  }

  @Test func aPlanWithoutUnitsSaysSo() {
    let plan = Plan("p", title: "计划", issuer: "eeb", period: .year(2020)) {
      Chapter(1, id: "c", "第一章") { Item(1, id: "a", "甲。") { Lead("eeb") } }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "unknown unit “eeb” (issuer); the plan declares no units",
        "unknown unit “eeb” (lead of task 1); the plan declares no units",
      ])
  }

  @Test func unknownChapterWithNothingNearListsTheKnownChapters() {
    let plan = testPlan {
      chapter2 { Item(2, id: "a", "甲。") }
      Responsibilities { Rule(.chapter("pollution-control"), lead: ["air"]) }
    }
    #expect(
      diagnostics(of: plan).map(\.message) == [
        "rule 2 names unknown chapter “pollution-control”; known chapters: base, second"
      ])
  }

  @Test func duplicateIDNamesTheFirstDeclaration() {
    let line = #line + 3
    let plan = testPlan {
      Targets {
        Target("pm25", "PM2.5", .atMost(35, "微克/立方米"), lead: ["air"])
        Target("pm25", "PM2.5", .atMost(30, "微克/立方米"), lead: ["air"])
      }
    }
    #expect(
      diagnostics(of: plan) == [
        Diagnostic(
          .error, .duplicateID, "target id “pm25” is declared twice; first at \(file):\(line)",
          at: at(file, line + 1))
      ])
  }

  @Test func textNotInSourceShortensLongMatchesAndRests() {
    let line = #line + 4
    let text = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
    let plan = testPlan(source: "seeds/test.txt") {
      chapter2 {
        Item(2, id: "long", text)
      }
    }
    let source = SourceText.text(baseSourceText + "二、第二章\n一二三四五六七八九十甲乙丙丁戊己庚辛。")
    #expect(
      diagnostics(of: plan, source: source) == [
        Diagnostic(
          .error, .textNotInSource,
          "task 2 (long) does not appear in seeds/test.txt (whitespace ignored): it matches as far as “…七八九十甲乙丙丁戊己庚辛”, then the plan has “壬癸子丑寅卯辰巳午未申酉戌亥”",
          at: at(file, line))
      ])
    let longer = SourceText.text(baseSourceText + "二、第二章\n一二三四五六七八九十甲乙丙丁。")
    #expect(
      diagnostics(of: plan, source: longer).map(\.message) == [
        "task 2 (long) does not appear in seeds/test.txt (whitespace ignored): it matches as far as “…三四五六七八九十甲乙丙丁”, then the plan has “戊己庚辛壬癸子丑寅卯辰巳午未申酉…”"
      ])
  }

  @Test func diagnosticsPrintAsFileLineSeverityCodeMessage() {
    let line = #line + 1
    let plan = testPlan(issuer: "nobody")
    #expect(
      diagnostics(of: plan).map(\.description) == [
        "\(file):\(line): error: unknown-unit: unknown unit “nobody” (issuer); known units: air, eeb, gov, police, transport, water"
      ])
  }
}
