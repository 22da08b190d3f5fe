import Foundation
import TestSupport
import Testing

/// The Guangzhou plan's committed snapshot with `change` applied to its JSON, written into
/// `folder` as `guangzhou-2020.json`; its path, for a command's PLAN argument.
func guangzhouSnapshot(
  in folder: TemporaryFolder, _ change: (inout [String: Any]) throws -> Void
) throws -> String {
  let url = Repository.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
  var top = try #require(
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  var plan = try #require(top["plan"] as? [String: Any])
  try change(&plan)
  top["plan"] = plan
  let path = folder.url.appendingPathComponent("guangzhou-2020.json")
  try JSONSerialization.data(withJSONObject: top).write(to: path)
  return path.path
}

/// Sets `key` of the plan's assessment to `value`.
func setAssessment(_ plan: inout [String: Any], _ key: String, _ value: Any) throws {
  var rules = try #require(plan["assessment"] as? [String: Any])
  rules[key] = value
  plan["assessment"] = rules
}

/// The line of `text` (as printed) that starts with `prefix`.
func line(_ text: String, startingWith prefix: String) -> String? {
  text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
}

/// Issue 14, item 6: findings as given — 自评 and 第三方评估 rows in the reports.
@Suite struct FindingsTests {
  static let rows =
    "finding,pm25,,,自评,达标,,大气处,2020-09-30,自评达标\n"
    + "finding,pm25,,,第三方评估,未达标,,省环境科学研究院,2020-09-30,督察抽查\n"

  @Test func shownBesideTheComputedClass() throws {
    let root = try guangzhouWorkspace([
      "2020-09.csv": try sampleReport("2020-09", adding: Self.rows)
    ])
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let run = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-09-30", environment: env)
    #expect(run.status == 0, "\(run.stderr)")
    let header = try #require(line(run.stdout, startingWith: "  id "))
    #expect(header.contains("状态"))
    #expect(header.contains("自评"))
    #expect(header.contains("第三方评估"))
    // The plan scores by the computed class: no 计分 column.
    #expect(!header.contains("计分"))
    let pm = try #require(line(run.stdout, startingWith: "  pm25 "))
    #expect(pm.contains("达标（大气处 2020-09-30）"), "\(pm)")
    #expect(pm.contains("未达标（省环境科学研究院 2020-09-30）"), "\(pm)")
    // The bulletin's counts of findings, under the targets'.
    #expect(run.stdout.contains("    自评：达标1项（13项中1项有自评）\n"), "\(run.stdout)")

    let json = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json", environment: env)
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let targets = try #require(view["targets"] as? [[String: Any]])
    let target = try #require(targets.first { $0["id"] as? String == "pm25" })
    let third = try #require(target["thirdParty"] as? [String: Any])
    #expect(third["status"] as? [String: String] == ["code": "notMet", "name": "未达标"])
    #expect(third["by"] as? String == "省环境科学研究院")
    #expect(third["date"] as? String == "2020-09-30")
    #expect(third["note"] as? String == "督察抽查")
    let own = try #require(target["selfAssessment"] as? [String: Any])
    #expect(own["by"] as? String == "gz-eeb-air")
    #expect(target["scoredStatus"] as? [String: String] == ["code": "met", "name": "达标"])
  }

  @Test(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
  func inTheDashboard() throws {
    let root = try guangzhouWorkspace([
      "2020-09.csv": try sampleReport("2020-09", adding: Self.rows)
    ])
    defer { root.remove() }
    let path = root.url.appendingPathComponent("status.xlsx").path
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "xlsx", "--out", path,
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let sheet = try #require(try Openpyxl.dump(path).sheet("指标状态"))
    let headerRow = try #require(sheet.rows(where: "G", is: "状态").first)
    #expect(sheet.text("I\(headerRow)") == "自评")
    #expect(sheet.text("J\(headerRow)") == "第三方评估")
    let pmRow = try #require(
      sheet.firstRow("A") { $0.text?.contains("PM2.5") == true })
    #expect(sheet.text("G\(pmRow)") == "达标")
    #expect(sheet.text("I\(pmRow)") == "达标")
    #expect(sheet.text("J\(pmRow)") == "未达标")
  }

