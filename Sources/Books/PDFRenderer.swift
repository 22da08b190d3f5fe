import Foundation
import Glibc
import PlanJSON
import PlanModel

/// Prints workbooks to PDF with LibreOffice headless (`soffice --headless --convert-to pdf`),
/// as `planbook export --pdf` does.
///
/// - Many files per LibreOffice start (a start costs about 1.5 s of processor time, a book about 0.2 s): the files
///   are cut into fixed batches of at most ``batchSize`` — which batch a file is in depends only
///   on the list of files, never on the machine — and the batches run in parallel, one
///   LibreOffice each, each with its own throwaway profile
///   (`-env:UserInstallation=file:///tmp/planbook-soffice-…`), so concurrent runs and a
///   LibreOffice the user has open never meet.
/// - Never hangs: LibreOffice runs without a terminal (standard input `/dev/null`), with no
///   restore or lock dialogs, in a process group of its own that is killed whole when it
///   takes longer than its time limit; its standard error is kept for the message.
/// - Byte-stable as far as LibreOffice allows: LibreOffice 7.4 writes the time of printing
///   (`/CreationDate`) and a random document id (`/ID`, `/DocChecksum`) into every PDF and does
///   not read `SOURCE_DATE_EPOCH`. Those are rewritten in place, same length (the PDF's cross
///   reference offsets stay right): the date becomes `created` (the plan's first day, as in the
///   workbooks' properties), the id a hash of the file. What remains is LibreOffice's own: it
///   numbers the embedded fonts (`/UniqueID`, inside the encrypted font program) through one
///   LibreOffice run, so a PDF is the same bytes when made in the same batch — the same export
///   command gives the same bytes; a book exported alone (`--unit`) may differ from the same
///   book in a full export in those numbers only.
/// - The page count of every PDF is checked against the pages the layout computed.
public enum PDFRenderer {
  /// The Debian package that brings `soffice` with its spreadsheet part.
  public static let package = "libreoffice-calc"

  /// The most files one LibreOffice start converts.
  public static let batchSize = 24

