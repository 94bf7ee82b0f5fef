import Exposition
import Foundation

/// Reads every target of a configuration exactly once, all at once (at most `concurrency` in flight): the
/// headless counterpart of the `Scraper`, for `infertop snapshot`, which takes a few rounds an interval
/// apart instead of a schedule per target. The `file_sd` files are read once, when the round set is made.
package final class ScrapeRound: Sendable {
    package let configuration: IngestConfiguration
    /// The configured targets followed by those of the `file_sd` files (first occurrence of an id wins).
    package let targets: [ScrapeTarget]
    /// Problems with the `file_sd` files, one per bad file, each naming it.
    package let fileSDErrors: [String]
    private let fetcher: HTTPFetcher
    private let clock: IngestClock

    /// Builds the client (throws when a credential or CA file is bad) and resolves the `file_sd` targets.
    package init(configuration: IngestConfiguration, fetcher: HTTPFetcher? = nil, clock: IngestClock = .live) throws {
        self.configuration = configuration
        self.fetcher = try fetcher ?? HTTPFetcher(configuration: configuration)
        self.clock = clock
        var watcher = FileSDWatcher(paths: configuration.fileSDPaths)
        let update = configuration.fileSDPaths.isEmpty ? nil : watcher.poll()
        var seen = Set<String>()
        targets = (configuration.targets + (update?.targets ?? [])).filter { seen.insert($0.id).inserted }
        fileSDErrors = update?.errors ?? []
    }

    /// One read of every target, in target order; failures are results with an error, never thrown.
    package func read() async -> [ScrapeResult] {
        let limiter = ConcurrencyLimiter(limit: configuration.concurrency)
        let timeout = Duration.milliseconds(Int64(configuration.timeoutSeconds * 1000))
        let (fetcher, clock, seriesLimit) = (self.fetcher, self.clock, configuration.seriesLimit)
        return await withTaskGroup(of: (Int, ScrapeResult).self) { group in
            for (index, target) in targets.enumerated() {
                let node = configuration.node(of: target)
                group.addTask {
                    // One read per round and target: a fresh parser (reuse across rounds would not pay here).
                    var parser = RepeatingPageParser()
                    var result = await Scraper.readOnce(
                        target, fetcher: fetcher, timeout: timeout, clock: clock,
                        limiter: limiter, seriesLimit: seriesLimit, parser: &parser)
                    if let page = result.page {
                        var model = ModelNameProbe()
                        await model.resolve(page, target: target, fetcher: fetcher, timeout: timeout)
                        result.model = model.name
                    }
                    result.consecutiveFailures = result.error == nil ? 0 : 1
                    result.node = node
                    result.role = target.role
                    return (index, result)
                }
            }
            var results = [ScrapeResult?](repeating: nil, count: targets.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    /// Closes the HTTP client; call once after the last round.
    package func shutdown() async {
        await fetcher.shutdown()
    }
}
