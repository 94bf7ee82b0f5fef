import MetricStore
import Testing

/// Rates and quantiles follow Prometheus' definitions, worked by hand here.
@Suite struct DerivationTests {
    @Test func rateExtrapolatesToTheWindowEdgesLikePrometheus() throws {
        // Points 10 s apart inside a 60 s window ending 5 s after the last: 100 → 160 over 50 s sampled.
        var points: [(timeMs: Int64, value: Double)] = []
        for step in 0...5 { points.append((timeMs: Int64(5_000 + step * 10_000), value: 100 + Double(step) * 12)) }
        let rate = try #require(CounterRate.compute(points, windowStartMs: 0, windowEndMs: 60_000))
        // durationToStart 5 s and durationToEnd 5 s are below 1.1 × 10 s: extrapolate to 60 s in all.
        // (durationToZero = 50 × 100 / 60 = 83 s is longer than 5 s, so it does not cap the start.)
        #expect(abs(rate.increase - 60 * 60.0 / 50) < 1e-12)
        #expect(abs(rate.perSecond - 1.2) < 1e-12)
        #expect(!rate.reset)
    }

    @Test func aCounterResetIsAddedBackAndFlagged() throws {
        let points: [(timeMs: Int64, value: Double)] = [(0, 50), (1_000, 60), (2_000, 5), (3_000, 15)]
        let rate = try #require(CounterRate.compute(points, windowStartMs: 0, windowEndMs: 3_000))
        // 15 − 50 + 60 (the value before the drop) = 25 over the 3 s sampled, no extrapolation needed.
        #expect(rate.increase == 25)
        #expect(rate.reset)
    }

    @Test func noRateFromOnePoint() {
        #expect(CounterRate.compute([(timeMs: Int64(0), value: 1.0)], windowStartMs: 0, windowEndMs: 1_000) == nil)
    }

    @Test func quantileInterpolatesInsideTheBucket() throws {
        let buckets = [
            HistogramBucket(upperBound: 0.1, count: 10), HistogramBucket(upperBound: 0.5, count: 30),
            HistogramBucket(upperBound: 1, count: 40), HistogramBucket(upperBound: .infinity, count: 40),
        ]
        // Rank 20 of 40 lies in (0.1, 0.5], 10 of its 20: halfway.
        #expect(abs(try #require(HistogramQuantile.quantile(0.5, buckets)) - 0.3) < 1e-12)
        // Rank 36 in (0.5, 1]: 6 of 10 → 0.8.
        #expect(abs(try #require(HistogramQuantile.quantile(0.9, buckets)) - 0.8) < 1e-12)
        // Buckets given in any order give the same answer.
        #expect(HistogramQuantile.quantile(0.9, buckets.reversed()) == HistogramQuantile.quantile(0.9, buckets))
    }

    @Test func rankInTheInfBucketGivesTheHighestFiniteBound() {
        let buckets = [HistogramBucket(upperBound: 1, count: 1), HistogramBucket(upperBound: .infinity, count: 10)]
        #expect(HistogramQuantile.quantile(0.99, buckets) == 1)
    }

    @Test func nothingToComputeIsAbsentNotZeroOrNaN() {
        let empty = [HistogramBucket(upperBound: 1, count: 0), HistogramBucket(upperBound: .infinity, count: 0)]
        #expect(HistogramQuantile.quantile(0.5, empty) == nil)
        let noInf = [HistogramBucket(upperBound: 1, count: 3), HistogramBucket(upperBound: 2, count: 5)]
        #expect(HistogramQuantile.quantile(0.5, noInf) == nil)
        #expect(HistogramQuantile.quantile(1.5, empty) == nil)
    }

    @Test func boundsAreReadFromLe() {
        #expect(HistogramBucket.parseBound("+Inf") == .infinity)
        #expect(HistogramBucket.parseBound("1e+06") == 1_000_000)
        #expect(HistogramBucket.parseBound("0.005") == 0.005)
        #expect(HistogramBucket.parseBound("x") == nil)
    }
}
