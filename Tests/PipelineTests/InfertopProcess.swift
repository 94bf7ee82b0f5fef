import Foundation
import TestSupport

/// The built `infertop` (or `infertop-bench`) binary run as a child process, its stdout and stderr in files (never the test runner's
/// own, and never a pipe that a long-lived child could hold open), for end-to-end tests of the real command.
struct InfertopProcess {
    /// `$INFERTOP_BINARY` when set (e.g. a release build), else the binary beside this test runner (whatever
    /// the scratch path), else the default debug build.
    static let binary = built("infertop", unless: "INFERTOP_BINARY")
    /// The benchmarks' executable, found the same way (`$INFERTOP_BENCH_BINARY`).
    static let benchBinary = built("infertop-bench", unless: "INFERTOP_BENCH_BINARY")

    private static func built(_ name: String, unless variable: String) -> URL? {
        if let chosen = ProcessInfo.processInfo.environment[variable] { return URL(fileURLWithPath: chosen) }
        let besideRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent(name)
        let fallback = Fixtures.repositoryRoot.appendingPathComponent(".build/debug/\(name)")
        return [besideRunner, fallback].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    let process: Process
    let stdout: URL
    let stderr: URL

    /// Starts `infertop ARGUMENTS`; output goes to files in `folder`, named after `name`. `environment` replaces
    /// the test runner's (a user's HOME, no toolchain), `directory` is where it starts, `binary` another copy.
    init(
        _ arguments: [String], name: String, folder: URL, environment: [String: String]? = nil,
        directory: URL? = nil, binary: URL? = InfertopProcess.binary
    ) throws {
        guard let binary else {
            throw ProcessFailure("no infertop or infertop-bench binary: run `swift build` (or `swift build --build-tests`) first")
        }
        stdout = folder.appendingPathComponent("\(name).out")
        stderr = folder.appendingPathComponent("\(name).err")
        for file in [stdout, stderr] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw ProcessFailure("cannot create \(file.path)")
        }
        process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
    }

    /// Waits (bounded) for the process to end; kills it when it overruns. Returns its exit status.
    func finish(within timeout: Duration) async -> Int32 {
        if !(await Polling.until(timeout: timeout, interval: .milliseconds(50)) { !process.isRunning }) {
            stop()
            return -1
        }
        return process.terminationStatus
    }

    /// Ends a long-running child (a server) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    var output: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }
}

/// A child process that could not be run or did not do what the test needs.
struct ProcessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
