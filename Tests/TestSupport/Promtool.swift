import Foundation

/// `promtool check metrics` from Debian's `prometheus` package: exit 0 clean, 3 naming lint only, 1 a parse error.
public enum Promtool {
    public static let path = "/usr/bin/promtool"

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "promtool not found at \(Promtool.path): apt-get install -y prometheus" }
    }

    /// Runs `promtool check metrics` with `page` on stdin; returns its exit status and output.
    public static func check(_ page: [UInt8]) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
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
