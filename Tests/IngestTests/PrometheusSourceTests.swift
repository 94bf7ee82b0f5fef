import Exposition
import Foundation
import Ingest
import Testing
import TestSupport

@Suite("Prometheus query source")
struct PrometheusSourceTests {
    static let fixture = "vllm-v1-kops-qwen2.5-0.5b.prom"

    /// One Prometheus per run of this test (its first scrape takes ~8 s), so one test checks it all.
    @Test("a real Prometheus scrapes a fixture; refresh, backfill and errors come back through the same results")
    func endToEnd() async throws {
        let servers = try await PythonServers(["page"], page: Fixtures.realScrape(Self.fixture))
        defer { servers.stop() }
        let instance = "127.0.0.1:\(servers.ports["page"] ?? 0)"
        let prometheus = try PrometheusProcess(job: "fixture", targets: [instance])
        defer { prometheus.stop() }

        let configuration = IngestConfiguration(intervalSeconds: 1, timeoutSeconds: 5, nodeMap: ["127.0.0.1": "gpu-node-1"])
        let fetcher = try HTTPFetcher(configuration: configuration)
        defer { Task { await fetcher.shutdown() } }
        let settings = PrometheusSettings(url: prometheus.url, selector: "{job=\"fixture\"}", backfillSeconds: 60)
        let source = try PrometheusSource(settings: settings, configuration: configuration, fetcher: fetcher)

        var results: [ScrapeResult] = []
        let arrived = await Polling.until(timeout: .seconds(40), interval: .milliseconds(500)) {
            results = await source.refresh()
            return results.contains { $0.target == instance && $0.isUp }
        }
        try #require(arrived, "Prometheus never returned the fixture: \(results.map { $0.error ?? $0.target })")
        let result = try #require(results.first { $0.target == instance })
        #expect(result.node == "gpu-node-1")
        let page = try #require(result.page)
        let direct = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape(Self.fixture)))
        try Self.compare(page, with: direct)

        // The backfill ends one step before now (the next refresh is its next point): the first scrape may be
        // younger than that, so wait (bounded) for history to hold it.
        var history: [ScrapeResult] = []
        let backfilled = await Polling.until(timeout: .seconds(10), interval: .milliseconds(500)) {
            history = await source.backfill()
            return history.contains { $0.target == instance && $0.page?.family(named: "vllm:num_requests_running") != nil }
        }
        #expect(backfilled, "the backfill never held the fixture's series")
        #expect(history.allSatisfy { $0.timeMs <= Int64(Date().timeIntervalSince1970 * 1000) - 900 },
                "the backfill stops a step (1 s) before now")
        #expect(history.map(\.timeMs) == history.map(\.timeMs).sorted())

        let badSelector = try PrometheusSource(settings: PrometheusSettings(url: prometheus.url, selector: "{job=~\"(\"}"),
                                               configuration: configuration, fetcher: fetcher)
        let failed = await badSelector.refresh()
        #expect(failed.count == 1)
        #expect(failed.first?.target == badSelector.serverTarget)
        #expect(failed.first?.error?.contains("bad_data") == true, "\(failed.first?.error ?? "nil")")
    }

    @Test("an unreachable server is one error result naming the server")
    func unreachable() async throws {
        let port = try LoopbackPageServer.freePort()
        let configuration = IngestConfiguration(intervalSeconds: 1, timeoutSeconds: 1)
        let fetcher = try HTTPFetcher(configuration: configuration)
        let source = try PrometheusSource(settings: PrometheusSettings(url: "http://127.0.0.1:\(port)"),
                                          configuration: configuration, fetcher: fetcher)
        let results = await source.refresh()
        await fetcher.shutdown()
        #expect(results.count == 1)
        #expect(results.first?.target == "prometheus http://127.0.0.1:\(port)")
        #expect(results.first?.consecutiveFailures == 1)
        #expect(results.first?.error?.contains("refused") == true, "\(results.first?.error ?? "nil")")
    }

    @Test("selectors: braces optional, a metric name refused")
    func selectors() throws {
        let configuration = IngestConfiguration()
        let fetcher = try HTTPFetcher(configuration: configuration)
        let source = try PrometheusSource(settings: PrometheusSettings(url: "http://p:9090", selector: "{job=~\"vllm|dcgm\"}"),
                                          configuration: configuration, fetcher: fetcher)
        #expect(source.queries.count == Set(PrometheusFamilies.all.map(\.dialect)).count + 1)
        #expect(source.queries.allSatisfy { $0.hasSuffix(",job=~\"vllm|dcgm\"}") })
        #expect(source.queries.first?.contains("vllm:time_to_first_token_seconds_bucket") == true)
        #expect(throws: ConfigurationError.self) {
            try PrometheusSource(settings: PrometheusSettings(url: "http://p", selector: "up{job=\"x\"}"),
                                 configuration: configuration, fetcher: fetcher)
        }
        try fetcher.client.syncShutdown()
    }

    /// Every sample of every table family that the fixture has must come back with the same value.
    static func compare(_ page: ExpositionPage, with direct: ExpositionPage) throws {
        var checked = 0
        for family in PrometheusFamilies.all {
            guard let expected = direct.family(named: family.name) else { continue }
            let got = try #require(page.family(named: family.name), "\(family.name) missing")
            #expect(got.type == expected.type, "\(family.name)")
            let gotValues = Dictionary(got.samples.map { (key($0), $0.value) }, uniquingKeysWith: { a, _ in a })
            for sample in expected.samples where !sample.name.hasSuffix("_created") {
                let value = try #require(gotValues[key(sample)], "\(key(sample)) missing")
                #expect(value == sample.value || (value.isNaN && sample.value.isNaN), "\(key(sample))")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    private static func key(_ sample: Sample) -> String {
        sample.name + "{" + sample.labels.sorted.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + "}"
    }
}
