import Foundation
import PlanEngine
import PlanModel
import Plans
import Testing
import Tracking

@Suite struct ProgressCSVTests {
  /// A month file rewritten by `collect` keeps its findings exactly (issue 14, item 6).
  @Test func findingsAreWrittenBackAsTheyWereRead() throws {
    let plan = try #require(Catalogue.plan("guangzhou-2020")?.model)
    let resolved = Resolver.resolve(plan)
    let text =
      ProgressFile.columns.joined(separator: ",") + "\n"
      + "finding,pm25,,,自评,达标,,gz-eeb-air,2020-09-30,自评达标,,\n"
      + "finding,pm25,,,第三方评估,未达标,,省环境科学研究院,2020-09-30,\"抽查, 复核\",,\n"
    let report = try ProgressFile.parse(text, path: "2020-09.csv", plan: resolved)
    let lines = ProgressCSV.lines(report.entries)
    #expect(lines.joined(separator: "\n") + "\n" == text)
  }
}
