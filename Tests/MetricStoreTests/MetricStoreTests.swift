import Exposition
import MetricStore
import Testing

/// The store keeps bounded histories, marks missing series stale, and computes rates with resets and gaps.
@Suite struct MetricStoreTests {
    /// A page with one counter, one gauge and one histogram (two finite buckets) of one engine.
    static func page(counter: Double?, gauge: Double, buckets: (Double, Double, Double) = (0, 0, 0)) -> ExpositionPage {
        let labels: Labels = ["model_name": "m", "engine": "0"]
        var families: [MetricFamily] = []
        if let counter {
            families.append(
                MetricFamily(
                    name: "tokens_total", type: .counter,
                    samples: [Sample(name: "tokens_total", labels: labels, value: counter)]))
        }
        families.append(
            MetricFamily(name: "running", type: .gauge, samples: [Sample(name: "running", labels: labels, value: gauge)]))
        let bucketSamples = [("0.5", buckets.0), ("1", buckets.1), ("+Inf", buckets.2)].map {
            Sample(name: "ttft_bucket", labels: labels.setting("le", $0.0), value: $0.1)
        }
        families.append(MetricFamily(name: "ttft", type: .histogram, samples: bucketSamples))
        return ExpositionPage(format: .text, families: families)
    }

    private func id(_ store: MetricStore, _ name: String, le: String? = nil) throws -> SeriesID {
        try #require(
            store.series(of: "t").first {
                let info = store.info($0)
                return info.name == name && info.labels["le"] == le
            })
    }

    /// The live dashboard's store keeps its rate window and four intervals (14 points at 1 s): 16 raw slots,
    /// no sealed blocks, and the same rate as a store that keeps 15 minutes.
    @Test func aShortRetentionIsServedFromRawSlotsAlone() throws {
        let short = StoreConfiguration().keeping(windowsOfMs: 10_000)
        #expect(short.capacity == 14)
        var trimmed = MetricStore(configuration: short)
        var full = MetricStore()
        for second in 1...200 {
            let page = Self.page(counter: Double(second * second), gauge: Double(second % 7))
            trimmed.ingest(target: "t", page: page, atMs: Int64(second) * 1000)
            full.ingest(target: "t", page: page, atMs: Int64(second) * 1000)
        }
        #expect(trimmed.memory.blockPayload == 0)
        #expect(full.memory.blockPayload > 0)
        #expect(trimmed.memory.recentSlots < full.memory.recentSlots * 3 / 4, "16 raw slots, not 32")
        let rate = try #require(trimmed.rate(try id(trimmed, "tokens_total"), windowMs: 10_000))
        #expect(rate.perSecond == full.rate(try id(full, "tokens_total"), windowMs: 10_000)?.perSecond)
        #expect(trimmed.latest(try id(trimmed, "running")) == Double(200 % 7))
    }

    @Test func latestValueAndStaleness() throws {
        var store = MetricStore()
        store.ingest(target: "t", page: Self.page(counter: 10, gauge: 3), atMs: 1_000)
        let counter = try id(store, "tokens_total")
        #expect(store.latest(counter) == 10)
        #expect(store.info(counter).labels["model_name"] == "m")
        #expect(store.info(counter).family == "tokens_total")
        store.ingest(target: "t", page: Self.page(counter: nil, gauge: 4), atMs: 2_000)
        #expect(store.latest(counter) == nil)  // missing from the page: absent, not 0
        #expect(store.isStale(counter))
        #expect(store.latest(try id(store, "running")) == 4)
        store.markFailed(target: "t", atMs: 3_000, error: "connection refused")
        #expect(store.latest(try id(store, "running")) == nil)
        let status = try #require(store.status(of: "t"))
        #expect(!status.up && status.consecutiveFailures == 1 && status.lastError == "connection refused")
    }

    @Test func rateOverSuccessiveScrapes() throws {
        var store = MetricStore()
        for step in 0..<5 {
            store.ingest(target: "t", page: Self.page(counter: 100 + Double(step) * 30, gauge: 1), atMs: Int64(step) * 1_000)
        }
        let rate = try #require(store.rate(try id(store, "tokens_total"), windowMs: 4_000))
        #expect(abs(rate.perSecond - 30) < 1e-9)
        #expect(!rate.reset)
    }

    /// A query server's page holds `rate()` already: the newest value is the rate, from the first page on,
    /// and a falling value is a slower rate, not a reset; a page without the series leaves it without a rate.
    @Test func ratesGivenBySenderAreReadAsTheyAre() throws {
        var store = MetricStore()
        store.ingest(target: "t", page: Self.page(counter: 30, gauge: 1), atMs: 0, givenRateWindowMs: 20_000)
        let counter = try id(store, "tokens_total")
        #expect(store.rate(counter, windowMs: 10_000)?.perSecond == 30)
        store.ingest(target: "t", page: Self.page(counter: 12, gauge: 1), atMs: 1_000, givenRateWindowMs: 20_000)
        let rate = try #require(store.rate(counter, windowMs: 10_000))
        #expect(rate.perSecond == 12 && !rate.reset)
        store.ingest(target: "t", page: Self.page(counter: nil, gauge: 1), atMs: 2_000, givenRateWindowMs: 20_000)
        #expect(store.rate(counter, windowMs: 10_000) == nil)
    }

    @Test func resetIsFlaggedAndCountedFromZero() throws {
        var store = MetricStore()
        for (step, value) in [100.0, 130, 20, 50].enumerated() {
            store.ingest(target: "t", page: Self.page(counter: value, gauge: 1), atMs: Int64(step) * 1_000)
        }
        let rate = try #require(store.rate(try id(store, "tokens_total"), windowMs: 3_000))
        #expect(rate.reset)
        #expect(rate.increase == 50 - 100 + 130)
    }

    @Test func noRateAcrossAGap() throws {
        var store = MetricStore(configuration: StoreConfiguration(scrapeIntervalMs: 1_000))
        store.ingest(target: "t", page: Self.page(counter: 0, gauge: 1), atMs: 0)
        store.ingest(target: "t", page: Self.page(counter: 10, gauge: 1), atMs: 1_000)
        store.ingest(target: "t", page: Self.page(counter: 20, gauge: 1), atMs: 5_000)  // 4 s silence > 2 intervals
        let counter = try id(store, "tokens_total")
        #expect(store.rate(counter, windowMs: 10_000) == nil)
        store.ingest(target: "t", page: Self.page(counter: 30, gauge: 1), atMs: 6_000)
        let rate = try #require(store.rate(counter, windowMs: 10_000))
        #expect(rate.increase > 0)  // only the two points after the gap count
        #expect(store.rate(counter, windowMs: 1_000)?.perSecond == 10)
    }

    @Test func bucketRatesGiveQuantiles() throws {
        var store = MetricStore()
        store.ingest(target: "t", page: Self.page(counter: 0, gauge: 0, buckets: (0, 0, 0)), atMs: 0)
        store.ingest(target: "t", page: Self.page(counter: 0, gauge: 0, buckets: (10, 30, 40)), atMs: 1_000)
        let window = try #require(store.window(of: "t", windowMs: 1_000))
        let buckets = try #require(
            store.bucketRates(
                [
                    (0.5, try id(store, "ttft_bucket", le: "0.5")),
                    (1, try id(store, "ttft_bucket", le: "1")),
                    (.infinity, try id(store, "ttft_bucket", le: "+Inf")),
                ], in: window))
        // Rank 20 of 40 in (0.5, 1]: 10 of 20 → 0.75.
        #expect(HistogramQuantile.quantile(0.5, buckets) == 0.75)
    }

    @Test func historyOutlivesTheRawSlotsAndIsBoundedByRetention() throws {
        let configuration = StoreConfiguration(retentionMs: 300_000, scrapeIntervalMs: 1_000)
        var store = MetricStore(configuration: configuration)
        for step in 0..<1_000 {
            store.ingest(
                target: "t", page: Self.page(counter: Double(step * step), gauge: Double(step % 7) + 0.25),
                atMs: Int64(step) * 1_000)
        }
        let counter = try id(store, "tokens_total")
        let points = store.points(counter, fromMs: 0, toMs: 1_000_000)
        // 300 points of retention, rounded up to whole 64-point blocks, never more.
        #expect(points.count >= 300 && points.count <= 300 + 64)
        #expect(points.allSatisfy { $0.value == Double(($0.timeMs / 1_000) * ($0.timeMs / 1_000)) })
        let old = store.rate(counter, windowMs: 200_000)
        #expect(old != nil)
        let gauge = try id(store, "running")
        #expect(store.points(gauge, fromMs: 800_000, toMs: 800_000).first?.value == Double(800 % 7) + 0.25)
    }

    @Test func seriesMissingForTheRetentionAreDropped() throws {
        var store = MetricStore(configuration: StoreConfiguration(retentionMs: 10_000, scrapeIntervalMs: 1_000))
        store.ingest(target: "t", page: Self.page(counter: 1, gauge: 1), atMs: 0)
        #expect(store.seriesCount == 5)
        for step in 1...10 { store.ingest(target: "t", page: Self.page(counter: nil, gauge: 1), atMs: Int64(step) * 1_000) }
        #expect(store.seriesCount == 4)
        #expect(!store.series(of: "t").contains { store.info($0).name == "tokens_total" })
    }

    @Test func seriesBeyondTheLimitAreRefused() {
        var store = MetricStore(configuration: StoreConfiguration(maxSeries: 3))
        store.ingest(target: "t", page: Self.page(counter: 1, gauge: 1), atMs: 0)
        #expect(store.seriesCount == 3)
        #expect(store.refusedSeries == 2)
        #expect(store.status(of: "t")?.refusedSeries == 2)
    }

    @Test func outOfOrderPagesAreRefusedWithAReason() {
        var store = MetricStore()
        store.ingest(target: "t", page: Self.page(counter: 1, gauge: 1), atMs: 5_000)
        store.ingest(target: "t", page: Self.page(counter: 2, gauge: 1), atMs: 4_000)
        #expect(store.status(of: "t")?.lastError?.contains("time order") == true)
        #expect(store.status(of: "t")?.lastScrapeMs == 5_000)
    }
}