  @Test func scoredInsteadOfTheComputedClassWhenThePlanSaysSo() throws {
    let root = try guangzhouWorkspace([
      "2020-09.csv": try sampleReport("2020-09", adding: Self.rows)
    ])
    defer { root.remove() }
    let env = ["PLANBOOK_ROOT": root.path]
    let computed = try Binary.run(
      "rank", "guangzhou-2020", "--period", "2020-09", "--reasons", environment: env)
    #expect(computed.status == 0, "\(computed.stderr)")
    #expect(computed.stdout.contains("  2/2  PM2.5平均浓度：达标（"))

    let snapshot = try guangzhouSnapshot(in: root) {
      try setAssessment(&$0, "findings", "thirdParty")
    }
    let run = try Binary.run(
      "rank", snapshot, "--period", "2020-09", "--reasons", environment: env)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        "  0/2  PM2.5平均浓度：未达标（按第三方评估计，省环境科学研究院，2020-09-30；计算结果达标：实际28.4 微克/立方米"),
      "\(run.stdout)")
    let status = try Binary.run("status", snapshot, "--as-of", "2020-09-30", environment: env)
    let header = try #require(line(status.stdout, startingWith: "  id "))
    #expect(header.contains("计分"))
    let pm = try #require(line(status.stdout, startingWith: "  pm25 "))
    #expect(pm.contains("未达标（省环境科学研究院 2020-09-30）  未达标"), "\(pm)")
  }

  @Test func badFindingRowsAreErrorsAtTheirLine() throws {
    let rows = [
      "finding,pm25,,,督察,未达标,,省督察组,2020-09-30,",  // basis
      "finding,pm25,,,第三方评估,无数据,,市督察组,2020-09-30,",  // not a class a finding gives
      "finding,pm25,30,,自评,达标,,大气处,2020-09-30,",  // a value
      "finding,pm25,,,自评,达标,,办公室,2020-09-30,",  // not its unit
      "finding,pm25,,,第三方评估,达标,,省督察组,2020-09-30,",
      "finding,pm25,,,第三方评估,未达标,,省督察组,2020-09-30,",  // the same key twice
    ]
    let text = try sampleReport("2020-09", adding: rows.joined(separator: "\n") + "\n")
    let first = text.split(separator: "\n", omittingEmptySubsequences: false).count - rows.count
    let root = try guangzhouWorkspace(["2020-09.csv": text])
    defer { root.remove() }
    let run = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path]
    )
    #expect(run.status == 1)
    #expect(run.stdout == "")
    let file = "2020-09.csv"
    for expected in [
      "\(file):\(first):16: basis '督察' is not 自评 or 第三方评估",
      "\(file):\(first + 1):22: state '无数据' is not a class a finding gives",
      "\(file):\(first + 2):14: value '30' must be empty in a finding row",
      "\(file):\(first + 3):23: reporter 办公室 (gz-eeb-office) cannot self-assess target 'pm25'",
      "\(file):\(first + 5):1: duplicate row: the same kind, id, reporter and basis as line \(first + 4)",
    ] {
      #expect(run.stderr.contains(expected), "\(expected)\n\(run.stderr)")
    }
    // A third-party assessor need not be a unit of the plan.
    #expect(!run.stderr.contains("is not a unit of the plan"), "\(run.stderr)")
  }

  @Test func aSnapshotWithoutTheSettingScoresByTheComputedClass() throws {
    let root = try guangzhouWorkspace([
      "2020-09.csv": try sampleReport("2020-09", adding: Self.rows)
    ])
    defer { root.remove() }
    // The committed snapshot has no `findings` key: it reads, and scores as computed.
    let snapshot = Repository.root.appendingPathComponent("plans/snapshots/guangzhou-2020.json")
    let text = try String(contentsOf: snapshot, encoding: .utf8)
    #expect(!text.contains("\"findings\""))
    let run = try Binary.run(
      "rank", snapshot.path, "--period", "2020-09", "--reasons",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("  2/2  PM2.5平均浓度：达标（"))
  }
}

