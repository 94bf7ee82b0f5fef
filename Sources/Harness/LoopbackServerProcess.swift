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
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
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
