import PlanImport
import Testing

@Suite struct SkeletonWriterTests {
  @Test func literalsEscapeWhatSwiftWouldRead() {
    #expect(SkeletonWriter.literal("a\"b\\c\nd\u{7}") == #""a\"b\\c\nd\u{7}""#)
    #expect(SkeletonWriter.literal("落实“6个100%”要求") == "\"落实“6个100%”要求\"")
    #expect(SkeletonWriter.literal(#"\(x)"#) == #""\\(x)""#)
  }

  @Test func constantNames() {
    #expect(
      SkeletonWriter(id: "guangzhou-2020", title: "", year: 2020, source: nil).constantName
        == "guangzhou2020")
    #expect(
      SkeletonWriter(id: "2021-plan", title: "", year: 2021, source: nil).constantName
        == "plan2021Plan")
  }

  @Test func requirementsInTheDSL() {
    #expect(SkeletonWriter.requirementCode(.atMost(35, "微克/立方米")) == #".atMost(35, "微克/立方米")"#)
    #expect(SkeletonWriter.requirementCode(.atLeast(61.5, "%")) == #".atLeast(61.5, "%")"#)
    #expect(SkeletonWriter.requirementCode(.countAtLeast(13, "个")) == #".count(atLeast: 13, "个")"#)
    #expect(
      SkeletonWriter.requirementCode(.reduction(14.7, against: 2015))
        == ".reduction(by: 14.7, against: 2015)")
    #expect(
      SkeletonWriter.requirementCode(.increase(5, against: nil)) == ".increase(by: 5, against: nil)"
    )
    #expect(
      SkeletonWriter.requirementCode(.shareAtLeast(50, of: "保有量"))
        == #".share(atLeast: 50, of: "保有量")"#)
  }

  @Test func theSkeletonRecordsItsSourceAndATodoPerTaskAndTarget() throws {
    let plan = try Seeds.guangzhou()
    let code = SkeletonWriter(
      id: "gz", title: "2020年广州市生态环境保护工作计划", year: 2020,
      source: "seeds/003_e4c9d4035ce7ad05.txt"
    ).write(plan)
    #expect(code.contains(#"source: "seeds/003_e4c9d4035ce7ad05.txt""#))
    #expect(code.components(separatedBy: "\n  Item(").count - 1 == 34)
    #expect(code.components(separatedBy: "    // TODO ").count - 1 == 2 + 34 + 13)
    #expect(code.contains(#"Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"))"#))
    // 力争13个地表水考核断面… is the one aspirational target, written as the flag.
    #expect(code.components(separatedBy: "aspirational: true)").count - 1 == 1)
    #expect(code.contains(#".count(atLeast: 13, "个"), aspirational: true)"#))
    #expect(!code.contains("// 力争"))
    #expect(!code.contains("numbering:"))
    #expect(code.contains("    // TODO 13 巩固燃煤整治效果 (task-13)"))
  }
}
