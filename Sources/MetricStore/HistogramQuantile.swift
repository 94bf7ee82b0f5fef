/// Quantiles from cumulative histogram buckets, interpolated linearly within the bucket the rank falls in,
/// exactly as Prometheus' `histogram_quantile` does (v2.x `bucketQuantile`).
public enum HistogramQuantile {
    /// The `q`-quantile (0…1) of `buckets` (counts or count increases per `le`, any order).
    ///
    /// - Returns: nil when it cannot be computed: no `+Inf` bucket, fewer than two buckets, no
    ///   observations, or `q` outside 0…1. Never NaN.
    public static func quantile(_ q: Double, _ buckets: [HistogramBucket]) -> Double? {
        guard let prepared = prepare(buckets) else { return nil }
        return quantile(q, prepared: prepared)
    }

    /// Several quantiles of one histogram, preparing the buckets once.
    public static func quantiles(_ levels: [Double], _ buckets: [HistogramBucket]) -> [Double?] {
        guard let prepared = prepare(buckets) else { return levels.map { _ in nil } }
        return levels.map { quantile($0, prepared: prepared) }
    }

    /// p50, p90, p95 and p99 at once.
    public static func standard(_ buckets: [HistogramBucket]) -> (p50: Double?, p90: Double?, p95: Double?, p99: Double?) {
        let values = quantiles([0.5, 0.9, 0.95, 0.99], buckets)
        return (values[0], values[1], values[2], values[3])
    }

    /// Quantiles of buckets given as two parallel arrays, the bounds strictly increasing and ending in
    /// `+Inf` (as the cluster model keeps them): no sorting and no intermediate buckets.
    public static func quantiles(_ levels: [Double], bounds: [Double], counts: [Double]) -> [Double?] {
        guard bounds.count == counts.count, usable(bounds) else {
            return quantiles(levels, zip(bounds, counts).map { HistogramBucket(upperBound: $0, count: $1) })
        }
        var scratch: [Double] = []
        return bounds.withUnsafeBufferPointer { bounds in
            counts.withUnsafeBufferPointer { counts in
                guard monotonic(counts, into: &scratch) else { return levels.map { _ in nil } }
                return scratch.withUnsafeBufferPointer { counts in levels.map { quantile($0, bounds: bounds, counts: counts) } }
            }
        }
    }

    /// True when `bounds` can be used by `standard(bounds:counts:scratch:)` as they are: at least two,
    /// strictly increasing, the last `+Inf`.
    public static func usable(_ bounds: [Double]) -> Bool {
        bounds.count >= 2 && bounds[bounds.count - 1] == .infinity && zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// p50, p90, p95 and p99 of cumulative counts over `usable` bounds, without allocating (for the frame
    /// loop): `scratch` is reused for the counts made monotonic.
    public static func standard(bounds: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<Double>,
                                scratch: inout [Double]) -> (p50: Double?, p90: Double?, p95: Double?, p99: Double?) {
        guard bounds.count == counts.count, monotonic(counts, into: &scratch) else { return (nil, nil, nil, nil) }
        return scratch.withUnsafeBufferPointer { counts in
            (quantile(0.5, bounds: bounds, counts: counts), quantile(0.9, bounds: bounds, counts: counts),
             quantile(0.95, bounds: bounds, counts: counts), quantile(0.99, bounds: bounds, counts: counts))
        }
    }

    /// `counts` made monotonic into `result` (rates of buckets scraped at slightly different times can make
    /// cumulative counts dip); false on a NaN count.
    private static func monotonic(_ counts: UnsafeBufferPointer<Double>, into result: inout [Double]) -> Bool {
        result.removeAll(keepingCapacity: true)
        var maximum = -Double.infinity
        for count in counts {
            if count.isNaN { return false }
            maximum = max(maximum, count)
            result.append(maximum)
        }
        return true
    }

    /// Sorted by bound, equal bounds added, cumulative counts made monotonic; nil without a `+Inf` bucket,
    /// with fewer than two buckets, or with a NaN count.
    private static func prepare(_ buckets: [HistogramBucket]) -> [HistogramBucket]? {
        var sorted = buckets
        // The store hands buckets over in `le` order already; sort only when they are not.
        if zip(buckets, buckets.dropFirst()).contains(where: { $0.upperBound >= $1.upperBound }) {
            sorted.sort { $0.upperBound < $1.upperBound }
            sorted = coalesce(sorted)
        }
        guard let last = sorted.last, last.upperBound == .infinity, sorted.count >= 2 else { return nil }
        // Rates of buckets scraped at slightly different times can make cumulative counts dip.
        var maximum = -Double.infinity
        for index in sorted.indices {
            if sorted[index].count.isNaN { return nil }
            if sorted[index].count < maximum { sorted[index].count = maximum } else { maximum = sorted[index].count }
        }
        return sorted
    }

    private static func quantile(_ q: Double, prepared sorted: [HistogramBucket]) -> Double? {
        let bounds = sorted.map(\.upperBound)
        let counts = sorted.map(\.count)
        return bounds.withUnsafeBufferPointer { bounds in
            counts.withUnsafeBufferPointer { counts in quantile(q, bounds: bounds, counts: counts) }
        }
    }

    /// The interpolation itself, over sorted bounds ending in `+Inf` and monotonic cumulative counts.
    private static func quantile(_ q: Double, bounds: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<Double>) -> Double? {
        guard q >= 0, q <= 1 else { return nil }
        let last = counts.count - 1
        let observations = counts[last]
        guard observations > 0 else { return nil }
        var rank = q * observations
        var bucket = 0
        while bucket < last && counts[bucket] < rank { bucket += 1 }
        if bucket == last { return bounds[last - 1] }
        if bucket == 0 && bounds[0] <= 0 { return bounds[0] }
        var start = 0.0
        let end = bounds[bucket]
        var count = counts[bucket]
        if bucket > 0 {
            start = bounds[bucket - 1]
            count -= counts[bucket - 1]
            rank -= counts[bucket - 1]
        }
        let value = start + (end - start) * (rank / count)
        return value.isFinite ? value : nil
    }

    /// Buckets with the same bound (e.g. `1` and `1.0` from two servers) are added together.
    private static func coalesce(_ sorted: [HistogramBucket]) -> [HistogramBucket] {
        var result: [HistogramBucket] = []
        result.reserveCapacity(sorted.count)
        for bucket in sorted {
            if let last = result.last, last.upperBound == bucket.upperBound {
                result[result.count - 1].count += bucket.count
            } else {
                result.append(bucket)
            }
        }
        return result
    }
}
