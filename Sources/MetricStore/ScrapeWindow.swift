/// The scrapes of one target that fall inside a time window `[startMs, endMs]`: found once per target
/// and frame, then shared by every rate of that target's series.
package struct ScrapeWindow: Sendable, Hashable {
    let target: Int32
    /// Scrape numbers, inclusive; `first > last` when no scrape falls inside.
    let first: Int
    let last: Int
    /// The target's newest scrape when the window was taken, and the times of `first` and `last`, so
    /// each rate in the window does not look them up again.
    let newest: Int
    package let startMs: Int64
    package let endMs: Int64
    let firstTimeMs: Int64
    let lastTimeMs: Int64
    /// The extrapolation of a series present at every scrape of the window (nil when it has fewer than two), so
    /// that the rates of a target's series share its arithmetic.
    let extrapolation: Extrapolation?

    /// The number of scrapes inside.
    package var scrapeCount: Int { max(0, last - first + 1) }
}
