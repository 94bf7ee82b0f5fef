/// The health of one target as the store saw it: the ingest side reports scrapes and failures, the
/// cluster model turns this into `TargetHealth`.
public struct TargetStatus: Sendable, Hashable {
    public var id: String
    /// False after a failed scrape, until the next good one.
    public var up = false
    public var lastScrapeMs: Int64?
    public var lastAttemptMs: Int64?
    public var scrapeDurationSeconds: Double?
    public var bytes: Int?
    public var samples: Int?
    /// Parse errors in the last page (the page's good lines are still stored).
    public var errorCount = 0
    public var lastError: String?
    public var consecutiveFailures = 0
    /// Series that were new in the last page, and ones refused because the store was full.
    public var newSeries = 0
    public var refusedSeries = 0
    /// The window over which the sender computed the last page's rates (a query server's `rate(…[W])`); nil
    /// when the page held raw counters and the store computes the rates.
    public var givenRateWindowMs: Int64?

    public init(id: String) { self.id = id }
}
