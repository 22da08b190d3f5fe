import Foundation

/// Runs a program as a child process and reports its wall time, exit status and CPU time.
/// Peak memory is not taken from `wait4`: a child started with `posix_spawn` (vfork) inherits
/// the parent's high-water mark in `ru_maxrss`; children report their own VmHWM instead.
enum Spawn {
  struct Result {
    var status: Int32
    var seconds: Double
    /// User and system CPU time, in seconds.
    var cpuSeconds: Double
    /// What the child printed on standard output.
    var output: String
  }

  static func run(
    _ program: String, _ arguments: [String], stdoutPath: String? = nil,
    stderrPath: String? = nil
  ) throws -> Result {
    let out = stdoutPath ?? temporaryPath("out")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if let stderrPath {
      posix_spawn_file_actions_addopen(
        &actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
    let argv = ([program] + arguments).map { strdup($0) }
    defer { for p in argv { free(p) } }
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv + [nil]
    var pid: pid_t = 0
    let start = ContinuousClock.now
    let rc = posix_spawnp(&pid, program, &actions, nil, &cArgs, environ)
    guard rc == 0 else {
      throw BenchError("cannot run \(program): \(String(cString: strerror(rc)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchError("wait for \(program) failed") }
    }
    let seconds = (ContinuousClock.now - start).seconds
    let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    if stdoutPath == nil { unlink(out) }
    // WIFEXITED / WEXITSTATUS by hand (macros are not imported).
    let exited = status & 0x7F == 0
    let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Result(
      status: code, seconds: seconds, cpuSeconds: usage.ru_utime.seconds + usage.ru_stime.seconds,
      output: text)
  }

  private static func temporaryPath(_ tag: String) -> String {
    NSTemporaryDirectory() + "planbook-bench-\(getpid())-\(UUID().uuidString)-\(tag)"
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let c = components
    return Double(c.seconds) + Double(c.attoseconds) / 1e18
  }
}

/// Seconds taken by `body`.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
  let start = ContinuousClock.now
  let value = try body()
  return (value, (ContinuousClock.now - start).seconds)
}

/// The process's peak resident memory so far (VmHWM), in bytes; 0 when unknown.
func peakResidentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let digits = line.filter(\.isNumber)
    return (Int(digits) ?? 0) * 1024
  }
  return 0
}

extension timeval {
  var seconds: Double { Double(tv_sec) + Double(tv_usec) / 1e6 }
}

/// User and system CPU time of this process so far (all threads), in seconds.
func cpuTime() -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return usage.ru_utime.seconds + usage.ru_stime.seconds
}

/// Seconds and CPU seconds taken by `body`.
func measured<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
  let cpu = cpuTime()
  let (value, wall) = try timed(body)
  return (value, wall, cpuTime() - cpu)
}

/// How busy the machine is with other work: the share of all CPUs busy over a short sample,
/// in cores. Waits (up to `patience` seconds) for it to fall under `quiet` cores first, so a
/// measure starts on a machine as idle as it gets.
func otherLoad(quiet: Double = 0.25, patience: Double = 20) -> Double {
  func sample() -> (busy: Double, total: Double) {
    guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
      let line = text.split(separator: "\n").first
    else { return (0, 0) }
    let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard fields.count >= 5 else { return (0, 0) }
    let idle = fields[3] + fields[4]
    let total = fields.prefix(8).reduce(0, +)
    return (total - idle, total)
  }
  let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
  let start = ContinuousClock.now
  var load = 0.0
  repeat {
    let a = sample()
    usleep(500_000)
    let b = sample()
    let total = b.total - a.total
    load = total > 0 ? (b.busy - a.busy) / total * cores : 0
    if load < quiet { break }
  } while (ContinuousClock.now - start).seconds < patience
  return load
}
