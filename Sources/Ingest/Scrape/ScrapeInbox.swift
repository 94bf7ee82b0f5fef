import Synchronization

/// Results waiting for the next frame: the scrape loops put them in as they finish, the frame's timer takes them
/// all at once, so a finished scrape wakes nobody (a stream woke a thread of the shared pool for each result).
/// Hands over the newest `capacity` (each target adds one an interval, so the default is far above a frame's worth
/// at the largest target count); older ones are dropped, and counted.
package final class ScrapeInbox: Sendable {
    private struct State {
        var results: [ScrapeResult] = []
        var dropped = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    package init(capacity: Int = 1 << 16) {
        self.capacity = max(1, capacity)
    }

    /// Adds one result. Past twice the capacity the oldest `capacity` go at once, so a full inbox costs a copy per
    /// `capacity` results, not one per result.
    package func put(_ result: ScrapeResult) {
        state.withLock {
            if $0.results.count == 2 * capacity {
                $0.results.removeFirst(capacity)
                $0.dropped += capacity
            }
            $0.results.append(result)
        }
    }

    /// The newest `capacity` waiting results in the order they arrived, and how many were dropped since the last take.
    package func take() -> (results: [ScrapeResult], dropped: Int) {
        state.withLock { state in
            defer { state = State() }
            let excess = max(0, state.results.count - capacity)
            state.results.removeFirst(excess)
            return (state.results, state.dropped + excess)
        }
    }
}
