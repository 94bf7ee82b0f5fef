/// Live scraping in one call: from an `IngestConfiguration` it starts the `Scraper` (targets, files, stdin,
/// file_sd) on one shared HTTP client, delivering every `ScrapeResult` to the sink off the drawing path. (A
/// query server is read by `PrometheusSource`, which needs the dialects' families: see Pipeline.)
package final class LiveIngest: Sendable {
    package let configuration: IngestConfiguration
    private let fetcher: HTTPFetcher
    private let scraper: Scraper

    /// Warnings the screen should show for as long as ingest runs (certificate checks off).
    package var warnings: [String] { [configuration.tlsWarning].compactMap { $0 } }

    /// Starts reading; throws at once when a credential or CA file is unusable.
    package init(
        configuration: IngestConfiguration, clock: IngestClock = .live,
        sink: @escaping Scraper.Sink
    ) async throws {
        self.configuration = configuration
        fetcher = try HTTPFetcher(configuration: configuration)
        let scraper = try Scraper(configuration: configuration, fetcher: fetcher, clock: clock, sink: sink)
        await scraper.start()
        self.scraper = scraper
    }

    /// Live ingest whose results arrive on a stream (the newest 4096 are buffered).
    package static func stream(
        configuration: IngestConfiguration,
        clock: IngestClock = .live
    ) async throws -> (LiveIngest, AsyncStream<ScrapeResult>) {
        let (stream, continuation) = AsyncStream.makeStream(of: ScrapeResult.self, bufferingPolicy: .bufferingNewest(4096))
        let ingest = try await LiveIngest(configuration: configuration, clock: clock) { continuation.yield($0) }
        return (ingest, stream)
    }

    /// Stops every read and closes the client.
    package func stop() async {
        await scraper.stop()
    }
}
