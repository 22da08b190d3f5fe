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
    #expect(first.stdout.hasPrefix("guangzhou-2020: 22 templates for 2020-10 in \(out)\n"))
    let again = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(again.status == 0, "\(again.stderr)")

    let filled = out + "/2020-10-08-大气处.xlsx"
    var bytes = try Data(contentsOf: URL(fileURLWithPath: filled))
    bytes.append(0x0A)
    try bytes.write(to: URL(fileURLWithPath: filled))
    try Data("回执".utf8).write(to: URL(fileURLWithPath: out + "/回执.txt"))
    let refused = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(refused.status == 1)
    #expect(
      refused.stderr
        == "template failed, nothing written: 2020-10-08-大气处.xlsx in \(out) differs from a "
        + "fresh template (filled in, or made from another version of the plan) and would be "
        + "written over; collect or move it first\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: filled)) == bytes)

    try FileManager.default.removeItem(atPath: filled)
    let third = try Binary.run("template", "guangzhou-2020", "--period", "2020-10", "--out", out)
    #expect(third.status == 0, "\(third.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(names.count == 24)
    #expect(names.first == ".planbook-set")
    #expect(names.contains("回执.txt"))
    #expect(try folder.files() == ["2020-10"])
  }
}
