/// How much the store keeps, and what it assumes about scrape timing. Memory is bounded by these numbers,
/// not by how long the program runs: about `maxSeries × retention / scrapeInterval` points.
package struct StoreConfiguration: Sendable, Hashable {
    /// How long points are kept, and how long a series that stopped arriving is remembered (as stale).
    package var retentionMs: Int64
    /// The expected time between scrapes of one target; a longer silence than two of these is a gap, and
    /// no rate is computed across it.
    package var scrapeIntervalMs: Int64
    /// New series beyond this many are refused (counted in `MetricStore.refusedSeries`), so a target that
    /// explodes its label cardinality cannot exhaust memory.
    package var maxSeries: Int

    /// The default series limit: room for a 2,048-GPU cluster scraped directly (about 360 k series from
    /// 1,454 vLLM and DCGM pages), with some to spare; about 100 MiB of store at that size.
    package static let defaultMaxSeries = 1_000_000

    package init(
        retentionMs: Int64 = 15 * 60 * 1000, scrapeIntervalMs: Int64 = 1000,
        maxSeries: Int = StoreConfiguration.defaultMaxSeries
    ) {
        self.retentionMs = max(1, retentionMs)
        self.scrapeIntervalMs = max(1, scrapeIntervalMs)
        self.maxSeries = max(1, maxSeries)
    }

    /// Points kept per series: the retention divided by the interval (at least two, for a rate).
    package var capacity: Int { max(2, Int((retentionMs + scrapeIntervalMs - 1) / scrapeIntervalMs)) }

    /// The same configuration keeping only what windows of up to `windowMs` read: the window and four
    /// intervals (room for scrapes 10 % early), when that is less than the retention.
    package func keeping(windowsOfMs windowMs: Int64) -> StoreConfiguration {
        var trimmed = self
        trimmed.retentionMs = min(retentionMs, max(1, windowMs) + 4 * scrapeIntervalMs)
        return trimmed
    }

    /// A gap: consecutive points further apart than this are not joined by a rate.
    package var gapMs: Int64 { 2 * scrapeIntervalMs }
}
