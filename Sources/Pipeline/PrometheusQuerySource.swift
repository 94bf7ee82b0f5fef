import ClusterModel
import Dashboard
import Foundation
import Ingest

/// A Prometheus-compatible server's query API as a source: aggregated instant queries every interval, each
/// identity a target, exactly as if it had been scraped (with rates the server computed). The server's own
/// health (its interval, the data's age, its errors) goes to the header, never into the targets. A detail
/// screen, while open, has the source ask for the values only it shows.
package struct PrometheusQuerySource: ClusterSource {
    package let settings: PrometheusSettings
    package let configuration: IngestConfiguration
    /// The model's rate window: the server's `rate()` uses it (or longer, for a server that scrapes slowly).
    package let windowMs: Int64

    package init(settings: PrometheusSettings, configuration: IngestConfiguration, windowMs: Int64) {
        self.settings = settings
        self.configuration = configuration
        self.windowMs = windowMs
    }

    package var description: String { "prometheus " + Redaction.url(settings.url) }

    package var intervalSeconds: Double? { configuration.intervalSeconds }

    package func run(driver: PipelineDriver, commands: AsyncStream<FeedCommand>?) async throws {
        let source = try PrometheusSource(
            settings: settings, configuration: configuration, families: PrometheusFamily.dialects,
            windowMs: windowMs)
        let listener = commands.map { commands in
            Task {
                for await command in commands {
                    if case .detail(let open) = command { await source.showDetail(open) }
                }
            }
        }
        if settings.backfillSeconds > 0 {
            await driver.backfill(await Self.history(source, configuration: configuration, seconds: settings.backfillSeconds))
        }
        await source.run { results, status in
            await driver.deliver(results)
            await driver.publish()
            await driver.report(SourceHealth(status))
        }
        listener?.cancel()
        await source.shutdown()
    }
}

extension PrometheusQuerySource {
    /// About one point per column of a wide chart.
    static let historyPoints = 200

    /// The charts' history from the server: cluster-wide sums over `seconds` until one step before now (the
    /// first refresh is the next point), one step per chart column.
    static func history(
        _ source: PrometheusSource, configuration: IngestConfiguration, seconds: Double,
        nowMs: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    ) async -> [ClusterSnapshot] {
        let stepMs = max(Int64(configuration.intervalSeconds * 1000), Int64(seconds * 1000) / Int64(historyPoints))
        let answers = await source.backfill(
            PrometheusFamily.charts, startMs: nowMs - Int64(seconds * 1000),
            endMs: nowMs - stepMs, stepMs: stepMs)
        var steps: [Int64: [ChartSource: [(le: String?, value: Double)]]] = [:]
        for (chart, series) in zip(ChartSource.all, answers) {
            for one in series ?? [] {
                for point in one.points {
                    steps[point.timeMs, default: [:]][chart, default: []].append((one.labels["le"], point.value))
                }
            }
        }
        return steps.keys.sorted().map { ChartSource.snapshot(timeMs: $0, values: steps[$0] ?? [:]) }
    }
}

extension SourceHealth {
    /// The header's view of a query server's status.
    init(_ status: PrometheusStatus) {
        self.init(
            stretchedIntervalSeconds: status.stretchedIntervalSeconds, dataAgeSeconds: status.dataAgeSeconds,
            dataIsOld: status.isOld, error: status.serverError, warnings: status.warnings)
    }
}
