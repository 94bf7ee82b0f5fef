import Foundation
import Harness
import Ingest

/// A real Debian `prometheus` server on 127.0.0.1 (Harness's `PrometheusProcess`) scraping one loopback target
/// that serves the given pages in order, one per scrape, the last one repeated: the peer that says what `rate()`
/// and `histogram_quantile()` are.
final class PrometheusPeer {
    private let target: LoopbackPageServer
    private let prometheus: PrometheusProcess

    /// Starts the target over `pages` and Prometheus scraping it every second.
    init(pages: [[UInt8]]) throws {
        target = try LoopbackPageServer(sequence: pages)
        target.start()
        do {
            prometheus = try PrometheusProcess(job: "infertop", targets: ["127.0.0.1:\(target.ports[0])"])
        } catch {
            target.stop()
            throw error
        }
    }

    func stop() {
        prometheus.stop()
        target.stop()
    }

    /// The end of Prometheus' log, for a failure message.
    var log: String { prometheus.log }

    /// `/api/v1/query` at `time` (seconds): the `data.result` array.
    func query(_ expression: String, at time: Double? = nil) async throws -> [[String: Any]] {
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        do {
            let result = try await prometheus.result(of: expression, at: time, fetcher: fetcher)
            await fetcher.shutdown()
            return result
        } catch {
            await fetcher.shutdown()
            throw error
        }
    }
}
