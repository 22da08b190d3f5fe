import Testing

@testable import Tracking

@Suite struct CSVTests {
  typealias P = CSV.Position

  func texts(_ text: String) -> [[String]] {
    CSV.parse(text).records.map { $0.fields.map(\.text) }
  }

  @Test func plainFieldsAndLineEndings() {
    #expect(texts("a,b,c\nd,e,f\n") == [["a", "b", "c"], ["d", "e", "f"]])
    #expect(texts("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
    #expect(texts("a,b\rc,d") == [["a", "b"], ["c", "d"]])
    // No line break at the end; a trailing comma is an empty last field.
    #expect(texts("a,b") == [["a", "b"]])
    #expect(texts("a,") == [["a", ""]])
    #expect(texts("") == [])
  }

  @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
    let (records, problems) = CSV.parse("\"a,b\",\"say \"\"hi\"\"\",\"one\r\ntwo\nthree\"\nx,y\n")
    #expect(problems.isEmpty)
    #expect(
      records.map { $0.fields.map(\.text) } == [
        ["a,b", "say \"hi\"", "one\ntwo\nthree"], ["x", "y"],
      ])
    #expect(records[0].fields.map(\.quoted) == [true, true, true])
    // The record after a three-line field starts on line 4.
    #expect(records[1].start == P(line: 4, column: 1))
    #expect(records[1].fields[1].position == P(line: 4, column: 3))
    #expect(texts("\"\",x") == [["", "x"]])
  }

  @Test func positionsCountScalarsAndFollowMultiLineFields() {
    let (records, _) = CSV.parse("微克/立方米,b\n\"l1\nl2\",c,d\n")
    #expect(records[0].fields[1].position == P(line: 1, column: 8))
    #expect(records[1].fields[0].position == P(line: 2, column: 1))
    // After a field spanning lines 2–3, the next fields are on line 3.
    #expect(records[1].fields[1].position == P(line: 3, column: 5))
    #expect(records[1].fields[2].position == P(line: 3, column: 7))
    #expect(records[1].end == P(line: 3, column: 8))
  }

  @Test func commentsAndBlankLines() {
    let (records, problems) = CSV.parse("# a \"quoted\" comment, with commas\n\n,,\n\"\"\na\n")
    #expect(problems.isEmpty)
    #expect(records.map(\.isComment) == [true, false, false, false, false])
    #expect(records[0].fields[0].text == "# a \"quoted\" comment, with commas")
    #expect(records.map(\.isBlank) == [false, true, true, false, false])
  }

  @Test func aQuoteInsideAnUnquotedFieldIsAProblem() {
    let (records, problems) = CSV.parse("ab\"c\"d,e\nok\n")
    #expect(
      problems == [
        CSV.Problem(
          position: P(line: 1, column: 3),
          message:
            "a '\"' inside a field that does not start with a quote (enclose the whole field in "
            + "double quotes and write the quote as \"\")")
      ])
    #expect(records.map(\.malformed) == [true, false])
    #expect(records[0].fields.map(\.text) == ["ab\"c\"d", "e"])
  }

  @Test func textAfterAClosingQuoteIsAProblem() {
    let (records, problems) = CSV.parse("\"ab\"c,d\n")
    #expect(
      problems == [
        CSV.Problem(
          position: P(line: 1, column: 5),
          message:
            "unexpected 'c' after the closing quote of a field (a field ends at its closing "
            + "quote; write a quote inside a quoted field as \"\")")
      ])
    #expect(records[0].fields.map(\.text) == ["abc", "d"])
  }

  @Test func anUnclosedQuoteIsReportedWhereItOpens() {
    let (records, problems) = CSV.parse("a,b\nc,\"d\ne,f\n")
    #expect(
      problems == [
        CSV.Problem(
          position: P(line: 2, column: 3),
          message:
            "the quoted field that starts here is never closed (a closing '\"' is missing; the "
            + "rest of the file was read as part of it)")
      ])
    #expect(records.count == 2)
    #expect(records[1].malformed)
  }
}
