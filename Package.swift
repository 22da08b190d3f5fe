// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "PlanBook",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "planbook", targets: ["planbook"]),
    // The DSL (with PlanModel) as a shared library: `planbook` compiles a plans repository's
    // plan files against it at run time (plans/README.md); `scripts/install` installs it.
    .library(name: "PlanDSL", type: .dynamic, targets: ["PlanDSL"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // libxlsxwriter, Debian's libxlsxwriter-dev (pkg-config name `xlsxwriter`).
    .systemLibrary(
      name: "CXlsxWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    // Plain values: the plan, its units, targets, tasks, rules; the canonical JSON snapshot.
    .target(name: "PlanModel", dependencies: ["CalendarDays"], exclude: ["README.md"]),
    // The plan as JSON: the canonical snapshot (written and read), its fingerprint, the
    // compiled plans a plans repository's program prints, SHA-256.
    .target(name: "PlanJSON", dependencies: ["PlanModel"], exclude: ["README.md"]),
    // The result-builder DSL plan authors write; lowers to PlanModel values.
    .target(name: "PlanDSL", dependencies: ["PlanModel", "PlanJSON"], exclude: ["README.md"]),
    // Owner and deadline assignment, validation. Never imports PlanDSL.
    .target(name: "PlanEngine", dependencies: ["PlanModel"], exclude: ["README.md"]),
    // Files written safely: atomic files, all-or-nothing sets of files, folders replaced as a
    // whole, advisory locks. Only the C library and Foundation.
    .target(name: "SafeFiles", exclude: ["README.md"]),
    // The plans of plans/, with a catalogue, compiled into the unit tests (`planbook` itself
    // compiles plans/*.swift at run time: plans/README.md).
    .target(
      name: "Plans",
      dependencies: ["PlanDSL"],
      path: "plans",
      exclude: ["snapshots", "progress", "README.md"]
    ),
    // `Day`, the calendar day of the plan's model and of the workbooks, and its one Excel
    // serial conversion (1900/1904 systems). Depends on nothing; PlanModel re-exports it.
    .target(name: "CalendarDays", exclude: ["README.md"]),
    // The only code that touches libxlsxwriter. PlanModel only for XMLCharacters.
    .target(
      name: "Xlsx", dependencies: ["CXlsxWriter", "CalendarDays", "PlanModel"],
      exclude: ["README.md"]),
    // The sheet-layout engine: text measured as printed, sheets laid out and paginated as
    // values, written (whole or streamed) through Xlsx; the styles, properties, footers and file
    // names every PlanBook workbook shares.
    .target(
      name: "Sheets", dependencies: ["PlanModel", "Xlsx"], exclude: ["README.md"]),
    // Responsibility books and the overview workbook: documents laid out with Sheets, from a
    // resolved plan.
    .target(
      name: "Books",
      dependencies: [
        "PlanModel", "PlanJSON", "PlanEngine", "Tracking", "Review", "Sheets", "Xlsx", "SafeFiles",
      ],
      exclude: ["README.md"]),
    // Progress reports, evaluation as of a date (序时进度), scoring, grades and ranking.
    .target(
      name: "Tracking", dependencies: ["PlanModel", "PlanJSON", "PlanEngine"],
      exclude: ["README.md"]),
    // Plan versions compared: matching, classes of change, inline text diffs (修订对照表).
    .target(
      name: "Review", dependencies: ["PlanModel", "PlanJSON", "PlanEngine"], exclude: ["README.md"]),
    // Progress report templates out, filled workbooks back in (planbook template / collect).
    .target(
      name: "Reports",
      dependencies: [
        "PlanModel", "PlanJSON", "PlanEngine", "Tracking", "Sheets", "Xlsx", "XlsxReader",
        "SafeFiles",
      ],
      exclude: ["README.md"]),
    // Safe reading of xlsx files (verify, tests): size caps, no DTDs, clear errors.
    // Its own zip reader and inflater: ZIPFoundation's extract hangs on a truncated stream.
    .target(name: "XlsxReader", dependencies: ["CalendarDays"], exclude: ["README.md"]),
    // `planbook import`: a published plan document (.txt, .md, .docx) → a Swift plan skeleton.
    .target(name: "PlanImport", dependencies: ["XlsxReader"], exclude: ["README.md"]),
    // The `planbook` commands, as a library so tests can reach them.
    .target(
      name: "PlanCLI",
      dependencies: [
        "PlanModel", "PlanJSON", "PlanEngine", "Sheets", "Books", "XlsxReader", "Tracking",
        "Review",
        "Reports", "SafeFiles", "PlanImport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    // Benchmarks at province scale (`scripts/bench`, Benchmarks/README.md); no test uses it.
    .executableTarget(
      name: "planbook-bench",
      dependencies: [
        "PlanModel", "PlanJSON", "PlanEngine", "Sheets", "Books", "Tracking", "Review", "Xlsx",
      ],
      path: "Benchmarks/Sources"),
    .executableTarget(name: "planbook", dependencies: ["PlanCLI"]),

    // Helpers the tests share: reading workbooks back through openpyxl, rendering with LibreOffice.
    .target(name: "TestSupport", path: "Tests/TestSupport"),

    .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "PlanJSON"]),
    .testTarget(name: "PlanJSONTests", dependencies: ["PlanJSON", "PlanModel"]),
    .testTarget(name: "SafeFilesTests", dependencies: ["SafeFiles", "TestSupport"]),
    .testTarget(name: "PlanDSLTests", dependencies: ["PlanDSL", "PlanJSON"]),
    .testTarget(name: "PlanEngineTests", dependencies: ["PlanEngine", "PlanDSL", "PlanJSON"]),
    .testTarget(name: "PlansTests", dependencies: ["Plans", "PlanEngine", "PlanJSON"]),
    .testTarget(
      name: "ReportsTests", dependencies: ["Reports", "Plans", "TestSupport"]),
    .testTarget(
      name: "ReviewTests", dependencies: ["Review", "PlanDSL", "PlanJSON", "Plans", "TestSupport"]),
    .testTarget(name: "TrackingTests", dependencies: ["Tracking", "Plans", "TestSupport"]),
    .testTarget(name: "CalendarDaysTests", dependencies: ["CalendarDays"]),
    .testTarget(
      name: "XlsxTests", dependencies: ["Xlsx", "CalendarDays", "CXlsxWriter", "TestSupport"]),
    .testTarget(
      name: "SheetsTests",
      dependencies: ["Sheets", "Plans", "XlsxReader", "TestSupport"]),
    .testTarget(
      name: "BooksTests", dependencies: ["Books", "Sheets", "PlanJSON", "Plans", "TestSupport"]),
    // ZIPFoundation writes the hostile archives the reader is tested against.
    .testTarget(
      name: "XlsxReaderTests",
      dependencies: [
        "XlsxReader", "Xlsx", "CalendarDays", "TestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(name: "PlanImportTests", dependencies: ["PlanImport"]),
    // The module graph against what each module's README says it imports (reads Sources/).
    .testTarget(name: "StructureTests"),
    .testTarget(
      name: "PlanCLITests", dependencies: ["planbook", "TestSupport"], exclude: ["Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
