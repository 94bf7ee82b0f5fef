import Foundation

/// A real Prometheus server (Debian's `/usr/bin/prometheus`) run on loopback with a throw-away data
/// folder, scraping given targets: the peer of the scrape benchmark and of the Prometheus-source tests.
public final class PrometheusProcess: Sendable {
    private let server: LoopbackServerProcess

    public var port: Int { server.port }
    /// The server's base URL.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts the server (ready in about 0.3 s; its first scrape lands about 8 s later). Throws when the
    /// binary is missing, saying how to install it.
    public convenience init(binary: String = "/usr/bin/prometheus", job: String, targets: [String],
                            intervalSeconds: Int = 1) throws {
        let list = targets.map { "'\($0)'" }.joined(separator: ", ")
        try self.init(binary: binary, configuration: """
            global: {scrape_interval: \(intervalSeconds)s, scrape_timeout: \(intervalSeconds)s, evaluation_interval: \(intervalSeconds)s}
            scrape_configs: [{job_name: \(job), honor_labels: true, static_configs: [{targets: [\(list)]}]}]
            """)
    }

    /// Starts the server with the given `prometheus.yml` content (for file_sd and relabelling set-ups).
    public init(binary: String = "/usr/bin/prometheus", configuration: String) throws {
        server = try LoopbackServerProcess(binary: binary, name: "Prometheus", package: "prometheus", prepare: { folder in
            try Data(configuration.utf8).write(to: folder.appendingPathComponent("prometheus.yml"))
        }, arguments: { folder, port in
            ["--config.file=\(folder.path)/prometheus.yml", "--storage.tsdb.path=\(folder.path)/data",
             "--web.listen-address=127.0.0.1:\(port)"]
        })
    }

    /// Stops the server and removes its data.
    public func stop() { server.stop() }

    /// The values of an instant query (every point of every series for a range selector).
    public func values(of promql: String, fetcher: HTTPFetcher) async throws -> [Double] {
        var components = URLComponents(string: url + "/api/v1/query")
        components?.queryItems = [URLQueryItem(name: "query", value: promql)]
        guard let target = components?.url else { return [] }
        let fetched = try await fetcher.fetch(target, accept: "application/json", timeout: .seconds(5), anyStatus: true)
        return try PrometheusResponse.decode(fetched.bytes, status: fetched.status).series.flatMap { $0.points.map(\.value) }
    }
}
