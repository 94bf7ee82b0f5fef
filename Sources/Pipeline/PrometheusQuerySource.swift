import Dashboard
import Ingest
import Synchronization

/// A Prometheus-compatible server's query API as a source: history is backfilled at start, then one batch of
/// instant queries per interval; each `instance` becomes a target, exactly as if it had been scraped.
public struct PrometheusQuerySource: ClusterSource {
    public let settings: PrometheusSettings
    public let configuration: IngestConfiguration

    public init(settings: PrometheusSettings, configuration: IngestConfiguration) {
        self.settings = settings
        self.configuration = configuration
    }

    public var description: String { "prometheus " + Redaction.url(settings.url) }

    public var intervalSeconds: Double? { configuration.intervalSeconds }

    public func run(driver: PipelineDriver, commands: AsyncStream<FeedCommand>?) async throws {
        let fetcher = try HTTPFetcher(configuration: configuration)
        let source = try PrometheusSource(settings: settings, configuration: configuration, fetcher: fetcher)
        let lastTimeMs = Mutex<Int64?>(nil)
        await source.run { result in
            // A batch shares one time: publish the previous batch when a newer one starts.
            let previous = lastTimeMs.withLock { last in
                defer { last = result.timeMs }
                return last
            }
            if let previous, previous != result.timeMs { await driver.publish() }
            await driver.deliver([result])
        }
        await driver.publish()
        await fetcher.shutdown()
    }
}
