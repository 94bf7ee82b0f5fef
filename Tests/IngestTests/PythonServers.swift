import Foundation
import TestSupport

/// The loopback servers of `Servers/test_servers.py`, one per mode, on ports the OS chose. The Python
/// process exits when `stop()` closes its stdin (or when the test process dies).
final class PythonServers: @unchecked Sendable {
    let ports: [String: Int]
    private let process: Process
    private let input: Pipe

    static let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/IngestTests/Servers/test_servers.py").path

    init(
        _ modes: [String], page: URL? = nil, token: String? = nil, basic: String? = nil, cert: String? = nil,
        key: String? = nil
    ) async throws {
        var arguments = ["python3", Self.script]
        if let page { arguments += ["--page", page.path] }
        if let token { arguments += ["--token", token] }
        if let basic { arguments += ["--basic", basic] }
        if let cert, let key { arguments += ["--cert", cert, "--key", key] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments + modes
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        // Not the test runner's stderr: a server outliving a crashed runner must not hold `swift test`'s pipe open.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = await Self.readLine(output.fileHandleForReading)
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int]
        else {
            process.terminate()
            throw TestServerError(message: "test_servers.py did not start (is prometheus_client installed?): \(line)")
        }
        ports = object
    }

    func url(_ mode: String, scheme: String = "http", path: String = "/metrics") -> String {
        "\(scheme)://127.0.0.1:\(ports[mode] ?? 0)\(path)"
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    private static func readLine(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first, byte != 0x0A else { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
