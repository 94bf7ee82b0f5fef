import ClusterModel
import Foundation
import Harness
import Ingest
import TestSupport
import Testing

@testable import Pipeline

/// The charts' history from a real VictoriaMetrics (issue 16, "History"): ten minutes of two vLLM engines
/// imported with known rates, then the backfill the dashboard does at start. Every chart point must hold the
/// cluster sums the server computed (tokens/s, running, the TTFT quantile from the summed buckets), one point
/// per step; and a range query the server refuses (over its series limit) loses only its own chart, with a
/// warning naming it.
@Suite(.serialized) struct QueryServerBackfillTests {
    /// Ten minutes of samples every 10 s: engine `a` generates 100 tokens/s, `b` 50/s; 3 and 4 requests
    /// running; TTFTs of 20 a second each, half in (0.1, 0.25] and half in (0.25, 0.5]; and 40 waiting-queue
    /// series per engine, more than the server's limit of 30 allows in one query.
    static func history(endMs: Int64) -> String {
        var lines = ""
        for step in 0...60 {
            let elapsed = Double(step * 10)
            let time = endMs - Int64(60 - step) * 10_000
            for (engine, tokens, running) in [("a", 100.0, 3), ("b", 50.0, 4)] {
                let labels = "job=\"vllm\",instance=\"\(engine):8000\",model_name=\"m\""
                lines += "up{job=\"vllm\",instance=\"\(engine):8000\"} 1 \(time)\n"
                lines += "vllm:generation_tokens_total{\(labels)} \(tokens * elapsed) \(time)\n"
                lines += "vllm:num_requests_running{\(labels)} \(running) \(time)\n"
                for (le, perSecond) in [("0.1", 0.0), ("0.25", 10.0), ("0.5", 20.0), ("1.0", 20.0), ("+Inf", 20.0)] {
                    lines += "vllm:time_to_first_token_seconds_bucket{\(labels),le=\"\(le)\"} \(perSecond * elapsed) \(time)\n"
                }
                for queue in 0..<40 {
                    lines += "vllm:num_requests_waiting{\(labels),engine=\"\(queue)\"} 1 \(time)\n"
                }
            }
        }
        return lines
    }

    /// Imports `lines` once the server answers, and says whether they became visible within 15 s.
    static func load(_ lines: String, into url: String, fetcher: HTTPFetcher) async throws -> Bool {
        let up = await Polling.until(timeout: .seconds(15), interval: .milliseconds(100)) {
            (try? await QueryServerEndToEndTests.query("vector(1)", at: url, fetcher: fetcher)) == [1]
        }
        try #require(up, "VictoriaMetrics did not answer within 15 s")
        let imported = try await fetcher.fetch(
            try #require(URL(string: url + "/api/v1/import/prometheus")),
            accept: "*/*", timeout: .seconds(10), anyStatus: true, body: Array(lines.utf8))
        #expect((200..<300).contains(imported.status), "import: HTTP \(imported.status)")
        return await Polling.until(timeout: .seconds(15), interval: .milliseconds(200)) {
            (try? await QueryServerEndToEndTests.query("count(up)", at: url, fetcher: fetcher)) == [2]
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func backfillHoldsTheServersSumsAndAFailedChartStandsAlone() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: VictoriaMetricsProcess.defaultBinary),
            "victoria-metrics is missing: install Debian's victoria-metrics package (scripts/setup.sh)")
        let server = try VictoriaMetricsProcess(scrapeConfiguration: nil, flags: ["-search.maxUniqueTimeseries=30"])
        defer { server.stop() }
        let nowMs = Int64(Date().timeIntervalSince1970 * 1000) / 10_000 * 10_000
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        let visible: Bool
        do {
            visible = try await Self.load(Self.history(endMs: nowMs), into: server.url, fetcher: fetcher)
        } catch {
            await fetcher.shutdown()
            throw error
        }
        await fetcher.shutdown()
        try #require(visible, "the imported samples did not become visible within 15 s")

        var configuration = IngestConfiguration()
        configuration.intervalSeconds = 1
        let source = try PrometheusSource(
            settings: PrometheusSettings(url: server.url), configuration: configuration,
            families: PrometheusFamily.dialects, windowMs: 10_000)
        let points = await PrometheusQuerySource.history(source, configuration: configuration, seconds: 300, nowMs: nowMs)
        let warnings = await source.status.warnings
        await source.shutdown()

        // 300 s at one point per 1.5 s: 200 points a chart, from 300 s ago to one step before now.
        #expect(points.count == 200, "\(points.count) points")
        #expect(points.first?.timeMs == nowMs - 300_000 && points.last?.timeMs == nowMs - 1_500)
        for point in points {
            let totals = point.totals
            #expect(
                abs((totals.generationTokensPerSecond ?? 0) - 150) < 1e-6,
                "\(point.timeMs): \(String(describing: totals.generationTokensPerSecond))")
            #expect(totals.running == 7)
            // Summed buckets 0 | 20 | 40 | 40 | 40 a second: the 95th percentile is at rank 38, 18 of 20 into
            // (0.25, 0.5].
            #expect(abs((totals.ttft.p95 ?? 0) - 0.475) < 1e-6, "\(point.timeMs): \(String(describing: totals.ttft.p95))")
            #expect(totals.waiting == nil)
        }
        #expect(warnings.contains { $0.hasPrefix("history of vllm:num_requests_waiting not loaded") }, "\(warnings)")
        #expect(warnings.count == 1, "\(warnings)")
    }
}
