/// The health of one scrape target (an URL, a file, the simulator): whether its last scrape worked,
/// and what it cost.
public struct TargetHealth: Sendable, Hashable, Codable, Identifiable {
    /// The URL or source name.
    public var id: String
    public var up: Bool
    /// When the last successful scrape finished, ms since the epoch.
    public var lastScrapeMs: Int64?
    public var scrapeDurationSeconds: Double?
    /// Size of the last page.
    public var bytes: Int?
    /// Samples in the last page.
    public var samples: Int?
    /// Parse errors in the last page.
    public var errorCount: Int
    /// The last scrape or parse error, naming line and column where it has them.
    public var lastError: String?
    public var consecutiveFailures: Int
    /// Readings the page sent that cannot mean what they claim (`"vllm:kv_cache_usage_perc = 4.05, expected
    /// 0..1"`): each is shown as invalid (`?`) and left out of totals; the rest of the target's values stand.
    public var dataQuality: [String] = []

    public init(id: String, up: Bool, lastScrapeMs: Int64? = nil, scrapeDurationSeconds: Double? = nil,
                bytes: Int? = nil, samples: Int? = nil, errorCount: Int = 0, lastError: String? = nil,
                consecutiveFailures: Int = 0) {
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