/// Issue 14, item 7: tallies as bulletins print them.
@Suite struct TallyTests {
  @Test func targetsFiguresAndTasksCountedApart() throws {
    let run = try Binary.run("status", "guangzhou-2020", "--as-of", "2020-09-30")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.contains(
        """
        统计 tallies (targets, task figures and tasks counted apart)
          13项指标：达标9项、预计达标3项、未达标1项
          9项任务量化指标：达标2项、预计达标3项、未达标3项、未到期1项
          34项任务：已完成1项、超进度4项、达进度21项、欠进度6项、逾期1项、未开始1项

        合计 plan: 34 tasks, 72.9% complete

        """), "\(run.stdout)")
    // The plan total no longer mixes targets and figures in one count.
    #expect(!run.stdout.contains("; targets 达标"))

    let json = try Binary.run(
      "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json")
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let tallies = try #require(view["tallies"] as? [[String: Any]])
    #expect(tallies.map { $0["kind"] as? String } == ["targets", "figures", "tasks"])
    #expect(tallies.map { $0["count"] as? Int } == [13, 9, 34])
    #expect(tallies.first?["text"] as? String == "13项指标：达标9项、预计达标3项、未达标1项")
  }

  @Test func perTargetGroupWithNumbers() throws {
    let root = try guangzhouWorkspace()
    defer { root.remove() }
    let snapshot = try guangzhouSnapshot(in: root) { plan in
      var targets = try #require(plan["targets"] as? [[String: Any]])
      for i in 0..<3 {
        targets[i]["group"] = "环境质量"
        targets[i]["number"] = String(i + 1)
      }
      for i in 3..<targets.count { targets[i]["group"] = "污染减排" }
      plan["targets"] = targets
    }
    let run = try Binary.run(
      "status", snapshot, "--as-of", "2020-09-30", environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("  【环境质量】3项指标：达标2项、预计达标1项\n"), "\(run.stdout)")
    #expect(run.stdout.contains("  【污染减排】10项指标：达标7项、预计达标2项、未达标1项\n"))
    let header = try #require(line(run.stdout, startingWith: "  类别 "))
    #expect(header.contains("编号"))
    #expect(line(run.stdout, startingWith: "  环境质量  1     pm25 ") != nil, "\(run.stdout)")
  }
}

