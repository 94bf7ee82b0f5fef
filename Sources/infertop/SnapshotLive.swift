import ArgumentParser
import ClusterModel
import Foundation
import Ingest
import Pipeline

/// `infertop snapshot` on live sources: HTTP targets (and `file://` pages, `file_sd` listings) scraped in
/// `rounds` rounds an interval apart, since a rate needs two reads; or a Prometheus server asked once, for
/// rates it computes itself.
struct SnapshotLive {
    let configuration: IngestConfiguration
    let model: ModelConfiguration
    let rounds: Int

    func take() async throws -> SnapshotResult {
        if let settings = configuration.prometheus { return try await query(settings) }
        guard !configuration.targets.isEmpty || !configuration.fileSDPaths.isEmpty else {
            throw ValidationError(
                "give a source: exposition files, targets (URL or host:port), --config with targets, "
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

    /// One refresh of aggregated queries: the server computes the rates over the model's window, so no
    /// history is needed. Every family is asked for (the JSON holds what the detail screens show).
    private func query(_ settings: PrometheusSettings) async throws -> SnapshotResult {
        let source: PrometheusSource
        do {
            source = try PrometheusSource(
                settings: settings, configuration: configuration, families: PrometheusFamily.dialects,
                windowMs: model.rateWindowMs, detail: true)
        } catch {
            throw CommandFailure(description: "\(error)")
        }
        var collected = SnapshotCollector(pipeline: pipeline())
        collected.add(await source.refresh())
        let status = await source.status
        await source.shutdown()
        if let error = status.serverError { collected.errors.append("\(Redaction.url(settings.url)): \(error)") }
        var result = collected.result
        result.warnings = status.warnings
        result.source = .object([
            ("kind", .string("prometheus")), ("url", .string(Redaction.url(settings.url))),
            ("dataAgeSeconds", status.dataAgeSeconds.map { .number($0) } ?? .null),
            ("queries", .integer(Int64(status.queries))), ("bytes", .integer(Int64(status.bytes))),
            ("serverSeconds", .number(status.serverSeconds)), ("refreshSeconds", .number(status.refreshSeconds)),
            ("targets", .integer(Int64(status.targets))), ("warnings", .array(status.warnings.map { .string($0) })),
        ])
        return result
    }

    private func pipeline() -> ClusterPipeline {
        ClusterPipeline(store: configuration.storeConfiguration, model: model)
    }
}
