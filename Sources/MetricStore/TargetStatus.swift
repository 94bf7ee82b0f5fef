/// The health of one target as the store saw it: the ingest side reports scrapes and failures, the
/// cluster model turns this into `TargetHealth`.
package struct TargetStatus: Sendable, Hashable {
    package var id: String
    /// False after a failed scrape, until the next good one.
    package var up = false
    package var lastScrapeMs: Int64?
    package var lastAttemptMs: Int64?
    package var scrapeDurationSeconds: Double?
    package var bytes: Int?
    package var samples: Int?
    /// Parse errors in the last page (the page's good lines are still stored).
    package var errorCount = 0
    package var lastError: String?
    package var consecutiveFailures = 0
    /// Series that were new in the last page, and ones refused because the store was full.
    package var newSeries = 0
    package var refusedSeries = 0
    /// The window over which the sender computed the last page's rates (a query server's `rate(…[W])`); nil
    /// when the page held raw counters and the store computes the rates.
    package var givenRateWindowMs: Int64?

    package init(id: String) { self.id = id }
}