/// Issue 14, item 8: ranking reasons, units without tasks, ranking groups.
@Suite struct RankingReasonsAndGroupsTests {
  @Test func aCooperatingUnitsLineSaysWhatItLost() throws {
    let run = try Binary.run("rank", "guangzhou-2020", "--period", "2020Q3", "--reasons")
    #expect(run.status == 0, "\(run.stderr)")
    // 第11项 is worth 2 points; 欠进度 takes 1 of them; a cooperating unit answers for 0.3 of
    // the task, so it lost 0.3 of its 0.6.
    #expect(
      run.stdout.contains(
        "  0.3/0.6  第11项：欠进度（完成68%，序时进度74.86%）；欠进度扣1分；按配合比例0.3计，实扣0.3分\n"),
      "\(run.stdout)")
    // The lead's line is unchanged: it lost the whole deduction.
    #expect(!run.stdout.contains("  1/2  第11项：欠进度（完成68%，序时进度74.86%）；欠进度扣1分；按配合比例"))
  }

  /// A unit that only cooperates on one target (no task): a new unit on `lost-function`.
  func targetOnlyPlan(in root: TemporaryFolder) throws -> String {
    try guangzhouSnapshot(in: root) { plan in
      var units = try #require(plan["units"] as? [[String: Any]])
      units.append([
        "id": "gz-test-only", "name": "广州市测试单位", "shortName": "测试单位", "kind": "department",
      ])
      plan["units"] = units
      var targets = try #require(plan["targets"] as? [[String: Any]])
      let i = try #require(targets.firstIndex { $0["id"] as? String == "lost-function" })
      var responsibility = targets[i]["responsibility"] as? [String: Any] ?? [:]
      responsibility["cooperating"] = ["gz-test-only"]
      targets[i]["responsibility"] = responsibility
      plan["targets"] = targets
    }
  }

  @Test func aUnitWithoutTasksIsNotZeroPercentComplete() throws {
    let root = try guangzhouWorkspace()
    defer { root.remove() }
    let snapshot = try targetOnlyPlan(in: root)
    let env = ["PLANBOOK_ROOT": root.path]
    let run = try Binary.run("rank", snapshot, "--period", "2020Q3", environment: env)
    #expect(run.status == 0, "\(run.stderr)")
    let row = try #require(
      run.stdout.split(separator: "\n").first { $0.contains("测试单位") }.map(String.init))
    #expect(row.hasSuffix("100     —  优秀        —     —"), "\(row)")
    #expect(!row.contains("0%"))
    let json = try Binary.run(
      "rank", snapshot, "--period", "2020Q3", "--format", "json", environment: env)
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let entries = try #require(view["entries"] as? [[String: Any]])
    let entry = try #require(entries.first { $0["shortName"] as? String == "测试单位" })
    #expect(entry["completion"] == nil)
    let status = try Binary.run("status", snapshot, "--as-of", "2020-09-30", environment: env)
    let unitRow = try #require(line(status.stdout, startingWith: "  测试单位"))
    #expect(unitRow.contains("   —  —"), "\(unitRow)")
  }

  func groupedPlan(in root: TemporaryFolder) throws -> String {
    try guangzhouSnapshot(in: root) { plan in
      let units = try #require(plan["units"] as? [[String: Any]])
      let branches = units.compactMap { u in
        (u["shortName"] as? String)?.hasSuffix("分局") == true ? u["id"] as? String : nil
      }
      try setAssessment(
        &plan, "rankingGroups",
        [
          ["name": "区分局", "kinds": [String](), "units": branches],
          ["name": "市直部门", "kinds": ["department"], "units": [String]()],
        ])
    }
  }

  @Test func groupsRankedInSeparateLists() throws {
    let root = try guangzhouWorkspace()
    defer { root.remove() }
    let snapshot = try groupedPlan(in: root)
    let env = ["PLANBOOK_ROOT": root.path]
    let run = try Binary.run("rank", snapshot, "--period", "2020Q3", environment: env)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("ranked in 3 lists: 区分局、市直部门、其他单位\n"))
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let branches = try #require(lines.firstIndex(of: "区分局 (11)"))
    let departments = try #require(lines.firstIndex(of: "市直部门 (8)"))
    let others = try #require(lines.firstIndex(of: "其他单位 (24)"))
    #expect(branches < departments && departments < others)
    // Each list ranks from 1, and the change of rank is within the list.
    for start in [branches, departments, others] {
      #expect(lines[start + 2].hasPrefix("     1  "), "\(lines[start + 2])")
    }
    #expect(lines[(branches + 2)..<departments].allSatisfy { $0.contains("分局") || $0.isEmpty })
    #expect(lines[(departments + 2)..<others].contains { $0.contains("市水务局") })

    let json = try Binary.run(
      "rank", snapshot, "--period", "2020Q3", "--format", "json", environment: env)
    let view = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(view["groups"] as? [String] == ["区分局", "市直部门", "其他单位"])
    let entries = try #require(view["entries"] as? [[String: Any]])
    let water = try #require(entries.first { $0["shortName"] as? String == "市水务局" })
    #expect(water["group"] as? String == "市直部门")
  }

  @Test(.enabled(if: Openpyxl.isAvailable, "needs openpyxl (scripts/test-setup)"))
  func theRankWorkbookCarriesTheGroup() throws {
    let root = try guangzhouWorkspace()
    defer { root.remove() }
    let snapshot = try groupedPlan(in: root)
    let path = root.url.appendingPathComponent("rank.xlsx").path
    let run = try Binary.run(
      "rank", snapshot, "--period", "2020Q3", "--format", "xlsx", "--out", path,
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    let sheet = try #require(try Openpyxl.dump(path).sheet("排名"))
    let header = try #require(sheet.rows(where: "A", is: "名次").first)
    #expect(sheet.text("J\(header)") == "排名组")
    let water = try #require(sheet.rows(where: "C", is: "市水务局").first)
    #expect(sheet.text("J\(water)") == "市直部门")
  }

  @Test func aGroupNamingAnUnknownUnitIsAnError() throws {
    let root = try guangzhouWorkspace()
    defer { root.remove() }
    let snapshot = try guangzhouSnapshot(in: root) { plan in
      try setAssessment(
        &plan, "rankingGroups", [["name": "区", "kinds": [String](), "units": ["gz-nowhere"]]])
    }
    let run = try Binary.run("check", snapshot, environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 1)
    #expect(
      run.stdout.contains(
        "ranking group '区' names unit 'gz-nowhere', which the plan does not have"),
      "\(run.stdout)\(run.stderr)")
  }
}
