import MetricStore

/// Bucket rates that can be merged with others only when their boundaries are the same: merging
/// histograms means adding bucket rates, never averaging quantiles.
struct MergedHistogram: Sendable {
    var bounds: [Double]
    var rates: [Double]

    init(bounds: [Double], rates: [Double]) {
        self.bounds = bounds
        self.rates = rates
    }

    /// Adds `other` in place; false (and unchanged) when its boundaries differ.
    mutating func add(_ other: MergedHistogram) -> Bool {
        guard other.bounds == bounds else { return false }
        for index in rates.indices { rates[index] += other.rates[index] }
        return true
    }

    var quantiles: Quantiles {
        let values = HistogramQuantile.quantiles(Quantiles.levels, bounds: bounds, counts: rates)
        return Quantiles(p50: values[0], p90: values[1], p95: values[2], p99: values[3])
    }

    /// Merges several; nil (with `conflict` true) when boundaries differ, nil when there is nothing.
    static func merge(_ histograms: [MergedHistogram]) -> (merged: MergedHistogram?, conflict: Bool) {
        guard var merged = histograms.first else { return (nil, false) }
        for other in histograms.dropFirst() where !merged.add(other) { return (nil, true) }
        return (merged, false)
    }
}
