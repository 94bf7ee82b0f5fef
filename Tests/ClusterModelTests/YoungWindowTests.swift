import ClusterModel
import Exposition
import MetricStore
import Testing
import TestSupport

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
        let expected = CounterRate.compute([(timeMs: Int64(1_000_000), value: 0.0), (timeMs: Int64(1_001_000), value: 500.0)], windowStartMs: 991_000, windowEndMs: 1_001_000)
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

    @Test func oneScrapeGivesNoRate() throws {
        #expect(try Self.rate(shortening: true, pages: 1) == nil)
    }
}
