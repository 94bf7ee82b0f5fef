import Exposition
import MetricStore

/// Loads pages given in order into a fresh store and builds the cluster picture from them: what
/// `infertop snapshot` does with its files. Two or more pages of one target yield rates and quantiles.
///
/// A page's time is `PageInput.timeMs` when given, else the newest sample timestamp on the page, else
/// `startMs + n × intervalMs` for the target's n-th page. Parse errors are reported with the origin,
/// line and column, and the page's good lines are still used.
package struct PageLoader: Sendable {
    package var intervalMs: Int64
    package var startMs: Int64
    package var storeConfiguration: StoreConfiguration
    package var modelConfiguration: ModelConfiguration
    /// At most this many errors are listed per page (the rest are counted).
    package var errorsPerPage = 5
    /// Most series one page may hold (`PageIntake`): a file is refused past it as a scrape would be.
    package var seriesLimit = PageIntake.defaultSeriesLimit
    /// Rates over the time each target's pages cover (from its first page to its last), instead of
    /// `modelConfiguration.rateWindowMs`: what `infertop snapshot` of files does, so that two pages ten seconds
    /// apart give the increase over those ten seconds, as Prometheus' `rate()` over exactly that range does.
    package var ratesOverPages = false

    package init(
        intervalMs: Int64 = 1_000, startMs: Int64 = 0, storeConfiguration: StoreConfiguration? = nil,
        modelConfiguration: ModelConfiguration? = nil
    ) {
        self.intervalMs = max(1, intervalMs)
        self.startMs = startMs
        self.storeConfiguration = storeConfiguration ?? StoreConfiguration(scrapeIntervalMs: max(1, intervalMs))
        // Two pages one interval apart must fall in one rate window.
        self.modelConfiguration = modelConfiguration ?? ModelConfiguration(rateWindowMs: max(1, intervalMs) * 2)
    }

    /// What loading gave: the picture, the store (for more queries), and the errors, each naming its source.
    package struct Result: Sendable {
        package var snapshot: ClusterSnapshot
        package var store: MetricStore
        package var errors: [String]
    }

    package func load(_ inputs: [PageInput]) -> Result {
        var store = MetricStore(configuration: storeConfiguration)
        var errors: [String] = []
        var counts: [String: Int64] = [:]
        for input in inputs {
            let ordinal = counts[input.target, default: 0]
            counts[input.target] = ordinal + 1
            let page: ExpositionPage
            switch PageIntake.read(input.bytes, contentType: nil, seriesLimit: seriesLimit) {
            case .success(let read):
                page = read
            case .failure(let refusal):
                errors.append("\(input.origin): \(refusal.description)")
                store.markFailed(
                    target: input.target, atMs: input.timeMs ?? startMs + ordinal * intervalMs,
                    error: refusal.description)
                continue
            }
            for error in page.errors.prefix(errorsPerPage) { errors.append("\(input.origin): \(error.description)") }
            if page.errorCount > errorsPerPage {
                errors.append("\(input.origin): \(page.errorCount - errorsPerPage) more errors not shown")
            }
            let stamped = page.families.lazy.flatMap(\.samples).compactMap(\.timestampMs).max()
            let time = input.timeMs ?? stamped ?? startMs + ordinal * intervalMs
            store.ingest(target: input.target, page: page, atMs: time, bytes: input.bytes.count)
            if let status = store.status(of: input.target), status.lastScrapeMs != time, let reason = status.lastError {
                errors.append("\(input.origin): \(reason)")
            }
        }
        var model = modelConfiguration
        if ratesOverPages {
            // Each target's window is then its own span (the builder shortens a window to the time scraped).
            let spans = store.targetNames.compactMap { name in
                store.latestTimeMs(of: name).flatMap { last in store.oldestTimeMs(of: name).map { last - $0 } }
            }
            model.rateWindowMs = max(1, spans.max() ?? 1)
            model.shortensYoungWindows = true
        }
        var builder = ClusterBuilder(configuration: model)
        return Result(snapshot: builder.snapshot(from: store), store: store, errors: errors)
    }
}
