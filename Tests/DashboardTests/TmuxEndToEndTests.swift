import Foundation
import TestSupport
import Testing

/// Runs `scripts/e2e-tmux.sh` against the built `infertop` binary: the real dashboard in a real terminal (tmux),
/// driven by keys, resized, and killed; as a second test, its insight screens on the failure scenario; as a third,
/// the ending signals and hang-ups while recording.
/// Skipped only when tmux is not installed.
@Suite struct TmuxEndToEndTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        .enabled(if: tmux != nil, "tmux is not installed (apt-get install tmux): the end-to-end dashboard test needs it"),
        .timeLimit(.minutes(3)))
    func dashboardInTmux() async throws {
        // Arguments that open the dashboard on a deterministic source; the README's first command needs none.
        let args = ProcessInfo.processInfo.environment["INFERTOP_E2E_ARGS"]?.split(separator: " ").map(String.init) ?? []
        let output = try await Self.runScript(part: "basic", args: args)
        #expect(output.contains("all e2e checks passed"), "\(output)")
    }

    /// Enter on a GPU and on an instance opens their screens, Esc returns, and `e` shows the event log once the
    /// simulator's `failure` scenario has fired an alert.
    @Test(
        .enabled(if: tmux != nil, "tmux is not installed (apt-get install tmux): the end-to-end dashboard test needs it"),
        .timeLimit(.minutes(3)))
    func insightScreensInTmux() async throws {
        let output = try await Self.runScript(part: "insights", args: [])
        for check in [
            "Enter on a GPU opens its screen", "Enter on an instance opens its screen", "Esc returns to the overview",
            "the failure scenario fired an alert", "e shows the event log with the alert",
        ] {
            #expect(output.contains("ok: " + check), "\(output)")
        }
    }

    /// Issue 14, class 7: SIGHUP, SIGQUIT, Ctrl-C and SIGTERM while recording each restore the terminal, exit
    /// `128 + signal` and leave a closed recording; a real hang-up (the window killed) ends the dashboard as 129
    /// whether the shell passes the SIGHUP on or ignores it.
    @Test(
        .enabled(if: tmux != nil, "tmux is not installed (apt-get install tmux): the end-to-end dashboard test needs it"),
        .timeLimit(.minutes(3)))
    func signalsWhileRecordingInTmux() async throws {
        let output = try await Self.runScript(part: "signals", args: ["--nodes", "2"])
        for check in [
            "SIGHUP while recording exits 129", "SIGQUIT while recording exits 131", "SIGINT while recording exits 130",
            "SIGTERM while recording exits 143", "a hang-up with SIGHUP passed exits 129",
            "a hang-up with SIGHUP ignored exits 129",
        ] {
            #expect(output.contains("ok: " + check), "\(output)")
        }
    }

    /// Runs one part of `scripts/e2e-tmux.sh` (`E2E_PART`) on the built binary and returns what it printed; fails
    /// the test when it does not finish in time or exits non-zero.
    static func runScript(part: String, args: [String]) async throws -> String {
        let root = Fixtures.repositoryRoot
        // The binary built beside this test runner (whatever the scratch path), else the default build folder.
        let besideRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("infertop")
        let binary =
            FileManager.default.isExecutableFile(atPath: besideRunner.path)
            ? besideRunner : root.appendingPathComponent(".build/debug/infertop")
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "no \(binary.path): run `swift build` (or `swift build --build-tests`) first")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-e2e-\(part)-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/e2e-tmux.sh").path, binary.path] + args
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment["OUT"] = out.path
        environment["E2E_PART"] = part
        process.environment = environment
        // Output goes to a file, not a pipe: a pipe stays open as long as any grandchild (the tmux server) holds it.
        let log = out.appendingPathExtension("log")
        try #require(FileManager.default.createFile(atPath: log.path, contents: nil))
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let finished = await Polling.until(timeout: .seconds(170), interval: .milliseconds(200)) { !process.isRunning }
        if !finished { process.terminate() }
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(finished && process.terminationStatus == 0, "e2e-tmux.sh (\(part)) failed:\n\(output)")
        return output
    }
}
