/// The one entry point for live sources: from an `IngestConfiguration` it starts either the `Scraper`
/// (targets, files, stdin, file_sd) or the `PrometheusSource` (when `prometheus` is set), on one shared
/// HTTP client, delivering every `ScrapeResult` to the sink off the drawing path.
public final class LiveIngest: Sendable {
    public let configuration: IngestConfiguration
    private let fetcher: HTTPFetcher
    private let scraper: Scraper?
    private let poller: Task<Void, Never>?

    /// Warnings the screen should show for as long as ingest runs (certificate checks off).
    public var warnings: [String] { [configuration.tlsWarning].compactMap { $0 } }

    /// Starts reading; throws at once when a credential, CA file or selector is unusable.
    public init(configuration: IngestConfiguration, clock: IngestClock = .live,
                sink: @escaping Scraper.Sink) async throws {
        self.configuration = configuration
        fetcher = try HTTPFetcher(configuration: configuration)
        if let settings = configuration.prometheus {
            let source = try PrometheusSource(settings: settings, configuration: configuration, fetcher: fetcher, clock: clock)
            scraper = nil
            poller = Task { await source.run(sink: sink) }
        } else {
            let scraper = try Scraper(configuration: configuration, fetcher: fetcher, clock: clock, sink: sink)
            await scraper.start()
            self.scraper = scraper
            poller = nil
        }
    }

    /// Live ingest whose results arrive on a stream (the newest 4096 are buffered).
    public static func stream(configuration: IngestConfiguration,
                              clock: IngestClock = .live) async throws -> (LiveIngest, AsyncStream<ScrapeResult>) {
        let (stream, continuation) = AsyncStream.makeStream(of: ScrapeResult.self, bufferingPolicy: .bufferingNewest(4096))
        let ingest = try await LiveIngest(configuration: configuration, clock: clock) { continuation.yield($0) }
        return (ingest, stream)
    }

    /// Stops every read and closes the client.
    public func stop() async {
        poller?.cancel()
        if let scraper {
            await scraper.stop()
        } else {
            await fetcher.shutdown()
        }
    }
}
