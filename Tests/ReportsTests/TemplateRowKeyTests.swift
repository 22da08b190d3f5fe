import Testing

@testable import Reports

/// The hidden row keys of a template: written and read back by one type.
@Suite struct TemplateRowKeyTests {
  @Test func eachKeyIsWrittenAsTheTemplatesHaveIt() {
    #expect(TemplateRowKey.target("pm25").text == "target:pm25")
    #expect(TemplateRowKey.base("cod").text == "base:cod")
    #expect(TemplateRowKey.task("coal").text == "task:coal")
    #expect(TemplateRowKey.milestone("m1").text == "milestone:m1")
  }

  @Test func eachKeyReadsBack() {
    let keys: [TemplateRowKey] = [
      .target("pm25"), .base("cod"), .task("coal"), .milestone("m1"), .task("a:b"),
    ]
    for key in keys { #expect(TemplateRowKey(key.text) == key) }
  }

  /// The other rows' keys, and anything else, are not input rows.
  @Test func otherKeysAreNone() {
    for text in [
      "title", "unit", "help", ReportTemplate.dateKey, ReportTemplate.preparerKey,
      ReportTemplate.reviewerKey, "h1", "header", "none", "target:", ":pm25", "goal:pm25", "",
    ] {
      #expect(TemplateRowKey(text) == nil, "\(text)")
    }
  }
}
