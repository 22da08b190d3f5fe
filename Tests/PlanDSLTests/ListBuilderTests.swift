import PlanDSL
import Testing

@Suite struct ListBuilderTests {
  @ListBuilder<Int> private func build(_ flag: Bool, _ count: Int) -> [Int] {
    1
    if flag {
      2
    }
    if flag {
      3
    } else {
      4
    }
    for n in 0..<count {
      10 + n
    }
    5
  }

  @Test func optionalEitherAndArray() {
    #expect(build(true, 2) == [1, 2, 3, 10, 11, 5])
    #expect(build(false, 0) == [1, 4, 5])
    #expect(build(false, 3) == [1, 4, 10, 11, 12, 5])
  }

  @Test func staticEntryPoints() {
    #expect(ListBuilder<Int>.buildBlock([1], [], [2, 3]) == [1, 2, 3])
    #expect(ListBuilder<Int>.buildBlock() == [])
    #expect(ListBuilder<Int>.buildOptional(nil) == [])
    #expect(ListBuilder<Int>.buildOptional([7]) == [7])
    #expect(ListBuilder<Int>.buildArray([[1], [], [2, 3]]) == [1, 2, 3])
    #expect(ListBuilder<Int>.buildEither(first: [1]) == [1])
    #expect(ListBuilder<Int>.buildEither(second: [2]) == [2])
    #expect(ListBuilder<Int>.buildExpression(9) == [9])
  }
}
