import PlanDSL

/// The model's location type; `SourceLocation` alone is ambiguous next to Swift Testing's.
typealias Location = PlanModel.SourceLocation

/// A declaration's expected location: `file` relative to the repository, and its line.
func at(_ file: String, _ line: Int) -> Location { Location(file: file, line: line) }
