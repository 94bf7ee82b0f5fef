/// Quantiles from cumulative histogram buckets, interpolated linearly within the bucket the rank falls in,
/// exactly as Prometheus' `histogram_quantile` does (v2.x `bucketQuantile`).
package enum HistogramQuantile {
    /// The `q`-quantile (0…1) of `buckets` (counts or count increases per `le`, any order).
    ///
    /// - Returns: nil when it cannot be computed: no `+Inf` bucket, fewer than two buckets, no
    ///   observations, or `q` outside 0…1. Never NaN.
    package static func quantile(_ q: Double, _ buckets: [HistogramBucket]) -> Double? {
        guard let prepared = prepare(buckets) else { return nil }
        return quantile(q, prepared: prepared)
    }

    /// Several quantiles of one histogram, preparing the buckets once.
    package static func quantiles(_ levels: [Double], _ buckets: [HistogramBucket]) -> [Double?] {
        guard let prepared = prepare(buckets) else { return levels.map { _ in nil } }
        return levels.map { quantile($0, prepared: prepared) }
    }

    /// p50, p90, p95 and p99 at once.
    package static func standard(_ buckets: [HistogramBucket]) -> (p50: Double?, p90: Double?, p95: Double?, p99: Double?) {
        let values = quantiles([0.5, 0.9, 0.95, 0.99], buckets)
        return (values[0], values[1], values[2], values[3])
    }

    /// Quantiles of buckets given as two parallel arrays, the bounds strictly increasing and ending in
    /// `+Inf` (as the cluster model keeps them): no sorting and no intermediate buckets.
    package static func quantiles(_ levels: [Double], bounds: [Double], counts: [Double]) -> [Double?] {
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
    package static func usable(_ bounds: [Double]) -> Bool {
        bounds.count >= 2 && bounds[bounds.count - 1] == .infinity && zip(bounds, bounds.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// p50, p90, p95 and p99 of cumulative counts over `usable` bounds, without allocating (for the frame
    /// loop): `scratch` is reused for the counts made monotonic.
    package static func standard(
        bounds: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<Double>,
        scratch: inout [Double]
    ) -> (p50: Double?, p90: Double?, p95: Double?, p99: Double?) {
        guard bounds.count == counts.count, monotonic(counts, into: &scratch) else { return (nil, nil, nil, nil) }
        return scratch.withUnsafeBufferPointer { counts in
            (
                quantile(0.5, bounds: bounds, counts: counts), quantile(0.9, bounds: bounds, counts: counts),
                quantile(0.95, bounds: bounds, counts: counts), quantile(0.99, bounds: bounds, counts: counts)
            )
        }
    }

    /// p50, p90, p95 and p99 of the *mixture* of several histograms whose bucket bounds differ (a vLLM and an
    /// SGLang instance side by side): the sum over histograms of each one's cumulative count, interpolated
    /// linearly inside its own buckets as `histogram_quantile` does, solved for the rank. A rank in a
    /// histogram's `+Inf` bucket is placed at its highest finite bound, as `histogram_quantile` answers then.
    /// With one histogram, or several with the same bounds, it gives exactly what `standard` gives for their
    /// sum.
    ///
    /// The answer lies within the buckets that hold the true quantile: for each histogram, its interpolated
    /// count and its true count agree at its bounds and both rise monotonically between them, so the result
    /// is at most (largest upper bound − smallest lower bound) of those buckets away from the truth.
    ///
    /// - Parameter parts: each histogram as `usable` bounds (strictly increasing, the last `+Inf`) and
    ///   cumulative counts of the same length.
    /// - Returns: nil quantiles when a part is not usable, a count is NaN, or there are no observations.
    package static func mixture(
        _ parts: [(bounds: [Double], counts: [Double])]
    )
        -> (p50: Double?, p90: Double?, p95: Double?, p99: Double?)
    {
        var cumulative: [[Double]] = []
        var breakpoints: [Double] = []
        var total = 0.0
        for part in parts {
            guard part.bounds.count == part.counts.count, usable(part.bounds) else { return (nil, nil, nil, nil) }
            var scratch: [Double] = []
            let ok = part.counts.withUnsafeBufferPointer { monotonic($0, into: &scratch) }
            guard ok else { return (nil, nil, nil, nil) }
            cumulative.append(scratch)
            total += scratch[scratch.count - 1]
            breakpoints.append(contentsOf: part.bounds.dropLast())
            if part.bounds[0] > 0 { breakpoints.append(0) }
        }
        guard total > 0, total.isFinite else { return (nil, nil, nil, nil) }
        breakpoints = Array(Set(breakpoints)).sorted()
        /// The mixture's cumulative count at `x`, or just below it (`below`: the left limit, without the mass that
        /// sits exactly at `x`).
        func count(at x: Double, below: Bool) -> Double {
            var sum = 0.0
            for (part, counts) in zip(parts, cumulative) {
                sum += partCount(bounds: part.bounds, counts: counts, at: x, below: below)
            }
            return sum
        }
        func solve(_ q: Double) -> Double? {
            let rank = q * total
            var previous: (x: Double, count: Double)?
            for point in breakpoints {
                let justBelow = count(at: point, below: true)
                if let previous, justBelow >= rank {
                    // Every part is linear between two neighbouring breakpoints, so the sum is too.
                    let rise = justBelow - previous.count
                    let value = rise > 0 ? previous.x + (point - previous.x) * (rank - previous.count) / rise : point
                    return value.isFinite ? value : nil
                }
                let at = count(at: point, below: false)
                if at >= rank { return point }
                previous = (point, at)
            }
            return breakpoints.last
        }
        return (solve(0.5), solve(0.9), solve(0.95), solve(0.99))
    }

    /// One histogram's cumulative count at `x` (or just below it), linear inside each bucket, starting from
    /// zero at zero when the first bound is positive (as `histogram_quantile` assumes), with its `+Inf`
    /// bucket's observations at its highest finite bound.
    private static func partCount(bounds: [Double], counts: [Double], at x: Double, below: Bool) -> Double {
        let lastFinite = bounds.count - 2
        if x > bounds[lastFinite] || (x == bounds[lastFinite] && !below) { return counts[counts.count - 1] }
        // The first bucket whose bound is at least x (x == bound counts as inside it).
        var low = 0
        var high = lastFinite
        while low < high {
            let mid = (low + high) / 2
            if bounds[mid] < x { low = mid + 1 } else { high = mid }
        }
        let bucket = low
        if bucket == 0 {
            let bound = bounds[0]
            if bound <= 0 { return x < bound || (x == bound && below) ? 0 : counts[0] }
            guard x > 0 else { return 0 }
            return counts[0] * (x / bound)
        }
        let start = bounds[bucket - 1]
        let end = bounds[bucket]
        return counts[bucket - 1] + (counts[bucket] - counts[bucket - 1]) * ((x - start) / (end - start))
    }

    /// `counts` made monotonic into `result` (rates of buckets scraped at slightly different times can make
    /// cumulative counts dip); false on a NaN count.
    private static func monotonic(_ counts: UnsafeBufferPointer<Double>, into result: inout [Double]) -> Bool {
        // Copied, then raised in place: appending one by one checked capacity and uniqueness at every count.
        result.removeAll(keepingCapacity: true)
        result.append(contentsOf: counts)
        return result.withUnsafeMutableBufferPointer { result in
            var maximum = -Double.infinity
            for index in result.indices {
                if result[index].isNaN { return false }
                maximum = max(maximum, result[index])
                result[index] = maximum
            }
            return true
        }
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
    private static func quantile(_ q: Double, bounds: UnsafeBufferPointer<Double>, counts: UnsafeBufferPointer<Double>) -> Double?
    {
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
