/// The scrapes of one target that fall inside a time window `[startMs, endMs]`: found once per target
/// and frame, then shared by every rate of that target's series.
public struct ScrapeWindow: Sendable, Hashable {
    let target: Int32
    /// Scrape numbers, inclusive; `first > last` when no scrape falls inside.
    let first: Int
    let last: Int
    public let startMs: Int64
    public let endMs: Int64

    /// The number of scrapes inside.
    public var scrapeCount: Int { max(0, last - first + 1) }
}
