import Synchronization

/// Results waiting for the next frame: the scrape loops put them in as they finish, the frame's timer takes them
/// all at once, so a finished scrape wakes nobody (one thread woken per result was a quarter of the dashboard's
/// work on a cluster served over HTTP). Holds the newest `capacity` (each target adds one an interval, so the
/// default is far above a frame's worth at the largest target count); older ones are dropped, and counted.
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

    /// Adds one result, dropping the oldest waiting one when full.
    package func put(_ result: ScrapeResult) {
        state.withLock {
            if $0.results.count == capacity {
                $0.results.removeFirst()
                $0.dropped += 1
            }
            $0.results.append(result)
        }
    }

    /// Every waiting result in the order they arrived, and how many were dropped since the last take.
    package func take() -> (results: [ScrapeResult], dropped: Int) {
        state.withLock { state in
            defer { state = State() }
            return (state.results, state.dropped)
        }
    }
}