  /// Why a PDF could not be made.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
  }

  /// The path of `soffice` found on `PATH` (`search`, by default the process's), or a
  /// ``Failure`` naming the package that brings it.
  /// `purpose` and `package` name, in the failure, what needs LibreOffice and the package to
  /// install (`--pdf`, `libreoffice-calc` unless given).
  public static func locate(
    search: String? = ProcessInfo.processInfo.environment["PATH"], purpose: String = "--pdf",
    package: String = package
  ) throws(Failure) -> String {
    for folder in (search ?? "").split(separator: ":", omittingEmptySubsequences: true) {
      let path = "\(folder)/soffice"
      if access(path, X_OK) == 0 { return path }
    }
    throw Failure(
      "\(purpose) needs LibreOffice, and soffice is not on PATH: install the Debian package "
        + "\(package) (apt-get install \(package))")
  }

  /// The batches `count` files are cut into: at most ``batchSize`` each, as even as can be,
  /// in order.
  static func batches(_ count: Int) -> [Range<Int>] {
    guard count > 0 else { return [] }
    let n = (count + batchSize - 1) / batchSize
    var start = 0
    return (0..<n).map { i in
      let size = count / n + (i < count % n ? 1 : 0)
      defer { start += size }
      return start..<(start + size)
    }
  }

  /// Prints `files` (workbooks, all in `folder`) to `<name>.pdf` beside them, with `soffice`;
  /// each PDF must have the pages given in `pages` (same order). `created` becomes each PDF's
  /// creation date. Returns the PDFs' paths. Batches run in parallel unless `parallel` is
  /// false; each has `timeLimit(files)` seconds.
  public static func render(
    _ files: [String], pages: [Int], in folder: String, soffice: String, created: Day,
    parallel: Bool = true, timeLimit: @escaping @Sendable (Int) -> Double = { 60 + 15 * Double($0) }
  ) throws(Failure) -> [String] {
    let batches = batches(files.count)
    let errors = Slots(count: batches.count)
    let one: @Sendable (Int) -> Void = { b in
      let batch = Array(files[batches[b]])
      do throws(Failure) {
        try convert(batch, into: folder, soffice: soffice, seconds: timeLimit(batch.count))
      } catch {
        errors.set(b, error)
      }
    }
    if parallel {
      DispatchQueue.concurrentPerform(iterations: batches.count, execute: one)
    } else {
      for b in batches.indices { one(b) }
    }
    if let failure = errors.first { throw failure }
    var pdfs: [String] = []
    var problems: [String] = []
    for (file, expected) in zip(files, pages) {
      let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + ".pdf"
      let pdf = URL(fileURLWithPath: folder).appendingPathComponent(name).path
      var bytes: [UInt8]
      do {
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf)))
      } catch {
        problems.append("\(name): LibreOffice wrote no PDF")
        continue
      }
      normalize(&bytes, created: created)
      let printed = pageCount(bytes)
      if printed != expected {
        problems.append(
          "\(name): LibreOffice printed \(printed) \(printed == 1 ? "page" : "pages"), the "
            + "layout has \(expected) (is a Chinese font such as fonts-noto-cjk installed?)")
        continue
      }
      do {
        try Data(bytes).write(to: URL(fileURLWithPath: pdf))
      } catch {
        problems.append("\(name): \(error.localizedDescription)")
      }
      pdfs.append(pdf)
    }
    guard problems.isEmpty else { throw Failure(problems.joined(separator: "\n")) }
    return pdfs
  }

  /// One LibreOffice run: `files` to PDF (or another of its formats, `docx`) into `folder`,
  /// with a throwaway profile. `hint` is added to a failure's message (`is
  /// libreoffice-writer installed?`).
  static func convert(
    _ files: [String], into folder: String, soffice: String, seconds: Double,
    to format: String = "pdf", hint: String? = nil
  ) throws(Failure) {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planbook-soffice-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    do {
      try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
    } catch {
      throw Failure("cannot make a LibreOffice profile in \(profile.path): \(error)")
    }
    let log = profile.appendingPathComponent("stderr").path
    let arguments =
      [
        soffice, "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
        "--nolockcheck", "--nologo", "--nodefault", "--convert-to", format, "--outdir", folder,
      ] + files
    var environment = ProcessInfo.processInfo.environment
    // The creation date LibreOffice writes in UTC, so it always has the same length.
    environment["TZ"] = "UTC"
    let outcome = try ChildProcess.run(
      arguments, environment: environment, output: log, seconds: seconds)
    var said: String
    do {
      said = String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)), as: UTF8.self)
        .split(separator: "\n").filter { !$0.hasPrefix("convert ") }
        .suffix(5).joined(separator: "; ")
    } catch {
      said = "(what it printed cannot be read: \(error.localizedDescription))"
    }
    if let hint { said += said.isEmpty ? hint : "; \(hint)" }
    let names = files.map { URL(fileURLWithPath: $0).lastPathComponent }
    let which =
      names.count == 1 ? names[0] : "\(names[0]) … \(names[names.count - 1]) (\(names.count) files)"
    switch outcome {
    case .exited(0):
      let missing = files.map {
        URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + ".\(format)"
      }.filter { access(URL(fileURLWithPath: folder).appendingPathComponent($0).path, F_OK) != 0 }
      guard missing.isEmpty else {
        throw Failure(
          "LibreOffice wrote no \(missing.joined(separator: ", "))"
            + (said.isEmpty ? "" : ": \(said)"))
      }
    case .exited(let status):
      throw Failure(
        "LibreOffice could not print \(which) (exit \(status))\(said.isEmpty ? "" : ": \(said)")")
    case .signalled(let signal):
      throw Failure("LibreOffice was stopped by signal \(signal) printing \(which)")
    case .timedOut:
      throw Failure(
        "LibreOffice did not finish printing \(which) in \(Int(seconds)) s and was stopped")
    }
  }

  /// Rewrites, same length, what LibreOffice makes different every run: the creation date
  /// (to `created`, midnight UTC) and the document id and checksum (to a hash of the rest of
  /// the file). A PDF without them is left as it is.
  static func normalize(_ bytes: inout [UInt8], created: Day) {
    let digits = Array(
      String(format: "%04d%02d%02d000000", created.year, created.month, created.day).utf8)
    if let at = last(Array("/CreationDate(D:".utf8), in: bytes),
      bytes.count >= at + digits.count,
      bytes[at..<(at + digits.count)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    {
      bytes.replaceSubrange(at..<(at + digits.count), with: digits)
    }
    // The id's two strings and the checksum: hex digits after these, each blanked, then filled
    // with a hash of the file so blanked.
    var spots: [Range<Int>] = []
    if let at = last(Array("/ID [ <".utf8), in: bytes) {
      let first = hexRun(bytes, from: at)
      spots.append(first)
      if let open = bytes[first.upperBound...].prefix(4).firstIndex(of: UInt8(ascii: "<")) {
        spots.append(hexRun(bytes, from: open + 1))
      }
    }
    if let at = last(Array("/DocChecksum /".utf8), in: bytes) {
      spots.append(hexRun(bytes, from: at))
    }
    for spot in spots { bytes.replaceSubrange(spot, with: repeatElement(0x30, count: spot.count)) }
    let hash = Array(SHA256.hex(SHA256.hash(bytes)).uppercased().utf8)
    for spot in spots where spot.count <= hash.count {
      bytes.replaceSubrange(spot, with: hash[0..<spot.count])
    }
  }

  /// The number of pages of a PDF as LibreOffice writes it: its page objects (`/Type/Page`).
  static func pageCount(_ bytes: [UInt8]) -> Int {
    let needle = Array("/Type/Page".utf8)
    var count = 0
    var i = 0
    while i + needle.count < bytes.count {
      if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
        let next = bytes[i + needle.count]
        let letter =
          (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
          || (next >= 0x30 && next <= 0x39)
        if !letter { count += 1 }
        i += needle.count
      } else {
        i += 1
      }
    }
    return count
  }

  /// Where the last `needle` in `bytes` ends.
  private static func last(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    var i = bytes.count - needle.count
    while i >= 0 {
      if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
        return i + needle.count
      }
      i -= 1
    }
    return nil
  }

  /// The hex digits from `start` on.
  private static func hexRun(_ bytes: [UInt8], from start: Int) -> Range<Int> {
    var end = start
    while end < bytes.count,
      (bytes[end] >= 0x30 && bytes[end] <= 0x39) || (bytes[end] >= 0x41 && bytes[end] <= 0x46)
    {
      end += 1
    }
    return start..<end
  }
}

