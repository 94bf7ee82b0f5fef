/// A handle to one series of a `MetricStore` (target + metric name + label set). Valid until the store drops
/// the series (after it has been stale for the retention); `MetricStore.layoutGeneration` changes then.
public struct SeriesID: Sendable, Hashable, Comparable {
    public let raw: Int32

    public init(raw: Int32) { self.raw = raw }

    public static func < (lhs: SeriesID, rhs: SeriesID) -> Bool { lhs.raw < rhs.raw }
}
