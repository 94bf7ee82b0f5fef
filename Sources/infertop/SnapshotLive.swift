import ArgumentParser
import ClusterModel
import Foundation
import Ingest
import Pipeline

/// `infertop snapshot` on live sources: HTTP targets (and `file://` pages, `file_sd` listings) scraped in
/// `rounds` rounds an interval apart, since a rate needs two reads; or a Prometheus server read once after
/// a `query_range` backfill of one rate window (its history gives the rates at once).
struct SnapshotLive {
    let configuration: IngestConfiguration
    let model: ModelConfiguration
    let rounds: Int

    func take() async throws -> SnapshotResult {
        if let settings = configuration.prometheus { return try await query(settings) }
        guard !configuration.targets.isEmpty || !configuration.fileSDPaths.isEmpty else {
            throw ValidationError("give a source: exposition files, targets (URL or host:port), --config with targets, "
                                  + "--file-sd, --prometheus URL, a recording, or --sim")
        }
        return try await scrape()
    }

    private func scrape() async throws -> SnapshotResult {
        let round: ScrapeRound
        do { round = try ScrapeRound(configuration: configuration) } catch { throw CommandFailure(description: "\(error)") }
        var collected = SnapshotCollector(pipeline: pipeline(), errors: round.fileSDErrors)
        if round.targets.isEmpty {
            collected.errors.append("no targets: the file_sd files list none")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let interval = Duration.milliseconds(Int64(configuration.intervalSeconds * 1000))
        for number in 0..<(round.targets.isEmpty ? 0 : rounds) {
            // Rounds start on a fixed grid, so a slow round does not stretch the rate's time base.
            if number > 0 { try? await Task.sleep(until: started + interval * number, clock: clock) }
            collected.add(await round.read())
        }
        await round.shutdown()
        return collected.result
    }

    private func query(_ settings: PrometheusSettings) async throws -> SnapshotResult {
        var bounded = settings
        // One rate window (and an interval of slack) is all a snapshot reads of the history.
        let windowSeconds = Double(model.rateWindowMs) / 1000 + max(configuration.intervalSeconds, 1)
        bounded.backfillSeconds = min(settings.backfillSeconds, windowSeconds)
        let fetcher: HTTPFetcher
        let source: PrometheusSource
        do {
            fetcher = try HTTPFetcher(configuration: configuration)
            source = try PrometheusSource(settings: bounded, configuration: configuration, fetcher: fetcher)
        } catch {
            throw CommandFailure(description: "\(error)")
        }
        var collected = SnapshotCollector(pipeline: pipeline())
        let history = await source.backfill()
        // History ingested as the live view would: a frame per step, so the last frame has its rates.
        for step in Dictionary(grouping: history, by: \.timeMs).sorted(by: { $0.key < $1.key }) {
            collected.add(step.value)
        }
        // Without a backfill (turned off, or the server failed it) the rates come from rounds of queries.
        let refreshes = history.isEmpty ? rounds : 1
        let interval = Duration.milliseconds(Int64(configuration.intervalSeconds * 1000))
        for number in 0..<refreshes {
            if number > 0 { try? await Task.sleep(for: interval) }
            collected.add(await source.refresh())
        }
        await fetcher.shutdown()
        return collected.result
    }

    private func pipeline() -> ClusterPipeline {
        ClusterPipeline(store: configuration.storeConfiguration, model: model)
    }
}