/// A program run to its end or its time limit, in a process group of its own (so it is stopped
/// whole, with whatever it started), with no terminal input and its output in a file.
enum ChildProcess {
  enum Outcome: Equatable {
    case exited(Int32)
    case signalled(Int32)
    case timedOut
  }

  /// Runs `arguments` (the first is the program's path) with `environment`, standard input
  /// from `/dev/null`, standard output and error into the file `output`; after `seconds` the
  /// process group is killed.
  static func run(
    _ arguments: [String], environment: [String: String], output: String, seconds: Double
  ) throws(PDFRenderer.Failure) -> Outcome {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setpgroup(&attributes, 0)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = arguments.map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid = pid_t()
    let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard status == 0 else {
      throw PDFRenderer.Failure(
        "cannot start \(arguments[0]): \(String(cString: strerror(status)))")
    }
    let deadline = Date().addingTimeInterval(seconds)
    var wait: Int32 = 0
    while true {
      let done = waitpid(pid, &wait, WNOHANG)
      if done == pid { break }
      if done < 0 && errno != EINTR {
        throw PDFRenderer.Failure(
          "cannot wait for \(arguments[0]): \(String(cString: strerror(errno)))")
      }
      if Date() > deadline {
        kill(-pid, SIGKILL)
        while waitpid(pid, &wait, 0) < 0 && errno == EINTR {}
        return .timedOut
      }
      usleep(20_000)
    }
    // Anything it left running in its group (LibreOffice's helpers) goes with it.
    kill(-pid, SIGKILL)
    let signal = wait & 0x7F
    return signal == 0 ? .exited((wait >> 8) & 0xFF) : .signalled(signal)
  }
}

/// Errors collected from parallel runs, one slot each.
private final class Slots: @unchecked Sendable {
  private var slots: [PDFRenderer.Failure?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ failure: PDFRenderer.Failure) {
    lock.lock()
    defer { lock.unlock() }
    slots[i] = failure
  }

  /// The first failure, in batch order.
  var first: PDFRenderer.Failure? {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }.first
  }
}
