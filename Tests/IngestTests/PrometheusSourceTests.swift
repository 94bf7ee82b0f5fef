import Exposition
import Foundation
import Harness
import TestSupport
import Testing

@testable import Ingest

@Suite("Prometheus query source")
struct PrometheusSourceTests {
    static let fixture = "vllm-v1-kops-qwen2.5-0.5b.prom"
    static let families = [
        PrometheusFamily(name: "vllm:num_requests_running", type: .gauge, labels: ["model_name"]),
        PrometheusFamily(name: "vllm:generation_tokens_total", type: .counter, labels: ["model_name"]),
        PrometheusFamily(name: "vllm:time_to_first_token_seconds", type: .histogram, labels: ["model_name"]),
        PrometheusFamily(name: "vllm:e2e_request_latency_seconds", type: .histogram, labels: ["model_name"], detail: true),
        PrometheusFamily(name: "not_on_the_server", type: .gauge),
    ]

    /// One Prometheus per run of this test (its first scrape takes ~8 s), so one test checks it all.
    @Test(
        "a real Prometheus scrapes a fixture: one page per instance, aggregated, rates marked; bad PromQL is the server's error")
    func endToEnd() async throws {
        let servers = try await PythonServers(["page"], page: Fixtures.realScrape(Self.fixture))
        defer { servers.stop() }
        let instance = "127.0.0.1:\(servers.ports["page"] ?? 0)"
        let prometheus = try PrometheusProcess(job: "fixture", targets: [instance])
        defer { prometheus.stop() }

        let configuration = IngestConfiguration(intervalSeconds: 1, timeoutSeconds: 5, nodeMap: ["127.0.0.1": "gpu-node-1"])
        let settings = PrometheusSettings(url: prometheus.url, selector: "{job=\"fixture\"}")
        let source = try PrometheusSource(
            settings: settings, configuration: configuration, families: Self.families, windowMs: 10_000)
        var results: [ScrapeResult] = []
        // Two scrapes, so that the counters have a rate (0: the page does not change).
        let arrived = await Polling.until(timeout: .seconds(40), interval: .milliseconds(500)) {
            results = await source.refresh()
            return results.first { $0.target == instance }?.page?.family(named: "vllm:generation_tokens") != nil
        }
        let waited = await source.status
        if !arrived { await source.shutdown() }
        try #require(arrived, "Prometheus never returned the fixture: \(results.map { $0.error ?? $0.target }), \(waited)")
        let result = try #require(results.first { $0.target == instance })
        #expect(result.node == "gpu-node-1" && result.givenRateWindowMs != nil && results.count == 1)
        let page = try #require(result.page)
        let direct = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape(Self.fixture)))
        let running = direct.family(named: "vllm:num_requests_running")?.samples.reduce(0) { $0 + $1.value }
        #expect(page.family(named: "vllm:num_requests_running")?.samples.map(\.value) == [running ?? -1])
        #expect(page.family(named: "vllm:generation_tokens")?.samples.map(\.value) == [0], "a page that does not change: rate 0")
        // Every bucket bound of the fixture's TTFT, summed over its label sets, one series each.
        let bounds = Set(direct.family(named: "vllm:time_to_first_token_seconds")?.samples.compactMap { $0.labels["le"] } ?? [])
        let buckets = page.family(named: "vllm:time_to_first_token_seconds")?.samples ?? []
        #expect(buckets.count == bounds.count && bounds.count > 5)
        #expect(buckets.allSatisfy { $0.labels.pairs.map(\.name) == ["le", "model_name"] })
        #expect(page.family(named: "vllm:e2e_request_latency_seconds") == nil, "a detail family, not asked for")
        // A refresh after the names were listed (the one that found them may have listed them again).
        _ = await source.refresh()
        let status = await source.status
        #expect(status.serverError == nil && status.warnings.isEmpty, "\(status)")
        // In the first minute the names are listed again at every refresh (a new server lists them as they land);
        // the three families on the server and on screen are asked for only if Prometheus scraped the page since
        // (PrometheusIncrementalTests checks that with samples of known times).
        #expect([3, 6].contains(status.queries), "the names, up, timestamp(up) and maybe the three families: \(status.queries)")
        #expect((status.dataAgeSeconds ?? 99) < 3)

        await source.showDetail(true)
        let detailed = await source.refresh()
        #expect(detailed.first?.page?.family(named: "vllm:e2e_request_latency_seconds") != nil)
        await source.shutdown()

        let bad = try PrometheusSource(
            settings: PrometheusSettings(url: prometheus.url, selector: "{job=~\"(\"}"),
            configuration: configuration, families: Self.families, windowMs: 10_000)
        #expect(await bad.refresh().isEmpty, "the server's failure is no target")
        let error = await bad.status.serverError ?? ""
        #expect(error.contains("every query failed") && error.contains("bad_data"), "\(error)")
        await bad.shutdown()
    }

    @Test("an unreachable server is the source's error, never a target")
    func unreachable() async throws {
        let port = try LoopbackPageServer.freePort()
        let source = try PrometheusSource(
            settings: PrometheusSettings(url: "http://127.0.0.1:\(port)"),
            configuration: IngestConfiguration(intervalSeconds: 1, timeoutSeconds: 1),
            families: Self.families, windowMs: 10_000)
        #expect(await source.refresh().isEmpty)
        let error = await source.status.serverError ?? ""
        #expect(error.contains("cannot list the server's metric names") && error.contains("refused"), "\(error)")
        await source.shutdown()
    }

    @Test("a query that fails keeps its last answer, with its age; refreshes never overlap and the interval stretches")
    func partialAnswersAndNoPileUp() async throws {
        let servers = try await PythonServers(["query-api"])
        defer { servers.stop() }
        let url = "http://127.0.0.1:\(servers.ports["query-api"] ?? 0)"
        // 0.1 s asked; each answer takes 0.3 s (four at a time): a refresh lasts 0.3 s or more.
        let configuration = IngestConfiguration(intervalSeconds: 0.1, timeoutSeconds: 5)
        let source = try PrometheusSource(
            settings: PrometheusSettings(url: url), configuration: configuration,
            families: Self.families, windowMs: 10_000)
        let batches = Batches()
        let runner = Task { await source.run { results, status in await batches.add(results, status) } }
        let enough = await Polling.until(timeout: .seconds(30), interval: .milliseconds(100)) { await batches.count >= 4 }
        runner.cancel()
        await runner.value
        await source.shutdown()
        try #require(enough, "fewer than 4 refreshes in 30 s")
        let (results, statuses) = await batches.all
        // The TTFT query answered once; afterwards its page still carries that answer, and the status says so.
        let ttft = results.compactMap { $0.first?.page?.family(named: "vllm:time_to_first_token_seconds")?.samples.map(\.value) }
        #expect(
            ttft.count == results.count && Set(ttft) == [[1, 3, 4]], "\(ttft) \(results.map { $0.map { $0.error ?? $0.target } })"
        )
        #expect(
            statuses.dropFirst().allSatisfy { status in
                status.warnings.contains {
                    $0.contains("vllm:time_to_first_token_seconds: showing the answer of") && $0.contains("overloaded")
                }
            }, "\(statuses.map(\.warnings))")
        // The other families are current: the running gauge counts its queries.
        let running = results.compactMap { $0.first?.page?.family(named: "vllm:num_requests_running")?.samples.first?.value }
        #expect(running == running.sorted() && Set(running).count == running.count, "\(running)")
        #expect(
            (statuses.last?.stretchedIntervalSeconds ?? 0) >= 0.28,
            "\(String(describing: statuses.last?.stretchedIntervalSeconds))")
        let stats = try await Self.stats(servers.url("query-api", path: "/stats"))
        #expect(stats <= PrometheusSource.concurrency, "at most one refresh in flight: \(stats) queries at once")
    }

    private static func stats(_ url: String) async throws -> Int {
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration())
        defer { Task { await fetcher.shutdown() } }
        let fetched = try await fetcher.fetch(try #require(URL(string: url)), accept: "application/json", timeout: .seconds(5))
        let object = try JSONSerialization.jsonObject(with: Data(fetched.bytes)) as? [String: Int]
        return object?["most"] ?? -1
    }

    /// What `run` delivered, batch by batch.
    actor Batches {
        private(set) var all: ([[ScrapeResult]], [PrometheusStatus]) = ([], [])
        var count: Int { all.0.count }
        func add(_ results: [ScrapeResult], _ status: PrometheusStatus) {
            all.0.append(results)
            all.1.append(status)
        }
    }
}
