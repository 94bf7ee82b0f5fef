import Foundation
import Ingest

/// A real Prometheus server (Debian's `/usr/bin/prometheus`) run on loopback with a throw-away data
/// folder, scraping given targets: the peer of the scrape benchmark and of the Prometheus-source tests.
package final class PrometheusProcess: Sendable {
    private let server: LoopbackServerProcess

    package var port: Int { server.port }
    /// The server's base URL.
    package var url: String { "http://127.0.0.1:\(port)" }

    /// Starts the server (ready in about 0.3 s; its first scrape lands about 8 s later). Throws when the
    /// binary is missing, saying how to install it.
    package convenience init(
        binary: String = "/usr/bin/prometheus", job: String, targets: [String],
        intervalSeconds: Int = 1
    ) throws {
        let list = targets.map { "'\($0)'" }.joined(separator: ", ")
        try self.init(
            binary: binary,
            configuration: """
                global: {scrape_interval: \(intervalSeconds)s, scrape_timeout: \(intervalSeconds)s, evaluation_interval: \(intervalSeconds)s}
                scrape_configs: [{job_name: \(job), honor_labels: true, static_configs: [{targets: [\(list)]}]}]
                """)
    }

    /// Starts the server with the given `prometheus.yml` content (for file_sd and relabelling set-ups).
    package init(binary: String = "/usr/bin/prometheus", configuration: String) throws {
        server = try LoopbackServerProcess(
            binary: binary, name: "Prometheus", package: "prometheus",
            prepare: { folder in
                try Data(configuration.utf8).write(to: folder.appendingPathComponent("prometheus.yml"))
            },
            arguments: { folder, port in
                [
                    "--config.file=\(folder.path)/prometheus.yml", "--storage.tsdb.path=\(folder.path)/data",
                    "--web.listen-address=127.0.0.1:\(port)",
                ]
            })
    }

    /// Stops the server and removes its data.
    package func stop() { server.stop() }

    /// The end of the server's log, for a failure message.
    package var log: String { server.log }

    /// The values of an instant query (every point of every series for a range selector).
    package func values(of promql: String, fetcher: HTTPFetcher) async throws -> [Double] {
        let result = try await result(of: promql, fetcher: fetcher)
        // An instant vector's item has "value": [time, "text"]; a range vector's has "values": [[time, "text"], …].
        let points = result.flatMap { item in (item["values"] as? [[Any]]) ?? [item["value"] as? [Any]].compactMap { $0 } }
        return points.compactMap { point in (point.last as? String).flatMap(Double.init) }
    }

    /// The `data.result` items of an instant query, evaluated at `time` (Unix seconds) or now. Read with
    /// Foundation's JSON reader, not with Ingest's decoder: the peer's answer is what the tests compare Ingest
    /// against.
    package func result(of promql: String, at time: Double? = nil, fetcher: HTTPFetcher) async throws -> [[String: Any]] {
        var components = URLComponents(string: url + "/api/v1/query")
        components?.queryItems = [URLQueryItem(name: "query", value: promql)]
        if let time { components?.queryItems?.append(URLQueryItem(name: "time", value: String(format: "%.3f", time))) }
        guard let target = components?.url else { return [] }
        let fetched = try await fetcher.fetch(target, accept: "application/json", timeout: .seconds(5), anyStatus: true)
        let answer = try? JSONSerialization.jsonObject(with: Data(fetched.bytes)) as? [String: Any]
        guard let answer, answer["status"] as? String == "success",
            let result = (answer["data"] as? [String: Any])?["result"] as? [[String: Any]]
        else {
            let text = String(decoding: fetched.bytes.prefix(200), as: UTF8.self)
            throw QueryFailure(description: "Prometheus at \(url) answered \(promql) with HTTP \(fetched.status): \(text)")
        }
        return result
    }

    /// An answer to `values(of:)` that is not a successful query result.
    package struct QueryFailure: Error, CustomStringConvertible {
        package var description: String
    }
}
