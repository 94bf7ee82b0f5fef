/// The health of one scrape target (an URL, a file, the simulator): whether its last scrape worked,
/// and what it cost.
package struct TargetHealth: Sendable, Hashable, Codable, Identifiable {
    /// The URL or source name.
    package var id: String
    package var up: Bool
    /// When the last successful scrape finished, ms since the epoch.
    package var lastScrapeMs: Int64?
    package var scrapeDurationSeconds: Double?
    /// Size of the last page.
    package var bytes: Int?
    /// Samples in the last page.
    package var samples: Int?
    /// Parse errors in the last page.
    package var errorCount: Int
    /// The last scrape or parse error, naming line and column where it has them.
    package var lastError: String?
    package var consecutiveFailures: Int
    /// Readings the page sent that cannot mean what they claim (`"vllm:kv_cache_usage_perc = 4.05, expected
    /// 0..1"`): each is shown as invalid (`?`) and left out of totals; the rest of the target's values stand.
    package var dataQuality: [String] = []

    package init(
        id: String, up: Bool, lastScrapeMs: Int64? = nil, scrapeDurationSeconds: Double? = nil,
        bytes: Int? = nil, samples: Int? = nil, errorCount: Int = 0, lastError: String? = nil,
        consecutiveFailures: Int = 0
    ) {
        self.id = id
        self.up = up
        self.lastScrapeMs = lastScrapeMs
        self.scrapeDurationSeconds = scrapeDurationSeconds
        self.bytes = bytes
        self.samples = samples
        self.errorCount = errorCount
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
    }
}
