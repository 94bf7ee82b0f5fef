import Foundation
import TestSupport

/// Pages from the shared, deterministic cluster generator (`shared/bench/gen_exposition.py`): a peer that
/// nobody on this team wrote, with vLLM's real bucket bounds and DCGM's label layout.
enum GeneratedPages {
    /// The copy in `Tests/Fixtures/bench` (see its README).
    static let script = Fixtures.root.appendingPathComponent("bench/gen_exposition.py")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The page of snapshot `tick`, `interval` seconds per tick.
    static func page(nodes: Int = 2, gpus: Int = 4, vllmPerNode: Int = 2, tick: Int, interval: Double = 1,
                     extra: [String] = []) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: script.path) else {
            throw Failure(description: "\(script.path) is missing: restore it from shared/bench/gen_exposition.py")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--nodes", String(nodes), "--gpus", String(gpus),
                             "--vllm-per-node", String(vllmPerNode), "--tick", String(tick), "--interval", String(interval)] + extra
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "gen_exposition.py exited with \(process.terminationStatus); is python3 installed?")
        }
        return [UInt8](data)
    }
}
