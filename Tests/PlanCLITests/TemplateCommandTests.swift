import Foundation
import TestSupport
import Testing

@Suite struct TemplateCommandTests {
  /// Templates are written as one set: again, the same bytes; a template a unit may have
  /// filled in (any other bytes) is never written over; other files stay.
  @Test func aTemplateThatWasChangedIsNeverWrittenOver() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.path + "/2020-10"
    let first = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.hasPrefix("guangzhou-2020: 40 templates for 2020-10 in \(out)\n"))
    let again = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(again.status == 0, "\(again.stderr)")

    let filled = out + "/2020年10月-08-大气处.xlsx"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: filled))
    bytes.append(0x0A)
    try bytes.write(to: URL(fileURLWithPath: filled))
    try Data("回执".utf8).write(to: URL(fileURLWithPath: out + "/回执.txt"))
    let refused = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "template failed, nothing written: 2020年10月-08-大气处.xlsx in \(out) differs from a "
        + "fresh template (filled in, or made from another version of the plan) and would be "
        + "written over; collect or move it first\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: filled)) == bytes)

    try FileManager.default.removeItem(atPath: filled)
    let third = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(third.status == 0, "\(third.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(names.count == 42)
    #expect(names.first == ".planbook-set")
    #expect(names.contains("回执.txt"))
    #expect(try folder.files() == ["2020-10"])
  }
}

/// Issue 14, item 9: a template for every unit whose values count; why none for the others.
@Suite struct EveryReportingUnitTests {
  @Test func aCooperatingUnitOfTargetsGetsATemplate() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.path + "/water"
    let run = try Binary.run(
      "template", "guangzhou-2020", "--period", "2020-10", "--unit", "市水务局", "--out", out)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout
        == "guangzhou-2020: 1 template for 2020-10 in \(out)\n  2020年10月-39-市水务局.xlsx\n")
  }

  @Test func aUnitWithNothingToReportIsAnErrorSayingWhy() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = folder.path + "/agri"
    let run = try Binary.run(
      "template", "guangzhou-2020", "--period", "2020-10", "--unit", "市农业农村局", "--unit", "大气处",
      "--out", out)
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(
      run.stderr
        == "市农业农村局：本期无需填报（只配合任务17（牵头：水处）、23（牵头：生态处），进展由牵头单位报送），不生成填报表\n"
        + "guangzhou-2020: 市农业农村局 has nothing to report; no templates written\n")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func everyTemplateAndTheUnitsWithoutOne() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try Binary.run(
      "template", "guangzhou-2020", "--period", "2020年10月", "--out", folder.path + "/all")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("guangzhou-2020: 40 templates for 2020-10 in "))
    #expect(run.stdout.contains("  2020年10月-39-市水务局.xlsx\n"))
    #expect(
      run.stdout.hasSuffix(
        "无需填报（3个单位）：\n"
          + "  市住房城乡建设局：只配合任务14（牵头：大气处），进展由牵头单位报送\n"
          + "  市农业农村局：只配合任务17（牵头：水处）、23（牵头：生态处），进展由牵头单位报送\n"
          + "  市城市管理综合执法局：只配合任务14（牵头：大气处）、21（牵头：固废处），进展由牵头单位报送\n"))
  }
}
