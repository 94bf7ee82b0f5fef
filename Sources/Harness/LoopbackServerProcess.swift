import Foundation
import Ingest

/// A server binary run on loopback, on a port from the OS, with a throw-away folder for its data and
/// configuration: what the Prometheus and VictoriaMetrics peers share (start, stop, clean up).
final class LoopbackServerProcess: Sendable {
    let port: Int
    let folder: URL
    private let process: Process

    /// Starts `binary` with the arguments `arguments(folder, port)` gives, after `prepare(folder)` has written
    /// what they name. Throws when the binary is missing, saying to install `package`.
    init(
        binary: String, name: String, package: String, prepare: (URL) throws -> Void = { _ in },
        arguments: (URL, Int) -> [String]
    ) throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ConfigurationError.unreadable(file: binary, reason: "\(name) is not installed (apt-get install \(package))")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-\(package)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try prepare(folder)
        port = try LoopbackPageServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments(folder, port)
        // Its output goes to a file in its folder, for `log`; not to the test runner's pipes, which a server
        // outliving a crashed runner would hold open.
        let logPath = folder.appendingPathComponent("server.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath) ?? FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// The end of what the server wrote, for a failure message.
    var log: String {
        let text = (try? String(contentsOf: folder.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
        return String(text.suffix(2_000))
    }

    /// Stops the server and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    var processIdentifier: Int32 { process.processIdentifier }
}
