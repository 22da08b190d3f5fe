import PlanDSL
import PlanEngine
import Testing

/// The model's location type; `SourceLocation` alone is ambiguous next to Swift Testing's.
typealias Location = PlanModel.SourceLocation

/// A declaration's expected location: `file` relative to the repository, and its line.
func at(_ file: String, _ line: Int) -> Location { Location(file: file, line: line) }

/// A minimal valid plan, 2020, issued by `eeb`, with these units:
///
///     gov 测试市人民政府
///       eeb 测试市生态环境局
///         air 大气处, water 水处
///       transport 市交通运输局, police 市公安局
///
/// chapter 1 `base` (基础工作) holding task 1 `base-task`, and the rule `.all` → lead `eeb`
/// (rule index 0). `content` comes after these; a test adds its one fault there. Without the
/// base chapter or rule, the test's own chapters and rules stand alone.
///
/// The plan's location is the caller's line.
func testPlan(
  issuer: String = "eeb", period: DateRange = .year(2020),
  numbering: WorkPlan.Numbering = .continuous, weightTotal: Double? = nil,
  source: String? = nil, withChapter: Bool = true, withRule: Bool = true,
  file: String = #filePath, line: Int = #line,
  @ListBuilder<any PlanContent> _ content: () -> [any PlanContent] = { [] }
) -> Plan {
  Plan(
    "test-2020", title: "2020年测试市生态环境保护工作计划", issuer: issuer, period: period,
    source: source, numbering: numbering, weightTotal: weightTotal, file: file, line: line
  ) {
    Organisation {
      Unit("gov", "测试市人民政府", short: "市政府", kind: .government) {
        Unit("eeb", "测试市生态环境局", short: "市生态环境局", kind: .department) {
          Unit("air", "测试市生态环境局大气环境处", short: "大气处", kind: .division)
          Unit("water", "测试市生态环境局水生态环境处", short: "水处", kind: .division)
        }
        Unit("transport", "测试市交通运输局", short: "市交通运输局", kind: .department)
        Unit("police", "测试市公安局", short: "市公安局", kind: .department)
      }
    }
    if withChapter {
      Chapter(1, id: "base", "基础工作") {
        Item(1, id: "base-task", "做好基础工作。按时完成各项任务。")
      }
    }
    if withRule {
      Responsibilities { Rule(.all, lead: ["eeb"]) }
    }
    for part in content() {
      part
    }
  }
}

/// Chapter 2 `second` (第二章), declared on the caller's line; with the base chapter, its tasks
/// are numbered from 2.
func chapter2(
  file: String = #filePath, line: Int = #line,
  @ListBuilder<any ChapterContent> _ content: () -> [any ChapterContent]
) -> Chapter {
  Chapter(2, id: "second", "第二章", file: file, line: line, content)
}

/// The text of the base plan's source document: its chapter title and task text, laid out as
/// a document would be. Add the text of a test's own declarations after it.
let baseSourceText = """
  2020年测试市生态环境保护工作计划
  一、基础工作
  1.做好基础工作。按时完成各项任务。

  """

/// Every problem of `plan`, the DSL's and the engine's, sorted, as `planbook check` reports them.
func diagnostics(of plan: Plan, source: SourceText = .notChecked) -> [Diagnostic] {
  Checker.sorted(plan.problems + Checker.check(Resolver.resolve(plan.model), source: source))
}

/// Diagnostics in brief, `file:line: severity: code`, for comparing with ``report(_:_:_:_:)``.
func brief(_ diagnostics: [Diagnostic]) -> [String] {
  diagnostics.map {
    "\($0.location?.description ?? "-"): \($0.severity.rawValue): \($0.code.rawValue)"
  }
}

/// An expected diagnostic in brief.
func report(
  _ severity: Diagnostic.Severity, _ code: String, _ file: String, _ line: Int
) -> String {
  "\(file):\(line): \(severity.rawValue): \(code)"
}

/// The resolved task with `id`.
func task(_ id: String, in resolved: ResolvedPlan) throws -> ResolvedTask {
  try #require(resolved.tasks.first { $0.task.id == id }, "no task \(id)")
}

/// The resolved target or figure with `id`.
func target(_ id: String, in resolved: ResolvedPlan) throws -> ResolvedTarget {
  try #require(resolved.targets.first { $0.target.id == id }, "no target \(id)")
}
