import Foundation
import Ingest
import TestSupport

/// Runs a real `Scraper` against loopback targets until a condition holds (bounded), then stops it.
enum ScrapeHarness {
    static func run(
        _ addresses: [String], timeout: Duration = .seconds(60),
        configure: (inout IngestConfiguration) -> Void = { _ in },
        environment: [String: String] = [:],
        until condition: @escaping @Sendable (ResultLog) async -> Bool
    ) async throws -> (ResultLog, Bool) {
        var configuration = IngestConfiguration(
            targets: try addresses.map { try ScrapeTarget(address: $0) },
            intervalSeconds: 0.2, timeoutSeconds: 1, concurrency: 8,
            bodyLimitBytes: 256 << 10)
        configure(&configuration)
        let log = ResultLog()
        let fetcher = try HTTPFetcher(configuration: configuration, environment: environment)
        let scraper = try Scraper(configuration: configuration, fetcher: fetcher) { await log.append($0) }
        await scraper.start()
        let met = await Polling.until(timeout: timeout) { await condition(log) }
        await scraper.stop()
        return (log, met)
    }
}
