import Foundation

/// `promtool check metrics` from Debian's `prometheus` package: exit 0 clean, 3 naming lint only, 1 a parse error.
package enum Promtool {
    package static let path = "/usr/bin/promtool"

    package struct Missing: Error, CustomStringConvertible {
        package var description: String { "promtool not found at \(Promtool.path): apt-get install -y prometheus" }
    }

    /// Runs `promtool check metrics` with `page` on stdin; returns its exit status and output.
    package static func check(_ page: [UInt8]) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(page))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
