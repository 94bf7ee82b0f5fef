import MetricStore

/// The distinct bucket-boundary lists of the plans, numbered once when the plans are built, so a frame
/// tells whether two histograms can be merged by comparing two numbers instead of two arrays.
struct BucketBoundsTable: Sendable {
    private(set) var sets: [[Double]] = []
    /// Per set: whether quantiles can be interpolated over it (at least two bounds, strictly increasing,
    /// the last `+Inf`); a histogram without a `+Inf` bucket gives no quantiles.
    private(set) var usable: [Bool] = []
    private var ids: [[Double]: Int32] = [:]

    mutating func id(of bounds: [Double]) -> Int32 {
        if let id = ids[bounds] { return id }
        let id = Int32(sets.count)
        sets.append(bounds)
        usable.append(HistogramQuantile.usable(bounds))
        ids[bounds] = id
        return id
    }
}
