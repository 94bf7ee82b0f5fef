import Foundation

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real Debian `prometheus` server on 127.0.0.1, scraping a tiny Python server that hands out one
/// generated page per scrape, in order: the peer that says what `rate()` and `histogram_quantile()` are.
final class PrometheusPeer {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let work: URL
    let port: Int
    private let prometheus: Process
    private let pageServer: Process

    static let binary = "/usr/bin/prometheus"

    /// Starts the page server over `pages` (served in order, the last one repeated) and Prometheus scraping
    /// it every second.
    init(pages: [[UInt8]]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw Failure(
                description: "\(Self.binary) is missing: install Debian's prometheus package "
                    + "(apt-get install -y prometheus) to run the rate/quantile comparison")
        }
        work = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("data"), withIntermediateDirectories: true)
        for (index, page) in pages.enumerated() {
            try Data(page).write(to: work.appendingPathComponent(String(format: "tick-%03d.prom", index)))
        }
        try Data(Self.serverScript.utf8).write(to: work.appendingPathComponent("serve.py"))
        pageServer = Process()
        pageServer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pageServer.arguments = ["python3", work.appendingPathComponent("serve.py").path, work.path]
        let portPipe = Pipe()
        pageServer.standardOutput = portPipe
        // Not the test runner's stderr: a server outliving a crashed runner must not hold `swift test`'s pipe open.
        pageServer.standardError = FileHandle.nullDevice
        try pageServer.run()
        let firstLine = String(decoding: portPipe.fileHandleForReading.availableDataLine(), as: UTF8.self)
        let ports = firstLine.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard ports.count == 2 else {
            throw Failure(description: "the page server did not report its ports (got '\(firstLine)'); is python3 installed?")
        }
        let pagesPort = ports[0]
        port = ports[1]
        let config = """
            global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: infertop
                honor_labels: true
                static_configs: [{targets: ['127.0.0.1:\(pagesPort)']}]
            """
        try Data(config.utf8).write(to: work.appendingPathComponent("prometheus.yml"))
        prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: Self.binary)
        prometheus.arguments = [
            "--config.file=\(work.appendingPathComponent("prometheus.yml").path)",
            "--storage.tsdb.path=\(work.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(port)",
        ]
        let logPath = work.appendingPathComponent("prometheus.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = FileHandle(forWritingAtPath: logPath)
        prometheus.standardOutput = log
        prometheus.standardError = log
        try prometheus.run()
    }

    func stop() {
        // SIGKILL: children of the test process inherit a signal mask that blocks SIGTERM.
        for process in [prometheus, pageServer] where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: work)
    }

    /// The log, for a failure message.
    var log: String {
        (try? String(contentsOf: work.appendingPathComponent("prometheus.log"), encoding: .utf8))?.suffix(2_000).description ?? ""
    }

    /// `/api/v1/query` at `time` (seconds): the `data.result` array.
    func query(_ expression: String, at time: Double? = nil) async throws -> [[String: Any]] {
        var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: expression)]
        if let time { components.queryItems?.append(URLQueryItem(name: "time", value: String(format: "%.3f", time))) }
        let (data, _) = try await URLSession.shared.data(from: components.url!)
        guard let body = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            body["status"] as? String == "success",
            let result = (body["data"] as? [String: Any])?["result"] as? [[String: Any]]
        else {
            throw Failure(description: "query \(expression) failed: \(String(decoding: data, as: UTF8.self))")
        }
        return result
    }

    /// Serves `tick-NNN.prom` files one per request, in order, on an OS-chosen port; prints that port and
    /// a free one for Prometheus (bound and released, then handed over).
    static let serverScript = """
        import glob, http.server, os, signal, socket, sys
        signal.pthread_sigmask(signal.SIG_SETMASK, [])  # the test process spawns children with signals blocked
        pages = sorted(glob.glob(os.path.join(sys.argv[1], 'tick-*.prom')))
        served = [0]
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                index = min(served[0], len(pages) - 1)
                served[0] += 1
                body = open(pages[index], 'rb').read()
                self.send_response(200)
                self.send_header('Content-Type', 'text/plain; version=0.0.4')
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
        spare = socket.socket()
        spare.bind(('127.0.0.1', 0))
        free = spare.getsockname()[1]
        spare.close()
        print(server.server_address[1], free, flush=True)
        server.serve_forever()
        """
}

extension FileHandle {
    /// Reads up to the first newline (the page server's port line).
    func availableDataLine() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { return line }
            line.append(byte)
        }
    }
}
