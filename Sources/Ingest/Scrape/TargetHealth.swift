/// The health of one target as the dashboard shows it: up or down, how the last scrape went, and the
/// last error, built by folding `ScrapeResult`s in. A down target keeps its last good numbers (its series
/// become stale in the store, never zero).
public struct TargetHealth: Sendable, Equatable {
    public var target: String
    public var isUp: Bool
    public var lastScrapeMs: Int64?
    public var lastSuccessMs: Int64?
    public var durationSeconds: Double?
    /// Body bytes of the last successful scrape.
    public var bytes: Int?
    /// Samples of the last successful scrape.
    public var samples: Int?
    /// Parse errors in the last successful page (the page is still used).
    public var parseErrors: Int
    public var lastError: String?
    public var consecutiveFailures: Int

    public init(target: String) {
        self.target = target
        self.isUp = false
        self.parseErrors = 0
        self.consecutiveFailures = 0
    }

    /// This health after `result` (results of other targets are ignored).
    public func recording(_ result: ScrapeResult) -> TargetHealth {
        guard result.target == target else { return self }
        var next = self
        next.lastScrapeMs = result.timeMs
        next.durationSeconds = result.durationSeconds
        next.consecutiveFailures = result.consecutiveFailures
        if let page = result.page, result.error == nil {
            next.isUp = true
            next.lastSuccessMs = result.timeMs
            next.bytes = result.body?.count
            next.samples = page.sampleCount
            next.parseErrors = page.errorCount
            next.lastError = page.errors.first.map { "parse: \($0)" }
        } else {
            next.isUp = false
            next.lastError = result.error
        }
        return next
    }
}
