import MetricStore

/// Bucket rates that can be merged with others only when their boundaries are the same: merging
/// histograms means adding bucket rates, never averaging quantiles.
struct MergedHistogram: Sendable {
    var bounds: [Double]
    var rates: [Double]

    init?(_ buckets: [HistogramBucket]) {
        guard !buckets.isEmpty else { return nil }
        bounds = buckets.map(\.upperBound)
        rates = buckets.map(\.count)
    }

    /// Adds `other` in place; false (and unchanged) when its boundaries differ.
    mutating func add(_ other: MergedHistogram) -> Bool {
        guard other.bounds == bounds else { return false }
        for index in rates.indices { rates[index] += other.rates[index] }
        return true
    }

    var quantiles: Quantiles {
        let buckets = zip(bounds, rates).map { HistogramBucket(upperBound: $0, count: $1) }
        let values = HistogramQuantile.standard(buckets)
        return Quantiles(p50: values.p50, p90: values.p90, p95: values.p95, p99: values.p99)
    }

    /// Merges several; nil (with `conflict` true) when boundaries differ, nil when there is nothing.
    static func merge(_ histograms: [MergedHistogram]) -> (merged: MergedHistogram?, conflict: Bool) {
        guard var merged = histograms.first else { return (nil, false) }
        for other in histograms.dropFirst() where !merged.add(other) { return (nil, true) }
        return (merged, false)
    }
}
