import Foundation
import TestSupport
import Testing

/// Issue 19: infertop installed like a tool. The real binary, copied alone into an empty folder and run from `/`
/// with a user's environment, has its themes built in, finds the user's files where the XDG rule puts them, and
/// says which commit it is and where each setting came from.
@Suite(.serialized) struct InstallationTests {
    static let builtInThemes = ["dark", "ansi16", "gruvbox", "high-contrast", "light", "mono", "nord"]

    /// A user's environment: a home, no toolchain on PATH, a terminal; plus `extra`.
    static func user(home: URL, _ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": home.path, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"].merging(extra) { $1 }
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs the binary from `/` to its end (60 s at most); returns its status and the process for its output.
    static func run(
        _ arguments: [String], in folder: TemporaryFolder, environment: [String: String],
        binary: URL? = InfertopProcess.binary
    ) async throws -> (Int32, InfertopProcess) {
        let process = try InfertopProcess(
            arguments, name: "run-\(UUID().uuidString)", folder: folder.url,
            environment: environment, directory: URL(fileURLWithPath: "/"), binary: binary)
        return (await process.finish(within: .seconds(60)), process)
    }

    /// `--print-config` as (setting, origin) pairs, the comment lines at the top left out.
    static func settings(_ output: String) -> [(String, String)] {
        output.split(separator: "\n").compactMap { line in
            guard let comment = line.range(of: "  # ", options: .backwards), !line.hasPrefix("# infertop"),
                !line.hasPrefix("# configuration file")
            else { return nil }
            return (line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces), String(line[comment.upperBound...]))
        }
    }

    @Test func aCopyAloneHasItsThemesFromAnyFolder() async throws {
        let folder = try TemporaryFolder("alone")
        let home = folder.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let original = try #require(InfertopProcess.binary)
        let copy = folder.url.appendingPathComponent("bin/infertop")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original, to: copy)

        let (status, list) = try await Self.run(["--list-themes"], in: folder, environment: Self.user(home: home), binary: copy)
        #expect(status == 0, "\(list.errors)")
        let lines = list.output.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(lines == Self.builtInThemes.map { "\($0) built in" })

        let (frameStatus, frame) = try await Self.run(
            ["--frames", "1", "--size", "100x30", "--theme", "nord"], in: folder,
            environment: Self.user(home: home), binary: copy)
        #expect(frameStatus == 0, "\(frame.errors)")
        #expect(frame.output.contains("GPUs"))
    }

    @Test func versionNamesTheReleaseAndTheCommit() async throws {
        let folder = try TemporaryFolder("version")
        let (status, run) = try await Self.run(["--version"], in: folder, environment: Self.user(home: folder.url))
        #expect(status == 0)
        // The commit as the build plugin reads it, read again now (the suite builds before it runs).
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = [
            "git", "-C", Fixtures.repositoryRoot.path, "describe", "--always", "--dirty", "--abbrev=12", "--exclude=*",
        ]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        try git.run()
        git.waitUntilExit()
        let described = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = git.terminationStatus == 0 ? described : "unknown"
        let version = try #require(
            run.output.firstMatch(of: /^infertop (\d+\.\d+\.\d+) \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)\n$/))
        #expect(String(version.output.2) == commit)
        // The release it names has its section in the changelog.
        let changelog = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("\n## [\(version.output.1)]\n"))
    }

    @Test func userFilesAreReadWhereTheXDGRulePutsThem() async throws {
        let folder = try TemporaryFolder("xdg")
        let home = folder.url.appendingPathComponent("home")
        let xdg = folder.url.appendingPathComponent("xdg")
        let themes = xdg.appendingPathComponent("infertop/themes")
        try Self.write("name = nord\ntext = red\n", to: themes.appendingPathComponent("nord.theme"))
        try Self.write("name = zebra\n", to: themes.appendingPathComponent("zebra.theme"))
        let config = xdg.appendingPathComponent("infertop/config.yaml")
        try Self.write("interval: 2s\ntheme: zebra\n", to: config)
        let environment = Self.user(home: home, ["XDG_CONFIG_HOME": xdg.path])

        let (status, list) = try await Self.run(["--list-themes"], in: folder, environment: environment)
        #expect(status == 0, "\(list.errors)")
        let listed = list.output.split(separator: "\n").map {
            $0.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(
            listed.first { $0[0] == "nord" }?[1] == themes.appendingPathComponent("nord.theme").path
                + " (replaces the built-in nord)")
        #expect(listed.first { $0[0] == "zebra" }?[1] == themes.appendingPathComponent("zebra.theme").path)
        #expect(listed.filter { $0[1] == "built in" }.count == Self.builtInThemes.count - 1)

        let (printStatus, printed) = try await Self.run(["--print-config"], in: folder, environment: environment)
        #expect(printStatus == 0, "\(printed.errors)")
        let settings = Self.settings(printed.output)
        #expect(settings.contains { $0 == ("interval: \"2s\"", "\(config.path):1") })
        #expect(settings.contains { $0 == ("theme: \"zebra\"", "\(config.path):2") })
        #expect(printed.output.contains("# configuration file: \(config.path) ($XDG_CONFIG_HOME/infertop/config.yaml)"))

        // Without an absolute XDG_CONFIG_HOME, ~/.config/infertop is the folder: its file is read (here, refused
        // for its typo, with its path), and the XDG one is not.
        let homeConfig = home.appendingPathComponent(".config/infertop/config.yaml")
        try Self.write("intervall: 2s\n", to: homeConfig)
        for extra in [[:], ["XDG_CONFIG_HOME": "relative/xdg"]] {
            let (badStatus, bad) = try await Self.run(["--print-config"], in: folder, environment: Self.user(home: home, extra))
            #expect(badStatus == 64)
            #expect(bad.errors.contains(homeConfig.path) && bad.errors.contains("intervall"), "\(bad.errors)")
        }
    }

    @Test func printConfigSaysWhereEachValueCameFromAndReadsBackTheSame() async throws {
        let folder = try TemporaryFolder("print-config")
        let config = folder.url.appendingPathComponent("cluster.yaml")
        try Self.write("interval: 2s\nconcurrency: 16\ntheme: nord\ntargets:\n  - http://127.0.0.1:9/metrics\n", to: config)
        let environment = Self.user(home: folder.url, ["NO_COLOR": "1"])
        let (printStatus, printed) = try await Self.run(
            ["--config", config.path, "--timeout", "3s", "--seed", "7", "--series-limit", "5000", "--print-config"],
            in: folder, environment: environment)
        #expect(printStatus == 0, "\(printed.errors)")
        let settings = Self.settings(printed.output)
        for expected in [
            ("interval: \"2s\"", "\(config.path):1"), ("timeout: \"3s\"", "--timeout"),
            ("concurrency: 16", "\(config.path):2"), ("seed: 7", "--seed"),
            ("body_limit: 67108864", "default"), ("series_limit: 5000", "--series-limit"),
            ("theme: \"nord\"", "\(config.path):3"),
            ("targets: [\"http://127.0.0.1:9/metrics\"]", "\(config.path):4"),
            ("# color: none", "environment: $NO_COLOR is set"),
        ] {
            #expect(settings.contains { $0 == expected }, "no \(expected) in\n\(printed.output)")
        }
        // What it prints is a configuration file: read back, it gives the same values.
        let copy = folder.url.appendingPathComponent("printed.yaml")
        try Self.write(printed.output, to: copy)
        let (againStatus, again) = try await Self.run(
            ["--config", copy.path, "--print-config"], in: folder, environment: environment)
        #expect(againStatus == 0, "\(again.errors)")
        #expect(Self.settings(again.output).map(\.0) == settings.map(\.0))
    }
}
