import ClusterModel
import Exposition
import MetricStore
import TestSupport
import Testing

/// A target scraped for less than the rate window: Prometheus' rate (the default) divides by the whole window;
/// with `shortensYoungWindows` (the live dashboard) the rate is taken over the time it has been scraped.
@Suite struct YoungWindowTests {
    /// The real vLLM page, then the same page a second later with 500 more generated tokens.
    static func rate(shortening: Bool, pages: Int = 2) throws -> Double? {
        try #require(try snapshot(shortening: shortening, pages: pages).instances.first { $0.engine == .vllm })
            .generationTokensPerSecond
    }

    static func snapshot(shortening: Bool, pages: Int) throws -> ClusterSnapshot {
        let bytes = try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom"))
        var inputs: [PageInput] = []
        for step in 0..<pages {
            var page = ExpositionParser.parse(bytes)
            for f in page.families.indices where page.families[f].name == "vllm:generation_tokens_total" {
                for s in page.families[f].samples.indices { page.families[f].samples[s].value += Double(500 * step) }
            }
            inputs.append(PageInput(target: "vllm", origin: "step \(step)", bytes: ExpositionWriter.page(page.families)))
        }
        let model = ModelConfiguration(rateWindowMs: 10_000, shortensYoungWindows: shortening)
        return PageLoader(intervalMs: 1_000, startMs: 1_000_000, modelConfiguration: model).load(inputs).snapshot
    }

    @Test func aYoungTargetsRateIsTakenOverTheTimeItWasScraped() throws {
        #expect(try Self.rate(shortening: true) == 500)
        // Prometheus: 500 tokens over 1 s, extrapolated back no further than where the counter (0 in the page)
        // was zero, divided by the whole 10 s window: 50 a second.
        let prometheus = try #require(try Self.rate(shortening: false))
        let expected = CounterRate.compute(
            [(timeMs: Int64(1_000_000), value: 0.0), (timeMs: Int64(1_001_000), value: 500.0)], windowStartMs: 991_000,
            windowEndMs: 1_001_000)
        #expect(prometheus == expected?.perSecond)
        #expect(abs(prometheus - 50) < 1e-9)
        // Once the window is full both agree (500 tokens a second, steadily).
        #expect(try Self.rate(shortening: true, pages: 12) == Self.rate(shortening: false, pages: 12))
    }

    @Test func theWindowSaidIsTheOneTheRatesWereTakenOver() throws {
        // Young: the rates are over the 3 s scraped, and every output says so, not the configured 10 s.
        let young = try Self.snapshot(shortening: true, pages: 4)
        #expect(young.rateWindowMs == 3_000)
        #expect(young.instances.allSatisfy { $0.rateWindowSeconds == 3 })
        #expect(SnapshotText.render(young).contains("(rates over 3s)"))
        #expect(try Self.snapshot(shortening: true, pages: 14).rateWindowMs == 10_000)
        #expect(try Self.snapshot(shortening: false, pages: 4).rateWindowMs == 10_000)
    }

    @Test func ratesAServerComputedAreSaidToBeOverItsWindow() throws {
        // A query server's `rate(…[20s])`, asked twice a second apart: the rates are the server's, over its 20 s,
        // whatever the model's window (10 s) or the time between the answers (1 s).
        var store = MetricStore()
        for (step, atMs) in [Int64(1_000), 2_000].enumerated() {
            store.ingest(
                target: "server/a", page: ExpositionParser.parse(InstanceStateTests.vllm(tokens: 40 + Double(step))),
                atMs: atMs, givenRateWindowMs: 20_000)
        }
        var builder = ClusterBuilder(configuration: ModelConfiguration(rateWindowMs: 10_000, shortensYoungWindows: true))
        let snapshot = builder.snapshot(from: store)
        let instance = try #require(snapshot.instances.first)
        #expect(snapshot.rateWindowMs == 20_000)
        #expect(instance.rateWindowSeconds == 20)
        #expect(instance.generationTokensPerSecond == 82)  // 41/s from each of two engines, as given
        #expect(SnapshotText.render(snapshot).contains("(rates over 20s)"))
    }

    @Test func oneScrapeGivesNoRate() throws {
        #expect(try Self.rate(shortening: true, pages: 1) == nil)
    }
}
