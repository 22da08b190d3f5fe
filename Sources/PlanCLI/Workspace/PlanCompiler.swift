import Foundation
import PlanJSON
import PlanModel
import SafeFiles

/// Compiles a plans repository's `plans/*.swift` on demand, as SwiftPM compiles a manifest: with
/// `swiftc`, against the PlanDSL module and library installed beside `planbook`, into a small
/// program that prints the plans as ``CompiledPlans`` JSON. What it printed is cached in
/// `.planbook/cache/<key>.json`, the key a SHA-256 of the plan files' names and contents, the
/// tool's version and the installed library; an unchanged repository is read from the cache
/// without running the compiler. See `plans/README.md`.
struct PlanCompiler {
  /// The repository root.
  let root: String

  /// A plan file's top-level plan: `let name = Plan(` (or `Plan(revising:`), `let name: Plan =`,
  /// at the start of a line, `public`/`internal` allowed.
  static var declaration: Regex<(Substring, Substring)> {
    #/^(?:public\s+|internal\s+)?let\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*Plan\s*)?=\s*Plan\s*\(/#
      .anchorsMatchLineEndings()
  }

  /// The plan files: `plans/*.swift`, by name.
  func files() throws -> [String] {
    let folder = root + "/plans"
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw PlanLoadError("cannot read \(folder): \(error.localizedDescription)")
    }
    return names.filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") }.sorted()
      .map { folder + "/" + $0 }
  }

  /// The plans of the repository, compiled or from the cache.
  func load() throws -> CompiledPlans {
    let files = try files()
    var sources: [(path: String, text: String)] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw PlanLoadError("cannot read \(relative(file))")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw PlanLoadError("\(relative(file)) is not UTF-8 text")
      }
      sources.append((file, text))
    }
    var names: [String] = []
    for source in sources {
      names += source.text.matches(of: Self.declaration).map { String($0.output.1) }
    }
    if names.isEmpty { return CompiledPlans(plans: []) }
    let toolchain = try Toolchain.find()
    let key = cacheKey(sources, toolchain: toolchain)
    let cache = cacheFolder
    let result = cache + "/" + key + ".json"
    if let cached = try read(result) { return cached }
    let lock: FolderLock
    do {
      // Another run compiling the same plans: wait for it, quietly, then read its result.
      lock = try FolderLock.acquire(cache, file: cache + "/.lock")
    } catch {
      throw PlanLoadError("cannot lock \(cache): \(error.reason)")
    }
    defer { lock.release() }
    if let cached = try read(result) { return cached }
    guard let swiftc = Toolchain.swiftc() else {
      throw PlanLoadError(
        "swiftc not found: plan files are compiled with the Swift toolchain; put swiftc on "
          + "PATH or set PLANBOOK_SWIFTC")
    }
    let text = try compileAndRun(
      files: files, names: names, toolchain: toolchain, swiftc: swiftc, key: key)
    guard case .success(let plans) = CompiledPlans.decode(text) else {
      throw PlanLoadError(
        "the program compiled from plans/ printed no plans: "
          + text.prefix(300).split(separator: "\n").joined(separator: " "))
    }
    do {
      try AtomicFile.write(text, to: result)
    } catch {
      throw PlanLoadError("cannot write \(result): \(error.reason)")
    }
    prune(cache, keeping: result)
    return plans
  }

  /// How many compiled results the cache keeps (the newest; each is one version of the plans).
  static let cacheSize = 16

  /// Removes all but the newest ``cacheSize`` results from `cache`, never `kept`. Called with
  /// the cache's lock held; a file another run removed first is no matter.
  func prune(_ cache: String, keeping kept: String) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: cache) else { return }
    let results = names.filter { $0.hasSuffix(".json") }.map { cache + "/" + $0 }
      .map { path in
        (path, (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast)
      }
      .sorted { $0.1 > $1.1 }
    for (path, _) in results.dropFirst(Self.cacheSize) where path != kept {
      try? fm.removeItem(atPath: path)
    }
  }

  /// `.planbook/cache` of the repository, or `$PLANBOOK_CACHE`.
  var cacheFolder: String {
    if let env = ProcessInfo.processInfo.environment["PLANBOOK_CACHE"], !env.isEmpty {
      return env
    }
    return root + "/.planbook/cache"
  }

  /// The cached document at `path`, nil when there is none (or it is not one this version
  /// reads, which is then compiled anew).
  func read(_ path: String) throws -> CompiledPlans? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PlanLoadError("cannot read \(path)")
    }
    guard case .success(let plans) = CompiledPlans.decode(String(decoding: data, as: UTF8.self))
    else { return nil }
    return plans
  }

  /// The cache key: the tool's version, the library's identity and every plan file.
  func cacheKey(_ sources: [(path: String, text: String)], toolchain: Toolchain) -> String {
    var hash = SHA256()
    var parts = [PlanBookVersion.text, toolchain.identity]
    for source in sources {
      parts.append(relative(source.path))
      parts.append(String(source.text.utf8.count))
      parts.append(source.text)
    }
    for part in parts {
      hash.update(Array(part.utf8))
      hash.update([0])
    }
    return SHA256.hex(hash.finalize())
  }

  /// Compiles the plan files with a generated `main.swift` that prints the plans named `names`,
  /// runs the program and returns what it printed.
  func compileAndRun(
    files: [String], names: [String], toolchain: Toolchain, swiftc: String, key: String
  )
    throws -> String
  {
    let build = cacheFolder + "/build-" + key.prefix(16)
    try? FileManager.default.removeItem(atPath: build)
    do {
      try FileManager.default.createDirectory(atPath: build, withIntermediateDirectories: true)
    } catch {
      throw PlanLoadError("cannot create \(build): \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(atPath: build) }
    let main = "import PlanDSL\n\nPlanExport.print([\(names.joined(separator: ", "))])\n"
    do {
      try AtomicFile.write(main, to: build + "/main.swift")
    } catch {
      throw PlanLoadError("cannot write \(build)/main.swift: \(error.reason)")
    }
    let program = build + "/plans"
    let compile = try run(
      swiftc,
      [
        "-module-name", "PlanBookPlans", "-Onone", "-wmo", "-suppress-warnings",
        "-I", toolchain.modules, "-L", toolchain.library, "-lPlanDSL",
        "-Xlinker", "-rpath", "-Xlinker", toolchain.library,
        "-o", program,
      ] + files + [build + "/main.swift"])
    guard compile.status == 0 else {
      let output = (compile.stderr + compile.stdout)
        .replacingOccurrences(of: root + "/", with: "")
        .replacingOccurrences(of: build + "/", with: "")
      throw PlanLoadError(
        output.trimmingCharacters(in: .whitespacesAndNewlines)
          + "\nplans/: the plan files do not compile (swiftc); nothing was read")
    }
    let ran = try run(program, [])
    guard ran.status == 0 else {
      throw PlanLoadError(
        (ran.stderr + ran.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
          + "\nplans/: the program compiled from the plan files failed (exit \(ran.status))")
    }
    return ran.stdout
  }

  /// Runs `executable` in the repository root and returns its exit status and output.
  func run(
    _ executable: String, _ arguments: [String]
  ) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planbook-run-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let out = folder.appendingPathComponent("out")
      let err = folder.appendingPathComponent("err")
      try Data().write(to: out)
      try Data().write(to: err)
      process.standardOutput = try FileHandle(forWritingTo: out)
      process.standardError = try FileHandle(forWritingTo: err)
      try process.run()
      process.waitUntilExit()
      return (
        process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
        try String(contentsOf: err, encoding: .utf8)
      )
    } catch {
      throw PlanLoadError("cannot run \(executable): \(error.localizedDescription)")
    }
  }

  /// `path` relative to the root when it lies inside it.
  func relative(_ path: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }
}

