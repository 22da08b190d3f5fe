import Testing
import Xlsx

struct SheetNamesTests {
  @Test func replacesForbiddenCharactersAndApostrophes() {
    #expect(SheetNames.clean("任务/分工[表]:1*?\\") == "任务_分工_表__1___")
    #expect(SheetNames.clean("'引号'") == "引号")
    #expect(SheetNames.clean("") == "Sheet")
  }

  @Test func cutsToThirtyOneCharacters() {
    let long = String(repeating: "很长的单位名称", count: 6)
    #expect(SheetNames.clean(long).count == 31)
  }

  @Test func makesCollisionsAfterTruncationUnique() {
    let a = String(repeating: "甲", count: 40) + "一处"
    let b = String(repeating: "甲", count: 40) + "二处"
    let names = SheetNames.make([a, b, "Sheet", "sheet"])
    #expect(names[0] == String(repeating: "甲", count: 31))
    #expect(names[1] == String(repeating: "甲", count: 27) + " (2)")
    #expect(names[1].count == 31)
    #expect(names[2] == "Sheet")
    #expect(names[3] == "sheet (2)")
  }
}
