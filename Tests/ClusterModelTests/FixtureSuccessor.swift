import ClusterModel
import Exposition
import MetricStore
import TestSupport

/// A real scrape followed by a made-up next scrape a second later, in which chosen counters grew: the
/// real page keeps its own names, labels and layout, so a test of a rate checks the dialect's mapping of
/// that server, not a page written to fit the code.
struct FixtureSuccessor {
    var first: ExpositionPage
    var second: ExpositionPage
    var snapshot: ClusterSnapshot

    static let startMs: Int64 = 1_000_000
    static let intervalMs: Int64 = 1_000

    /// `grow` gives, for a sample of the real page, how much it rose by the next scrape (nil: unchanged).
    init(_ fixture: String, target: String? = nil, grow: (Sample) -> Double?) throws {
        try self.init(bytes: try Fixtures.bytes(Fixtures.realScrape(fixture)), origin: fixture, target: target, grow: grow)
    }

    /// The same from a page given as bytes (a real page joined with real lines from another source).
    init(bytes: [UInt8], origin: String, target: String? = nil, grow: (Sample) -> Double?) throws {
        let fixture = origin
        first = ExpositionParser.parse(bytes)
        second = first
        for f in second.families.indices {
            for s in second.families[f].samples.indices {
                if let step = grow(second.families[f].samples[s]) { second.families[f].samples[s].value += step }
            }
        }
        let next = ExpositionWriter.page(second.families)
        let target = target ?? fixture
        snapshot =
            PageLoader(intervalMs: Self.intervalMs, startMs: Self.startMs).load([
                PageInput(target: target, origin: fixture, bytes: bytes),
                PageInput(target: target, origin: fixture + " (next)", bytes: next),
            ]).snapshot
    }

    /// The per-second rate the store must give for a counter that went from `before` to `after` over the
    /// second (Prometheus' extrapolation over the loader's two-interval window, computed independently of
    /// the store's fast path).
    static func expectedRate(before: Double, after: Double) -> Double? {
        let t0 = startMs
        let t1 = startMs + intervalMs
        return CounterRate.compute([(t0, before), (t1, after)], windowStartMs: t1 - 2 * intervalMs, windowEndMs: t1)?.perSecond
    }

    /// The summed rate of the samples of `first` that `matching` selects.
    func expectedRate(_ matching: (Sample) -> Bool) -> Double? {
        let before = first.samples.filter(matching)
        let after = second.samples.filter(matching)
        guard !before.isEmpty else { return nil }
        var total = 0.0
        for (a, b) in zip(before, after) {
            guard let rate = Self.expectedRate(before: a.value, after: b.value) else { return nil }
            total += rate
        }
        return total
    }
}
