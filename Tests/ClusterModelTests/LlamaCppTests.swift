import ClusterModel
import Exposition
import TestSupport
import Testing

/// Issue 15, items 1, 3, 4 and 5, on real llama.cpp scrapes (Tests/Fixtures/metrics/llama-cpp-*.prom): what the
/// server's metrics mean, read as its users would read them.
@Suite struct LlamaCppTests {
    static let underLoad = "llama-cpp-under-load-tiny512.prom"

    static func single(_ fixture: String) throws -> ClusterSnapshot {
        let bytes = try Fixtures.bytes(Fixtures.realScrape(fixture))
        return PageLoader().load([PageInput(target: "llama", origin: fixture, bytes: bytes)]).snapshot
    }

    @Test func aPerSlotSpeedIsNeverShownAsTheServersThroughput() throws {
        // One page: no rate exists yet. The page's 468 tok/s and 12,661 tok/s are single slots' speeds.
        let instance = try #require(try Self.single(Self.underLoad).instances.first)
        #expect(instance.generationTokensPerSecond == nil)
        #expect(instance.promptTokensPerSecond == nil)
        #expect(instance.running == 4 && instance.waiting == 4)
    }

    /// The real page and a second one a second later in which the server decoded `decodes` more times with
    /// 4 busy slots each (so the lifetime mean moves towards 4), finished `finished` tokens of requests of
    /// `perRequest` tokens each at 2.3 ms a decode step, and processed prompts.
    static func successor(decodes: Double, finished: Double, perRequest: Double = 100) throws -> FixtureSuccessor {
        let before = (decode: 12_423.0, perDecode: 3.9843)
        let afterPerDecode = (before.decode * before.perDecode + decodes * 4) / (before.decode + decodes)
        return try FixtureSuccessor(underLoad) { sample in
            switch sample.name {
            case "llamacpp:n_decode_total": return decodes
            case "llamacpp:n_busy_slots_per_decode": return afterPerDecode - before.perDecode
            case "llamacpp:tokens_predicted_total": return finished
            // A request of n tokens spends its generation time on n − 1 steps: the first token comes with the prompt.
            case "llamacpp:tokens_predicted_seconds_total": return finished * (perRequest - 1) / perRequest * 0.0023
            // Steps per second of generation time since the previous scrape (the real page's value before).
            case "llamacpp:predicted_tokens_seconds": return finished > 0 ? 1 / 0.0023 - 468.364 : -468.364
            case "llamacpp:prompt_tokens_total": return 2_500
            case "llamacpp:prompt_seconds_total": return 0.25
            case "llamacpp:prompt_tokens_cached_total": return 500
            default: return nil
            }
        }
    }

    @Test func generationIsCountedAsTokensAreDecodedNotWhenRequestsEnd() throws {
        // 400 decode calls with 4 busy slots: 1,600 tokens decoded, although no request finished.
        let run = try Self.successor(decodes: 400, finished: 0)
        let instance = try #require(run.snapshot.instances.first)
        let expected = try #require(FixtureSuccessor.expectedRate(before: 12_423 * 3.9843, after: 12_423 * 3.9843 + 1_600))
        let rate = try #require(instance.generationTokensPerSecond)
        #expect(abs(rate - expected) / expected < 1e-6, "\(rate) vs \(expected)")
        #expect(abs(try #require(instance.batchSize) - 4) < 1e-6)
    }

    @Test func theMeanTimePerTokenIsShownAndMarkedAsAMean() throws {
        let run = try Self.successor(decodes: 400, finished: 1_000)
        let instance = try #require(run.snapshot.instances.first)
        let itl = try #require(instance.interTokenLatency)
        // Per decode step, as llama.cpp's own per-request timings say, not the counters' time ÷ tokens (1 % low
        // with 100-token requests: 99 steps' time over 100 tokens).
        #expect(itl.isMean && abs(itl.seconds - 0.0023) < 1e-9, "\(itl.seconds)")
        #expect(LatencyFigure.text(itl, absent: "—") == "μ2ms")
        let text = SnapshotText.render(run.snapshot)
        #expect(text.contains("μ2ms") && text.contains("μ marks a mean"))
    }

    @Test func withoutTheStepGaugeTheMeanIsTheCountersTimeOverTokens() throws {
        // The gauge reads 0 when no request ended since the previous scrape, or when another scraper took the
        // interval's requests: then the counters are all there is.
        let run = try FixtureSuccessor(Self.underLoad) { sample in
            switch sample.name {
            case "llamacpp:tokens_predicted_total": return 1_000
            case "llamacpp:tokens_predicted_seconds_total": return 2.2
            case "llamacpp:predicted_tokens_seconds": return -468.364
            default: return nil
            }
        }
        let instance = try #require(run.snapshot.instances.first)
        let itl = try #require(instance.interTokenLatency)
        #expect(itl.isMean && abs(itl.seconds - 0.0022) < 1e-9, "\(itl.seconds)")
    }

    @Test func prefillSpeedAndPrefixCacheHitsComeFromTheirCounters() throws {
        let instance = try #require(try Self.successor(decodes: 400, finished: 0).snapshot.instances.first)
        // 2,500 prompt tokens in 0.25 s of prompt processing; 500 more served from the cache.
        #expect(abs(try #require(instance.prefillTokensPerSecond) - 10_000) < 1e-6)
        // Each rate is extrapolated by Prometheus' rules (the cached counter starts at 0, so it is not extrapolated
        // before its first sample): the hit rate is the ratio of the two rates.
        let cached = try #require(FixtureSuccessor.expectedRate(before: 0, after: 500))
        let computed = try #require(FixtureSuccessor.expectedRate(before: 79_330, after: 81_830))
        #expect(abs(try #require(instance.prefixCacheHitRate) - cached / (cached + computed)) < 1e-9)
        #expect(instance.maxSequenceTokens == 511)
        #expect(instance.speculativeAcceptance == nil)  // no drafts were made
        #expect(instance.rateWindowSeconds == 2)
    }
}
