import Foundation

// planbook-bench: PlanBook's benchmarks at province scale. `scripts/bench` builds it and runs
// `planbook-bench run`; see Benchmarks/README.md.
//
//   planbook-bench generate [--work DIR]
//   planbook-bench measure NAME [--work DIR] [--out DIR] [--reps N] [--result FILE]
//   planbook-bench run [--work DIR] [--out DIR] [--c PROGRAM] [--planbook PROGRAM]
//                      [--python PYTHON]
//                      [--python-replay FILE] [--results FILE] [--machine FILE]
//                      [--analysis FILE] [--only GROUP,…] [--quick]

let usage = """
  usage: planbook-bench generate [--work DIR]
         planbook-bench measure NAME [--work DIR] [--out DIR] [--reps N] [--result FILE]
         planbook-bench run [--work DIR] [--out DIR] [--c PROGRAM] [--planbook PROGRAM]
                            [--python PYTHON]
                            [--python-replay FILE] [--results FILE] [--machine FILE]
                            [--analysis FILE] [--only grid,books,overview,status,diff,check,list,plans]
                            [--quick]
  measures: \(Measures.names.joined(separator: ", "))
  """

/// Options as `--name value` pairs (and bare flags), after the command's positional arguments.
struct Arguments {
  var positional: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  init(_ args: ArraySlice<String>) throws {
    var i = args.startIndex
    while i < args.endIndex {
      let a = args[i]
      if a == "--quick" {
        flags.insert(a)
      } else if a.hasPrefix("--") {
        guard i + 1 < args.endIndex else { throw BenchError("\(a) needs a value") }
        values[String(a.dropFirst(2))] = args[i + 1]
        i += 1
      } else {
        positional.append(a)
      }
      i += 1
    }
  }
}

func main() -> Int32 {
  let argv = CommandLine.arguments
  guard argv.count >= 2 else {
    print(usage)
    return 64
  }
  do {
    let args = try Arguments(argv.dropFirst(2))
    let work = Work(root: args.values["work"] ?? "Benchmarks/work", out: args.values["out"])
    switch argv[1] {
    case "generate":
      try work.generate()
    case "measure":
      guard let name = args.positional.first else { throw BenchError("measure needs a NAME") }
      let result = try Measures.run(
        name, work: work, reps: Int(args.values["reps"] ?? "") ?? 3)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      let json = String(decoding: try encoder.encode(result), as: UTF8.self)
      if let path = args.values["result"] {
        try Work.write(json, to: path)
      } else {
        print(json)
      }
    case "run":
      var options = Runner.Options()
      options.work = work.root
      options.out = work.out
      options.cProgram = args.values["c"]
      options.planbook = args.values["planbook"]
      options.python = args.values["python"]
      if let r = args.values["python-replay"] { options.pythonReplay = r }
      options.results = args.values["results"]
      options.machine = args.values["machine"]
      options.analysis = args.values["analysis"]
      options.only = args.values["only"].map { Set($0.split(separator: ",").map(String.init)) }
      options.quick = args.flags.contains("--quick")
      var runner = try Runner(options: options)
      try runner.run()
    default:
      print(usage)
      return 64
    }
    return 0
  } catch {
    FileHandle.standardError.write(Data("planbook-bench: \(error)\n".utf8))
    return 1
  }
}

exit(main())
