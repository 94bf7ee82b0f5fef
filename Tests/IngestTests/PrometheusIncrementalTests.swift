import Exposition
import Foundation
import Harness
import TestSupport
import Testing

@testable import Ingest

/// A refresh asks a query server only for the identities it has scraped since the last answer (issue 16: the
/// work per refresh follows what changed, not the cluster's size). With samples of known times imported into a
/// real VictoriaMetrics, nothing scraping it: the first refresh asks for everyone; one with nothing new asks
/// no family at all and keeps every value; one after a single target's new scrape asks for that target only,
/// and only its values move.
@Suite(.serialized) struct PrometheusIncrementalTests {
    static let families = [PrometheusFamily(name: "vllm:num_requests_running", type: .gauge, labels: ["model_name"])]

    /// `up` and a running gauge for each target at `timeMs`.
    static func scrape(_ running: [String: Int], atMs timeMs: Int64) -> String {
        running.keys.sorted().map { target in
            "up{job=\"e\",instance=\"\(target)\"} 1 \(timeMs)\n"
                + "vllm:num_requests_running{job=\"e\",instance=\"\(target)\",model_name=\"m\"} \(running[target] ?? 0) \(timeMs)\n"
        }.joined()
    }

    static func running(_ results: [ScrapeResult]) -> [String: Double] {
        Dictionary(
            uniqueKeysWithValues: results.compactMap { result in
                result.page?.family(named: "vllm:num_requests_running")?.samples.first.map { (result.target, $0.value) }
            })
    }

    @Test(.timeLimit(.minutes(2)))
    func onlyTheTargetsScrapedSinceAreAskedFor() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: VictoriaMetricsProcess.defaultBinary),
            "victoria-metrics is missing: install Debian's victoria-metrics package (scripts/setup.sh)")
        let server = try VictoriaMetricsProcess(scrapeConfiguration: nil)
        defer { server.stop() }
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        let source = try PrometheusSource(
            settings: PrometheusSettings(url: server.url),
            configuration: IngestConfiguration(intervalSeconds: 1, timeoutSeconds: 5),
            families: Self.families, windowMs: 10_000)
        do {
            try await Self.check(source, server: server, fetcher: fetcher)
        } catch {
            await source.shutdown()
            await fetcher.shutdown()
            throw error
        }
        await source.shutdown()
        await fetcher.shutdown()
    }

    static func check(_ source: PrometheusSource, server: VictoriaMetricsProcess, fetcher: HTTPFetcher) async throws {
        let startMs = Int64(Date().timeIntervalSince1970 * 1000) - 20_000
        try await load(
            scrape(["a:1": 1, "b:1": 2, "c:1": 3], atMs: startMs)
                + scrape(["a:1": 1, "b:1": 2, "c:1": 3], atMs: startMs + 5_000),
            into: server, fetcher: fetcher, until: "count(up) == 3")

        let first = await source.refresh()
        #expect(running(first) == ["a:1": 1, "b:1": 2, "c:1": 3])
        #expect(await source.status.identitiesAsked == nil, "the first refresh asks for every identity")

        let again = await source.refresh()
        #expect(running(again) == ["a:1": 1, "b:1": 2, "c:1": 3], "nothing new: every value kept")
        #expect(await source.status.identitiesAsked == 0)
        let quiet = await source.status.queries
        #expect(quiet <= 3, "the names (first minute), up and timestamp(up), no family: \(quiet)")

        // Target b is scraped again, with 7 running; a and c are not.
        try await load(
            scrape(["b:1": 7], atMs: startMs + 10_000), into: server, fetcher: fetcher,
            until: "vllm:num_requests_running{instance=\"b:1\"} == 7")
        let moved = await source.refresh()
        #expect(running(moved) == ["a:1": 1, "b:1": 7, "c:1": 3])
        #expect(await source.status.identitiesAsked == 1, "only b was scraped since")
        #expect(await source.status.queries == quiet + 1, "one family query more, for b")
        #expect(moved.allSatisfy { $0.error == nil } && moved.count == 3)
    }

    /// Imports `lines` once the server answers, then waits (bounded) until `until` has a result.
    static func load(_ lines: String, into server: VictoriaMetricsProcess, fetcher: HTTPFetcher, until: String) async throws {
        let url = server.url
        let up = await Polling.until(timeout: .seconds(15), interval: .milliseconds(100)) {
            (try? await fetcher.fetch(try #require(URL(string: url + "/health")), accept: "*/*", timeout: .seconds(1)))?.status
                == 200
        }
        try #require(up, "VictoriaMetrics did not answer within 15 s")
        let imported = try await fetcher.fetch(
            try #require(URL(string: url + "/api/v1/import/prometheus")), accept: "*/*",
            timeout: .seconds(10), anyStatus: true, body: Array(lines.utf8))
        #expect((200..<300).contains(imported.status), "import: HTTP \(imported.status)")
        let visible = await Polling.until(timeout: .seconds(15), interval: .milliseconds(200)) {
            let answer = try? await fetcher.fetch(
                try #require(URL(string: url + "/api/v1/query")), accept: "application/json",
                timeout: .seconds(5), anyStatus: true, form: [("query", until), ("nocache", "1")])
            return answer.map { String(decoding: $0.bytes, as: UTF8.self).contains("\"value\"") } ?? false
        }
        try #require(visible, "the imported samples did not answer \(until) within 15 s")
    }
}
