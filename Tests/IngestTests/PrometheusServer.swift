import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The Debian `prometheus` server on loopback, scraping the given targets every second
/// (recipe: shared/notes/prometheus-server.md). Stopped and its data removed by `stop()`.
final class PrometheusServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let folder: URL

    var url: String { "http://127.0.0.1:\(port)" }

    init(scraping targets: [String], binary: String = "/usr/bin/prometheus") async throws {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestServerError(message: "\(binary) is missing: apt-get install -y prometheus")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        let list = targets.map { "'\($0)'" }.joined(separator: ", ")
        let config = """
            global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: fixture
                honor_labels: true
                static_configs: [{targets: [\(list)]}]
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("prometheus.yml"))
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--config.file=\(folder.path)/prometheus.yml", "--storage.tsdb.path=\(folder.path)/data",
                             "--web.listen-address=127.0.0.1:\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Asks the OS for a free loopback port (bind port 0, read it back, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw TestServerError(message: "bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw TestServerError(message: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
