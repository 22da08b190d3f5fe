import ArgumentParser
import PlanModel

/// `planbook list`: the plans of the catalogue.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the plans: id, title, period, tasks and targets.")

  @Option(help: "Output format: text or json.") var format: OutputFormat = .text

  struct Row: Codable {
    var id: String
    var title: String
    var period: DateRange
    var tasks: Int
    var targets: Int
    var figures: Int
  }

  func run() throws {
    let rows = try Catalogue.plans().map(\.model).map { p in
      Row(
        id: p.id, title: p.title, period: p.period, tasks: p.allTasks.count,
        targets: p.targets.count, figures: p.allTasks.reduce(0) { $0 + $1.figures.count })
    }
    switch format {
    case .json: print(try jsonText(rows))
    case .text:
      var table = TextTable(
        header: ["id", "period", "tasks", "targets", "title"], rightAligned: [2, 3])
      for r in rows {
        table.add([r.id, r.period.description, String(r.tasks), String(r.targets), r.title])
      }
      print(table.render(), terminator: "")
    }
  }
}
