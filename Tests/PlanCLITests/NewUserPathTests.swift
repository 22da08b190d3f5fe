import Foundation
import TestSupport
import Testing

/// The README's path for a new bureau (“A new bureau's first plan”), through the installed
/// binary only: install, `init`, `import` of a published plan, owners filled in by hand,
/// then `check`, `export`, `template` and `status`.
@Suite struct NewUserPathTests {
  @Test func aPublishedPlanIsImportedFilledInCheckedAndExported() throws {
    let user = try InitCommandTests.User()
    defer { user.home.remove() }
    let fm = FileManager.default
    #expect(try user.run("init", "bureau").status == 0)
    let root = user.home.path + "/bureau"
    // The published document, saved into seeds/.
    let seed = "seeds/003_e4c9d4035ce7ad05.txt"
    try fm.copyItem(atPath: Repository.root.path + "/" + seed, toPath: root + "/" + seed)

    let imported = try user.run(
      "import", seed, "--id", "guangzhou-2020", "--title", "2020年广州市生态环境保护工作计划",
      in: "bureau")
    #expect(imported.status == 0, "\(imported.stderr)")
    let plan = "bureau/plans/guangzhou-2020.swift"
    #expect(fm.fileExists(atPath: user.home.path + "/" + plan))
    // The skeleton names no owners: check says so.
    let unowned = try user.run("check", "guangzhou-2020", in: "bureau")
    #expect(unowned.status == 1)
    #expect(unowned.stdout.contains("error: missing-lead"), "\(unowned.stdout)")

    // Owners filled in, as the skeleton's TODOs ask: the bureau and two divisions, an office
    // leading every task, the air division leading the dust task and the PM2.5 target.
    try user.edit(
      plan, #"    Unit("issuer", "发文单位", short: "发文单位", kind: .department)"#,
      with: """
            Unit("issuer", "广州市生态环境局", short: "市生态环境局", kind: .department) {
              Unit("office", "广州市生态环境局办公室", short: "办公室", kind: .division)
              Unit("air", "广州市生态环境局大气环境管理处", short: "大气处", kind: .division)
            }
        """)
    try user.edit(
      plan, "    Rule(.all, due: .endOfYear(2020))",
      with: """
            Rule(.all, lead: ["office"], due: .endOfYear(2020))
            Rule(.keyword("扬尘"), lead: ["air"])
            Rule(.target("pm25"), lead: ["air"])
        """)
    let check = try user.run("check", "guangzhou-2020", in: "bureau")
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("guangzhou-2020: 0 errors"), "\(check.stdout)")

    // The books: one per unit with a task or target, and the overview.
    let export = try user.run("export", "guangzhou-2020", in: "bureau")
    #expect(export.status == 0, "\(export.stderr)")
    let books = root + "/exports/guangzhou-2020"
    let files = try fm.contentsOfDirectory(atPath: books).filter { $0.hasSuffix(".xlsx") }.sorted()
    #expect(files.count == 3, "\(files)")
    #expect(files.first == "00-总览.xlsx")
    let air = try #require(files.first { $0.hasSuffix("-大气处.xlsx") }, "\(files)")
    #expect(files.contains { $0.hasSuffix("-办公室.xlsx") }, "\(files)")
    let book = try Openpyxl.dump(books + "/" + air)
    let texts = book.sheets.flatMap { $0.cells.values.compactMap(\.text) }
    #expect(texts.contains { $0.contains("PM2.5平均浓度") })
    #expect(texts.contains { $0.contains("强化扬尘污染控制") })
    let verify = try user.run("verify", "exports/guangzhou-2020", in: "bureau")
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

    // The month's report templates.
    let template = try user.run("template", "guangzhou-2020", "--period", "2020-09", in: "bureau")
    #expect(template.status == 0, "\(template.stderr)")
    let templates = try fm.contentsOfDirectory(
      atPath: books + "/templates/2020-09"
    ).filter { $0.hasSuffix(".xlsx") }
    #expect(templates.count == 2, "\(templates)")

    // A month of progress, and the status as of its end.
    let progress = root + "/plans/progress/guangzhou-2020"
    try fm.createDirectory(atPath: progress, withIntermediateDirectories: true)
    try """
    kind,id,value,unit,basis,state,percent,reporter,date,note
    target,pm25,31.5,微克/立方米,ytd,,,air,2020-09-30,

    """.write(toFile: progress + "/2020-09.csv", atomically: true, encoding: .utf8)
    let status = try user.run("status", "guangzhou-2020", "--as-of", "2020-09-30", in: "bureau")
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("31.5 微克/立方米  达标"), "\(status.stdout)")
  }
}