/// Why the plans of a repository cannot be read: the compiler's messages, or one sentence.
struct PlanLoadError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The PlanDSL module and library the plans are compiled against (and, ``swiftc()``, the
/// compiler, looked up only when the cache does not hold the plans).
struct Toolchain {
  /// The folder holding `PlanDSL.swiftmodule` and the modules it needs (`PlanModel`,
  /// `CalendarDays`).
  var modules: String
  /// The folder holding `libPlanDSL.so`.
  var library: String
  /// Size and modification time of the library: part of the cache key, so a rebuilt library
  /// compiles the plans anew.
  var identity: String

  /// The library beside `planbook`: `$PLANBOOK_LIBRARY`; `../lib/planbook` of the executable
  /// (installed by `scripts/install`); or the SwiftPM build folder the executable is in.
  static func find() throws -> Toolchain {
    let fm = FileManager.default
    let exe =
      (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    let bin = URL(fileURLWithPath: exe).deletingLastPathComponent().path
    var candidates: [(modules: String, library: String)] = []
    if let env = ProcessInfo.processInfo.environment["PLANBOOK_LIBRARY"], !env.isEmpty {
      candidates.append((env, env))
    } else {
      let installed = URL(fileURLWithPath: bin + "/../lib/planbook").standardizedFileURL.path
      candidates += [(installed, installed), (bin + "/Modules", bin), (bin, bin)]
    }
    guard
      let found = candidates.first(where: {
        fm.fileExists(atPath: $0.modules + "/PlanDSL.swiftmodule")
          && fm.fileExists(atPath: $0.library + "/libPlanDSL.so")
      })
    else {
      throw PlanLoadError(
        "cannot find the PlanDSL library the plans are compiled against (libPlanDSL.so and "
          + "PlanDSL.swiftmodule; looked in \(candidates.map(\.library).joined(separator: ", "))); "
          + "install planbook with scripts/install, or build it with `swift build`")
    }
    let attributes = try? fm.attributesOfItem(atPath: found.library + "/libPlanDSL.so")
    let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    // In a SwiftPM build folder the library is relinked only by a build of its product (`swift
    // build`), not by `swift build --product planbook` or `swift test`: one older than the
    // modules would not match them.
    if found.library == bin {
      let module = try? fm.attributesOfItem(atPath: found.modules + "/PlanModel.swiftmodule")
      if let built = module?[.modificationDate] as? Date, built.timeIntervalSince1970 > time {
        throw PlanLoadError(
          "\(found.library)/libPlanDSL.so is older than the PlanDSL and PlanModel modules "
            + "beside it; build it again with `swift build` (or `swift build --product PlanDSL`)")
      }
    }
    return Toolchain(
      modules: found.modules, library: found.library,
      identity: "\(found.library) \(size) \(time)")
  }

  /// `$PLANBOOK_SWIFTC`, else `swiftc` on `PATH`.
  static func swiftc() -> String? {
    let env = ProcessInfo.processInfo.environment
    if let given = env["PLANBOOK_SWIFTC"], !given.isEmpty { return given }
    for folder in (env["PATH"] ?? "").split(separator: ":") {
      let path = String(folder) + "/swiftc"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }
}
