/// A handle to one series of a `MetricStore` (target + metric name + label set). Valid until the store drops
/// the series (after it has been stale for the retention); `MetricStore.layoutGeneration` changes then.
package struct SeriesID: Sendable, Hashable, Comparable {
    package let raw: Int32

    package init(raw: Int32) { self.raw = raw }

    package static func < (lhs: SeriesID, rhs: SeriesID) -> Bool { lhs.raw < rhs.raw }
}
