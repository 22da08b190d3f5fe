import Foundation
import TestSupport
import Testing

/// Issue 19 (4): `planbook bulletin` — every sentence's numbers checked against what `status
/// --format json` and `rank --format json` print for the same period, and the ledger
/// `supervise` wrote; the Markdown as a golden file; docx and pdf through LibreOffice.
@Suite struct BulletinCommandTests {
  typealias JSON = [String: Any]

  /// A scratch workspace with the four sample months, supervised at each month's end, as the
  /// loop status → supervise → bulletin runs month by month.
  static func supervisedWorkspace() throws -> TemporaryFolder {
    let root = try TemporaryFolder.workspace()
    for (m, day) in [
      ("06", "2020-06-30"), ("07", "2020-07-31"), ("08", "2020-08-31"),
      ("09", "2020-09-30"),
    ] {
      let run = try SuperviseCommandTests.month(m, day, root: root)
      #expect(run.status == 0, "\(run.stderr)")
    }
    return root
  }

  static func json(_ arguments: String..., root: TemporaryFolder) throws -> JSON {
    let run = try Binary.run(arguments: arguments, environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? JSON)
  }

  /// A number as the tool prints it: an integer without a point, else Swift's shortest form.
  static func number(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
  }

  static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

  static func dayName(_ iso: String) -> String {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    return "\(p[0])年\(p[1])月\(p[2])日"
  }

  /// `9月30日`: a day of the bulletin's year, as its tables write it.
  static func monthDay(_ iso: String) -> String {
    let p = iso.split(separator: "-").compactMap { Int($0) }
    return "\(p[1])月\(p[2])日"
  }

  static func classes(_ list: Any?) -> [(name: String, count: Int)] {
    ((list as? [JSON]) ?? []).compactMap { c in
      guard let n = c["name"] as? String, let k = c["count"] as? Int else { return nil }
      return (n, k)
    }
  }

  /// The bulletin's sentences, rebuilt from the JSON of `status` (as of the period's last day
  /// and of the previous period's), `rank` and the ledger, each expected in `md` as written.
  static func expectSentences(
    _ md: String, status: JSON, previous: JSON?, previousName: String?, rank: JSON,
    ledger: JSON?, period: (first: String, last: String), periodName: String
  ) throws {
    let asOf = try #require(status["asOf"] as? String)
    #expect(rank["asOf"] as? String == asOf, "rank and status are as of the same day")
    let date = dayName(asOf)
    let units = try #require(status["units"] as? [JSON])
    var short: [String: String] = [:]
    for u in units { short[u["id"] as? String ?? ""] = u["shortName"] as? String }
    func names(_ ids: Any?) -> String {
      let list = (ids as? [String]) ?? []
      return list.isEmpty ? "—" : list.map { short[$0] ?? $0 }.joined(separator: "、")
    }
    func expectLine(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
      #expect(
        md.contains("\n" + line + "\n"), "missing: \(line)", sourceLocation: sourceLocation)
    }
    func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    // 一、the tallies of targets and task figures.
    let tallies = try #require(status["tallies"] as? [JSON])
    let sentences = tallies.filter { $0["kind"] as? String != "tasks" }.map { t -> String in
      let noun = t["kind"] as? String == "figures" ? "任务量化指标" : "指标"
      var parts = classes(t["classes"]).map { "\($0.name)\($0.count)项" }
      if let n = t["notYetDue"] as? Int, n > 0 { parts.append("未到期\(n)项") }
      let group = (t["group"] as? String).map { "【\($0)】" } ?? ""
      return "\(group)\(t["count"] as? Int ?? -1)项\(noun)中，\(parts.joined(separator: "、"))"
    }
    expectLine("截至\(date)，\(sentences.joined(separator: "；"))。")
    let targets = try #require(status["targets"] as? [JSON])
    let wholes = targets.filter { $0["share"] == nil }
    func code(_ item: JSON) -> String? { (item["status"] as? JSON)?["code"] as? String }
    func className(_ item: JSON) -> String? { (item["status"] as? JSON)?["name"] as? String }
    let notMet = wholes.filter { code($0) == "notMet" }
    if !notMet.isEmpty {
      expectLine(
        "未达标的\(notMet.contains { $0["task"] != nil } ? "指标和任务量化指标" : "指标")共\(notMet.count)项："
          + notMet.map { "\($0["name"] as? String ?? "")（\(names($0["lead"]))）" }.joined(
            separator: "、") + "。")
    }
    for t in notMet {
      let measured = (t["measured"] as? Double).map {
        number(round2($0)) + ((t["unit"] as? String).map { " \($0)" } ?? "")
      }
      expectLine(
        row([
          t["name"] as? String ?? "", names(t["lead"]), t["requirement"] as? String ?? "",
          measured ?? "—", "未达标",
        ]))
    }

