import Foundation

/// The shared, deterministic cluster generator (`gen_exposition.py`, copied into `Tests/Fixtures/bench`) run as a
/// child process: pages from a peer that nobody on this team wrote, with vLLM's real bucket bounds and DCGM's
/// label layout, for the model benchmark and the tests.
package enum ClusterGenerator {
    /// The generator could not be run, or it failed.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The page `python3 SCRIPT ARGUMENTS` prints (`--tick`, `--size`, `--nodes`, … as the script takes them).
    package static func page(script: String, arguments: [String]) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: script) else {
            throw Failure(description: "\(script) is missing: restore it from shared/bench/gen_exposition.py")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) exited with \(process.terminationStatus); is python3 installed?")
        }
        return [UInt8](data)
    }
}
