import Foundation
import Testing

/// `planbook import`: run as a user would, on the seeds and on small and hostile documents.
@Suite struct ImportCommandTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planbook-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  /// Runs `planbook` in `directory` with that folder as its workspace.
  func run(_ arguments: [String], in directory: URL) throws -> Binary.Run {
    try Binary.Started(
      arguments: arguments, environment: ["PLANBOOK_ROOT": directory.path], directory: directory
    ).finish()
  }

  @Test func guangzhouBecomesASkeletonOfItsChaptersTasksAndTargets() throws {
    let out = path("gz.swift")
    let run = try Binary.run(
      "import", Binary.root.appendingPathComponent("seeds/003_e4c9d4035ce7ad05.txt").path,
      "--id", "gz-import", "--out", out, "--title", "2020年广州市生态环境保护工作计划")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stdout
        == "wrote \(out): 5 chapters, 0 sections, 34 tasks, 13 targets, 4 figures in tasks "
        + "(1 力争); 1 warnings\n")
    #expect(
      run.stderr.hasSuffix(
        "003_e4c9d4035ce7ad05.txt:1: warning: not placed: before the first chapter, and no target "
          + "in it: 2020年,广州市生态环境保护工作坚持以习近平新时代中国特色…\n"))
    let code = try read(out)
    #expect(count("  Item(\n", in: code) == 34)
    #expect(count("Chapter(", in: code) == 5)
    #expect(count("\n    Target(", in: code) == 13)
    #expect(count("    Figure(", in: code) == 4)
    #expect(code.contains(#"source: "seeds/003_e4c9d4035ce7ad05.txt""#))
    #expect(code.contains(#"Target("pm25", "PM2.5平均浓度", .atMost(35, "微克/立方米"))"#))
    #expect(code.contains(#"Target("cod", "化学需氧量排放量", .reduction(by: 14.7, against: 2015))"#))
    #expect(code.contains(#"Target("good-sections", "水质优良断面比例", .atLeast(61.5, "%"))"#))
    // 力争13个 is written as the flag, not a comment.
    #expect(
      code.contains(
        #"""
            Target("water-sections", "地表水考核断面水质全面达到考核要求", .count(atLeast: 13, "个"), aspirational: true)
        """#))
    #expect(!code.contains("// 力争"))
    #expect(code.contains(#"Figure("task-13-f1", "生物质锅炉实施全覆盖执法", .count(atLeast: 135, "台"))"#))
    #expect(code.contains("    // TODO 34 做好其他重点工作 (task-34)\n"))
    #expect(code.contains(#"// TODO target pm25 PM2.5平均浓度: Rule(.target("pm25"), lead: ["…"])"#))
  }

  @Test func panyuSaysWhatItLeftOutByLine() throws {
    let seed = Binary.root.appendingPathComponent("seeds/004_a762016b836e1281.txt").path
    let out = path("py.swift")
    let run = try Binary.run("import", seed, "--id", "py-import", "--out", out)
    #expect(run.status == 0)
    #expect(
      run.stdout
        == "wrote \(out): 7 chapters, 3 sections, 24 tasks, 0 targets, 1 figures in tasks; "
        + "4 warnings\n")
    #expect(
      run.stderr == """
        \(seed):1: warning: lines 1–60 left out: the chapter numbering starts again at line 63; \
        the plan is taken from line 61
        \(seed):62: warning: not placed: before the first chapter, and no target in it: \
        2018年我局要全面贯彻落实党的十八大、十九大精神,以习近平…
        \(seed):101: warning: chapter 六 has no numbered items: its text is one task, numbered 1
        \(seed):103: warning: chapter 七 has no numbered items: its text is one task, numbered 1

        """)
    let code = try read(out)
    #expect(code.contains(#"period: .year(2018)"#))
    #expect(code.contains(", numbering: .perChapter"))
    #expect(count("  Item(\n", in: code) == 24)
  }

  /// The generated files compile against the PlanDSL module the tool was built with.
  @Test func theSkeletonsTypeCheckAgainstPlanDSL() throws {
    let modules = URL(fileURLWithPath: Binary.path).deletingLastPathComponent()
      .appendingPathComponent("Modules")
    try #require(
      FileManager.default.fileExists(
        atPath: modules.appendingPathComponent("PlanDSL.swiftmodule").path),
      "no PlanDSL.swiftmodule in \(modules.path)")
    var files: [String] = []
    for (seed, id) in [("003_e4c9d4035ce7ad05", "gz-import"), ("004_a762016b836e1281", "py")] {
      let out = path("\(id).swift")
      let run = try Binary.run(
        "import", Binary.root.appendingPathComponent("seeds/\(seed).txt").path, "--id", id,
        "--out", out)
      #expect(run.status == 0)
      files.append(out)
    }
    // The golden skeleton of the small plan, sections and per-chapter numbering included.
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/import-small.swift.txt")
    let small = path("small.swift")
    try Data(contentsOf: golden).write(to: URL(fileURLWithPath: small))
    files.append(small)
    let swiftc = Process()
    swiftc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    swiftc.arguments =
      ["swiftc", "-typecheck", "-parse-as-library", "-swift-version", "6", "-I", modules.path]
      + files
    let errors = folder.appendingPathComponent("swiftc.err")
    try Data().write(to: errors)
    swiftc.standardError = try FileHandle(forWritingTo: errors)
    try swiftc.run()
    swiftc.waitUntilExit()
    let messages = try read(errors.path)
    #expect(swiftc.terminationStatus == 0, "\(messages)")
  }

  /// Compiles `plan` (a skeleton whose plan constant is `constant`) with the objects of PlanDSL
  /// and the modules under it that the tool was built from, and writes its snapshot to `json`.
  func snapshot(of plan: String, constant: String, to json: String) throws {
    let build = URL(fileURLWithPath: Binary.path).deletingLastPathComponent()
    var objects: [String] = []
    // The objects of the modules' current source files only: a build folder keeps the objects
    // of files since moved to another module, which would be linked twice.
    for module in ["PlanDSL", "PlanModel", "CalendarDays", "PlanJSON"] {
      let dir = build.appendingPathComponent("\(module).build")
      let sources = Binary.root.appendingPathComponent("Sources/\(module)").path
      let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }
      objects += (files ?? []).filter { $0.hasSuffix(".swift") }
        .map { dir.appendingPathComponent(URL(fileURLWithPath: $0).lastPathComponent + ".o").path }
    }
    let dump = path("dump.swift")
    try """
    import PlanDSL
    import PlanJSON
    @main struct Dump {
      static func main() throws { print(try PlanSnapshot.encode(\(constant).model), terminator: "") }
    }
    """.write(toFile: dump, atomically: true, encoding: .utf8)
    let exe = path("dump")
    try tool(
      "swiftc",
      [
        "-parse-as-library", "-swift-version", "6", "-I",
        build.appendingPathComponent("Modules").path,
        plan, dump, "-o", exe,
      ] + objects)
    try tool(exe, [], stdout: json)
  }

  /// Runs `executable` (found on the PATH), expecting it to succeed.
  func tool(_ executable: String, _ arguments: [String], stdout: String? = nil) throws {
    let process = Process()
    process.executableURL = URL(
      fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
    process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
    let errors = path("tool.err")
    try Data().write(to: URL(fileURLWithPath: errors))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
    if let stdout {
      try Data().write(to: URL(fileURLWithPath: stdout))
      process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
    }
    try process.run()
    process.waitUntilExit()
    let messages = try read(errors)
    try #require(process.terminationStatus == 0, "\(executable): \(messages)")
  }

  /// The skeleton of Guangzhou, with owners filled in by one edit, passes `check` — the
  /// transcription check of every text against the seed included.
  @Test func guangzhouWithOwnersFilledInPassesCheck() throws {
    let out = path("gz.swift")
    let run = try Binary.run(
      "import", Binary.root.appendingPathComponent("seeds/003_e4c9d4035ce7ad05.txt").path,
      "--id", "gz-import", "--out", out)
    #expect(run.status == 0)
    let code = try read(out)

    // As imported, no task has a lead: check fails.
    try snapshot(of: out, constant: "gzImport", to: path("bare.json"))
    let bare = try Binary.run("check", path("bare.json"))
    #expect(bare.status == 1)
    #expect(bare.stdout.contains("gz-import: 34 errors"), "\(bare.stdout)")

    // One edit: the issuer leads every task.
    let owned = code.replacingOccurrences(
      of: "Rule(.all, due: .endOfYear(2020))",
      with: #"Rule(.all, lead: ["issuer"], due: .endOfYear(2020))"#)
    try owned.write(toFile: out, atomically: true, encoding: .utf8)
    try snapshot(of: out, constant: "gzImport", to: path("owned.json"))
    let check = try Binary.run("check", path("owned.json"))
    #expect(check.status == 0, "\(check.stdout)")
    #expect(check.stdout.hasSuffix("gz-import: 0 errors, 13 warnings\n"))

    // The texts are checked against the seed: one changed character is caught.
    try owned.replacingOccurrences(of: "巩固燃煤整治效果。", with: "巩固燃煤整治成果。")
      .write(toFile: out, atomically: true, encoding: .utf8)
    try snapshot(of: out, constant: "gzImport", to: path("edited.json"))
    let edited = try Binary.run("check", path("edited.json"))
    #expect(edited.status == 1)
    #expect(edited.stdout.contains("text-not-in-source: task 13 (task-13)"), "\(edited.stdout)")
  }

  static let smallPlan = """
    # 2021年示范区生态环境保护工作要点

    2021年,全区PM2.5年均浓度控制在30微克/立方米以内,力争优良天数比例达到92%。化学需氧量排放量较2020年下降2%。
    ## 一、打好污染防治攻坚战
    1、推进燃煤锅炉整治。完成20台燃煤锅炉淘汰,落实“6个100%”要求。
    （1）开展排查。
    2、加强扬尘管控。
    ## 二、提升治理能力
    这一段不属于任何一项。
    （一）强化监测
    1、建成3个空气自动监测站。
    （二）强化执法。执法检查不少于500家次。
    """

  @Test func aSmallPlanGivesTheGoldenSkeleton() throws {
    let seeds = folder.appendingPathComponent("seeds")
    try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
    try ImportCommandTests.smallPlan.write(
      to: seeds.appendingPathComponent("small.md"), atomically: true, encoding: .utf8)
    let run = try self.run(["import", "seeds/small.md", "--id", "small-2021"], in: folder)
    #expect(run.status == 0)
    #expect(
      run.stdout
        == "wrote \(folder.path)/plans/small-2021.swift: 2 chapters, 1 sections, 4 tasks, "
        + "3 targets, 3 figures in tasks (1 力争); 1 warnings\n")
    #expect(
      run.stderr
        == "seeds/small.md:9: warning: not placed: a paragraph between chapter 二 and its first "
        + "item: 这一段不属于任何一项。\n")
    try expectGolden(try read(path("plans/small-2021.swift")), "import-small.swift.txt")

    // A second import does not overwrite it.
    let again = try self.run(["import", "seeds/small.md", "--id", "small-2021"], in: folder)
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "import: \(folder.path)/plans/small-2021.swift exists; nothing written (--force "
        + "overwrites it)\n")
  }

  @Test func aWordDocumentIsReadAndItsTextKeptAsTheSource() throws {
    let paragraphs = ["2021年示范工作计划", "一、治污", "1.完成20台锅炉淘汰。", "2.推进扬尘管控。"]
    // The last paragraph has a line break (<w:br/>) and a second line.
    let body =
      paragraphs.dropLast().map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined()
      + "<w:p><w:r><w:t>2.推进扬尘管控。</w:t><w:br/><w:t>这一行属于第2项。</w:t></w:r></w:p>"
    try MiniDocx.data(body: body).write(to: folder.appendingPathComponent("plan.docx"))
    let run = try self.run(["import", "plan.docx", "--id", "docx-plan"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr
        == "import: wrote the text of plan.docx to \(folder.path)/seeds/plan.txt (the source "
        + "`check` reads)\n")
    #expect(
      try read(path("seeds/plan.txt"))
        == paragraphs.joined(separator: "\n") + "\n这一行属于第2项。\n")
    let code = try read(path("plans/docx-plan.swift"))
    #expect(code.contains(#"source: "seeds/plan.txt", sourceTitle: "plan.docx""#))
    #expect(code.contains(#"Figure("task-1-f1", "完成锅炉淘汰", .count(atLeast: 20, "台"))"#))
    #expect(code.contains(#""推进扬尘管控。\n这一行属于第2项。""#))
  }

  @Test func aHostileWordDocumentIsRefusedNamingIt() throws {
    // An entry declaring 3840 MB: refused before anything is inflated.
    var huge = MiniDocx.data(body: "<w:p/>")
    MiniDocx.declare(0xF000_0000, for: "word/document.xml", in: &huge)
    try huge.write(to: folder.appendingPathComponent("huge.docx"))
    let run = try Binary.run("import", path("huge.docx"), "--id", "x", "--out", path("x.swift"))
    #expect(run.status == 65)
    #expect(
      run.stderr
        == "import: \(path("huge.docx")): word/document.xml: the entry declares 3840 MB "
        + "uncompressed; the limit for one entry is 64 MB\n")
    #expect(run.stdout == "")
    #expect(!FileManager.default.fileExists(atPath: path("x.swift")))

    // Entity expansion (billion laughs): refused on sight.
    let laughs = MiniDocx.data(
      document: """
        <?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\
        <w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
        """)
    try laughs.write(to: folder.appendingPathComponent("laughs.docx"))
    let refused = try Binary.run(
      "import", path("laughs.docx"), "--id", "x", "--out", path("x.swift"))
    #expect(refused.status == 65)
    #expect(
      refused.stderr.hasPrefix(
        "import: \(path("laughs.docx")): word/document.xml:1:22: refused: a <!DOCTYPE declaration"
      ), "\(refused.stderr)")
  }

  @Test func anUnreadableFileIsExit65AndABadArgument64() throws {
    let missing = try Binary.run("import", path("none.txt"), "--id", "x", "--out", path("x.swift"))
    #expect(missing.status == 65)
    #expect(missing.stderr == "import: \(path("none.txt")): cannot open: no such file\n")

    try Data([0xD2, 0xBB, 0xA1, 0xA2]).write(to: folder.appendingPathComponent("gbk.txt"))
    let gbk = try Binary.run("import", path("gbk.txt"), "--id", "x", "--out", path("x.swift"))
    #expect(gbk.status == 65)
    #expect(
      gbk.stderr == "import: \(path("gbk.txt")): not UTF-8 text (GBK? save the file as UTF-8)\n")

    let badId = try Binary.run("import", path("gbk.txt"), "--id", "Bad_Id")
    #expect(badId.status == 64)
    #expect(badId.stderr.hasPrefix("Error: --id 'Bad_Id': 1 to 64 characters of a–z, 0–9 and -"))

    let pdf = try Binary.run("import", path("plan.pdf"), "--id", "x")
    #expect(pdf.status == 64)
    #expect(pdf.stderr.contains("not a .txt, .md or .docx file"))
  }
}

/// Small .docx files written by hand (stored zip entries, as `MiniXlsx`).
enum MiniDocx {
  static func data(body: String) -> Data {
    data(
      document: """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:body>\(body)</w:body></w:document>
        """)
  }

  static func data(document: String) -> Data {
    MiniXlsx.zip([
      (
        "[Content_Types].xml",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
          <Default Extension="xml" ContentType="application/xml"/></Types>
          """.utf8)
      ),
      (
        "_rels/.rels",
        Array(
          """
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" Target="word/document.xml" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
          </Relationships>
          """.utf8)
      ),
      ("word/document.xml", Array(document.utf8)),
    ])
  }

  /// Makes both headers of the entry `name` declare `size` bytes uncompressed.
  static func declare(_ size: UInt32, for name: String, in data: inout Data) {
    let bytes = [UInt8](data)
    let nameBytes = Array(name.utf8)
    for i in 0..<(bytes.count - 46) {
      let signature =
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
        | UInt32(bytes[i + 3]) << 24
      let isLocal = signature == 0x0403_4B50
      guard isLocal || signature == 0x0201_4B50 else { continue }
      let nameAt = i + (isLocal ? 30 : 46)
      let nameLength =
        Int(bytes[i + (isLocal ? 26 : 28)]) | Int(bytes[i + (isLocal ? 27 : 29)]) << 8
      guard nameLength == nameBytes.count, nameAt + nameLength <= bytes.count,
        Array(bytes[nameAt..<(nameAt + nameLength)]) == nameBytes
      else { continue }
      let field = i + (isLocal ? 22 : 24)
      for k in 0..<4 { data[data.startIndex + field + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) }
    }
  }
}