    // 二、what moved since the previous period's last day.
    let tasks = try #require(status["tasks"] as? [JSON])
    if let previous, let previousName {
      let before = try #require(previous["asOf"] as? String)
      var rows: [String] = []
      var (movedTargets, movedTasks) = (0, 0)
      let oldTargets = (previous["targets"] as? [JSON] ?? []).filter { $0["share"] == nil }
      for t in wholes {
        guard let p = oldTargets.first(where: { $0["id"] as? String == t["id"] as? String }),
          className(p) != className(t)
        else { continue }
        movedTargets += 1
        let kind = t["task"] == nil ? "指标" : "任务量化指标"
        rows.append(
          row([
            "\(kind)：\(t["name"] as? String ?? "")", names(t["lead"]), className(p) ?? "",
            className(t) ?? "",
          ]))
      }
      let oldTasks = previous["tasks"] as? [JSON] ?? []
      for t in tasks {
        guard let p = oldTasks.first(where: { $0["id"] as? String == t["id"] as? String }),
          className(p) != className(t)
        else { continue }
        movedTasks += 1
        rows.append(
          row([
            "任务：第\(t["number"] as? String ?? "")项\(t["title"] as? String ?? "")",
            names(t["lead"]), className(p) ?? "", className(t) ?? "",
          ]))
      }
      #expect(!rows.isEmpty, "the sample months move something")
      let what = [(movedTargets, "指标"), (movedTasks, "任务")].filter { $0.0 > 0 }.map {
        "\($0.0)项\($0.1)"
      }
      expectLine(
        "与\(previousName)（截至\(dayName(before))）相比，\(what.joined(separator: "、"))的类别发生变化：")
      for r in rows { expectLine(r) }
    }

