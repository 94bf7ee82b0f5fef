extension ClusterSimulator {
    /// Runs `durationMs` of virtual time, scraping every target every `intervalMs` (first scrape one interval
    /// in), and hands each scrape to `body` in time order, then target order. Recorders build on this loop.
    package mutating func fastForward(
        durationMs: Int64, intervalMs: Int64,
        _ body: (SimScrape) throws -> Void
    ) rethrows {
        let end = nowMs + durationMs
        let interval = max(1, intervalMs)
        while nowMs < end {
            advance(toMs: min(end, nowMs + interval))
            for target in targets {
                try body(SimScrape(timeMs: nowMs, target: target, bytes: page(for: target)))
            }
        }
    }
}
