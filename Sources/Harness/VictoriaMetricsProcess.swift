import Foundation

/// A real VictoriaMetrics single-node server (Debian's `/usr/bin/victoria-metrics`) run on loopback with a
/// throw-away data folder, scraping what a Prometheus-style configuration lists (its own `-promscrape`)
/// or fed through its import API: the VictoriaMetrics peer of the query-server tests.
package final class VictoriaMetricsProcess: Sendable {
    package static let defaultBinary = "/usr/bin/victoria-metrics"
    private let server: LoopbackServerProcess

    package var port: Int { server.port }
    /// The server's base URL.
    package var url: String { "http://127.0.0.1:\(port)" }

    /// Starts the server; `scrapeConfiguration` is a `prometheus.yml`-style text (nil: nothing scraped), `flags`
    /// are added as given (e.g. `-search.maxUniqueTimeseries=30`). Throws when the binary is missing, saying
    /// how to install it.
    package init(binary: String = VictoriaMetricsProcess.defaultBinary, scrapeConfiguration: String?, flags: [String] = []) throws
    {
        server = try LoopbackServerProcess(
            binary: binary, name: "VictoriaMetrics", package: "victoria-metrics",
            prepare: { folder in
                if let scrapeConfiguration {
                    try Data(scrapeConfiguration.utf8).write(to: folder.appendingPathComponent("scrape.yml"))
                }
            },
            arguments: { folder, port in
                var arguments = [
                    "-storageDataPath=\(folder.path)/data", "-loggerLevel=ERROR", "-httpListenAddr=127.0.0.1:\(port)",
                ]
                if scrapeConfiguration != nil {
                    // Prometheus' own keys that VictoriaMetrics does not know (`evaluation_interval`, file_sd's
                    // `refresh_interval`) are ignored rather than fatal, so one configuration serves both servers.
                    arguments += ["-promscrape.config=\(folder.path)/scrape.yml", "-promscrape.config.strictParse=false"]
                }
                return arguments + flags
            })
    }

    /// Stops the server and removes its data.
    package func stop() { server.stop() }

    /// The process id (for measuring the server's own CPU time).
    package var processIdentifier: Int32 { server.processIdentifier }
}
