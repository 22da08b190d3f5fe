import ArgumentParser
import Books
import Foundation
import PlanEngine
import PlanJSON
import PlanModel
import Tracking

/// `--format text|json|xlsx` of `planbook cascade`.
enum CascadeFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, xlsx
}

/// `planbook cascade PARENT [--as-of DATE] [--format text|json|xlsx] [--out FILE]`: each target
/// of the plan down through the catalogue's plans that implement it (层层分解).
struct CascadeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cascade",
    abstract: "List each target's chain down to the child plans in the catalogue (指标分解).",
    discussion: """
      For each target of PLAN: the whole and its shares, then each child plan's target that \
      implements it (Plan(…, parent:, as:), Target(…, implements:)), level by level, with each \
      level's requirement; with --as-of, each level's status class as `status` computes it from \
      that plan's progress reports (a child plan without reports is 无数据). --format json is \
      documented in docs/cascade-json.md; --format xlsx writes the 指标分解表 \
      (exports/<plan-id>/cascade.xlsx unless --out is given). Exits 0, or 1 when PLAN has \
      errors or reports cannot be read.
      """)

  @OptionGroup var options: PlanOptions
  @Option(help: "The day to evaluate as of: 2020-09-30, 2020/9/30 or 2020年9月30日.")
  var asOf: String?
  @Option(help: "Output format: text, json or xlsx.") var format: CascadeFormat = .text
  @Option(help: "For --format xlsx: the workbook to write.") var out: String?

  func validate() throws {
    if let asOf { _ = try TypedOptions.day(asOf) }
    if out != nil, format != .xlsx {
      throw ValidationError("--out is for --format xlsx")
    }
  }

  func run() throws {
    let workspace = Workspace()
    let day = try asOf.map { try TypedOptions.day($0) }
    if day != nil || format == .xlsx {
      try workspace.requireWorkspace(for: options.plan, refusal: "nothing listed")
    }
    let checked = try workspace.loadChecked(options.plan, refusal: "nothing listed")
    let catalogue = try Catalogue.plans()
    // Each plan of the catalogue resolved once, when the cascade reaches it.
    var resolved = [checked.plan.id: checked.resolved]
    for child in try Workspace.children(of: checked.plan.id) {
      let problems = catalogue.first { $0.model.id == child.id }?.problems ?? []
      let (childResolved, diagnostics) = workspace.check(
        Workspace.Loaded(plan: child, problems: problems))
      resolved[child.id] = childResolved
      let errors = diagnostics.filter { $0.severity == .error }.count
      if errors > 0 {
        printError(
          "warning: child plan \(child.id) has \(count(errors, "error")) (see `planbook check \(child.id)`)"
        )
      }
    }
    let cascade = try Cascade.build(
      root: checked.resolved, asOf: day,
      children: { id in
        catalogue.map(\.model).filter { $0.parent?.plan == id }.map { plan in
          if let known = resolved[plan.id] { return known }
          let r = Resolver.resolve(plan)
          resolved[plan.id] = r
          return r
        }
      }
    ) { plan in
      guard let day else { return nil }
      return try workspace.evaluated(plan, asOf: day)
    }
    switch format {
    case .json: print(try jsonText(cascade))
    case .text: print(CascadeText.render(cascade), terminator: "")
    case .xlsx:
      let path = out ?? workspace.path("exports/\(checked.plan.id)/cascade.xlsx")
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try CascadeTable.write(
        plan: checked.plan, fingerprint: try checked.plan.fingerprint(),
        subtitle: CascadeText.subtitle(cascade), chains: CascadeText.tableChains(cascade),
        to: path)
      print("\(checked.plan.id): 指标分解表 written to \(path)")
    }
  }
}

extension Workspace {
  /// `plan`'s status as of `day` from its progress reports, as `status` computes it; a plan
  /// without a progress folder has no reports (every target 无数据). Reports that cannot be read
  /// fail the command, as in `status`.
  func evaluated(_ resolved: ResolvedPlan, asOf day: Day) throws -> Cascade.Evaluated {
    let plan = resolved.plan
    guard Workspace.isFolder(path("plans/progress/\(plan.id)")) else {
      return Cascade.Evaluated(
        status: Evaluator.evaluate(resolved, reports: [], asOf: day), files: [])
    }
    let progress = try progressOrExit(of: resolved, refusal: "nothing listed")
    return Cascade.Evaluated(
      status: Evaluator.evaluate(resolved, reports: progress.reports, asOf: day),
      files: progress.files)
  }
}
