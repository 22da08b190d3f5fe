import ArgumentParser
import Foundation
import PlanEngine
import PlanModel
import Reports

/// `planbook template PLAN --period 2020-09 [--unit U]... [--out DIR]`.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write the progress report workbooks the units fill in for a month.",
    discussion: """
      One workbook per unit that reports something: the targets it leads or cooperates on \
      (measured value, 口径, base-year value where the plan needs one; a target with a data \
      source is reported by that unit alone) and the tasks it leads (状态 from a list, 完成% \
      0–100, 进展说明, 佐证材料), with 填报人 and 审核人; input cells unlocked and validated, \
      everything else locked. Named <month in words>-<book number>-<unit>.xlsx \
      (2020年10月-08-大气处.xlsx) in exports/<plan-id>/templates/<period>/ unless --out is \
      given. Units with nothing to report are listed with the reason; a unit named with --unit \
      that has nothing to report is an error (exit 1, nothing written). Collect the filled \
      workbooks with `planbook collect`.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "The month reported on: 2020-09, 2020-9, 2020/9 or 2020年9月.") var period: String
  @Option(name: .customLong("unit"), help: "Only this unit (id, short or full name); repeatable.")
  var units: [String] = []
  @Option(help: "The folder to write into.") var out: String?

  func validate() throws {
    _ = try TypedOptions.month(period)
  }

  func run() throws {
    let workspace = Workspace()
    let loaded = try workspace.load(options.plan)
    let plan = loaded.plan
    let month = try TypedOptions.month(period)
    guard month.range.end >= plan.period.start, month.range.start <= plan.period.end else {
      throw UsageError(
        "--period \(period) is outside the plan's period \(plan.period)", of: Self.self)
    }
    let ids = try units.map { name in
      try UsageError.rethrow(for: Self.self) { try Workspace.unit(named: name, in: plan).id }
    }
    let resolved = try workspace.checked(loaded, refusal: "no templates written").resolved
    let folder = out ?? workspace.path("exports/\(loaded.plan.id)/templates/\(month)")
    let none = TemplateWriter.plan(resolved, period: month, units: ids.isEmpty ? nil : ids).none
    if !ids.isEmpty, !none.isEmpty {
      // A clerk who asks for a unit's template expects one: say why there is none.
      for (unit, why) in none {
        printError("\(unit.shortName)：本期无需填报（\(why)），不生成填报表")
      }
      printError(
        "\(loaded.plan.id): \(none.map(\.unit.shortName).joined(separator: ", ")) "
          + "\(none.count == 1 ? "has" : "have") nothing to report; no templates written")
      throw ExitCode(1)
    }
    let written: [String]
    do {
      written = try TemplateWriter.writeAll(
        resolved, period: month, units: ids.isEmpty ? nil : ids, to: folder,
        notice: { printError($0) })
    } catch {
      printError("template failed, nothing written: \(error)")
      throw ExitCode(1)
    }
    print("\(loaded.plan.id): \(count(written.count, "template")) for \(month) in \(folder)")
    for path in written { print("  \(URL(fileURLWithPath: path).lastPathComponent)") }
    if !none.isEmpty {
      print("无需填报（\(none.count)个单位）：")
      for (unit, why) in none { print("  \(unit.shortName)：\(why)") }
    }
  }
}