    // 三、task progress: the tally, the plan's completion, each chapter, the tasks behind.
    let taskTally = try #require(tallies.first { $0["kind"] as? String == "tasks" })
    let total = try #require(status["total"] as? JSON)
    let completion = try #require(total["completion"] as? Double)
    expectLine(
      "\(taskTally["count"] as? Int ?? -1)项任务中，"
        + classes(taskTally["classes"]).map { "\($0.name)\($0.count)项" }.joined(separator: "、")
        + "；全部任务总体完成\(number(completion))%。")
    for c in try #require(status["chapters"] as? [JSON]) {
      let r = try #require(c["rollup"] as? JSON)
      let counts = classes(r["taskClasses"]).map { "\($0.name)\($0.count)项" }
      let cells = [
        String(r["tasks"] as? Int ?? -1),
        (r["completion"] as? Double).map { number($0) + "%" } ?? "—",
        counts.isEmpty ? "—" : counts.joined(separator: "、"),
      ]
      #expect(
        md.contains(" | " + cells.joined(separator: " | ") + " |\n"), "chapter \(c["id"] ?? "")")
    }
    let lagging = tasks.filter { ["behind", "notStarted"].contains(code($0)) }
    let lagged = lagging.map { t in
      "第\(t["number"] as? String ?? "")项\(t["title"] as? String ?? "")（\(names(t["lead"]))，"
        + "\(className(t) ?? "")，完成\(number(t["percent"] as? Double ?? -1))%，"
        + "序时进度\(number(t["expected"] as? Double ?? -1))%）"
    }
    if !lagging.isEmpty {
      expectLine("进展滞后的任务\(lagging.count)项：\(lagged.joined(separator: "；"))。")
    }

    // 四、the ranking: grades counted, the best and the lagging named, every row.
    let entries = try #require(rank["entries"] as? [JSON])
    #expect(rank["groups"] == nil, "the Guangzhou plan ranks one list")
    func named(_ e: JSON) -> String {
      "\(e["shortName"] as? String ?? "")（第\(e["rank"] as? Int ?? -1)名，"
        + "\(number(round2(e["score"] as? Double ?? -1)))分）"
    }
    let grades = ["优秀", "良好", "合格", "不合格"].compactMap { g -> String? in
      let n = entries.count { $0["grade"] as? String == g }
      return n == 0 ? nil : "\(g)\(n)个"
    }
    let best = entries.filter { ($0["rank"] as? Int ?? 99) <= 3 }
    let floor = entries[entries.count - 3]["rank"] as? Int ?? 0
    let last = entries.filter { ($0["rank"] as? Int ?? 0) >= floor }
    expectLine(
      "按考核细则计分，\(entries.count)个单位中\(grades.joined(separator: "、"))。"
        + "排名前列的单位：\(best.map(named).joined(separator: "、"))；"
        + "排名靠后的单位：\(last.map(named).joined(separator: "、"))。")
    // The change of rank is against the period whose last day `previous` is as of.
    if let previousName {
      #expect(rank["previousPeriod"] as? String != nil)
      expectLine("名次变化与\(previousName)相比（新：上期未排名）。")
    } else {
      #expect(rank["previousPeriod"] == nil)
    }
    for e in entries {
      expectLine(
        row([
          String(e["rank"] as? Int ?? -1), e["change"] as? String ?? "",
          e["shortName"] as? String ?? "", number(round2(e["score"] as? Double ?? -1)),
          e["grade"] as? String ?? "", (e["completion"] as? Double).map { number($0) + "%" } ?? "—",
          (e["overdue"] as? [String]).map { $0.isEmpty ? "—" : String($0.count) } ?? "—",
        ]))
    }

    // 五、colours as status gives them, the overdue tasks and the red items with their units.
    var colourItems: [(JSON, String)] = tasks.map { ($0, "task") } + wholes.map { ($0, "target") }
    for t in tasks {
      for m in t["milestones"] as? [JSON] ?? [] { colourItems.append((m, "milestone")) }
    }
    colourItems += targets.filter { $0["share"] != nil }.map { ($0, "share") }
    func colour(_ item: JSON) -> String? { (item["colour"] as? JSON)?["code"] as? String }
    let counted = [("red", "红色"), ("yellow", "黄色"), ("blue", "蓝色")].map { c, name in
      "\(name)\(colourItems.count { colour($0.0) == c })项"
    }
    expectLine("截至\(date)，三色预警（任务、节点和指标）中\(counted.joined(separator: "、"))。")
    let overdue = tasks.filter { code($0) == "overdue" }
    if overdue.isEmpty { expectLine("无逾期任务。") }
    if !overdue.isEmpty {
      expectLine(
        "逾期任务\(overdue.count)项："
          + overdue.map {
            "第\($0["number"] as? String ?? "")项\($0["title"] as? String ?? "")（\(names($0["lead"]))）"
          }.joined(separator: "；") + "。")
    }
    let rankOverdue = (rank["overdue"] as? [JSON] ?? []).flatMap { $0["tasks"] as? [String] ?? [] }
    #expect(rankOverdue == overdue.compactMap { $0["number"] as? String })
    let red = colourItems.filter { colour($0.0) == "red" }
    expectLine(red.isEmpty ? "无红色预警事项。" : "红色预警事项\(red.count)项：")
    for (item, kind) in red where kind == "task" {
      let reason = ((item["colour"] as? JSON)?["reason"] as? String) ?? ""
      expectLine(
        row([
          "任务：第\(item["number"] as? String ?? "")项\(item["title"] as? String ?? "")",
          names(item["lead"]), "红", reason,
        ]))
    }

    // 六、the notices of the period, from the ledger supervise wrote.
    guard let ledger else {
      expectLine("本期无督办记录（督办台账尚未建立）。")
      return
    }
    let notices = (ledger["notices"] as? [JSON] ?? []).filter {
      let d = $0["issuedOn"] as? String ?? ""
      return d >= period.first && d <= period.last
    }
    let level = ["red": 3, "yellow": 2, "blue": 1]
    func noticeColour(_ n: JSON) -> String {
      (n["items"] as? [JSON] ?? []).compactMap { $0["colour"] as? String }.max {
        level[$0, default: 0] < level[$1, default: 0]
      } ?? "blue"
    }
    let levels = [("red", "红色"), ("yellow", "黄色"), ("blue", "蓝色")].compactMap { c, name in
      let n = notices.count { noticeColour($0) == c }
      return n == 0 ? nil : "\(name)督办\(n)份"
    }
    let items = notices.flatMap { $0["items"] as? [JSON] ?? [] }
    let raised = items.filter { $0["escalates"] != nil }
    let first = try #require(notices.first?["number"] as? String)
    let lastNumber = try #require(notices.last?["number"] as? String)
    let unitsNoticed = Set(notices.compactMap { $0["unit"] as? String }).count
    expectLine(
      "\(periodName)下发督办单\(notices.count)份（\(notices.count == 1 ? first : "\(first)至\(lastNumber)")）："
        + "\(levels.joined(separator: "、"))，涉及\(unitsNoticed)个单位、\(items.count)个事项"
        + (raised.isEmpty
          ? "，无提级或再次督办事项。" : "，其中\(raised.count)项因督办后至反馈时限未见进展而提级或再次督办。"))
    for n in notices {
      let number = n["number"] as? String ?? ""
      #expect(
        md.contains(
          "| \(number) | \(monthDay(n["issuedOn"] as? String ?? "")) | \(names([n["unit"] as? String ?? ""])) |"
        ),
        "notice \(number)")
    }
  }

  @Test func theSeptemberBulletinAfterFourMonthsOfSupervision() throws {
    let root = try Self.supervisedWorkspace()
    defer { root.remove() }
    let run = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr == "")
    try expectGolden(run.stdout, "bulletin-guangzhou-2020-2020-09.md")

    let ledgerData = try Data(
      contentsOf: root.url.appendingPathComponent(
        "plans/progress/guangzhou-2020/supervision.json"))
    let ledger = try #require(try JSONSerialization.jsonObject(with: ledgerData) as? JSON)
    try Self.expectSentences(
      run.stdout,
      status: try Self.json(
        "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json", root: root),
      previous: try Self.json(
        "status", "guangzhou-2020", "--as-of", "2020-08-31", "--format", "json", root: root),
      previousName: "2020年8月",
      rank: try Self.json(
        "rank", "guangzhou-2020", "--period", "2020-09", "--format", "json", root: root),
      ledger: ledger, period: ("2020-09-01", "2020-09-30"), periodName: "2020年9月")
    // The bulletin reads the ledger, never writes it.
    #expect(
      try Data(
        contentsOf: root.url.appendingPathComponent(
          "plans/progress/guangzhou-2020/supervision.json")) == ledgerData)

    // The same bulletin with --out: the same bytes, written atomically (no file left beside).
    let out = root.url.appendingPathComponent("bulletin.md").path
    let written = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--out", out,
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout == "guangzhou-2020: bulletin for 2020-09 written to \(out)\n")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == run.stdout)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
        $0.hasPrefix(".bulletin")
      } == [])
  }

  @Test func theThirdQuarterAgainstTheSecond() throws {
    let root = try Self.supervisedWorkspace()
    defer { root.remove() }
    let run = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020Q3",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout.hasPrefix("# 2020年广州市生态环境保护工作计划执行情况通报\n\n**2020年第三季度**\n\n广州市生态环境局　2020年9月30日\n"))
    let ledgerData = try Data(
      contentsOf: root.url.appendingPathComponent(
        "plans/progress/guangzhou-2020/supervision.json"))
    try Self.expectSentences(
      run.stdout,
      status: try Self.json(
        "status", "guangzhou-2020", "--as-of", "2020-09-30", "--format", "json", root: root),
      previous: try Self.json(
        "status", "guangzhou-2020", "--as-of", "2020-06-30", "--format", "json", root: root),
      previousName: "2020年第二季度",
      rank: try Self.json(
        "rank", "guangzhou-2020", "--period", "2020Q3", "--format", "json", root: root),
      ledger: try #require(try JSONSerialization.jsonObject(with: ledgerData) as? JSON),
      period: ("2020-07-01", "2020-09-30"), periodName: "2020年第三季度")
  }

  /// The first reported month, in the repository, which has no ledger: nothing to compare
  /// with and no notices, each said so; every other sentence as before.
  @Test func theFirstMonthWithoutALedger() throws {
    let run = try Binary.run("bulletin", "guangzhou-2020", "--period", "2020-06")
    #expect(run.status == 0, "\(run.stderr)")
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for m in ["06", "07", "08", "09"] {
      try FileManager.default.copyItem(
        at: SuperviseCommandTests.progress.appendingPathComponent("2020-\(m).csv"),
        to: folder.appendingPathComponent("2020-\(m).csv"))
    }
    let scratch = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-06",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(scratch.stdout == run.stdout)
    #expect(scratch.stdout.contains("\n上期（2020年5月）截至2020年5月31日尚无进展报告，无上期可比。\n"))
    try Self.expectSentences(
      scratch.stdout,
      status: try Self.json(
        "status", "guangzhou-2020", "--as-of", "2020-06-30", "--format", "json", root: root),
      previous: nil, previousName: nil,
      rank: try Self.json(
        "rank", "guangzhou-2020", "--period", "2020-06", "--format", "json", root: root),
      ledger: nil, period: ("2020-06-01", "2020-06-30"), periodName: "2020年6月")
  }

  @Test func badArgumentsAndPeriodsWithoutReports() throws {
    let bad = try Binary.run("bulletin", "guangzhou-2020", "--period", "2020-13")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--period '2020-13' is not a month"))
    #expect(bad.stderr.contains("Usage: planbook bulletin"))

    let format = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--format", "xlsx")
    #expect(format.status == 64)

    let outside = try Binary.run("bulletin", "guangzhou-2020", "--period", "2021-03")
    #expect(outside.status == 64)
    #expect(outside.stderr.contains("is outside the period of guangzhou-2020"))

    let none = try Binary.run("bulletin", "guangzhou-2020", "--period", "2020-03")
    #expect(none.status == 1)
    #expect(none.stdout == "")
    #expect(
      none.stderr.hasSuffix(
        "guangzhou-2020: a bulletin needs the period's reports; no bulletin written\n"))
    // rank refuses it in the same words.
    let rank = try Binary.run("rank", "guangzhou-2020", "--period", "2020-03")
    #expect(rank.status == 1)
    #expect(
      rank.stderr.hasSuffix(
        "guangzhou-2020: a ranking needs the period's reports; nothing ranked\n"))

    // A ledger that cannot be read stops the bulletin.
    let root = try TemporaryFolder.workspace()
    defer { root.remove() }
    let folder = root.url.appendingPathComponent("plans/progress/guangzhou-2020")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: SuperviseCommandTests.progress.appendingPathComponent("2020-09.csv"),
      to: folder.appendingPathComponent("2020-09.csv"))
    try Data("{\"schema\": 1}".utf8).write(to: folder.appendingPathComponent("supervision.json"))
    let broken = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09",
      environment: ["PLANBOOK_ROOT": root.path])
    #expect(broken.status == 1)
    #expect(broken.stdout == "")
    #expect(broken.stderr.contains("supervision.json: not a supervision ledger"))
  }

  /// docx and pdf need LibreOffice: without it the package is named before anything is
  /// computed, and nothing is written; a folder in the way of --out is refused.
  @Test func withoutLibreOfficeOrWithAFolderInTheWay() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.url.appendingPathComponent("b.docx").path
    let none = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--format", "docx", "--out", out,
      environment: ["PATH": folder.path])
    #expect(none.status == 1)
    #expect(none.stdout == "")
    #expect(
      none.stderr
        == "--format docx needs LibreOffice, and soffice is not on PATH: install the Debian "
        + "package libreoffice-writer (apt-get install libreoffice-writer)\n"
        + "guangzhou-2020: no bulletin written\n")
    #expect(try folder.files() == [])

    let inTheWay = folder.url.appendingPathComponent("b.md")
    try FileManager.default.createDirectory(at: inTheWay, withIntermediateDirectories: false)
    let blocked = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--out", inTheWay.path)
    #expect(blocked.status == 1)
    #expect(blocked.stderr.contains("cannot write \(inTheWay.path): is in the way"))
    #expect(try folder.files() == ["b.md"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: inTheWay.path) == [])
  }

  /// LibreOffice with its text part (libreoffice-writer), which reads `.fodt`.
  static let canPrint =
    LibreOffice.isAvailable
    && FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/swriter")

  @Test(.enabled(if: canPrint)) func pdfAndDocxThroughLibreOffice() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pdf = folder.url.appendingPathComponent("通报.pdf").path
    let run = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--format", "pdf", "--out", pdf)
    #expect(run.status == 0, "\(run.stderr)")
    let pages = try #require(
      run.stdout.firstMatch(of: /written to .* \((\d+) pages\)\n$/).flatMap { Int($0.1) })
    let info = try Shell.run(["pdfinfo", pdf])
    #expect(info.stdout.contains("Pages:           \(pages)\n"))
    #expect(info.stdout.contains("(A4)"))
    #expect((3...8).contains(pages), "the September bulletin prints on \(pages) pages")
    let text = try Shell.run(["pdftotext", "-layout", pdf, "-"]).stdout
      .replacingOccurrences(of: " ", with: "")
    #expect(text.contains("执行情况通报"))
    #expect(text.contains("第1页共\(pages)页"))
    #expect(text.contains("13项指标中，达标9项"))
    // Printed again: the same bytes (creation date and document id fixed).
    let first = try Data(contentsOf: URL(fileURLWithPath: pdf))
    let again = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--format", "pdf", "--out", pdf)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == first)

    let docx = folder.url.appendingPathComponent("通报.docx").path
    let word = try Binary.run(
      "bulletin", "guangzhou-2020", "--period", "2020-09", "--format", "docx", "--out", docx)
    #expect(word.status == 0, "\(word.stderr)")
    #expect(word.stdout == "guangzhou-2020: bulletin for 2020-09 written to \(docx)\n")
    let document = try Shell.run(["unzip", "-p", docx, "word/document.xml"]).stdout
    let hasTitle = document.contains("年广州市生态环境保护工作计划执行情况通报")
    #expect(hasTitle)
    let styles = try Shell.run(["unzip", "-p", docx, "word/styles.xml"]).stdout
    let hasFont = styles.contains("w:eastAsia=\"宋体\"")
    #expect(hasFont)
    #expect(try folder.files().sorted() == ["通报.docx", "通报.pdf"])
  }
}
