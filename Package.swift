// swift-tools-version: 6.2
// infertop: a terminal dashboard for LLM inference clusters. See README.md and DESIGN notes in docs/.
import PackageDescription

/// How both executables are linked in release builds (the benchmarks measure what users run).
let releaseLinking: [LinkerSetting] = [
    // Release builds are linked by the toolchain's lld as a fixed-address executable (like Go's default
    // binaries, e.g. k9s and Prometheus) that exports none of the package's 39 k public symbols: as a
    // position-independent one, the loader read 3 MiB of relocations at start-up and wrote 1.1 MiB of
    // data pages, and 2.3 MiB of symbol tables stayed resident. (Packed relocations, DT_RELR, save the
    // same but need glibc 2.36 even where the binary is built.) See README, "Performance".
    .unsafeFlags(
        ["-use-ld=lld", "-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"],
        .when(platforms: [.linux], configuration: .release))
]

/// Every target is built in Swift 6 language mode with strict concurrency (the default for tools 6.x).
let package = Package(
    name: "infertop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "infertop", targets: ["infertop"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "Exposition"),
        // Work spread over the machine's cores, results in order: the simulator's ticks and pages, the model's plans.
        .target(name: "Parallel"),
        // The C library's wcwidth under a private UTF-8 locale (Formatting's display width).
        .target(name: "CWidth"),
        // How numbers and text are written and measured for people: one total number formatter, the display
        // width of text, the sanitizer for text from the network. Below the model, so the text snapshot and the
        // screens write every figure the same way.
        .target(name: "Formatting", dependencies: ["CWidth"]),
        .target(name: "MetricStore", dependencies: ["Exposition"]),
        .target(name: "ClusterModel", dependencies: ["MetricStore", "Exposition", "Formatting", "Parallel"]),
        .target(
            name: "Simulator",
            dependencies: [
                "Exposition", "Parallel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]),
        .target(
            name: "Ingest",
            dependencies: [
                "Exposition", "MetricStore", "Formatting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // Alert rules, the event log, filter expressions and the analyses behind the insight screens.
        .target(name: "Insights", dependencies: ["ClusterModel", "Formatting"]),
        .target(name: "Dashboard", dependencies: ["ClusterModel", "Insights", "Formatting"]),
        // The themes in Themes/ are compiled in (EmbedThemes), so a binary copied alone still has them.
        .target(name: "CursesTerminal", dependencies: ["CNCurses", "Dashboard"], plugins: ["EmbedThemes"]),
        // The wiring of the stages: a source's scrapes → store → cluster picture and history → a dashboard feed.
        .target(
            name: "Pipeline",
            dependencies: [
                "Exposition", "MetricStore", "ClusterModel", "Simulator", "Ingest", "Insights", "Dashboard", "Parallel",
            ]),
        // What both executables' command lines share: flag ranges, scenario names, the version, start and exit.
        .target(
            name: "CommandSupport",
            dependencies: [
                "Ingest", "Simulator", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], plugins: ["BuildCommit"]),
        .executableTarget(
            name: "infertop",
            dependencies: [
                "Exposition", "MetricStore", "ClusterModel", "Simulator", "Ingest", "Insights", "Dashboard", "CursesTerminal",
                "Pipeline", "CMalloc", "CommandSupport", "Formatting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ], linkerSettings: releaseLinking),
        // Loopback page servers, synthetic and generated pages, real Prometheus / VictoriaMetrics processes: what
        // the benchmarks and the tests run against. Never linked into `infertop`.
        .target(name: "Harness", dependencies: ["Exposition", "Ingest"]),
        // The benchmarks (`infertop-bench parse|model|sim|scrape|render|recording`), built with -c release. Not a
        // product: scripts/release.sh ships `infertop` alone.
        .executableTarget(
            name: "infertop-bench",
            dependencies: [
                "Exposition", "MetricStore", "ClusterModel", "Simulator", "Ingest", "Insights", "Dashboard",
                "Formatting", "CommandSupport", "Harness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], linkerSettings: releaseLinking),
        // Build-time sources: the theme files as Swift strings, and the commit a binary is built from (`--version`).
        .plugin(name: "EmbedThemes", capability: .buildTool()),
        .plugin(name: "BuildCommit", capability: .buildTool()),
        // Shared helpers for the test targets: fixture paths, bounded polling, loopback servers.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        .testTarget(
            name: "ExpositionTests",
            dependencies: [
                "Exposition", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "MetricStoreTests", dependencies: ["MetricStore", "Exposition", "TestSupport"]),
        .testTarget(
            name: "ClusterModelTests",
            dependencies: ["ClusterModel", "MetricStore", "Exposition", "Formatting", "Harness", "Ingest", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Exposition", "TestSupport"]),
        .testTarget(
            name: "IngestTests", dependencies: ["Ingest", "Exposition", "MetricStore", "Harness", "TestSupport"],
            exclude: ["Servers"]),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "CursesTerminal", "ClusterModel", "Formatting", "Insights", "TestSupport"],
            exclude: ["Golden", "InsightGolden"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "Simulator", "Ingest", "ClusterModel", "Dashboard", "Exposition",
                "Insights", "MetricStore", "Harness", "TestSupport",
            ],
            exclude: ["Golden", "InsightGolden"]),
        .testTarget(name: "InsightsTests", dependencies: ["Insights", "ClusterModel", "Formatting", "TestSupport"]),
    ]
)

// A warning in this package's own code, Swift or C, fails the build (`swift build`, the tests and scripts/release.sh alike), so
// none accumulates. SwiftPM applies the setting to this package's targets only: dependencies' warnings (the
// argument parser's deprecations, say) stay warnings.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
    target.cSettings = (target.cSettings ?? []) + [.treatAllWarnings(as: .error)]
}
